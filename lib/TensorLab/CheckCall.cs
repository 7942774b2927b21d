namespace TensorLab;

/// <summary>Running student code inside a test, so an exception it throws fails the check with the call,
/// inputs and a hint.</summary>
public static partial class Check
{
    /// <summary>
    /// Runs student code inside a test and returns its result. If the code throws, the check fails with a message that
    /// names the call and its inputs (<paramref name="call"/>), the exception, and <paramref name="hint"/>, instead of
    /// a bare exception whose message says nothing about which test or which input.
    /// </summary>
    /// <typeparam name="T">What the code returns.</typeparam>
    /// <param name="call">The call as the student would write it, with its inputs ("LookupRows(weight [10, 3],
    /// ids {4, 0, 9})").</param>
    /// <param name="code">The student code to run.</param>
    /// <param name="hint">What to try when it throws; optional.</param>
    /// <returns>What <paramref name="code"/> returned.</returns>
    /// <exception cref="CheckFailedException">The code threw (a check failing inside it is passed on
    /// unchanged).</exception>
    public static T Call<T>(string call, Func<T> code, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        try
        {
            return code();
        }
        catch (Exception error) when (error is not CheckFailedException)
        {
            throw Thrown(call, error, hint);
        }
    }

    /// <summary>Runs student code that returns nothing; see <see cref="Call{T}(string, Func{T}, string?)"/>.</summary>
    /// <param name="call">The call with its inputs.</param>
    /// <param name="code">The student code to run.</param>
    /// <param name="hint">What to try when it throws; optional.</param>
    /// <exception cref="CheckFailedException">The code threw.</exception>
    public static void Call(string call, Action code, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        Call(call, () =>
        {
            code();
            return 0;
        }, hint);
    }

    private static CheckFailedException Thrown(string call, Exception error, string? hint) =>
        error is NotImplementedException
            ? new CheckFailedException($"{call}: threw NotImplementedException. {StubHint}", error)
            : new CheckFailedException(
                Message(
                    $"{call}: threw {error.GetType().Name} (\"{OneLine(error.Message)}\") instead of returning.",
                    hint),
                error);
}
