using System.Text.RegularExpressions;

namespace Grading.Export;

/// <summary>
/// A helper script a cell <c>#load</c>s: its path for comments, and its code after its own directives were mapped.
/// </summary>
internal sealed record LoadedScript(string Path, MappedCell Cell);

/// <summary>A cell's code with its directives taken out, and what those directives asked for.</summary>
/// <param name="Code">The C# left in the cell; each directive line became a comment saying where it went.</param>
/// <param name="Loads">The scripts <c>#load</c>ed, in order; their code runs before the cell's.</param>
/// <param name="Time"><c>#!time</c>: print the cell's wall time after it.</param>
/// <param name="Markdown"><c>#!markdown</c>: the cell is markdown, not code.</param>
internal sealed record MappedCell(string Code, IReadOnlyList<LoadedScript> Loads, bool Time, bool Markdown);

/// <summary>
/// Maps a cell's notebook directives (column 0, any line; docs/notebook-dialect.md §3) to what a file-based app can
/// say: <c>#r "nuget: X, v"</c> → <c>#:package X@v</c>, <c>#r "…/TensorLab.dll"</c> → <c>#:project</c> to the
/// library's project, <c>#load</c> → the script inlined. What an app cannot express becomes a comment, never silently
/// nothing.
/// </summary>
/// <param name="notebookFolder">Where relative <c>#r</c> and <c>#load</c> paths start (the engine's working
/// directory).</param>
/// <param name="outputFolder">Where the .cs file is written: <c>#:project</c> paths are relative to it.</param>
/// <param name="repositoryRoot">Fallback for the library's project when the DLL's folder has no project beside
/// it.</param>
/// <param name="directives">Collects the <c>#:</c> lines for the top of the file.</param>
internal sealed partial class DirectiveMapper(
    string notebookFolder,
    string outputFolder,
    string repositoryRoot,
    AppDirectives directives)
{
    private static readonly string[] CSharpSelectors = ["#!csharp", "#!c#", "#!C#"];

    // Packages whose job the exported helper does: Plotly.NET.Interactive only registers a notebook chart formatter.
    private static readonly Dictionary<string, string> NotNeeded = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Plotly.NET.Interactive"] = "charts are saved as HTML files by NotebookOutput below",
        ["Microsoft.DotNet.Interactive"] = "display(...) and friends come from NotebookOutput below",
    };

    /// <summary>
    /// Maps <paramref name="source"/>; <paramref name="fail"/> turns a problem into an exception naming the cell.
    /// </summary>
    /// <exception cref="ExportException">An unknown magic command, another kernel's cell, or a missing <c>#load</c>
    /// file.</exception>
    public MappedCell Map(string source, Func<string, ExportException> fail) =>
        Map(source, notebookFolder, fail, depth: 0);

    private MappedCell Map(string source, string folder, Func<string, ExportException> fail, int depth)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var loads = new List<LoadedScript>();
        var (time, markdown) = (false, false);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = line.Split(' ', 2)[0];
                switch (name)
                {
                    case "#!time":
                        time = true;
                        break;
                    case "#!markdown":
                        markdown = true;
                        break;
                    case "#!who" or "#!whos":
                        lines[i] = $"// {line}: a compiled app has no variable listing; print the variables you need.";
                        continue;
                    case var selector when CSharpSelectors.Contains(selector):
                        break;
                    default:
                        throw fail($"line {i + 1}: '{name}' selects another kernel or an unknown magic command; " +
                                   "only C# cells (#!csharp, #!c#, #!C#) and #!markdown, #!time, #!who, #!whos " +
                                   "can be exported.");
                }

                lines[i] = $"// {line}";
            }
            else if (Directive().Match(line) is { Success: true } match)
            {
                var (verb, value) = (match.Groups["verb"].Value, match.Groups["value"].Value);
                lines[i] = verb switch
                {
                    "i" =>
                        $"// {line}: a file-based app restores from the sources in nuget.config; add this one there.",
                    "load" => Load(value, folder, loads, fail, i + 1, depth),
                    _ when value.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase) =>
                        Package(value, line, fail, i + 1),
                    _ => Reference(value, line, folder),
                };
            }
        }

        return new MappedCell(string.Join('\n', lines), loads, time, markdown);
    }

    private string Package(string value, string line, Func<string, ExportException> fail, int lineNumber)
    {
        var parts = value["nuget:".Length..].Split(',', 2, StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            throw fail($"line {lineNumber}: {line} names no package; write #r \"nuget: Name, Version\".");
        }

        var (name, version) = (parts[0], parts.Length > 1 ? parts[1] : "");
        if (NotNeeded.TryGetValue(name, out var why))
        {
            return $"// {line}: not needed here, {why}.";
        }

        if (version.Length == 0 && IsSharedFramework(name))
        {
            // As the engine does: NuGet would resolve a package the shared framework carries to the framework's own
            // copy.
            return $"// {line}: part of the .NET shared framework, nothing to add.";
        }

        directives.AddPackage(name, version.Length == 0 ? "*" : version);
        return $"// {line}  →  #:package {name}@{(version.Length == 0 ? "*" : version)} (top of the file)";
    }

    private string Reference(string value, string line, string folder)
    {
        if (LibraryProject(value, folder) is { } project)
        {
            var relative = Path.GetRelativePath(outputFolder, project).Replace('\\', '/');
            directives.AddProject(relative);
            return $"// {line}  →  #:project {relative} (top of the file)";
        }

        if (!value.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && IsSharedFramework(value))
        {
            return $"// {line}: part of the .NET shared framework, nothing to add.";
        }

        directives.AddNote($"// {line}: a file-based app cannot reference a DLL; add its project with #:project or " +
                           "its package with #:package.");
        return $"// {line}: NOT EXPORTED: a file-based app cannot reference a DLL (see the note at the top of the " +
               "file).";
    }

    // A course DLL is built from a project: lib/bin/TensorLab.dll comes from lib/TensorLab/TensorLab.csproj.
    private string? LibraryProject(string value, string folder)
    {
        if (!value.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var dll = Path.GetFullPath(Path.Combine(folder, value));
        var name = Path.GetFileNameWithoutExtension(dll);
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(dll)!)!, name, name + ".csproj");
        var inRepository = Path.Combine(repositoryRoot, "lib", name, name + ".csproj");
        return File.Exists(beside) ? beside : File.Exists(inRepository) ? inRepository : null;
    }

    private string Load(
        string value,
        string folder,
        List<LoadedScript> loads,
        Func<string, ExportException> fail,
        int lineNumber,
        int depth)
    {
        var path = Path.GetFullPath(Path.Combine(folder, value));
        if (!File.Exists(path))
        {
            throw fail($"line {lineNumber}: #load \"{value}\": no such file {path}. " +
                       "Put the script beside the notebook.");
        }

        if (depth > 8)
        {
            throw fail($"line {lineNumber}: #load \"{value}\" nests more than 8 scripts deep (a script that loads " +
                       "itself?).");
        }

        var script = Map(
            File.ReadAllText(path),
            Path.GetDirectoryName(path)!,
            problem => fail($"in {value}: {problem}"),
            depth + 1);
        loads.Add(new LoadedScript(value, script));
        return $"// #load \"{value}\"  →  its code is inlined here, its types at the end of the file";
    }

    private static bool IsSharedFramework(string name) =>
        name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 &&
        File.Exists(Path.Combine(
            System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(),
            name + ".dll"));

    [GeneratedRegex("""^#(?<verb>r|i|load)\s+"(?<value>[^"]*)"\s*(//.*)?$""")]
    private static partial Regex Directive();
}
