using System.Diagnostics;
using Grading.Cli;
using Grading.Export;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Release.Steps;
using Grading.Running.Execution;
using NotebookEngine;

namespace Grading.Tests;

/// <summary>
/// One course notebook exported and really run with <c>dotnet run file.cs</c> (a restore and first build: tens of
/// seconds), its output compared cell by cell with what the notebook engine prints for the same cells. CI does this for
/// every notebook and the release (.ci/export.sh).
/// </summary>
public sealed class ExportRunTests
{
    [Fact]
    public async Task WelcomeNotebook_RunsAsAFileBasedApp_PrintingWhatTheNotebookPrints()
    {
        var source = Path.Combine(RepositoryPaths.Root, "notebooks", "00_welcome.ipynb");
        var folder = Fixture.TempFolder();
        var app = Path.Combine(folder, "00_welcome.cs");
        File.WriteAllText(app, NotebookExporter.Export(Notebook.Load(source), app, RepositoryPaths.Root).Text);

        var (exitCode, stdout, stderr) = await DotnetRunAsync(folder, "00_welcome.cs");
        // The export leaves hidden tests out, so the engine runs the visible tests only, as validate does.
        var visible = new NotebookPipeline(new ClearRegion(RegionKind.HiddenTests))
            .Run(Notebook.Load(source), new StepContext());
        var executed = await NotebookRunner.RunAsync(visible, Path.GetDirectoryName(source)!, TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"dotnet run exited with {exitCode}:\n{stderr}");
        var printed = PerCell(stdout);
        foreach (var cell in executed)
        {
            // What a console shows: stdout, and the text/plain of displays and values (a chart's: one line).
            var expected = string.Concat(cell.Result.Outputs.Select(output => output switch
            {
                StreamOutput { Name: "stdout" } stream => stream.Text,
                DisplayDataOutput display when display.Data.TryGetValue("text/plain", out var text) => text + "\n",
                _ => "",
            }));
            Assert.True(printed.ContainsKey(cell.Index), $"the app never reached cell {cell.Index}");
            Assert.Equal(
                expected.TrimEnd('\n'),
                string.Join('\n', printed[cell.Index].Where(l => !l.StartsWith("chart: ", StringComparison.Ordinal)))
                    .TrimEnd('\n'));
        }

        var charts = Directory.GetFiles(folder, "00_welcome.cell*.html");
        Assert.NotEmpty(charts);
        Assert.All(charts, chart => Assert.Contains("Plotly.newPlot", File.ReadAllText(chart)));
        Assert.Contains($"chart: {Path.GetFileName(charts[0])}", stdout);
    }

    private static Dictionary<int, List<string>> PerCell(string stdout)
    {
        var cells = new Dictionary<int, List<string>>();
        List<string>? current = null;
        foreach (var line in stdout.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith(OutputHelperSource.CellMarker, StringComparison.Ordinal))
            {
                cells[int.Parse(
                    line[OutputHelperSource.CellMarker.Length..],
                    System.Globalization.CultureInfo.InvariantCulture)] = current = [];
            }
            else
            {
                current?.Add(line);
            }
        }

        return cells;
    }

    private static async Task<(int ExitCode, string Out, string Error)> DotnetRunAsync(string folder, string file)
    {
        var start = new ProcessStartInfo("dotnet", ["run", file])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [OutputHelperSource.CellMarkerVariable] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        };
        using var process = Process.Start(start)!;
        var (output, error) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
