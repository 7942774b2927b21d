namespace Grading.Policy;

/// <summary>
/// One entry of a code policy: a namespace (covering the namespaces below it), a type (its members, nested types and
/// constructors) or one member, written as a dotted name without generic arity (<c>System.Collections</c>,
/// <c>System.IO.StringWriter</c>, <c>System.Console.WriteLine</c>).
/// </summary>
/// <param name="Name">The dotted name.</param>
/// <param name="Allow">True for an allow entry, false for a deny entry.</param>
/// <param name="Why">For deny entries: what the entry protects, for the student's message ("the file system").</param>
internal sealed record ApiRule(string Name, bool Allow, string? Why = null)
{
    /// <summary>True when this entry is <paramref name="path"/> itself or one of its enclosing names.</summary>
    public bool Covers(string path) =>
        path.Length == Name.Length
            ? path == Name
            : path.Length > Name.Length && path[Name.Length] == '.' && path.StartsWith(Name, StringComparison.Ordinal);

    /// <summary>How specific the entry is: the longest matching entry decides.</summary>
    public int Depth => Name.Count(c => c == '.') + 1;
}
