using Grading.Notebooks;

namespace Grading.Cli;

/// <summary>Loads the notebook a verb was given; a missing or malformed file throws, for <see cref="CliErrorPolicy"/>
/// to report.</summary>
internal static class NotebookArgument
{
    /// <exception cref="InputException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="NotebookFormatException">The file is not a notebook (the message names the JSON
    /// path).</exception>
    public static Notebook Load(string path) => File.Exists(path)
        ? Notebook.Load(path)
        : throw new InputException($"{path}: no such notebook. Give the path of an .ipynb file.");
}
