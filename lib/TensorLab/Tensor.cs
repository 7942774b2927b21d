using System.Globalization;
using System.Numerics.Tensors;
using System.Text;

namespace TensorLab;

/// <summary>
/// A shape over contiguous, row-major <see cref="float"/> storage. Views (<see cref="Reshape"/>, <see cref="Row"/>)
/// share the storage; nothing is copied unless a method says so.
/// </summary>
/// <remarks>PyTorch equivalent: a contiguous <c>torch.Tensor</c> of dtype float32.</remarks>
public sealed class Tensor
{
    private const int PrintedPerAxis = 6;
    private readonly float[] storage;
    private readonly int offset;
    private readonly int[] shape;

    private Tensor(float[] storage, int offset, int[] shape)
    {
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        Length = checked(shape.Aggregate(1, (product, size) => product * size));
    }

    /// <summary>The sizes of the axes, outermost first.</summary>
    public IReadOnlyList<int> Shape => shape;

    /// <summary>The shape written as <c>[2, 3, 4]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", shape) + "]";

    /// <summary>The number of axes.</summary>
    public int Rank => shape.Length;

    /// <summary>The number of elements (the product of the shape).</summary>
    public int Length { get; }

    /// <summary>All elements, row-major; writes go to the tensor.</summary>
    public Span<float> Span => storage.AsSpan(offset, Length);

    /// <summary>A tensor of zeros.</summary>
    /// <param name="shape">The axis sizes; each must be ≥ 0.</param>
    /// <returns>A new tensor that owns fresh storage.</returns>
    /// <exception cref="ArgumentException">A size is negative.</exception>
    /// <remarks>PyTorch equivalent: <c>torch.zeros(shape)</c>.</remarks>
    public static Tensor Zeros(params int[] shape)
    {
        ValidateShape(shape);
        return new Tensor(new float[Product(shape)], 0, (int[])shape.Clone());
    }

    /// <summary>Wraps <paramref name="data"/> (no copy) as a tensor of <paramref name="shape"/>.</summary>
    /// <param name="data">Row-major values; later writes to the array show through the tensor.</param>
    /// <param name="shape">The axis sizes; their product must equal <c>data.Length</c>.</param>
    /// <returns>A tensor viewing <paramref name="data"/>.</returns>
    /// <exception cref="ArgumentException">A size is negative, or the product differs from the data's
    /// length.</exception>
    /// <remarks>PyTorch equivalent: <c>torch.from_numpy(data).reshape(shape)</c>.</remarks>
    public static Tensor FromArray(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ValidateShape(shape);
        if (Product(shape) != data.Length)
        {
            ThrowHelper.Shape(nameof(shape), string.Create(CultureInfo.InvariantCulture,
                $"Shape [{string.Join(", ", shape)}] holds {Product(shape)} elements but the data has {data.Length}."));
        }

        return new Tensor(data, 0, (int[])shape.Clone());
    }

    /// <summary>
    /// Wraps elements [<paramref name="offset"/>, offset + product of <paramref name="shape"/>) of
    /// <paramref name="storage"/>, for storage laid out by the library itself (see LargeTableMemory).
    /// </summary>
    internal static Tensor FromStorage(float[] storage, int offset, params int[] shape)
    {
        ValidateShape(shape);
        if ((uint)offset > (uint)storage.Length || storage.Length - offset < Product(shape))
        {
            ThrowHelper.Shape(
                nameof(shape),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Shape [{string.Join(", ", shape)}] at offset {offset} does not fit storage of {storage.Length} ")
                + "elements.");
        }

        return new Tensor(storage, offset, (int[])shape.Clone());
    }

    /// <summary>A copy of the elements, row-major.</summary>
    /// <returns>A new array.</returns>
    public float[] ToArray() => Span.ToArray();

    /// <summary>Element at flat (row-major) index <paramref name="i"/>.</summary>
    /// <param name="i">0 ≤ i &lt; <see cref="Length"/>.</param>
    /// <exception cref="IndexOutOfRangeException">The index is outside the tensor.</exception>
    public float this[int i]
    {
        get => storage[offset + FlatIndex(i)];
        set => storage[offset + FlatIndex(i)] = value;
    }

    /// <summary>Element [i, j] of a rank-2 tensor.</summary>
    /// <param name="i">Row, 0 ≤ i &lt; Shape[0].</param>
    /// <param name="j">Column, 0 ≤ j &lt; Shape[1].</param>
    /// <exception cref="ArgumentException">The tensor is not rank 2.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    public float this[int i, int j]
    {
        get => storage[offset + Index(i, j)];
        set => storage[offset + Index(i, j)] = value;
    }

    /// <summary>Element [i, j, k] of a rank-3 tensor.</summary>
    /// <param name="i">Index on axis 0.</param>
    /// <param name="j">Index on axis 1.</param>
    /// <param name="k">Index on axis 2.</param>
    /// <exception cref="ArgumentException">The tensor is not rank 3.</exception>
    /// <exception cref="IndexOutOfRangeException">An index is outside its axis.</exception>
    public float this[int i, int j, int k]
    {
        get => storage[offset + Index(i, j, k)];
        set => storage[offset + Index(i, j, k)] = value;
    }

    /// <summary>The <paramref name="i"/>-th slice along axis 0, as a span over the same storage.</summary>
    /// <param name="i">0 ≤ i &lt; Shape[0].</param>
    /// <returns>Length / Shape[0] elements; for [V, D], the row of token <paramref name="i"/>.</returns>
    /// <exception cref="ArgumentException">The tensor has rank 0.</exception>
    /// <exception cref="IndexOutOfRangeException">The index is outside axis 0.</exception>
    /// <remarks>PyTorch equivalent: <c>t[i]</c>.</remarks>
    public Span<float> Row(int i)
    {
        if (Rank == 0)
        {
            ThrowHelper.Shape(nameof(i), "A scalar tensor has no rows.");
        }

        CheckAxis(i, 0);
        var rowLength = shape[0] == 0 ? 0 : Length / shape[0];
        return storage.AsSpan(offset + i * rowLength, rowLength);
    }

