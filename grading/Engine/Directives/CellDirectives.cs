using System.Text.RegularExpressions;

namespace NotebookEngine;

/// <summary>
/// A cell split the way .NET Interactive's polyglot parser splits it: directives start at column 0 on any line;
/// <c>#r "nuget:…"</c> and <c>#i</c> are hoisted out, kernel selectors and <c>#!time</c> removed, other <c>#r</c> and
/// <c>#load</c> left for Roslyn. Removed lines become blank lines so compile errors keep the cell's line numbers.
/// </summary>
internal sealed partial record CellDirectives(
    string Code,
    IReadOnlyList<PackageRequest> Packages,
    bool Time,
    bool Markdown,
    string? Who,
    string? Error)
{
    private static readonly string[] Selectors = ["#!csharp", "#!c#", "#!C#"];

    /// <summary>The directives this engine understands, for error messages and docs.</summary>
    public static IReadOnlyList<string> Supported { get; } =
        [
            "#r \"nuget: Name, Version\"",
            "#i \"nuget: source\"",
            "#r \"path.dll\"",
            "#load \"file.csx\"",
            "#!csharp",
            "#!c#",
            "#!C#",
            "#!markdown",
            "#!time",
            "#!who",
            "#!whos",
        ];

    public static CellDirectives Parse(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var packages = new List<PackageRequest>();
        var (time, markdown) = (false, false);
        string? who = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimEnd();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = trimmed.Split(' ', 2)[0];
                switch (name)
                {
                    case "#!time":
                        time = true;
                        break;
                    case "#!markdown":
                        markdown = true;
                        break;
                    case "#!who" or "#!whos":
                        who = name;
                        break;
                    default:
                        if (!Selectors.Contains(name))
                        {
                            return Failed($"({i + 1},1): error DNI101: Unknown magic command '{name}'. " +
                                          $"Supported directives: {string.Join(", ", Supported)}.");
                        }

                        break;
                }

                lines[i] = "";
            }
            else if (NuGetDirective().Match(trimmed) is { Success: true } match)
            {
                if (match.Groups["verb"].Value == "r")
                {
                    if (PackageRequest.TryParse(match.Groups["value"].Value) is not { } request)
                    {
                        return Failed($"({i + 1},4): error DNI210: Unable to parse package reference: " +
                                      $"\"{match.Groups["value"].Value}\"");
                    }

                    packages.Add(request);
                }

                lines[i] = "";
            }
        }

        return new CellDirectives(string.Join("\n", lines), packages, time, markdown, who, null);
    }

    private static CellDirectives Failed(string error) => new("", [], false, false, null, error);

    [GeneratedRegex("""^#(?<verb>[ri])\s+"(?<value>nuget:[^"]*)"\s*$""")]
    private static partial Regex NuGetDirective();
}
