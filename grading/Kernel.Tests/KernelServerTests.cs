using System.Text.Json.Nodes;
using NotebookKernel.Wire;
using TestSupport;

namespace Kernel.Tests;

/// <summary>The kernel's protocol behaviour, driven over real sockets by <see cref="KernelClient"/>.</summary>
[Collection(nameof(KernelCollection))]
public class KernelServerTests(KernelClient kernel)
{
    [Fact]
    public void KernelInfoOnControl_TheReplyCarriesLanguageInfo_BetweenBusyAndIdle()
    {
        var id = kernel.Send(kernel.Control, "kernel_info_request", []);
        var reply = kernel.Receive(kernel.Control);
        Assert.Equal("kernel_info_reply", reply.Type);
        Assert.Equal("C#", reply.Content["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal(".cs", reply.Content["language_info"]!["file_extension"]!.GetValue<string>());
        Assert.Equal(["busy", "idle"], kernel.IopubUntilIdle(id).Select(m => m.Text("execution_state")));
    }

    [Fact]
    public void ACellThatPrintsThenWaits_TheFirstLineArrivesBeforeTheCellEnds()
    {
        // The cell cannot end until the test opens the gate, so "live" is a matter of order, not of a clock.
        using var gate = new Gate();
        var id = kernel.Send(
            kernel.Shell,
            "execute_request",
            new JsonObject
            {
                ["code"] = $"Console.WriteLine(\"first\"); {gate.WaitCode} Console.WriteLine(\"second\");",
            });
        JupyterMessage stream;
        do
        {
            stream = kernel.Receive(kernel.Iopub);
        }
        while (stream.Type != "stream");

        Assert.Equal("first\n", stream.Text("text"));
        Assert.Null(kernel.TryReceive(kernel.Shell, TimeSpan.Zero));
        gate.Open();
        Assert.Equal("ok", kernel.Receive(kernel.Shell).Text("status"));
        Assert.Contains(kernel.IopubUntilIdle(id), m => m.Type == "stream" && m.Text("text") == "second\n");
    }

    [Fact]
    public void AReturnValueAndADisplayUpdate_ExecuteResultHasTextPlain_AndTheUpdateKeepsTheDisplayId()
    {
        var (reply, iopub) = kernel.Execute("var shown = display(\"one\"); shown.Update(\"two\"); 6 * 7");
        var count = reply.Number("execution_count");
        var display = Assert.Single(iopub, m => m.Type == "display_data");
        var update = Assert.Single(iopub, m => m.Type == "update_display_data");
        Assert.Equal(
            display.Content["transient"]!["display_id"]!.GetValue<string>(),
            update.Content["transient"]!["display_id"]!.GetValue<string>());
        var result = Assert.Single(iopub, m => m.Type == "execute_result");
        Assert.Equal("42", result.Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(count, result.Number("execution_count"));
        Assert.Equal(count, Assert.Single(iopub, m => m.Type == "execute_input").Number("execution_count"));
    }

    [Theory]
    [InlineData("throw new InvalidOperationException(\"boom\");", "InvalidOperationException", "boom")]
    [InlineData("int broken = \"text\";", "CompilationError", "CS0029")]
    public void AFailingCell_ThereIsExactlyOneErrorOutput_AndTheReplyRepeatsIt(
        string code,
        string ename,
        string inValue)
    {
        var (reply, iopub) = kernel.Execute(code, stopOnError: false);
        Assert.Equal("error", reply.Text("status"));
        Assert.Equal(ename, reply.Text("ename"));
        Assert.Contains(inValue, reply.Text("evalue"));
        var outputs = iopub.Where(m => m.Type is not ("status" or "execute_input")).ToList();
        var error = Assert.Single(outputs);
        Assert.Equal("error", error.Type);
        Assert.Equal(ename, error.Text("ename"));
    }

    [Fact]
    public void ACellIgnoringCancellation_RepliesWhileStillSpinningAndTheNextCellRuns_WhenInterruptedOnControl()
    {
        // The cell spins (ignoring cancellation) until the gate opens, and the gate opens only after the reply:
        // a reply at all proves the kernel gave up on the cell instead of waiting for it.
        using var gate = new Gate();
        kernel.Send(
            kernel.Shell,
            "execute_request",
            new JsonObject { ["code"] = $"Console.WriteLine(\"spinning\"); {gate.SpinCode}" });
        while (kernel.Receive(kernel.Iopub).Type != "stream")
        {
        }

        kernel.Send(kernel.Control, "interrupt_request", []);
        Assert.Equal("ok", kernel.Receive(kernel.Control).Text("status"));
        var reply = kernel.Receive(kernel.Shell);
        gate.Open();
        Assert.Equal("OperationCanceledException", reply.Text("ename"));
        kernel.Drain();
        Assert.Equal("2", KernelClient.ResultText(kernel.Execute("1 + 1").Iopub));
    }

    [Fact]
    public void AFailureWithStopOnError_TheQueuedExecutionIsAborted_AndALaterOneRuns()
    {
        kernel.Send(
            kernel.Shell,
            "execute_request",
            new JsonObject { ["code"] = "System.Threading.Thread.Sleep(300); throw new Exception(\"first fails\");" });
        kernel.Send(
            kernel.Shell,
            "execute_request",
            new JsonObject { ["code"] = "Console.WriteLine(\"must not run\");" });
        Assert.Equal("error", kernel.Receive(kernel.Shell).Text("status"));
        Assert.Equal("aborted", kernel.Receive(kernel.Shell).Text("status"));
        kernel.Drain();
        Assert.Equal("ok", kernel.Execute("var afterAbort = 1;").Reply.Text("status"));
    }

    [Fact]
    public void StdinDisallowed_ReadLineReturnsNullAtOnce()
    {
        var (_, iopub) = kernel.Execute("Console.ReadLine() is null");
        Assert.Equal("True", KernelClient.ResultText(iopub));
    }

    [Fact]
    public void StdinAllowed_ReadLineAsksTheClient_AndReturnsItsReply()
    {
        var id = kernel.Send(
            kernel.Shell,
            "execute_request",
            new JsonObject { ["code"] = "var typed = Console.ReadLine(); typed + \"!\"", ["allow_stdin"] = true });
        var request = kernel.Receive(kernel.Stdin);
        Assert.Equal("input_request", request.Type);
        kernel.Send(kernel.Stdin, "input_reply", new JsonObject { ["value"] = "hello" });
        Assert.Equal("ok", kernel.Receive(kernel.Shell).Text("status"));
        Assert.Equal("hello!", KernelClient.ResultText(kernel.IopubUntilIdle(id)));
    }

    [Fact]
    public void GarbageABadSignatureAndAnUnknownType_TheKernelKeepsAnswering()
    {
        kernel.SendRaw(kernel.Shell, "not a message"u8.ToArray());
        kernel.SendRaw(
            kernel.Shell,
            "<IDS|MSG>"u8.ToArray(),
            "bad"u8.ToArray(),
            "{}"u8.ToArray(),
            "{}"u8.ToArray(),
            "{}"u8.ToArray(),
            "{}"u8.ToArray());
        kernel.Send(kernel.Shell, "no_such_request", []);
        kernel.Drain();
        kernel.Send(kernel.Shell, "kernel_info_request", []);
        Assert.Equal("kernel_info_reply", kernel.Receive(kernel.Shell).Type);
    }

    [Fact]
    public void CodeWithAnAstralCharacter_WhenCompletingAfterIt_CursorsCountCodePoints()
    {
        kernel.Execute("var completionTarget = 5;");
        const string code = "var s = \"😀\"; completionTar";
        var codePoints = code.EnumerateRunes().Count();
        kernel.Send(kernel.Shell, "complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = codePoints });
        var reply = kernel.Receive(kernel.Shell);
        Assert.Contains("completionTarget", reply.Content["matches"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(codePoints - "completionTar".Length, reply.Number("cursor_start"));
        Assert.Equal(codePoints, reply.Number("cursor_end"));
        kernel.Drain();
    }
}

/// <summary>One kernel for all server tests.</summary>
[CollectionDefinition(nameof(KernelCollection))]
public class KernelCollection : ICollectionFixture<KernelClient>;
