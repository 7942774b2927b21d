"""nbclient runs every given notebook through the installed `.net-csharp` kernel; every cell must succeed.
Cells tagged raises-exception may fail, as nbclient allows. Writes the executed copies to OUT_DIR.
Usage: /usr/bin/python3 execute_notebooks.py OUT_DIR NOTEBOOK...   (exit 1 on any failed cell)"""
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main(out_dir, paths):
    os.makedirs(out_dir, exist_ok=True)
    failures = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=".net-csharp", timeout=300, startup_timeout=60,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        started = time.monotonic()
        try:
            client.execute()
            status = "ok"
        except CellExecutionError as error:
            failures += 1
            status = "FAILED: " + str(error).strip().splitlines()[-1][:300]
        code_cells = [c for c in nb.cells if c.cell_type == "code"]
        errors = [c for c in code_cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))
                  and "raises-exception" not in c.get("metadata", {}).get("tags", [])]
        if errors and status == "ok":
            failures += 1
            status = f"FAILED: {len(errors)} cells with error outputs"
        nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
        print(f"{os.path.basename(path)}: {len(code_cells)} code cells, {time.monotonic() - started:.1f} s, {status}"
              f", language_info={nb.metadata.get('language_info', {}).get('name')}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
