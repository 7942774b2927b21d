using System.Globalization;
using System.Text;

namespace TensorLab;

/// <summary>
/// Assertions for notebook test cells. A passing check prints one ✓ line; a failing one throws
/// <see cref="CheckFailedException"/> whose message says what was expected, what was found, where, and what to try.
/// </summary>
public static partial class Check
{
    private const string StubHint =
        "This part is not implemented yet: replace `throw new NotImplementedException();` with your code.";

    /// <summary>Passes when <paramref name="actual"/> equals <paramref name="expected"/>
    /// (EqualityComparer.Default).</summary>
    /// <typeparam name="T">The compared type.</typeparam>
    /// <param name="what">What is checked, as the student would name it ("offset of row 2, col 3").</param>
    /// <param name="actual">The student's value.</param>
    /// <param name="expected">The right value.</param>
    /// <param name="hint">What to try when it fails; optional.</param>
    /// <exception cref="CheckFailedException">The values differ.</exception>
    public static void Equal<T>(string what, T actual, T expected, string? hint = null)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            Fail($"{what}: expected {Show(expected)}, found {Show(actual)}.", hint);
        }

        Pass($"{what}: {Show(actual)}");
    }

    /// <summary>Passes when |actual − expected| ≤ <paramref name="tolerance"/>.</summary>
    /// <param name="what">What is checked.</param>
    /// <param name="actual">The student's value.</param>
    /// <param name="expected">The right value.</param>
    /// <param name="tolerance">Largest allowed absolute difference (default 1e-5).</param>
    /// <param name="hint">What to try when it fails; optional.</param>
    /// <exception cref="CheckFailedException">The difference is larger, or a value is NaN.</exception>
    public static void Close(string what, double actual, double expected, double tolerance = 1e-5, string? hint = null)
    {
        var difference = Math.Abs(actual - expected);
        if (!(difference <= tolerance))
        {
            var (shownExpected, shownActual) = ShowApart(expected, actual, MaxDoubleDigits);
            Fail(
                $"{what}: expected {shownExpected}, found {shownActual} " +
                $"(difference {Show(difference)} > tolerance {Show(tolerance)}).",
                hint);
        }

        Pass(difference == 0 ? $"{what}: exact" : $"{what}: approx (diff {Show(difference)} ≤ {Show(tolerance)})");
    }

    /// <summary>Passes when both spans have the same length and every element is within
    /// <paramref name="tolerance"/>.</summary>
    /// <param name="what">What is checked.</param>
    /// <param name="actual">The student's values.</param>
    /// <param name="expected">The right values.</param>
    /// <param name="tolerance">Largest allowed absolute difference per element (default 1e-5).</param>
    /// <param name="hint">What to try when it fails; optional.</param>
    /// <exception cref="CheckFailedException">Lengths differ, or some element is off (the message gives the first one
    /// and the worst one).</exception>
    public static void Close(
        string what,
        ReadOnlySpan<float> actual,
        ReadOnlySpan<float> expected,
        float tolerance = 1e-5f,
        string? hint = null) =>
        CloseElements(what, actual, expected, tolerance, hint, index => $"index {index}");

    /// <summary>
    /// Passes when both matrices have the same shape and every element is within <paramref name="tolerance"/>;
    /// a failure names elements by (row, col).
    /// </summary>
    /// <param name="what">What is checked.</param>
    /// <param name="actual">The student's matrix.</param>
    /// <param name="expected">The right matrix.</param>
    /// <param name="tolerance">Largest allowed absolute difference per element (default 1e-5).</param>
    /// <param name="hint">What to try when it fails; optional.</param>
    /// <exception cref="CheckFailedException">Shapes differ or some element is off (the message gives the first one and
    /// the worst one).</exception>
    public static void Close(
        string what,
        float[,] actual,
        float[,] expected,
        float tolerance = 1e-5f,
        string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var (rows, cols) = (expected.GetLength(0), expected.GetLength(1));
        if (actual.GetLength(0) != rows || actual.GetLength(1) != cols)
        {
            Fail(
                $"{what}: expected shape [{rows}, {cols}], found [{actual.GetLength(0)}, {actual.GetLength(1)}].",
                hint);
        }

        var flatActual = new float[actual.Length];
        var flatExpected = new float[expected.Length];
        Buffer.BlockCopy(actual, 0, flatActual, 0, actual.Length * sizeof(float));
        Buffer.BlockCopy(expected, 0, flatExpected, 0, expected.Length * sizeof(float));
        CloseElements(
            what,
            flatActual,
            flatExpected,
            tolerance,
            hint,
            index => $"(row {index / cols}, col {index % cols})");
    }

    /// <summary>
    /// Passes when two flat row-major buffers of <paramref name="columns"/> columns match element by element; a failure
    /// names elements by (row, col), so "(row 2, col 1)" points at the wrong row instead of "index 7".
    /// </summary>
    /// <param name="what">What is checked.</param>
    /// <param name="actual">The student's values, row-major.</param>
    /// <param name="expected">The right values, row-major.</param>
    /// <param name="columns">Values per row (≥ 1).</param>
    /// <param name="tolerance">Largest allowed absolute difference per element (default 1e-5).</param>
    /// <param name="hint">What to try when it fails; optional.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is less than 1.</exception>
    /// <exception cref="CheckFailedException">Lengths differ or some element is off.</exception>
    public static void CloseRows(string what, ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, int columns,
        float tolerance = 1e-5f, string? hint = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        CloseElements(
            what,
            actual,
            expected,
            tolerance,
            hint,
            index => $"(row {index / columns}, col {index % columns})");
    }

    private static void CloseElements(
        string what,
        ReadOnlySpan<float> actual,
        ReadOnlySpan<float> expected,
        float tolerance,
        string? hint,
        Func<int, string> position)
    {
        if (actual.Length != expected.Length)
        {
            Fail($"{what}: expected {expected.Length} values, found {actual.Length}.", hint);
        }

        var (first, worst, maxDifference, bad) = (-1, -1, 0.0, 0);
        for (var i = 0; i < actual.Length; i++)
        {
            var difference = Math.Abs((double)actual[i] - expected[i]);
            if (!(difference <= tolerance))
            {
                bad++;
                first = first < 0 ? i : first;
            }

            if (!(difference <= maxDifference))
            {
                (worst, maxDifference) = (i, double.IsNaN(difference) ? double.PositiveInfinity : difference);
            }
        }

        if (bad > 0)
        {
            var (shownExpected, shownActual) = ShowApart(expected[first], actual[first], MaxFloatDigits);
            Fail($"{what}: {bad} of {actual.Length} values differ by more than {Show(tolerance)}. " +
                 $"First at {position(first)}: expected {shownExpected}, found {shownActual} " +
                 $"(difference {Show(Math.Abs((double)actual[first] - expected[first]))}); " +
                 $"largest difference {Show(maxDifference)} at {position(worst)}.", hint);
        }

        Pass(maxDifference == 0 ? $"{what}: exact ({actual.Length} values)"
            : $"{what}: approx ({actual.Length} values, max diff {Show(maxDifference)} ≤ {Show(tolerance)})");
    }

    /// <summary>Passes when the shapes match and every element is within <paramref name="tolerance"/>.</summary>
    /// <param name="what">What is checked.</param>
    /// <param name="actual">The student's tensor.</param>
    /// <param name="expected">The right tensor.</param>
    /// <param name="tolerance">Largest allowed absolute difference per element (default 1e-5).</param>
    /// <param name="hint">What to try when it fails; optional.</param>
    /// <exception cref="CheckFailedException">Shapes differ or some element is off.</exception>
    public static void Close(string what, Tensor actual, Tensor expected, float tolerance = 1e-5f, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.ShapeText != expected.ShapeText)
        {
            Fail($"{what}: expected shape {expected.ShapeText}, found {actual.ShapeText}.", hint);
        }

        var shape = expected.Shape;
        CloseElements(
            what,
            actual.Span,
            expected.Span,
            tolerance,
            hint,
            index => shape.Count < 2 ? $"index {index}" : Position(index, shape));
    }

    // Flat row-major index → "[b, s, j]" for the tensor's shape.
    private static string Position(int index, IReadOnlyList<int> shape)
    {
        var indices = new int[shape.Count];
        for (var axis = shape.Count - 1; axis >= 0; axis--)
        {
            indices[axis] = shape[axis] == 0 ? 0 : index % shape[axis];
            index = shape[axis] == 0 ? 0 : index / shape[axis];
        }

        return "[" + string.Join(", ", indices) + "]";
    }

    /// <summary>Passes when <paramref name="actual"/> has exactly the shape <paramref name="expected"/>.</summary>
    /// <param name="what">What is checked.</param>
    /// <param name="actual">The student's tensor.</param>
    /// <param name="expected">The right axis sizes.</param>
    /// <exception cref="CheckFailedException">The shape differs.</exception>
    public static void Shape(string what, Tensor actual, params int[] expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var expectedText = "[" + string.Join(", ", expected) + "]";
        if (actual.ShapeText != expectedText)
        {
            Fail($"{what}: expected shape {expectedText}, found {actual.ShapeText}.",
                "Shapes are written [batch, seq, dim]; check which axis you built from which size.");
        }

        Pass($"{what}: shape {expectedText}");
    }

    /// <summary>Passes when <paramref name="action"/> throws <typeparamref name="TException"/>
    /// (or a subclass).</summary>
    /// <typeparam name="TException">The expected exception type.</typeparam>
    /// <param name="what">What is checked ("lookup of id 70000").</param>
    /// <param name="action">The code that should throw.</param>
    /// <param name="hint">What to try when it fails; optional.</param>
    /// <returns>The exception, so its message can be checked too.</returns>
    /// <exception cref="CheckFailedException">Nothing, or another exception, was thrown.</exception>
    public static TException Throws<TException>(
        string what,
        Action action,
        string? hint = null) where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
        }
        catch (TException expected)
        {
            Pass($"{what}: threw {typeof(TException).Name}");
            return expected;
        }
        catch (NotImplementedException stub)
        {
            throw new CheckFailedException(
                $"{what}: expected {typeof(TException).Name}, found NotImplementedException. {StubHint}",
                stub);
        }
        catch (Exception other)
        {
            throw new CheckFailedException(
                Message(
                    $"{what}: expected {typeof(TException).Name}, found {other.GetType().Name} " +
                    $"(\"{OneLine(other.Message)}\").",
                    hint),
                other);
        }

        Fail($"{what}: expected {typeof(TException).Name}, but nothing was thrown.", hint);
        return null;
    }

    /// <summary>Passes when <paramref name="condition"/> is true.</summary>
    /// <param name="condition">The fact to check.</param>
    /// <param name="message">What was expected, and what to try, shown when the condition is false.</param>
    /// <exception cref="CheckFailedException">The condition is false.</exception>
    public static void True(bool condition, string message)
    {
        if (!condition)
        {
            Fail(message, null);
        }

        Pass(message);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string message, string? hint) => throw new CheckFailedException(Message(message, hint));

    private static string Message(string message, string? hint) => hint is null ? message : $"{message} Hint: {hint}";

    // Exception messages can span lines ("… (Parameter 'seq')\nActual value was 16."); feedback shows a failure's first
    // line, so the hint after it must not be pushed onto a later one.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static void Pass(string verdict) => Console.Out.WriteLine("✓ " + verdict);

    // G6 hides a difference in the 6th or 7th digit ("expected -0.710149, found -0.710148" reads as equal): print
    // one digit more than the first digit where the two differ, up to the round-trip precision.
    private const int MaxFloatDigits = 9;
    private const int MaxDoubleDigits = 17;

    private static (string Expected, string Actual) ShowApart(double expected, double actual, int maxDigits)
    {
        for (var digits = 6; ; digits++)
        {
            if (Text(expected, digits) != Text(actual, digits) || digits == maxDigits)
            {
                var shown = Math.Min(digits + 1, maxDigits);
                return (Text(expected, shown), Text(actual, shown));
            }
        }

        static string Text(double value, int digits) => value.ToString("G" + digits, CultureInfo.InvariantCulture);
    }

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable sequence => ShowSequence(sequence),
        _ => value.ToString() ?? "null",
    };

    private static string ShowSequence(System.Collections.IEnumerable sequence)
    {
        var text = new StringBuilder("[");
        var count = 0;
        foreach (var item in sequence)
        {
            if (count++ == 8)
            {
                text.Append(", ...");
                break;
            }

            text.Append(count > 1 ? ", " : "").Append(Show(item));
        }

        return text.Append(']').ToString();
    }
}
