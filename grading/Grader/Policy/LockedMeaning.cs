namespace Grading.Policy;

/// <summary>What a locked cell means in the instructor's run.</summary>
/// <param name="Bindings">What each place of its syntax binds to (<see cref="BindingWalker"/>).</param>
/// <param name="Code">Its compiled code as <see cref="CompiledMeaning"/> writes it; null when it has none.</param>
internal sealed record LockedMeaning(IReadOnlyList<Binding> Bindings, string? Code);
