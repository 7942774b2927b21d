using NotebookEngine;
using TestSupport;

namespace Engine.Tests;

/// <summary>The live view a front end gets (<see cref="ICellOutputListener"/>),
/// the output cap under floods, opt-ins.</summary>
public class LiveOutputTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    /// <summary>Records every call, in order, as "kind:payload".</summary>
    private sealed class RecordingListener : ICellOutputListener
    {
        public List<string> Events { get; } = [];

        public void OnStream(string name, string text) => Events.Add($"{name}:{text}");

        public void OnDisplay(DisplayDataOutput display) => Events.Add($"display:{display.Data["text/plain"]}");

        public void OnUpdate(DisplayDataOutput display) => Events.Add($"update:{display.Data["text/plain"]}");

        public void OnResult(IReadOnlyDictionary<string, string> data, object? value) =>
            Events.Add($"result:{value}:{string.Join(",", data.Keys)}");
    }

    [Fact]
    public async Task AListener_HearsWritesDisplaysUpdatesAndResultInOrder_AndTheCollectedOutputsAreUnchanged()
    {
        var listener = new RecordingListener();
        var result = await fixture.Session.ExecuteAsync(
            "Console.Write(\"a\"); Console.Write(\"b\"); var shown = display(\"one\"); Console.Error.Write(\"e\"); " +
            "shown.Update(\"two\"); 1 + 1",
            listener);
        Assert.Equal(
            ["stdout:a", "stdout:b", "display:one", "stderr:e", "update:two", "result:2:text/html"],
            listener.Events);
        Assert.Collection(result.Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "ab"), o),
            o => Assert.Equal("two", Assert.IsType<DisplayDataOutput>(o).Data["text/plain"]),
            o => Assert.Equal(new StreamOutput("stderr", "e"), o),
            o => Assert.Contains("<pre>2</pre>", Assert.IsType<DisplayDataOutput>(o).Data["text/html"]));
    }

    [Fact]
    public async Task AListener_WhenTheOutputPassesTheLimit_HearsOnlyTheKeptTextAndTheNote()
    {
        var listener = new RecordingListener();
        await using var session = await NotebookSession.StartAsync(
            new SessionOptions { WorkingDirectory = Path.GetTempPath(), OutputLimitBytes = 10 });
        var result = await session.ExecuteAsync("for (var i = 0; i < 1000; i++) Console.Write(\"abcd\");", listener);
        Assert.Equal(
            [
                "stdout:abcd",
                "stdout:abcd",
                "stdout:ab",
                "stderr:\n[output truncated: this cell printed more than 10 bytes; the rest was dropped]\n",
            ],
            listener.Events);
        Assert.Equal("abcdabcdab", result.Text());
    }

    [Fact]
    public async Task AMillionLines_TheOutputIsCutAtTheLimitWithOneNote_AndLinesKeepTheirNewlines()
    {
        var result = (await fixture.RunAsync("for (var i = 0; i < 1_000_000; i++) Console.WriteLine(i);"))[0];
        var text = result.Text();
        Assert.Equal(1 << 20, text.Length);
        Assert.StartsWith("0\n1\n2\n", text);
        Assert.Equal(
            "\n[output truncated: this cell printed more than 1024 KiB; the rest was dropped]\n",
            result.Text("stderr"));
        Assert.Equal(2, result.Outputs.Count);
    }

    [Fact]
    public async Task WritesAfterTheNote_NoneIsKept_EvenShortOnesOnTheOtherStream()
    {
        var options = new SessionOptions { WorkingDirectory = Path.GetTempPath(), OutputLimitBytes = 8 };
        var result = (await Cells.RunInAsync(
            options,
            "Console.Write(\"123456789\"); Console.Error.Write(\"x\"); Console.Write(\"y\");"))[0];
        Assert.Equal("12345678", result.Text());
        Assert.Equal(
            "\n[output truncated: this cell printed more than 8 bytes; the rest was dropped]\n",
            result.Text("stderr"));
    }

    [Fact]
    public async Task ACancelledToken_WhenACellIgnoresIt_TheCallReturnsWhileItStillSpins_AndTheSessionRunsTheNextCell()
    {
        // The cell spins until the gate opens and the gate opens only after the call returned: returning at all
        // proves the session gave up on the cell instead of waiting for it.
        using var gate = new Gate();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stuck = await fixture.Session.ExecuteAsync(gate.SpinCode, interrupt.Token);
        gate.Open();
        Assert.Equal(CellStatus.TimedOut, stuck.Status);
        Assert.Equal("Command cancelled.", stuck.Failure!.Message);
        var next = await fixture.Session.ExecuteAsync("40 + 2");
        Assert.Equal(42, next.ReturnValue);
    }

    [Fact]
    public async Task AVersionlessFrameworkPackage_ResolvesToTheSharedFramework_AndShowsInstalledPackages()
    {
        var result = (await fixture.RunAsync(
            "#r \"nuget:System.Text.Json\"\nusing System.Text.Json;\n" +
            "Console.Write(JsonSerializer.Serialize(new[] { 1, 2 }));"))[0];
        Assert.Equal(CellStatus.Succeeded, result.Status);
        Assert.Equal("[1,2]", result.Text());
        var version = typeof(System.Text.Json.JsonSerializer).Assembly.GetName().Version!.ToString(3);
        Assert.Contains(
            $"<strong>Installed Packages</strong><ul><li><span>System.Text.Json, {version}</span></li></ul>",
            result.Display().Data["text/html"]);
    }

    [Theory]
    [InlineData(false, "Debug")]
    [InlineData(true, "Release")]
    public async Task TheOptimizeOption_CellsAreCompiledAtThatLevel(bool optimize, string expected)
    {
        var options = new SessionOptions { WorkingDirectory = Path.GetTempPath(), Optimize = optimize };
        var result = (await Cells.RunInAsync(options,
            "using System.Diagnostics;\nclass Probe { }\n" +
            "typeof(Probe).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)" +
            ".Cast<DebuggableAttribute>()" +
            ".Any(a => a.IsJITOptimizerDisabled) ? \"Debug\" : \"Release\""))[0];
        Assert.Equal(expected, result.ReturnValue);
    }
}
