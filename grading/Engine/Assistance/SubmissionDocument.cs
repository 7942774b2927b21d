using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookEngine;

/// <summary>
/// A cell compiled as the session's next submission but never run: its syntax tree and semantic model see every
/// executed cell's variables, functions, usings and references.
/// </summary>
internal sealed class SubmissionDocument
{
    private SubmissionDocument(Compilation compilation, SyntaxTree tree)
    {
        Compilation = compilation;
        Tree = tree;
        Model = compilation.GetSemanticModel(tree);
    }

    /// <summary>The submission's compilation, chained to the earlier submissions' ones.</summary>
    public Compilation Compilation { get; }

    /// <summary>The cell's syntax tree (directive lines blanked, every index unchanged).</summary>
    public SyntaxTree Tree { get; }

    /// <summary>The semantic model of <see cref="Tree"/>.</summary>
    public SemanticModel Model { get; }

    /// <summary>Compiles <paramref name="code"/> after the snapshot's last submission,
    /// without emitting or running it.</summary>
    public static SubmissionDocument Create(ScriptSnapshot snapshot, string code)
    {
        var masked = DirectiveMask.Apply(code);
        if (ReferenceEquals(snapshot.Options, snapshot.Script.Options)
            && snapshot.Script.GetCompilation() is CSharpCompilation previous)
        {
            // The last cell ran with the session's current options: reuse its compilation's references and options as
            // they are. Script.ContinueWith would resolve every reference again, several times slower per keystroke.
            var tree = CSharpSyntaxTree.ParseText(
                masked,
                (CSharpParseOptions)previous.SyntaxTrees[0].Options,
                snapshot.Options.FilePath);
            var info = previous.ScriptCompilationInfo!;
            var compilation = CSharpCompilation.CreateScriptCompilation(
                $"{previous.AssemblyName}-assistance",
                tree,
                previous.References,
                previous.Options,
                previous,
                info.ReturnType,
                info.GlobalsType);
            return new SubmissionDocument(compilation, tree);
        }

        // Options changed since (a #r "nuget:" only cell, a new current directory): let scripting build them in.
        var continued = snapshot.Script.ContinueWith(masked, snapshot.Options).GetCompilation();
        // #load adds the loaded files' trees; the cell's own tree is the one without their paths.
        return new SubmissionDocument(
            continued,
            continued.SyntaxTrees.FirstOrDefault(t => t.FilePath == snapshot.Options.FilePath)
                ?? continued.SyntaxTrees.First());
    }
}
