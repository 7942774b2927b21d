using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Autograde.Sanitize;

/// <summary>Puts back the kernel and language metadata the course's notebooks declare, whatever the student's editor
/// wrote.</summary>
internal sealed class RestoreNotebookMetadata(AssignmentSource source) : INotebookStep
{
    private static readonly string[] Keys = ["kernelspec", "language_info", "polyglot_notebook"];

    public Notebook Process(Notebook notebook, StepContext context)
    {
        foreach (var key in Keys)
        {
            var wanted = source.Source.Metadata[key]?.DeepClone();
            if (wanted is not null && notebook.Metadata[key]?.ToJsonString() != wanted.ToJsonString())
            {
                notebook.Metadata[key] = wanted;
            }
        }

        return notebook;
    }
}
