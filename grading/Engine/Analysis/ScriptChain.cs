using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookEngine.Analysis;

/// <summary>
/// A notebook's cells compiled the way <see cref="NotebookSession"/> would chain them (the same script options,
/// references, <c>#r "nuget:…"</c> packages and kernel helpers), without running anything: what each name in a cell
/// binds to, for checks that must decide before a cell runs. Cells are compiled one at a time on top of the chain,
/// and a caller decides which of them join it, as the session keeps only cells that compiled.
/// </summary>
public sealed class ScriptChain
{
    private readonly Script<object> helpers;
    private readonly ScriptOptions initialOptions;
    private bool emitsCells;
    private Script<object> last;
    private ScriptOptions options;

    private ScriptChain(ScriptOptions options, Script<object> helpers)
    {
        this.options = options;
        initialOptions = options;
        this.helpers = helpers;
        last = helpers;
        KernelTree = helpers.GetCompilation().SyntaxTrees.Single();
        KernelAssemblyName = helpers.GetCompilation().Assembly.Identity.Name;
    }

    private ScriptChain(ScriptChain start, ScriptOptions options, Script<object> last)
    {
        this.options = options;
        initialOptions = start.initialOptions;
        helpers = start.helpers;
        emitsCells = start.emitsCells;
        this.last = last;
        KernelTree = start.KernelTree;
        KernelAssemblyName = start.KernelAssemblyName;
    }

    /// <summary>The hidden first submission that imports the kernel's display helpers (<c>display</c>,
    /// <c>HTML</c>).</summary>
    public SyntaxTree KernelTree { get; }

    /// <summary>The hidden first submission's assembly name: how a cell's compiled code refers to the kernel
    /// helpers.</summary>
    public string KernelAssemblyName { get; }

    /// <summary>Starts a chain whose relative <c>#r</c> and <c>#load</c> resolve against
    /// <paramref name="workingDirectory"/>, as the session's.</summary>
    /// <param name="workingDirectory">The notebook's folder when it runs.</param>
    /// <param name="emitCells">Compile each cell to its assembly as well (<see cref="CompiledCell.Emit"/>), in the pass
    /// that finds its errors: for a caller that runs the cells, at about the cost of finding the errors alone.</param>
    /// <returns>A chain holding only the kernel helpers.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ScriptChain Start(string workingDirectory, bool emitCells = false)
    {
        var directory = Path.GetFullPath(workingDirectory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The notebook's folder '{directory}' does not exist.");
        }

        var options = KernelScriptOptions.Create(directory);
        return new ScriptChain(options, CSharpScript.Create(KernelScriptOptions.HelpersSubmission, options))
        {
            emitsCells = emitCells,
        };
    }

    /// <summary>Compiles <paramref name="source"/> as the next cell of the chain; the chain itself is unchanged until
    /// <see cref="Append"/>.</summary>
    /// <param name="source">The cell's source, directives included.</param>
    /// <returns>The compiled cell: its semantic model, or why it has none.</returns>
    public CompiledCell Compile(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var directives = CellDirectives.Parse(source);
        if (directives.Error is { } directiveError)
        {
            return new CompiledCell(null, [], directiveError, null, options) { ChainEnd = last };
        }

        if (directives.Markdown)
        {
            return new CompiledCell(null, [], null, null, options) { ChainEnd = last };
        }

        // The session adds a cell's packages before it compiles the code, and keeps them even when the code fails, or
        // when a later package of the same cell is not available.
        var cellOptions = WithPackages(directives, out var packageError);
        if (packageError is not null)
        {
            return new CompiledCell(null, [], packageError, null, cellOptions) { ChainEnd = last };
        }

        if (string.IsNullOrWhiteSpace(directives.Code))
        {
            return new CompiledCell(null, [], null, null, cellOptions)
            {
                ListsVariables = directives.Who is not null,
                ChainEnd = last,
            };
        }

        var script = last.ContinueWith(directives.Code, cellOptions);
        var compilation = script.GetCompilation();
        // A cell that #loads a file brings that file's tree along; the cell's own tree is the one without
        // the file's path.
        var tree = compilation.SyntaxTrees.LastOrDefault(t => t.FilePath == cellOptions.FilePath)
            ?? compilation.SyntaxTrees.Last();
        // Emitting binds every method body, as finding the errors does; Roslyn's runner takes a cell's errors from the
        // parse and then from the emit, so the errors are the session's either way.
        PrecompiledCell? emitted = null;
        List<Diagnostic> errors;
        if (emitsCells)
        {
            emitted = ScriptEmitter.Emit(script, out errors);
        }
        else
        {
            errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }

        return new CompiledCell(compilation.GetSemanticModel(tree), errors, null, script, cellOptions)
        {
            ListsVariables = directives.Who is not null,
            ChainEnd = script,
            Emitted = emitted,
        };
    }

