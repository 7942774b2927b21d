// mistake: off-by-one in the start of the row (row × cols + 1)
// validate flags it: yes
static Span<float> RowView(float[] buffer, int row, int cols)
{
    int rows = buffer.Length / cols;
    if (row < 0 || row >= rows)
        throw new ArgumentOutOfRangeException(nameof(row), row, $"row {row} is outside [0, {rows}).");
    return buffer.AsSpan(row * cols + 1, cols);
}
