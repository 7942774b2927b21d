// mistake: column-major order with cols standing in for the row count (row + col × cols)
// validate flags it: yes
static int RowMajorOffset(int row, int col, int cols)
{
    return row + col * cols;
}