    /// <summary>
    /// Makes <paramref name="cell"/> part of the chain, so later cells see its declarations. A cell with errors is
    /// not appended (the session drops it too); its packages still are, as the session adds them before compiling.
    /// </summary>
    /// <param name="cell">A cell from <see cref="Compile"/> on this chain's current end.</param>
    public void Append(CompiledCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        options = cell.Options;
        if (cell.Script is { } script && cell.Errors.Count == 0)
        {
            last = script;
        }
    }

    /// <summary>
    /// A chain that goes on from <paramref name="cell"/>, a cell appended to this chain earlier, as if nothing appended
    /// after it had been: a session whose later cell was lost (it timed out) goes on from the last cell it kept, and
    /// cells compiled here see the same earlier submissions (the same assemblies) that cell saw.
    /// </summary>
    /// <param name="cell">A cell compiled on this chain without errors, or null to go on from the kernel
    /// helpers.</param>
    /// <returns>A new chain; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">The cell did not compile.</exception>
    public ScriptChain ContinueAfter(CompiledCell? cell)
    {
        if (cell is null)
        {
            return new ScriptChain(this, initialOptions, helpers);
        }

        return cell.ChainEnd is { } end && cell.Errors.Count == 0 && cell.DirectiveError is null
            ? new ScriptChain(this, cell.Options, end)
            : throw new ArgumentException("Only a cell that compiled can be continued from.", nameof(cell));
    }

    /// <summary>The hidden first submission as an assembly, the first thing a precompiled session runs.</summary>
    /// <returns>The kernel helpers' submission.</returns>
    public PrecompiledCell EmitKernelHelpers() => ScriptEmitter.Emit(helpers, out _);

    private ScriptOptions WithPackages(CellDirectives directives, out string? error)
    {
        var packagesAdded = CellPackages.Add(options, directives.Packages);
        error = packagesAdded.Error;
        return packagesAdded.Options ?? options;
    }
}

/// <summary>One cell compiled on a <see cref="ScriptChain"/>.</summary>
public sealed class CompiledCell
{
    internal CompiledCell(
        SemanticModel? model,
        IReadOnlyList<Diagnostic> errors,
        string? directiveError,
        Script<object>? script,
        ScriptOptions options)
    {
        Model = model;
        Errors = errors;
        DirectiveError = directiveError;
        Script = script;
        Options = options;
    }

    /// <summary>What every name in the cell binds to; null when nothing of the cell is C# (markdown, directives only, a
    /// directive error).</summary>
    public SemanticModel? Model { get; }

    /// <summary>The cell's syntax tree, or null without a model.</summary>
    public SyntaxTree? Tree => Model?.SyntaxTree;

    /// <summary>Compile errors, as the session would report them (positions are 1-based lines of the cell).</summary>
    public IReadOnlyList<Diagnostic> Errors { get; }

    /// <summary>A wrong directive or an unavailable package: the session fails the cell without compiling it.</summary>
    public string? DirectiveError { get; }

    /// <summary>The cell has <c>#!who</c> or <c>#!whos</c>: it lists the session's variables, which only a session
    /// that compiles its own cells can.</summary>
    public bool ListsVariables { get; init; }

    /// <summary>True when the session would compile the cell and run it.</summary>
    public bool Compiles => DirectiveError is null && Errors.Count == 0;

    /// <summary>Why the session would reject the cell, in its format:
    /// one <c>(line,col): error CSxxxx: text</c> per line.</summary>
    public string ErrorText => DirectiveError ?? string.Join("\n", Errors.Select(d => d.ToString()));

    /// <summary>The name of the assembly the cell compiles to, by which later cells' compiled code refers to what it
    /// declares; null when nothing of the cell is C#.</summary>
    public string? AssemblyName => Script?.GetCompilation().Assembly.Identity.Name;

    internal Script<object>? Script { get; }

    // The assembly, when the chain emitted it with the errors.
    internal PrecompiledCell? Emitted { get; init; }

    // The chain's end once this cell is appended: its own script when it has code, else the cell before it.
    internal Script<object>? ChainEnd { get; init; }

    /// <summary>
    /// The cell as an assembly a precompiled session runs (<see cref="NotebookSession.ExecuteAsync(string,
    /// PrecompiledCell, CancellationToken)"/>); its compile errors when it has some; null when nothing of it is C# (the
    /// session reads a wrong directive from the source itself).
    /// </summary>
    /// <returns>The emitted cell, or null.</returns>
    public PrecompiledCell? Emit() => DirectiveError is not null ? null
        : Errors.Count > 0 ? PrecompiledCell.Failed(ErrorText)
        : Script is null ? null
        : Emitted ?? ScriptEmitter.Emit(Script, out _);

    internal ScriptOptions Options { get; }
}
