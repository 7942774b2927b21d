// mistake: the guard lets row == rows through (row > rows), so the last-plus-one row fails inside AsSpan instead
// validate flags it: yes
static Span<float> RowView(float[] buffer, int row, int cols)
{
    int rows = buffer.Length / cols;
    if (row < 0 || row > rows)
        throw new ArgumentOutOfRangeException(nameof(row), row, $"row {row} is outside [0, {rows}).");
    return buffer.AsSpan(row * cols, cols);
}
