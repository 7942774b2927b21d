using Grading.Notebooks;

namespace Grading.Tests;

public class RegionsTests
{
    [Fact]
    public void Solution_IsReplacedByTheStubAtTheBeginLinesIndentation()
    {
        var source = "int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}";
        var stubbed = Regions.Replace(
            source,
            RegionKind.Solution,
            indent => [indent + "// YOUR CODE HERE", indent + "throw new NotImplementedException();"]);
        Assert.Equal("int F()\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException();\n}", stubbed);
    }

    [Fact]
    public void HiddenTests_AreRemovedWithTheirMarkers()
    {
        var source = "visible();\n// BEGIN HIDDEN TESTS\nhidden();\n// END HIDDEN TESTS\nafter();";
        Assert.Equal("visible();\nafter();", Regions.Replace(source, RegionKind.HiddenTests, null));
    }

    [Fact]
    public void MarkScheme_IsRemovedWithItsMarkers()
    {
        Assert.Equal(
            "Answer.",
            Regions.Replace("Answer.\nBEGIN MARK SCHEME\nrubric\nEND MARK SCHEME", RegionKind.MarkScheme, null));
    }

    [Fact]
    public void Check_ReportsUnterminatedNestedAndStrayMarkersWithLines()
    {
        Assert.Equal([new RegionProblem(2, "'BEGIN SOLUTION' is never closed with 'END SOLUTION'")],
            Regions.Check("a\n// BEGIN SOLUTION\nb", RegionKind.Solution));
        Assert.Equal(new RegionProblem(3, "'BEGIN SOLUTION' inside the solution region opened on line 1: regions " +
                                          "cannot nest"),
            Regions.Check("// BEGIN SOLUTION\nx\n// BEGIN SOLUTION\n// END SOLUTION", RegionKind.Solution)[0]);
        Assert.Equal([new RegionProblem(1, "'END HIDDEN TESTS' without a matching 'BEGIN HIDDEN TESTS'")],
            Regions.Check("// END HIDDEN TESTS", RegionKind.HiddenTests));
        Assert.Empty(Regions.Check("// BEGIN SOLUTION\n// END SOLUTION", RegionKind.Solution));
    }
}
