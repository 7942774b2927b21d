using NotebookEngine;

namespace Engine.Tests;

/// <summary>Every cursor position of code full of awkward syntax: completion and inspection answer,
/// with spans inside the code.</summary>
public class AssistanceRobustnessTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private const string AwkwardCode = """"
        #!time
        #r "nuget: System.Numerics.Tensors, 10.0.15"
        var s = "😀 text \" quote"; var c = '\''; var v = @"verbatim ""x""";
        var raw = """
            raw 😀 {text}
            """;
        var hole = $"{s.Length,5:0} and {{braces}} {(s is null ? 0 : 1)}";
        /* block 😀 comment */ // line comment
        /// <summary>Doc <see cref="Console"/></summary>
        int F<T>(T x) where T : struct => x.GetHashCode() is var h && h > 0 ? h : -h;
        unsafe { int local = 1; int* p = &local; *p += 1; }
        var query = from w in new[] { "a", "b" } where w.Length > 0 select w.ToUpper();
        Func<int, int> twice = n => { return n * 2; };
        switch (twice(2)) { case > 3 and < 10: break; default: break; }
        record Point(int X, int Y) { public int Sum => X + Y; }
        var (a, b) = (1, 2.5f); int[] arr = [1, .. new[] { 2 }]; var r = arr[^1..];
        Console.WriteLine(new Point(1, 2) with { X = 3 });
        if (x is { } && y?.z?[0]. ;
        int broken = ;
        Console.
        """";

    [Fact]
    public async Task AwkwardSyntax_WhenCompletingAtEveryPosition_EachAnswerSpansTheCursorInsideTheCode()
    {
        for (var cursor = 0; cursor <= AwkwardCode.Length; cursor++)
        {
            var completion = await fixture.Session.Assistant.CompleteAsync(AwkwardCode, cursor);
            Assert.InRange(completion.CursorStart, 0, cursor);
            Assert.InRange(completion.CursorEnd, cursor, AwkwardCode.Length);
            Assert.Equal(completion.Matches.Count, completion.Matches.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public async Task AwkwardSyntax_WhenInspectingAtEveryPosition_EachAnswerIsNothingOrText()
    {
        var found = 0;
        for (var cursor = 0; cursor <= AwkwardCode.Length; cursor++)
        {
            if (await fixture.Session.Assistant.InspectAsync(AwkwardCode, cursor) is { } inspection)
            {
                Assert.NotEmpty(inspection.PlainText);
                found++;
            }
        }

        Assert.InRange(found, AwkwardCode.Length / 4, AwkwardCode.Length);
    }

    [Fact]
    public async Task AnInterpolationHole_MembersCompleteInsideIt()
    {
        const string Code = "var text = \"abc\";\nvar shown = $\"{text.Len}\";";
        var cursor = Code.IndexOf("Len", StringComparison.Ordinal) + 3;
        Assert.Equal(["Length"], (await fixture.Session.Assistant.CompleteAsync(Code, cursor)).Matches);
    }
}
