// mistake: returns the start of the row only, forgetting to move col along it
// validate flags it: yes
static int RowMajorOffset(int row, int col, int cols)
{
    return row * cols;
}
