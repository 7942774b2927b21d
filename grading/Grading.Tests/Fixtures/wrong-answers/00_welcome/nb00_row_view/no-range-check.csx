// mistake: no range check of its own; AsSpan throws ArgumentOutOfRangeException anyway, with a message that names nothing
// validate flags it: yes
static Span<float> RowView(float[] buffer, int row, int cols)
{
    return buffer.AsSpan(row * cols, cols);
}
