using Grading.Isolation;

namespace Grading.Autograde;

/// <summary>Everything an autograde run was asked to do.</summary>
internal sealed record GradingOptions(string Submissions, string Source, string Output, int Jobs, WorkerLimits Limits,
    SandboxMode Sandbox, (int Index, int Count) Shard, DateTimeOffset? Due, LatePolicy Late, bool Force,
    IReadOnlyList<string> Formats, string? LibraryDll);
