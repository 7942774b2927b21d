using Grading.Notebooks;

namespace Grading.Cli;

/// <summary>Loads the notebook a verb was given, or prints why it cannot (file, JSON path, problem) and returns null.</summary>
internal static class NotebookArgument
{
    public static Notebook? TryLoad(string path, Terminal terminal)
    {
        if (!File.Exists(path))
        {
            terminal.Error.WriteLine($"{path}: no such notebook. Give the path of an .ipynb file.");
            return null;
        }

        try
        {
            return Notebook.Load(path);
        }
        catch (NotebookFormatException e)
        {
            terminal.Error.WriteLine(e.Message);
            return null;
        }
    }
}
