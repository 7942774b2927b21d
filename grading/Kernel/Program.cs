using NetMQ;
using NotebookKernel.Server;
using NotebookKernel.Wire;

// The `.net-csharp` Jupyter kernel. Started by a Jupyter client with the connection file it wrote; logs go to stderr.
KernelLog.Capture();
if (KernelOptions.Parse(args, out var usageError) is not { } options)
{
    KernelLog.Write(usageError);
    return 2;
}

try
{
    var connection = ConnectionInfo.Load(options.ConnectionFile);
    int code;
    using (var server = KernelServer.Start(connection, options))
    {
        code = server.Run();
    }

    // Once every socket is closed, ending NetMQ's context waits for queued IOPub messages to leave.
    NetMQConfig.Cleanup(block: true);
    return code;
}
catch (KernelStartException exception)
{
    KernelLog.Write(exception.Message);
    return 1;
}
