using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NotebookEngine;

/// <summary>
/// One XML documentation file, indexed by member id to where its <c>&lt;member&gt;</c> element lies in the file.
/// Only the asked-for member is parsed: System.Runtime.xml is 7 MB,
/// and parsing it whole takes longer than a user waits.
/// </summary>
/// <remarks>A file that is missing or damaged indexes as empty (or up to the damage): documentation is a nicety,
/// never an error.</remarks>
internal sealed class DocumentationIndex
{
    private static readonly byte[] MemberStart = "<member name=\""u8.ToArray();
    private static readonly byte[] MemberEnd = "</member>"u8.ToArray();

    private readonly string path;
    private readonly Dictionary<string, (int Offset, int Length)> members;

    private DocumentationIndex(string path, Dictionary<string, (int Offset, int Length)> members)
    {
        this.path = path;
        this.members = members;
    }

    /// <summary>Indexes <paramref name="path"/> in one pass over its bytes.</summary>
    public static DocumentationIndex Load(string path)
    {
        var members = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            bytes = [];
        }

        var position = 0;
        while (bytes.AsSpan(position).IndexOf(MemberStart) is var found and >= 0)
        {
            var start = position + found;
            var nameStart = start + MemberStart.Length;
            var nameLength = bytes.AsSpan(nameStart).IndexOf((byte)'"');
            var length = nameLength < 0 ? -1 : bytes.AsSpan(nameStart).IndexOf(MemberEnd);
            if (length < 0)
            {
                break;
            }

            var name = Encoding.UTF8.GetString(bytes, nameStart, nameLength);
            members[name.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(name) : name] =
                (start, nameStart - start + length + MemberEnd.Length);
            position = nameStart + length + MemberEnd.Length;
        }

        return new DocumentationIndex(path, members);
    }

    /// <summary>The <c>&lt;summary&gt;</c> of the member with documentation id <paramref name="id"/>, or
    /// null.</summary>
    public XElement? Summary(string id)
    {
        if (!members.TryGetValue(id, out var place))
        {
            return null;
        }

        try
        {
            using var file = File.OpenRead(path);
            var bytes = new byte[place.Length];
            file.Position = place.Offset;
            file.ReadExactly(bytes);
            return XElement.Parse(Encoding.UTF8.GetString(bytes)).Element("summary");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or XmlException)
        {
            return null;
        }
    }
}
