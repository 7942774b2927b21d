using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookEngine;

/// <summary>The Roslyn script options .NET Interactive's C# kernel uses (docs/notebook-dialect.md §2).</summary>
internal static class KernelScriptOptions
{
    /// <summary>The kernel's default imports, in its order.</summary>
    public static readonly string[] Imports =
        [
            "System",
            "System.Text",
            "System.Collections",
            "System.Collections.Generic",
            "System.Threading.Tasks",
            "System.Linq",
        ];

    /// <summary>The hidden first submission of <c>UseKernelHelpers()</c>: brings <c>display</c>, <c>HTML</c>,
    /// … into scope.</summary>
    public const string HelpersSubmission = "using static Microsoft.DotNet.Interactive.Kernel;";

    // One reference per loaded assembly for every chain in the process. Each reference made from an assembly reads
    // that file's metadata anew, and Roslyn builds its symbols (System.Private.CoreLib's included) once per metadata
    // object: with fresh references per chain, every review of a class rebuilt them all.
    private static readonly ConcurrentDictionary<Assembly, MetadataReference> AssemblyReferences = new();

    private static readonly ScriptOptions Shared = ScriptOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithAllowUnsafe(true)
        .WithEmitDebugInformation(false)
        .WithImports(Imports)
        // As assemblies, not paths: references then get recursive aliases, so what they depend on (System.Text.Json,
        // System.Net.Http, System.Numerics, … through the Formatting assembly's netstandard facade) is visible too.
        .AddAssemblies([
            typeof(Enumerable).Assembly, typeof(object).Assembly,
            typeof(Microsoft.DotNet.Interactive.Kernel).Assembly,
            typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly,
        ]);

    /// <summary>
    /// Latest C#, nullable off (Roslyn's default, the kernel never sets it), unsafe allowed, no debug info and
    /// OptimizationLevel.Debug (ScriptOptions.Default, which the kernel keeps), so stack traces look alike.
    /// </summary>
    /// <param name="directory">Where relative <c>#r</c> and <c>#load</c> resolve.</param>
    /// <param name="optimize">Compile optimized (an opt-in for timing code in class; the kernel never did).</param>
    public static ScriptOptions Create(string directory, bool optimize = false) => Shared
        .WithOptimizationLevel(optimize ? OptimizationLevel.Release : OptimizationLevel.Debug)
        .WithBaseDirectory(directory);

    /// <summary>
    /// <paramref name="options"/> with references to <paramref name="assemblies"/>, as
    /// <see cref="ScriptOptions.AddReferences(IEnumerable{Assembly})"/> makes them, but one reference per assembly for
    /// the whole process (the kernel's own assemblies and every <c>#r "nuget:…"</c> package's).
    /// </summary>
    public static ScriptOptions AddAssemblies(this ScriptOptions options, IEnumerable<Assembly> assemblies) =>
        options.AddReferences(assemblies.Select(assembly => AssemblyReferences.GetOrAdd(
            assembly,
            static loaded => ScriptOptions.Default.WithReferences(loaded).MetadataReferences.Single())));

    /// <summary>Relative <c>#r</c> and <c>#load</c> resolve against <paramref name="directory"/>,
    /// as the kernel's cwd.</summary>
    public static ScriptOptions WithBaseDirectory(this ScriptOptions options, string directory) => options
        .WithMetadataResolver(new CachingMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory)))
        .WithSourceResolver(new SourceFileResolver([], directory));
}
