using Microsoft.CodeAnalysis.Scripting;

namespace NotebookEngine;

/// <summary>A session's state as code assistance sees it: the last executed submission and the options the next one
/// gets.</summary>
/// <param name="Script">The script of the last executed submission, chained to every earlier one.</param>
/// <param name="Options">The session's current options (references from <c>#r "nuget:"</c>, base directory).</param>
internal sealed record ScriptSnapshot(Script Script, ScriptOptions Options);
