using System.Text.Json;
using System.Text.Json.Nodes;
using Grading.Running.Isolation;
using Grading.Running.Worker;
using NotebookEngine;
using NotebookEngine.Analysis;

namespace Grading.Tests;

/// <summary>
/// The grader's serializer and the worker's reader and writer speak the same lines; a line that is not a well-formed
/// event with the run's nonce (student output, a forgery, a torn write) is ignored without an exception, and a
/// well-formed result with values no honest worker sends fails its cell with a reason.
/// </summary>
public class WorkerProtocolTests
{
    private const string Nonce = "N0NCE";

    private static CellFinished Result(
        CellStatus status = CellStatus.Succeeded,
        double elapsedMs = 1,
        double? numeric = null,
        string? failure = null) => new(Nonce, 4, "S", status, elapsedMs, failure, numeric, new JsonArray());

    [Fact]
    public void EveryRequest_ReadsBackAsTheSameRequest()
    {
        WorkerRequest[] requests =
        [
            new WorkerHeader(Nonce, 30, 1 << 20),
            new CellRequest(3, "var x = \"é\\n\";", "S"),
            new EndRequest(),
        ];
        foreach (var request in requests)
        {
            Assert.Equal(request, WorkerProtocol.ReadRequest(WorkerProtocol.Write(request), out var problem));
            Assert.Null(problem);
        }
    }

    [Fact]
    public void EveryEvent_ReadsBackAsTheSameEvent()
    {
        WorkerEvent[] events =
        [
            new WorkerReady(Nonce),
            new CellStarted(Nonce, 2, "S"),
            Result(CellStatus.RuntimeError, 12.5, 3, "boom"),
        ];
        foreach (var message in events)
        {
            var read = WorkerProtocol.ReadEvent(WorkerProtocol.Write(message), Nonce);
            Assert.Equal(message.GetType(), read?.GetType());
            Assert.Equal(WorkerProtocol.Write(message), WorkerProtocol.Write(read!));
        }
    }

    private static readonly PrecompiledCell Compiled =
        new([1, 2, 250, 0], "Submission#7", "Submission#7", true, ["../lib/bin/TensorLab.dll", "/usr/x.dll"]);

    [Fact]
    public void TheWorkersEventLines_AreTheSerializersLines_ByteForByte()
    {
        var outputs = new JsonArray(
            new JsonObject { ["output_type"] = "stream", ["text"] = new JsonArray("a\n", "é<>&'") },
            new JsonObject { ["output_type"] = "error", ["evalue"] = "\u0001\"", ["traceback"] = new JsonArray() });
        List<WorkerEvent> events =
        [
            new WorkerReady(Nonce),
            new CellStarted(Nonce, 0, "S\"é"),
            Result(CellStatus.RuntimeError, 12.5, 3, "boom \"quoted\" é \u0007"),
            Result(numeric: double.NaN),
            Result(numeric: double.PositiveInfinity),
            Result(numeric: double.NegativeInfinity),
            Result(elapsedMs: 0.1 + 0.2, numeric: -1e-300),
            new CellFinished(Nonce, int.MaxValue, "S", CellStatus.Succeeded, 1, null, null, null),
            new CellFinished(Nonce, 1, "S", CellStatus.Succeeded, 1, null, null, outputs),
            .. Enum.GetValues<CellStatus>().Select(status => Result(status)),
        ];
        foreach (var message in events)
        {
            var serializers = JsonSerializer.Serialize(message, WorkerProtocolJson.Default.WorkerEvent);
            Assert.Equal(serializers, WorkerProtocol.Write(message));
        }
    }

    [Fact]
    public void EveryRequestTheGraderWrites_TheWorkerReadsAsTheSameRequest()
    {
        WorkerRequest[] requests =
        [
            new WorkerHeader(Nonce, 2.5, int.MaxValue, Compiled),
            new WorkerHeader(Nonce, 30, 1 << 20, PrecompiledCell.Nothing),
            new CellRequest(0, "", "S", Compiled with { CompileErrors = "(1,1): error CS1002: ; expected" }),
            new CellRequest(3, "x \"é\" \u0000", "S", PrecompiledCell.Failed("no")),
        ];
        foreach (var request in requests)
        {
            var line = WorkerProtocol.Write(request);
            var read = WorkerProtocol.ReadRequest(line, out var problem);
            Assert.Null(problem);
            Assert.Equal(line, WorkerProtocol.Write(read!));
        }
    }

