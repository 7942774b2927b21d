namespace Grading.Policy;

/// <summary>
/// Compares what a locked cell means in the student's notebook with what it means in the instructor's run. Every
/// place must bind alike; the student's declarations may stand in for the solution's (that is the assignment) only
/// with the solution's exact signature, which the keys already include.
/// </summary>
internal static class BindingComparer
{
    /// <summary>Null when both mean the same; otherwise the first difference, named, with how to fix it.</summary>
    public static string? FirstDifference(IReadOnlyList<Binding> instructor, IReadOnlyList<Binding> student)
    {
        if (instructor.Count != student.Count)
        {
            return "this cell is not the instructor's (its code differs), so what it means cannot be checked.";
        }

        var differences = new List<(Binding Expected, Binding Actual)>();
        for (var i = 0; i < instructor.Count; i++)
        {
            var (expected, actual) = (instructor[i], student[i]);
            if (expected.Start != actual.Start || expected.Aspect != actual.Aspect)
            {
                return "this cell is not the instructor's (its code differs), so what it means cannot be checked.";
            }

            if (expected.Key != actual.Key)
            {
                differences.Add((expected, actual));
            }
        }

        // One cause shows up in many places (a changed return type also changes the inferred Check.Equal<T>): name the
        // cause.
        var cause = differences.FirstOrDefault(d =>
            d.Expected.Aspect == "means" && d.Expected.Scope is { IsStudent: true });
        cause = cause != default ? cause : differences.FirstOrDefault(d => d.Actual.DeclaredAs is not null);
        cause = cause != default ? cause : differences.FirstOrDefault();
        return cause == default ? null : Explain(cause.Expected, cause.Actual);
    }

    private static string Explain(Binding expected, Binding actual)
    {
        var at = $"`{actual.Text}` (line {actual.Line})";
        if (expected.Aspect == "means" && expected.Scope is { IsStudent: true } && actual.Scope is { IsStudent: true })
        {
            return $"{at} must have the assignment's signature `{expected.Display}`, but yours is `{actual.Display}` " +
                   $"(cell {actual.Scope.CellIndex}). " +
                   "Give it exactly the parameter and return types of the stub you were given.";
        }

        if (actual.DeclaredAs is { } yours)
        {
            var where = actual.Scope is { } scope ? $" (cell {scope.CellIndex})" : "";
            return $"{at} should mean `{expected.Display}`, but your {yours}{where} takes its place: " +
                   $"rename or remove your {yours} so the test uses the real one.";
        }

        return expected.Aspect switch
        {
            "means" or "foreach" or "query" or "await" or "deconstruct" or "add" or "conversion" =>
                $"{at} should mean `{expected.Display}`, but in your notebook it means `{actual.Display}`: " +
                "something your cells declare changes what this test calls. " +
                "Remove declarations that reuse names the tests use.",
            _ => $"{at} has type `{actual.Display}` in your notebook but `{expected.Display}` in the assignment: " +
                 "keep the types of the stubs you were given.",
        };
    }
}
