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
    using var server = KernelServer.Start(connection, options);
    return server.Run();
}
catch (KernelStartException exception)
{
    KernelLog.Write(exception.Message);
    return 1;
}
