using System.Text.Json.Nodes;
using Grading.Running.Isolation;
using Grading.Running.Worker;
using NotebookEngine;

namespace Grading.Tests;

/// <summary>
/// Both ends of the worker protocol go through one serializer; a line that is not a well-formed event with the run's
/// nonce (student output, a forgery, a torn write) is ignored without an exception, and a well-formed result with
/// values no honest worker sends fails its cell with a reason.
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
