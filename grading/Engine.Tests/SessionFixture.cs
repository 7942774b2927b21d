using NotebookEngine;

namespace Engine.Tests;

/// <summary>
/// One session shared by the tests of a class, so Roslyn's cold start is paid once per class. Tests that share it
/// use variable names of their own, as cells of one notebook would.
/// </summary>
public sealed class SessionFixture : IAsyncLifetime
{
    private NotebookSession? session;

    /// <summary>The shared session, in the temp folder.</summary>
    public NotebookSession Session => session ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() =>
        session = await NotebookSession.StartAsync(new SessionOptions { WorkingDirectory = Path.GetTempPath() });

    public async Task DisposeAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    /// <summary>Runs the cells in order in the shared session.</summary>
    public async Task<IReadOnlyList<CellResult>> RunAsync(params string[] cells)
    {
        var results = new List<CellResult>();
        foreach (var cell in cells)
        {
            results.Add(await Session.ExecuteAsync(cell));
        }

        return results;
    }
}
