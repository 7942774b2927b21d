// mistake: compares row with buffer.Length (the element count) instead of the row count
// validate flags it: yes
static Span<float> RowView(float[] buffer, int row, int cols)
{
    if (row < 0 || row >= buffer.Length)
        throw new ArgumentOutOfRangeException(nameof(row), row, $"row {row} is outside [0, {buffer.Length}).");
    return buffer.AsSpan(row * cols, cols);
}
