using System.Text.Json.Nodes;

namespace Grading.Notebooks;

/// <summary>
/// The metadata a .NET Interactive (Polyglot Notebooks) C# notebook carries, as docs/notebook-dialect.md §1 describes
/// it. Factories rather than shared instances: a <see cref="JsonNode"/> can only have one parent.
/// </summary>
internal static class PolyglotMetadata
{
    /// <summary>The kernel name; VS Code only treats a notebook as .NET when it starts with this prefix.</summary>
    public const string KernelNamePrefix = ".net-";

    /// <summary>The C# kernel's name in <c>kernelspec.name</c>.</summary>
    public const string KernelName = ".net-csharp";

    /// <summary>The <c>language_info.name</c> Polyglot Notebooks writes.</summary>
    public const string LanguageInfoName = "polyglot-notebook";

    /// <summary>The <c>language_info.name</c> the course's own `.net-csharp` Jupyter kernel writes
    /// (grading/Kernel).</summary>
    public const string KernelLanguageInfoName = "C#";

    /// <summary>The subkernel every code cell runs in.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary><c>metadata.kernelspec</c>.</summary>
    public static JsonObject Kernelspec() => new()
    {
        ["display_name"] = ".NET (C#)",
        ["language"] = "C#",
        ["name"] = KernelName,
    };

    /// <summary><c>metadata.language_info</c> as Polyglot Notebooks writes it.</summary>
    public static JsonObject LanguageInfo() => new() { ["name"] = LanguageInfoName };

    /// <summary>
    /// <c>metadata.language_info</c> as the `.net-csharp` kernel reports it (the course notebooks carry this one):
    /// nbconvert and GitHub highlight C# from it, JupyterLab picks its editor mode.
    /// </summary>
    public static JsonObject KernelLanguageInfo() => new()
    {
        ["name"] = KernelLanguageInfoName,
        ["version"] = "14.0",
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
    };

    /// <summary><c>metadata.polyglot_notebook</c>.</summary>
    public static JsonObject PolyglotNotebook() => new()
    {
        ["kernelInfo"] = new JsonObject
        {
            ["defaultKernelName"] = CSharpKernel,
            ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = CSharpKernel }),
        },
    };

    /// <summary>The two entries of a C# code cell's metadata (besides <c>nbgrader</c>).</summary>
    public static JsonObject CodeCell() => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = CSharpKernel },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = CSharpKernel },
    };
}
