using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TensorLab;

/// <summary>
/// The exceptions for bad data (ids, shapes, lengths, ranges) with their messages, in one place so the wording stays
/// consistent; one-off argument checks (a learning rate, a PCA component count) throw where they are checked.
/// </summary>
internal static class ThrowHelper
{
    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [DoesNotReturn]
    public static void IdOutOfRange(string paramName, int id, int position, int vocabSize) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            id,
            Invariant($"Token id {id} at position {position} is outside the vocabulary range [0, {vocabSize}). ") +
            "Check the tokenizer's vocabulary size against the table's.");

    [DoesNotReturn]
    public static void DestinationLength(string paramName, int expected, int actual, string why) =>
        throw new ArgumentException(
            Invariant($"Destination has {actual} elements but {expected} are needed ({why})."),
            paramName);

    [DoesNotReturn]
    public static void LengthMismatch(string paramName, int expected, int actual, string why) =>
        throw new ArgumentException(Invariant($"Expected {expected} elements, found {actual} ({why})."), paramName);

    [DoesNotReturn]
    public static void NotPositive(string paramName, long value) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            Invariant($"{paramName} must be positive, found {value}."));

    [DoesNotReturn]
    public static void Negative(string paramName, long value) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            Invariant($"{paramName} must not be negative, found {value}."));

    [DoesNotReturn]
    public static void Shape(string paramName, string message) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void IndexOutOfRange(string paramName, int index, int axis, int length, string shape) =>
        throw new IndexOutOfRangeException(Invariant(
            $"Index {index} on axis {axis} is outside [0, {length}) for a tensor of shape {shape} ({paramName})."));

    [DoesNotReturn]
    public static void SequenceTooLong(string paramName, int sequenceLength, int maxSeqLength, bool learned) =>
        throw new ArgumentOutOfRangeException(paramName, sequenceLength, learned
            ? Invariant($"Sequence length {sequenceLength} is longer than the {maxSeqLength} positions ") +
              "this learned table was trained for; a learned table cannot extrapolate: train a longer table."
            : Invariant($"Sequence length {sequenceLength} is longer than maxSeqLength {maxSeqLength}; ") +
              "raise maxSeqLength when building the encoding.");

    [DoesNotReturn]
    public static void DimensionMismatch(string paramName, int expected, int actual) =>
        throw new ArgumentException(
            Invariant($"The last dimension is {actual} but the encoding has embeddingDim {expected}."),
            paramName);

    [DoesNotReturn]
    public static void UnknownWord(string word, IEnumerable<string> examples) =>
        throw new ArgumentException(
            Invariant(
                $"'{word}' is not in the vocabulary. Known words include: {string.Join(", ", examples.Take(8))}."),
            nameof(word));
}
