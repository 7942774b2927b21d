namespace Grading.Export;

/// <summary>One cell's C#, split into where a file-based app needs each part.</summary>
/// <param name="Usings">Using directives, for the top of the file (C# puts them before any statement).</param>
/// <param name="Statements">Top-level statements and local functions, in the cell's order, comments kept.</param>
/// <param name="Types">Type declarations, for after every top-level statement (C# requires that order).</param>
/// <param name="Functions">Names of the local functions the cell declares (top-level methods in the notebook).</param>
/// <param name="Variables">Names of the top-level variables the cell declares.</param>
/// <param name="SyntaxError">The first syntax error when the cell does not parse (then it is exported as it is);
/// otherwise null.</param>
internal sealed record CodePieces(IReadOnlyList<string> Usings, string Statements, IReadOnlyList<string> Types,
    IReadOnlyList<string> Functions, IReadOnlyList<string> Variables, string? SyntaxError);
