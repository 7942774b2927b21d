namespace TensorLab;

/// <summary>A check in a test cell failed; the message says what was expected, what was found, where,
/// and what to try.</summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Creates the exception with a complete, student-facing message.</summary>
    /// <param name="message">What was expected, what was found, and a hint.</param>
    public CheckFailedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What was expected, what was found, and a hint.</param>
    /// <param name="innerException">The exception the checked code threw.</param>
    public CheckFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public CheckFailedException() : base("A check failed.")
    {
    }
}
