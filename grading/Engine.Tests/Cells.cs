using NotebookEngine;

namespace Engine.Tests;

/// <summary>Helpers to run cells in a fresh session and read their outputs.</summary>
internal static class Cells
{
    public static Task<IReadOnlyList<CellResult>> RunAsync(params string[] cells) =>
        RunInAsync(new SessionOptions { WorkingDirectory = Path.GetTempPath() }, cells);

    public static async Task<IReadOnlyList<CellResult>> RunInAsync(SessionOptions options, params string[] cells)
    {
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
