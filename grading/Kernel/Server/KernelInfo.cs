using System.Text.Json.Nodes;
using NotebookKernel.Wire;

namespace NotebookKernel.Server;

/// <summary>What the kernel says about itself: kernel_info_reply, and the language_info notebooks store.</summary>
internal static class KernelInfo
{
    /// <summary>The kernelspec name (also .NET Interactive's, so its notebooks open with this kernel
    /// unchanged).</summary>
    public const string KernelName = ".net-csharp";

    /// <summary>language_info as clients copy it into notebook metadata.</summary>
    public static JsonObject LanguageInfo() => new()
    {
        ["name"] = "C#",
        ["version"] = "14.0",
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
    };

    /// <summary>The kernel_info_reply content.</summary>
    public static JsonObject Reply() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = WireCodec.ProtocolVersion,
        ["implementation"] = "embeddings-course-csharp",
        ["implementation_version"] = typeof(KernelInfo).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
        ["language_info"] = LanguageInfo(),
        ["banner"] = $"C# 14 / .NET {Environment.Version} (Roslyn scripting, the course's notebook engine)",
        ["help_links"] = new JsonArray(
            new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" }),
        ["debugger"] = false,
    };
}
