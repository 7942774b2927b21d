// mistake: its own guard, but the exception carries no message (only the parameter name)
// validate flags it: yes
static Span<float> RowView(float[] buffer, int row, int cols)
{
    if (row < 0 || row >= buffer.Length / cols)
        throw new ArgumentOutOfRangeException(nameof(row));
    return buffer.AsSpan(row * cols, cols);
}
