using NotebookEngine;

namespace Engine.Tests;

public class WorkingDirectoryTests
{
    [Fact]
    public async Task ASession_WhenDisposed_TheCallersCurrentDirectoryIsBack()
    {
        var caller = Environment.CurrentDirectory;
        var notebookFolder = Directory.CreateTempSubdirectory("engine-cwd-").FullName;
        await using (var session = await NotebookSession.StartAsync(
            new SessionOptions { WorkingDirectory = notebookFolder }))
        {
            var result = await session.ExecuteAsync("Console.Write(Environment.CurrentDirectory);");
            Assert.Equal(notebookFolder, result.Outputs.OfType<StreamOutput>().Single().Text);
        }

        Assert.Equal(caller, Environment.CurrentDirectory);
    }
}
