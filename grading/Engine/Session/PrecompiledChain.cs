using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using NotebookEngine.Analysis;

namespace NotebookEngine;

/// <summary>
/// A session's script state when its cells arrive compiled (<see cref="PrecompiledCell"/>): the submissions' assemblies
/// in a load context of their own, and the array of submission objects through which each cell sees the ones before it,
/// as Roslyn's script runner keeps it.
/// </summary>
/// <remarks>
/// Each submission class has a static <c>&lt;Factory&gt;(object[])</c> that constructs the submission (which stores
/// itself in its slot of the array and reads the earlier ones from theirs) and runs its body. A cell runs on a copy of
/// the array, kept only when the cell ends (as Roslyn freezes and clones its state), so a timed-out cell that is still
/// running cannot reach the state later cells see.
/// </remarks>
internal sealed class PrecompiledChain : AssemblyLoadContext
{
    private readonly Dictionary<string, Assembly> submissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> referencePaths = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> registered = new(StringComparer.Ordinal);
    private readonly string baseDirectory;
    private object?[] state = new object?[8];

    /// <summary>A chain whose relative reference paths resolve against <paramref name="baseDirectory"/>.</summary>
    public PrecompiledChain(string baseDirectory)
        : base("notebook submissions") => this.baseDirectory = baseDirectory;

    /// <summary>Loads <paramref name="cell"/> and returns a run of it against the state so far; nothing is kept until
    /// <see cref="Keep"/>.</summary>
    /// <exception cref="ArgumentException">The cell has no image (it did not compile).</exception>
    public (Func<Task<object>> Run, object?[] State) Prepare(PrecompiledCell cell)
    {
        if (cell.CompileErrors is not null)
        {
            throw new ArgumentException(
                $"A cell that did not compile has nothing to run: {cell.CompileErrors}", nameof(cell));
        }

        // Every cell names the libraries of the whole chain so far: read each file's name once.
        foreach (var reference in cell.References.Where(registered.Add))
        {
            var path = Path.GetFullPath(reference, baseDirectory);
            referencePaths.TryAdd(AssemblyName.GetAssemblyName(path).Name ?? path, path);
        }

        if (cell.Image.Length == 0)
        {
            return (() => Task.FromResult<object>(null!), state);
        }

        using var image = new MemoryStream(cell.Image, writable: false);
        var assembly = LoadFromStream(image);
        submissions[cell.AssemblyName] = assembly;
        var factory = assembly.GetType(cell.EntryType, throwOnError: true)!
            .GetMethod("<Factory>", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException(cell.EntryType, "<Factory>");
        var run = factory.CreateDelegate<Func<object?[], Task<object>>>();
        // Slot 0 is the globals object (none here); "Submission#n" sits in slot n or below (cells with nothing to run
        // are numbered but take no slot).
        var number = int.Parse(
            cell.EntryType.AsSpan(cell.EntryType.LastIndexOf('#') + 1),
            CultureInfo.InvariantCulture);
        var copy = new object?[Math.Max(state.Length, 2 * (number + 1))];
        Array.Copy(state, copy, state.Length);
        return (() => run(copy), copy);
    }

    /// <summary>Makes a run's state the chain's, as the session keeps a cell that compiled (even one that
    /// threw).</summary>
    public void Keep(object?[] ranState) => state = ranState;

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name)
        {
            return null;
        }

        if (submissions.TryGetValue(name, out var submission))
        {
            return submission;
        }

        // A #r'd library loads here once, from where the notebook named it; everything else comes from the runtime.
        return referencePaths.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;
    }
}
