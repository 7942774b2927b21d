using System.Text.Json.Nodes;

namespace Kernel.Tests;

/// <summary>
/// A kernel's end is its own: the tests serve kernels in their own process beside clients of kernel processes, so
/// ending one kernel may end neither NetMQ's process-wide context nor the console input of the kernel served before it.
/// In the server tests' collection, since in-process kernels share the process's console.
/// </summary>
[Collection(nameof(KernelCollection))]
public sealed class KernelServerLifetimeTests
{
    [Fact]
    public async Task AKernelServedInProcess_WhenAnotherOneEnds_KeepsServing()
    {
        using var survivor = new KernelClient();
        var ending = new KernelClient();
        // Ending NetMQ's context with the first kernel used to block right here on the survivor's open sockets (and a
        // client mid-request saw "CheckContextTerminated"): the CI run it hung went on until its time limit.
        var disposal = Task.Run(ending.Dispose);
        var first = await Task.WhenAny(disposal, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(first == disposal, "disposing one in-process kernel did not return within 60 s");
        await disposal;
        var next = survivor.Execute("6 * 7");
        Assert.Equal("ok", next.Reply.Text("status"));
        Assert.Equal("42", KernelClient.ResultText(next.Iopub));
        // Console input is the survivor's again (the ended kernel had replaced it): ReadLine asks its own client.
        survivor.Send(
            survivor.Shell,
            "execute_request",
            new JsonObject { ["code"] = "Console.ReadLine()", ["allow_stdin"] = true });
        Assert.Equal("input_request", survivor.Receive(survivor.Stdin).Type);
        survivor.Send(survivor.Stdin, "input_reply", new JsonObject { ["value"] = "still here" });
        Assert.Equal("ok", survivor.Receive(survivor.Shell).Text("status"));
    }
}
