using System.Text.RegularExpressions;
using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Autograde.Sanitize;

/// <summary>
/// Test cells call <c>TensorLab.Check</c>; a student who declares a type named <c>Check</c> or <c>TensorLab</c> could
/// make those calls reach their own code. Rewriting the calls to <c>global::TensorLab.Check</c> binds them to the
/// library whatever the student declares. Runs after the locked cells are restored, on the instructor's text only.
/// </summary>
internal sealed partial class ImmunizeTestHelpers : INotebookStep
{
    public Notebook Process(Notebook notebook, StepContext context)
    {
        foreach (var cell in notebook.Cells.Where(c => c.IsCode && c.Kind() == CellKind.Tests))
        {
            cell.Source = QualifiedCheck().Replace(cell.Source, "global::TensorLab.Check.");
        }

        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.IsCode
                && cell.Kind() != CellKind.Tests
                && ShadowingType().Match(cell.Source) is { Success: true } match)
            {
                context.Notes.Add((i, new GradingNote(
                    NoteKind.Shadowing,
                    null,
                    $"declares a type named '{match.Groups["name"].Value}', the name of a test helper; " +
                    "tests call the library's own one")));
            }
        }

        return notebook;
    }

    [GeneratedRegex(@"(?<![\w:.])TensorLab\.Check\.")]
    private static partial Regex QualifiedCheck();

    [GeneratedRegex(
        @"\b(class|struct|record|interface|namespace|enum)\s+(?<name>Check|TensorLab|Assert|CheckFailedException)\b")]
    private static partial Regex ShadowingType();
}
