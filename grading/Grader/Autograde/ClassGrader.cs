using System.Security.Cryptography;
using System.Text;
using Grading.Exports;
using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Running.Isolation;

namespace Grading.Autograde;

/// <summary>One finished (or reused) student × notebook, for progress reporting.</summary>
internal sealed record GradedItem(NotebookGrade Grade, bool Reused, TimeSpan Elapsed);

/// <summary>
/// Grades a class: every student × notebook in its own worker, <c>Jobs</c> at a time, each result written atomically as
/// soon as it is known (a killed run loses nothing, a re-run skips what did not change), then the gradebook and exports
/// from all results. One bad submission never stops the batch.
/// </summary>
internal sealed class ClassGrader(GradingOptions options, bool sandboxed)
{
    public async Task<ClassGradebook> GradeAsync(
        IReadOnlyList<AssignmentSource> sources,
        Action<GradedItem> onGraded,
        CancellationToken cancellationToken)
    {
        var students = SubmissionFinder.Students(options.Submissions).Where(InShard).ToList();
        var work = students
            .SelectMany(student => sources.Select(source => (Student: student, Source: source)))
            .ToList();
        var grader = new NotebookGrader(options.Limits, sandboxed, options.LibraryDll);
        var times = options.Times is null
            ? SubmissionTimes.None(options.Due is not null)
            : SubmissionTimes.Load(options.Times, options.Due is not null);
        var results = new NotebookGrade[work.Count];
        // Workers finish concurrently; reporting one at a time lets a caller write to any TextWriter (a StringWriter
        // is not thread-safe: two finishing at once corrupted its buffer in a test run).
        var reporting = new Lock();
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var (student, source) = work[i];
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var (grade, reused) = await GradeOneAsync(grader, student, source, times, token);
                results[i] = grade;
                lock (reporting)
                {
                    onGraded(new GradedItem(grade, reused, clock.Elapsed));
                }
            });

        return Build(sources, results);
    }

    /// <summary>
    /// One student × notebook, from finding the file to writing its result. Whatever fails in here (the grader's own
    /// bug on a strange notebook included) fails only this submission, with a reason and its points still counted as
    /// available.
    /// </summary>
    private async Task<(NotebookGrade Grade, bool Reused)> GradeOneAsync(
        NotebookGrader grader,
        string student,
        AssignmentSource source,
        SubmissionTimes times,
        CancellationToken token)
    {
        var submission = new Submission(student, source.Name, null, null, "");
        NotebookGrade grade;
        try
        {
            submission = SubmissionFinder.Find(options.Submissions, student, source.Name, times);
            var resultPath = ResultPath(student, source.Name);
            var previous = ReadPrevious(resultPath);
            if (!options.Force
                && submission.Content is not null
                && previous is not null
                && previous.SubmissionHash == submission.Hash
                && previous.SourceHash == source.Hash)
            {
                var withoutTime = previous with
                {
                    Notes = previous.Notes.Where(n => n.Kind != NoteKind.SubmissionTime).ToList(),
                };
                return (WithTime(withoutTime, submission), true);
            }

            var (graded, executed) = await grader.GradeAsync(source, submission, token);
            grade = WithTime(graded, submission);
            if (executed is not null)
            {
                executed.Save(Path.Combine(StudentFolder(student), source.Name + ".ipynb"));
            }

            GradebookJson.Write(resultPath, grade);
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            // The grader's own failure on one submission is reported on that submission, never the batch.
            grade = FailedGrade.For(
                source,
                submission,
                $"The grader failed on this submission ({e.GetType().Name}: {e.Message}). " +
                "Re-run with --force; if it persists, report it with this notebook.",
                "The grader could not grade this notebook (see the note); your instructor has been told.");
        }

        return (grade, false);
    }

    private static NotebookGrade WithTime(NotebookGrade grade, Submission submission) => grade with
    {
        Timestamp = submission.Timestamp,
        Notes = submission.TimeProblem is null
            ? grade.Notes
            : [.. grade.Notes, new GradingNote(NoteKind.SubmissionTime, null, submission.TimeProblem)],
    };

    private static NotebookGrade? ReadPrevious(string resultPath)
    {
        try
        {
            return GradebookJson.Read<NotebookGrade>(resultPath);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or NotSupportedException)
        {
            // A damaged result file is regraded, not trusted.
            return null;
        }
    }

    /// <summary>Writes gradebook.json, grades.csv, feedback and the requested platform formats.</summary>
    public void WriteOutputs(ClassGradebook gradebook, IReadOnlyList<AssignmentSource> sources)
    {
        GradebookJson.Write(Path.Combine(options.Output, "gradebook.json"), gradebook);
        GradesCsv.Write(Path.Combine(options.Output, "grades.csv"), gradebook);
        foreach (var grade in gradebook.Notebooks)
        {
            var released = sources.First(s => s.Name == grade.Notebook).Released;
            var feedback = Path.Combine(options.Output, "feedback", grade.Student, grade.Notebook + ".html");
            try
            {
                var executedPath = Path.Combine(StudentFolder(grade.Student), grade.Notebook + ".ipynb");
                var executed = File.Exists(executedPath) ? Notebook.Load(executedPath) : null;
                AtomicFile.WriteAllText(
                    feedback,
                    FeedbackHtml.Render(grade, executed, released, options.ShowHiddenDetail));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One student's strange notebook must not cost the rest of the class their feedback.
                var error = $"{grade.Error} Your notebook could not be shown here ({e.GetType().Name}); " +
                    "the scores above stand.";
                AtomicFile.WriteAllText(
                    feedback,
                    FeedbackHtml.Render(grade with { Error = error }, null, released, options.ShowHiddenDetail));
            }
        }

        if (options.Formats.Contains("gradescope"))
        {
            foreach (var student in gradebook.Students)
            {
                GradebookJson.Write(Path.Combine(options.Output, "gradescope", student, "results.json"),
                    PlatformResults.Gradescope(
                        gradebook.Notebooks.Where(n => n.Student == student).ToList(),
                        options.ShowHiddenDetail));
            }
        }
    }

    /// <summary>
    /// The gradebook from the result files already in the output folder (after <c>manual import</c> or <c>merge</c>):
    /// nothing is executed again.
    /// </summary>
    public ClassGradebook Rebuild(IReadOnlyList<AssignmentSource> sources)
    {
        var results = Directory.Exists(Path.Combine(options.Output, "students"))
            ? Directory
                .EnumerateFiles(Path.Combine(options.Output, "students"), "*.result.json", SearchOption.AllDirectories)
                .Select(GradebookJson.Read<NotebookGrade>).OfType<NotebookGrade>().ToList()
            : [];
        return Build(sources, results);
    }

    private ClassGradebook Build(IReadOnlyList<AssignmentSource> sources, IReadOnlyList<NotebookGrade> results)
    {
        var manual = ManualGrades.Load(options.Output);
        var notebooks = results
            .Select(grade => ManualGrades.Apply(grade, manual))
            .Select(grade => grade with
            {
                LatePenalty = options.Late.Penalty(grade.RawScore, grade.Timestamp, options.Due),
            })
            .OrderBy(g => g.Student, StringComparer.Ordinal).ThenBy(g => g.Notebook, StringComparer.Ordinal)
            .ToList();
        // The assignment is the folder of the notebooks, or its parent when that folder is just "notebooks".
        var sourceFolder = new DirectoryInfo(Path.GetFullPath(options.Source).TrimEnd(Path.DirectorySeparatorChar));
        var assignment = sourceFolder.Name == "notebooks" && sourceFolder.Parent is { } parent
            ? parent.Name
            : sourceFolder.Name;
        return new ClassGradebook(assignment, options.Due, options.Late.ToString(), notebooks);
    }

    private bool InShard(string student) => ShardOf(student, options.Shard.Count) == options.Shard.Index;

    /// <summary>
    /// The shard (1…count) a student belongs to. A hash, not a position: adding a student to the class does not move
    /// everyone else to another shard.
    /// </summary>
    public static int ShardOf(string student, int count) =>
        count <= 1
            ? 1
            : (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(student)), 0) % (uint)count) + 1;

    private string StudentFolder(string student) => Path.Combine(options.Output, "students", student);

    private string ResultPath(string student, string notebook) =>
        Path.Combine(StudentFolder(student), notebook + ".result.json");
}
