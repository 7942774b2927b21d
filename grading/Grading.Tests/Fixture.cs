using Grading.Cli;

namespace Grading.Tests;

/// <summary>Paths of the test fixtures and a way to run the CLI against a fake console.</summary>
internal static class Fixture
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static string TinyNotebook => Path("assignment", "notebooks", "tiny.ipynb");

    /// <summary>
    /// Written by Python's json.dumps(indent=1, ensure_ascii=False, sort_keys=True): every region kind and cell kind.
    /// </summary>
    public static string CirclesNotebook => Path("release", "circles.ipynb");

    public static string TempFolder() => Directory.CreateTempSubdirectory("grader-tests-").FullName;

    public static async Task<(int ExitCode, string Out, string Error)> RunCliAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await GraderCli.RunAsync(args, Terminal.Plain(output, error, width: 200));
        return (code, output.ToString(), error.ToString());
    }
}