    /// <summary>A view with another shape over the same elements; one size may be -1 (inferred).</summary>
    /// <param name="newShape">The new axis sizes; their product must equal <see cref="Length"/>.</param>
    /// <returns>A tensor sharing this tensor's storage.</returns>
    /// <exception cref="ArgumentException">The sizes do not multiply to <see cref="Length"/>,
    /// or more than one is -1.</exception>
    /// <remarks>PyTorch equivalent: <c>t.view(shape)</c>.</remarks>
    public Tensor Reshape(params int[] newShape)
    {
        ArgumentNullException.ThrowIfNull(newShape);
        var resolved = (int[])newShape.Clone();
        var inferred = Array.IndexOf(resolved, -1);
        if (inferred >= 0)
        {
            if (Array.LastIndexOf(resolved, -1) != inferred)
            {
                ThrowHelper.Shape(nameof(newShape), "Only one size may be -1.");
            }

            var known = resolved.Where((_, axis) => axis != inferred).Aggregate(1, (p, s) => p * s);
            resolved[inferred] = known == 0 ? 0 : Length / known;
        }

        ValidateShape(resolved);
        if (Product(resolved) != Length)
        {
            ThrowHelper.Shape(nameof(newShape), string.Create(CultureInfo.InvariantCulture,
                $"Cannot view {ShapeText} ({Length} elements) as [{string.Join(", ", newShape)}]."));
        }

        return new Tensor(storage, offset, resolved);
    }

    /// <summary>True when the shapes are equal and every pair of elements differs by at most
    /// <paramref name="tolerance"/>.</summary>
    /// <param name="other">The tensor to compare with.</param>
    /// <param name="tolerance">Largest allowed absolute difference (default 1e-5).</param>
    /// <returns>Whether the tensors are approximately equal.</returns>
    /// <remarks>PyTorch equivalent: <c>torch.allclose(a, b, rtol=0, atol=tolerance)</c>.</remarks>
    public bool ApproximatelyEquals(Tensor other, float tolerance = 1e-5f)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!shape.AsSpan().SequenceEqual(other.shape))
        {
            return false;
        }

        var a = Span;
        var b = other.Span;
        for (var i = 0; i < a.Length; i++)
        {
            if (!(MathF.Abs(a[i] - b[i]) <= tolerance))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Values with 4 decimals, at most 6 per axis (the middle elided with "..."), then the shape.</summary>
    /// <returns>For example <c>tensor([[0.1000, 0.2000], [0.3000, 0.4000]], shape=[2, 2])</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("tensor(");
        if (Rank == 0)
        {
            text.Append(Format(storage[offset]));
        }
        else
        {
            AppendAxis(text, 0, offset);
        }

        return text.Append(", shape=").Append(ShapeText).Append(')').ToString();
    }

    /// <summary>Sum of all elements (TensorPrimitives.Sum).</summary>
    /// <returns>The sum, in float precision.</returns>
    public float Sum() => TensorPrimitives.Sum<float>(Span);

    private void AppendAxis(StringBuilder text, int axis, int start)
    {
        var stride = 1;
        for (var a = axis + 1; a < Rank; a++)
        {
            stride *= shape[a];
        }

        text.Append('[');
        var count = shape[axis];
        for (var i = 0; i < count; i++)
        {
            if (count > PrintedPerAxis && i == PrintedPerAxis / 2)
            {
                text.Append("..., ");
                i = count - PrintedPerAxis / 2;
            }

            if (axis == Rank - 1)
            {
                text.Append(Format(storage[start + i]));
            }
            else
            {
                AppendAxis(text, axis + 1, start + i * stride);
            }

            if (i < count - 1)
            {
                text.Append(", ");
            }
        }

        text.Append(']');
    }

    private static string Format(float value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private int FlatIndex(int i)
    {
        if ((uint)i >= (uint)Length)
        {
            ThrowHelper.IndexOutOfRange(nameof(i), i, 0, Length, ShapeText + " (flat)");
        }

        return i;
    }

    private int Index(int i, int j)
    {
        RequireRank(2);
        CheckAxis(i, 0);
        CheckAxis(j, 1);
        return i * shape[1] + j;
    }

    private int Index(int i, int j, int k)
    {
        RequireRank(3);
        CheckAxis(i, 0);
        CheckAxis(j, 1);
        CheckAxis(k, 2);
        return (i * shape[1] + j) * shape[2] + k;
    }

    private void RequireRank(int rank)
    {
        if (Rank != rank)
        {
            ThrowHelper.Shape("index", string.Create(CultureInfo.InvariantCulture,
                $"{rank} indices given for a tensor of rank {Rank} (shape {ShapeText})."));
        }
    }

    private void CheckAxis(int index, int axis)
    {
        if ((uint)index >= (uint)shape[axis])
        {
            ThrowHelper.IndexOutOfRange("index", index, axis, shape[axis], ShapeText);
        }
    }

    private static void ValidateShape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        foreach (var size in shape)
        {
            if (size < 0)
            {
                ThrowHelper.Shape(nameof(shape), string.Create(CultureInfo.InvariantCulture,
                    $"Shape [{string.Join(", ", shape)}] has a negative size."));
            }
        }
    }

    private static int Product(int[] shape) => checked(shape.Aggregate(1, (product, size) => product * size));
}
