using Grading.Cli;

namespace Grading.Tests;

/// <summary>The grader's architecture as the build enforces it: each area uses only the areas below it.</summary>
public class LayeringTests
{
    /// <summary>
    /// The grader's areas, bottom first; each is a folder of grading/Grader. An area uses only those listed before it.
    /// </summary>
    internal static readonly string[] GraderLayers =
    [
        // The notebook model and its domain: cells, kinds, regions, checksums.
        "Grading.Notebooks",
        // Mechanisms over notebooks: declared step pipelines, the student-code policy.
        "Grading.Pipelines",
        "Grading.Policy",
        // Running a notebook: in process, the worker side of the protocol, the isolated worker processes.
        "Grading.Running.Execution",
        "Grading.Running.Worker",
        "Grading.Running.Isolation",
        // Results and the rules that produce them.
        "Grading.Gradebook",
        "Grading.Checking",
        "Grading.Release",
        "Grading.Export",
        "Grading.Exports",
        "Grading.Autograde",
        "Grading.Manual",
        // The verbs, then the entry point that also starts workers.
        "Grading.Cli",
        LayerCheck.EntryPoint,
    ];

    [Fact]
    public void TheGradersSources_UseOnlyTheLayersBelowThem()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "grading", "Grader");
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(path => (Path.GetRelativePath(RepositoryPaths.Root, path), File.ReadAllText(path))).ToList();

        var violations = LayerCheck.Find(sources, GraderLayers, "Grading");

        Assert.True(sources.Count > 100, $"only {sources.Count} sources found in {folder}");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        // Not passing blind: upside down, the same sources break the order wherever one area uses another.
        var upsideDown = LayerCheck.Find(sources, GraderLayers.Reverse().ToArray(), "Grading");
        Assert.Contains(upsideDown, v => v.From == "Grading.Cli" && v.To == "Grading.Autograde");
        Assert.Contains(upsideDown, v => v.From == "Grading.Running.Isolation" && v.To == "Grading.Running.Worker");
    }

    [Fact]
    public void AReferenceUpward_IsReportedWithFileLineAndBothNamespaces()
    {
        var low = """
            namespace Course.Low;

            internal static class Reader
            {
                public static int Size => 1;

                public static int Twice => Course.High.Writer.Size * 2;
            }
            """;
        var high = """
            namespace Course.High;

            internal static class Writer
            {
                public static int Size => Course.Low.Reader.Size + 1;
            }
            """;

        var violations = LayerCheck.Find([("Low.cs", low), ("High.cs", high)], ["Course.Low", "Course.High"], "Course");

        var violation = Assert.Single(violations);
        Assert.Equal(("Low.cs", 7, "Course.Low", "Course.High"),
            (violation.File, violation.Line, violation.From, violation.To));
        Assert.Contains("Low.cs:7: Course.Low uses Course.High.Writer", violation.ToString());
    }

    [Fact]
    public void ANamespaceMissingFromTheOrder_IsReported()
    {
        var source = """
            namespace Course.Low
            {
                internal static class Reader
                {
                    public static int Size => 1;
                }
            }

            namespace Course.Unplaced
            {
                internal static class Extra
                {
                    public static int Size => Course.Low.Reader.Size;
                }
            }
            """;

        var violation = Assert.Single(LayerCheck.Find([("Two.cs", source)], ["Course.Low"], "Course"));

        Assert.Equal(("Two.cs", 13, "Course.Unplaced", "Course.Low"),
            (violation.File, violation.Line, violation.From, violation.To));
    }

    [Fact]
    public void ANameThatDoesNotBind_StopsTheCheck_RatherThanPassingBlind()
    {
        var source = """
            namespace Course.Low;

            internal static class Reader
            {
                public static int Size => Missing.Value;
            }
            """;

        var error = Assert.Throws<InvalidOperationException>(
            () => LayerCheck.Find([("Low.cs", source)], ["Course.Low"], "Course"));

        Assert.Contains("CS0103", error.Message);
    }
}
