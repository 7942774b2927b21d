namespace Grading.Notebooks;

/// <summary>
/// A cell's region markers are nested, unterminated or stray; the message names notebook, cell, grade id and line.
/// </summary>
internal sealed class RegionException(string message) : Exception(message);
