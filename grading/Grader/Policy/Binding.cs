namespace Grading.Policy;

/// <summary>What one place of a locked cell means in one compilation.</summary>
/// <param name="Start">Offset of the syntax node in the cell.</param>
/// <param name="Line">1-based line of the node in the cell.</param>
/// <param name="Aspect">"means" (the symbol), "type", "converted", "conversion", "foreach", "query", "await",
/// "deconstruct", "add", "declares".</param>
/// <param name="Key">The <see cref="SymbolKeys"/> key; "-" when the node has nothing of this aspect.</param>
/// <param name="Text">The node's source text, shortened, for messages.</param>
/// <param name="Display">The symbol or type as C# shows it, for messages.</param>
/// <param name="Scope">Where the notebook declared it, or null for a library symbol.</param>
/// <param name="DeclaredAs">For a student declaration: what to rename ("type Similarity", "extension method ToArray",
/// "alias Math").</param>
internal sealed record Binding(
    int Start,
    int Line,
    string Aspect,
    string Key,
    string Text,
    string Display,
    DeclarationScope? Scope,
    string? DeclaredAs);
