// mistake: returns a copy of the row (ToArray), so writing through it leaves the buffer unchanged
// validate flags it: yes
static Span<float> RowView(float[] buffer, int row, int cols)
{
    int rows = buffer.Length / cols;
    if (row < 0 || row >= rows)
        throw new ArgumentOutOfRangeException(nameof(row), row, $"row {row} is outside [0, {rows}).");
    return buffer.AsSpan(row * cols, cols).ToArray();
}
