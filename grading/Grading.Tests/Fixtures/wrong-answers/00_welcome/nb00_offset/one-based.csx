// mistake: counts from 1 (the first element at offset 1)
// validate flags it: yes
static int RowMajorOffset(int row, int col, int cols)
{
    return row * cols + col + 1;
}
