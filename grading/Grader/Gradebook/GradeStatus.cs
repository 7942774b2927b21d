using System.Text.Json.Serialization;

namespace Grading.Gradebook;

/// <summary>Where a graded cell stands; written to gradebook.json, CSV and feedback with the names below.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GradeStatus>))]
internal enum GradeStatus
{
    /// <summary>A test cell that earned all its points.</summary>
    [JsonStringEnumMemberName("passed")] Passed,

    /// <summary>A test cell that earned some of its points (the cell returned a number below its maximum).</summary>
    [JsonStringEnumMemberName("partial")] Partial,

    /// <summary>A test cell that earned nothing, or a notebook that could not be graded.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>A manual answer or task waiting for a person.</summary>
    [JsonStringEnumMemberName("needs-manual-grade")] NeedsManualGrade,

    /// <summary>A cell an instructor scored with <c>manual import</c>.</summary>
    [JsonStringEnumMemberName("manually-graded")] ManuallyGraded,

    /// <summary>A manual answer left exactly as released: 0 points, "No response."</summary>
    [JsonStringEnumMemberName("no-response")] NoResponse,
}
