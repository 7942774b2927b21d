using Grading.Policy;
using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>
/// What a precompiled worker is sent: the cells exactly as the review compiled them, and after a timed-out cell the
/// rest compiled on the chain the worker really kept.
/// </summary>
public sealed class CompiledCellsTests
{
    private static readonly string[] Sources =
    [
        "#r \"../lib/bin/TensorLab.dll\"\nusing TensorLab;",
        "int Kept(int x) => x + 1;",
        "int Lost(int x) => x * 2;\nwhile (true) { }",
        "Lost(3)",
        "Kept(3)",
    ];

    [Fact]
    public void CellsAsReviewed_AreTheReviewsAssemblies()
    {
        var (reviewed, cells) = Review();

        var sent = cells.For(1, Sources[1])!;

        Assert.Equal(reviewed[1]!.Emit()!.AssemblyName, sent.AssemblyName);
        Assert.NotEmpty(sent.Image);
        // The library is named relative to the notebooks folder: the sandbox mounts the scratch folder elsewhere.
        Assert.Contains(Path.Combine("..", "lib", "bin", "TensorLab.dll"), sent.References);
    }

    [Fact]
    public void CellsAfterATimeout_AreCompiledWithoutTheLostCell()
    {
        var (_, cells) = Review();
        for (var i = 0; i < 3; i++)
        {
            _ = cells.For(i, Sources[i]);
            cells.Ran(i, i == 2 ? WorkerCellStatus.TimedOut : WorkerCellStatus.Succeeded);
        }

        var usesLost = cells.For(3, Sources[3])!;
        cells.Ran(3, WorkerCellStatus.CompilationError);
        var usesKept = cells.For(4, Sources[4])!;

        Assert.Contains("'Lost'", usesLost.CompileErrors, StringComparison.Ordinal);
        Assert.Null(usesKept.CompileErrors);
        Assert.NotEmpty(usesKept.Image);
    }

    [Fact]
    public void NotebookListingVariables_IsNotPrecompilable()
    {
        var (plain, _) = Review();
        var (listing, _) = Review(["int a = 1;", "#!who"]);

        Assert.True(plain.Precompilable);
        Assert.False(listing.Precompilable);
    }

    private static (ReviewedChain Reviewed, CompiledCells Cells) Review(string[]? sources = null)
    {
        var reviewed = new ReviewedChain();
        var refused = NotebookReview.Run(
            // The first cell is the instructor's locked set-up cell: only it may #r the library.
            (sources ?? Sources).Select((source, index) => new ReviewCell(index, source, index == 0 ? "setup" : null))
                .ToList(),
            new ApiPolicy(CoursePolicy.Rules),
            PolicyWorkspace.Notebooks,
            instructor: null,
            accepted: reviewed);
        Assert.Empty(refused);
        var scratchRoot = Path.GetDirectoryName(PolicyWorkspace.Notebooks)!;
        return (reviewed, new CompiledCells(reviewed, PolicyWorkspace.Notebooks, scratchRoot));
    }
}
