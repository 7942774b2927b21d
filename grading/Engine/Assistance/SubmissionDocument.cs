using Microsoft.CodeAnalysis;

namespace NotebookEngine;

/// <summary>
/// A cell compiled as the session's next submission but never run: its syntax tree and semantic model see every
/// executed cell's variables, functions, usings and references.
/// </summary>
internal sealed class SubmissionDocument
{
    private SubmissionDocument(Compilation compilation, SyntaxTree tree, SemanticModel model)
    {
        Compilation = compilation;
        Tree = tree;
        Model = model;
    }

    /// <summary>The submission's compilation, chained to the earlier submissions' ones.</summary>
    public Compilation Compilation { get; }

    /// <summary>The cell's syntax tree (directive lines blanked, every index unchanged).</summary>
    public SyntaxTree Tree { get; }

    /// <summary>The semantic model of <see cref="Tree"/>.</summary>
    public SemanticModel Model { get; }

    /// <summary>Compiles <paramref name="code"/> after the snapshot's last submission, without emitting or running it.</summary>
    public static SubmissionDocument Create(ScriptSnapshot snapshot, string code)
    {
        var script = snapshot.Script.ContinueWith(DirectiveMask.Apply(code), snapshot.Options);
        var compilation = script.GetCompilation();
        // #load adds the loaded files' trees; the cell's own tree is the one without their paths.
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == snapshot.Options.FilePath) ?? compilation.SyntaxTrees.First();
        return new SubmissionDocument(compilation, tree, compilation.GetSemanticModel(tree));
    }
}
