using Grading.Running.Isolation;

namespace Grading.Autograde;

/// <summary>Everything an autograde run was asked to do.</summary>
/// <param name="Submissions">The folder of student folders.</param>
/// <param name="Source">The instructor notebooks (a folder or files).</param>
/// <param name="Output">Where results go.</param>
/// <param name="Jobs">Notebooks graded at once.</param>
/// <param name="Limits">What each worker may spend.</param>
/// <param name="Sandbox">How workers are confined.</param>
/// <param name="Shard">The slice of the class graded by this run (index, count).</param>
/// <param name="Due">The due date, if any.</param>
/// <param name="Late">How lateness costs points.</param>
/// <param name="Force">Regrade unchanged submissions too.</param>
/// <param name="Formats">Extra outputs: gradescope, classroom.</param>
/// <param name="LibraryDll">The course library each worker gets a read-only copy of.</param>
/// <param name="Times">The instructor's collection file of submission times (student,timestamp), or null.</param>
/// <param name="ShowHiddenDetail">Feedback and exports show what hidden checks printed and their failure messages (off
/// by default).</param>
internal sealed record GradingOptions(string Submissions, string Source, string Output, int Jobs, WorkerLimits Limits,
    SandboxMode Sandbox, (int Index, int Count) Shard, DateTimeOffset? Due, LatePolicy Late, bool Force,
    IReadOnlyList<string> Formats, string? LibraryDll, string? Times = null, bool ShowHiddenDetail = false);