    [Theory]
    [InlineData("""{"request":"header","nonce":"N","cellTimeoutSeconds":30}""")]
    [InlineData("""{"request":"header","nonce":null,"cellTimeoutSeconds":30,"outputLimitBytes":1}""")]
    [InlineData("""{"request":"header","nonce":"N","cellTimeoutSeconds":"30","outputLimitBytes":1}""")]
    [InlineData("""{"request":"header","nonce":"N","cellTimeoutSeconds":30,"outputLimitBytes":1.5}""")]
    [InlineData("""{"request":"header","nonce":"N","cellTimeoutSeconds":30,"outputLimitBytes":3000000000}""")]
    [InlineData("""{"request":"header","nonce":"N","cellTimeoutSeconds":30,"outputLimitBytes":1,"kernelHelpers":7}""")]
    [InlineData("""{"request":"cell","cell":1,"source":"x","secret":"S","compiled":{"image":"AQ==",""" +
                "\"assemblyName\":\"A\",\"entryType\":\"A\",\"hasReturnValue\":1,\"references\":[]}}")]
    [InlineData("""{"request":"cell","cell":1,"source":"x","secret":"S","compiled":{"image":"not base64!",""" +
                "\"assemblyName\":\"A\",\"entryType\":\"A\",\"hasReturnValue\":true,\"references\":[]}}")]
    [InlineData("""{"request":"cell","cell":1,"source":"x","secret":"S","compiled":{""" +
                "\"assemblyName\":\"A\",\"entryType\":\"A\",\"hasReturnValue\":true,\"references\":[]}}")]
    [InlineData("""{"request":"cell","cell":1,"source":"x"}""")]
    [InlineData("""{"request":"party"}""")]
    [InlineData("""{"cell":1,"source":"x","secret":"S"}""")]
    [InlineData("""[1]""")]
    [InlineData("{\"request\":\"end\"")]
    public void ARequestLineTheSerializerRejects_TheWorkerRejectsToo_SayingWhy(string line)
    {
        // The serializer says "not supported" for a missing or unknown discriminator, "JSON" for the rest.
        var serializers = Record.Exception(
            () => JsonSerializer.Deserialize(line, WorkerProtocolJson.Default.WorkerRequest));
        Assert.True(serializers is JsonException or NotSupportedException, $"The serializer: {serializers}");
        Assert.Null(WorkerProtocol.ReadRequest(line, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public async Task ACellEndingInANumberThatJsonHasNoNumberFor_LeavesTheWorkerRunning_AndTheValueArrives()
    {
        // `0.0 / 0` as a cell's last line is an ordinary student slip; the worker once died writing it (JSON has no
        // NaN), losing every later cell of the notebook.
        using var scratch = WorkerScratch.Create(null);
        var run = await new WorkerClient(WorkerLimits.Default, sandboxed: false)
            .RunAsync(scratch, [(0, "0.0 / 0"), (1, "double.NegativeInfinity"), (2, "1 + 1")], CancellationToken.None);

        Assert.Null(run.Death);
        Assert.All(run.Cells, cell => Assert.Equal(WorkerCellStatus.Succeeded, cell.Status));
        Assert.Equal([double.NaN, double.NegativeInfinity, 2.0], run.Cells.Select(c => c.NumericReturnValue));
    }

    [Fact]
    public void TheStatus_TravelsAsTheEnginesName()
    {
        var line = WorkerProtocol.Write(Result(CellStatus.TimedOut));
        Assert.Contains("\"event\":\"result\"", line);
        Assert.Contains("\"status\":\"TimedOut\"", line);
    }

    [Theory]
    [InlineData("hello from a student")]
    [InlineData("{ not json N0NCE")]
    [InlineData("""{"event":"ready","nonce":"OTHER"} N0NCE""")]
    [InlineData("""{"event":"ready"} N0NCE""")]
    [InlineData("""{"nonce":"N0NCE"}""")]
    [InlineData("""{"event":"party","nonce":"N0NCE"}""")]
    [InlineData("""{"event":"start","nonce":"N0NCE","cell":"4","secret":"S"}""")]
    [InlineData("""{"event":"start","nonce":"N0NCE","cell":4}""")]
    [InlineData("""{"event":"result","nonce":"N0NCE","cell":4,"secret":"S","status":"Passed","elapsedMs":1""" +
                ""","failure":null,"numeric":null,"outputs":[]}""")]
    [InlineData("""{"event":"result","nonce":"N0NCE","cell":4,"secret":"S","status":"Succeeded","elapsedMs":1""" +
                ""","failure":null,"numeric":"2","outputs":[]}""")]
    [InlineData("""{"event":"result","nonce":"N0NCE","cell":4,"secret":"S","status":"Succeeded","elapsedMs":null""" +
                ""","failure":null,"numeric":null,"outputs":[]}""")]
    [InlineData("""{"event":"result","nonce":"N0NCE","cell":4,"secret":null,"status":"Succeeded","elapsedMs":1""" +
                ""","failure":null,"numeric":null,"outputs":[]}""")]
    [InlineData("""{"event":"result","nonce":"N0NCE","cell":4,"secret":"S","status":"Succeeded","elapsedMs":1""" +
                ""","failure":7,"numeric":null,"outputs":[]}""")]
    [InlineData("""{"event":"result","nonce":"N0NCE","cell":4,"secret":"S","status":"Succeeded","elapsedMs":1""" +
                ""","outputs":[]}""")]
    [InlineData("""{"event":"ready","nonce":"N0NCE""")]
    [InlineData("""{"event":"ready","nonce":"N0NCE"}{"event":"ready","nonce":"N0NCE"}""")]
    public void ALineThatIsNotAWellFormedEventWithTheNonce_IsIgnored(string line) =>
        Assert.Null(WorkerProtocol.ReadEvent(line, Nonce));

    [Fact]
    public void DeeplyNestedJson_IsIgnored_NotThrown()
    {
        var line = """{"event":"ready","nonce":"N0NCE","x":""" +
            new string('[', 100_000) +
            new string(']', 100_000) +
            "}";
        Assert.Null(WorkerProtocol.ReadEvent(line, Nonce));
    }

    [Fact]
    public void ARequestThatDoesNotParse_SaysWhy()
    {
        Assert.Null(WorkerProtocol.ReadRequest("""{"request":"cell","cell":1}""", out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void AWellFormedResult_BecomesTheCellsReport()
    {
        var report = WorkerReportReader.Read(Result(CellStatus.Succeeded, 2, numeric: 2), 1000);
        Assert.Equal(
            (4, WorkerCellStatus.Succeeded, 2.0, (string?)null),
            (report.Index, report.Status, report.NumericReturnValue!.Value, report.Failure));
        Assert.Equal(TimeSpan.FromMilliseconds(2), report.Elapsed);
    }

    [Theory]
    [InlineData("""{"event":"result","nonce":"N0NCE","cell":4,"secret":"S","status":7,"elapsedMs":1""" +
                ""","failure":null,"numeric":null,"outputs":[]}""")]
    [InlineData("""{"event":"result","nonce":"N0NCE","cell":4,"secret":"S","status":"Succeeded","elapsedMs":-1""" +
                ""","failure":null,"numeric":null,"outputs":[]}""")]
    public void AResultWithValuesNoWorkerSends_FailsTheCell_WithAReason(string line)
    {
        // Parses (the types fit) but an honest worker never sends it: the cell fails, the grader goes on.
        var result = Assert.IsType<CellFinished>(WorkerProtocol.ReadEvent(line, Nonce));
        var report = WorkerReportReader.Read(result, 1000);
        Assert.Equal(
            (4, WorkerCellStatus.Crashed, WorkerReportReader.Malformed),
            (report.Index, report.Status, report.Failure));
    }

    [Fact]
    public void AFailureText_IsCutAtItsCap()
    {
        var report = WorkerReportReader.Read(Result(CellStatus.RuntimeError, failure: new string('x', 10_000)), 1000);
        Assert.Equal(WorkerReportReader.MaxFailureChars + 1, report.Failure!.Length);
    }

    [Fact]
    public void OutputsThatAreNotNbformat_AreReplacedByANote()
    {
        var line = """{"event":"result","nonce":"N0NCE","cell":4,"secret":"S","status":"Succeeded","elapsedMs":1""" +
                   ""","failure":null,"numeric":null,"outputs":{"no":"list"}}""";
        var report = WorkerReportReader.Read(Assert.IsType<CellFinished>(WorkerProtocol.ReadEvent(line, Nonce)), 1000);
        Assert.Equal(NbformatOutputs.DroppedNote, report.Outputs.Single()!["text"]!.GetValue<string>());
    }
}
