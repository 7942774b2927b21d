using NotebookEngine;

namespace Engine.Tests;

/// <summary>Helpers to run cells in a fresh session and read their outputs.</summary>
internal static class Cells
{
    public static async Task<IReadOnlyList<CellResult>> RunAsync(params string[] cells) => await RunInAsync(Path.GetTempPath(), null, cells);

    public static async Task<IReadOnlyList<CellResult>> RunInAsync(string directory, TimeSpan? timeout, params string[] cells)
    {
        var options = new SessionOptions { WorkingDirectory = directory, CellTimeout = timeout ?? TimeSpan.FromSeconds(30) };
        await using var session = await NotebookSession.StartAsync(options);
        var results = new List<CellResult>();
        foreach (var cell in cells)
        {
            results.Add(await session.ExecuteAsync(cell));
        }

        return results;
    }

    public static string Text(this CellResult result, string stream = "stdout") =>
        string.Concat(result.Outputs.OfType<StreamOutput>().Where(s => s.Name == stream).Select(s => s.Text));

    public static DisplayDataOutput Display(this CellResult result, int index = 0) =>
        result.Outputs.OfType<DisplayDataOutput>().ElementAt(index);

    public static ErrorOutput Error(this CellResult result) => Assert.Single(result.Outputs.OfType<ErrorOutput>());
}
