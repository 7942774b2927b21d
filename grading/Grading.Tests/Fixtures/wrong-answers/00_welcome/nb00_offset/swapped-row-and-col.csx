// mistake: row and col swapped (col × cols + row)
// validate flags it: yes
static int RowMajorOffset(int row, int col, int cols)
{
    return col * cols + row;
}
