"""Compares, cell by cell, notebooks executed by the `.net-csharp` kernel through nbclient with the same notebooks
executed by `dotnet run -- run`: the issue asks that the kernel's outputs match `run`'s, timings aside.

Per code cell it compares the sequence of outputs: stream name and text (consecutive pieces of one stream joined, as a
client shows them), execute_result/display_data MIME keys and text/plain, error ename, and the execution_count.
Only what is honestly volatile is normalised, and each rule says why:
  - numbers measured from the clock, as .ci/measured_numbers.py defines them (shared with export_compare.py): on a
    line that reports a measurement every number is masked, with its padding; lines without one are compared exactly;
  - chart HTML is not compared at all (only its MIME keys and one-line text/plain): its div id is a fresh GUID.
One difference is by design and is counted, not failed: a cell's return value is an execute_result from the kernel
(the Jupyter protocol; jupyter console shows nothing else) and a display_data in `run`'s copy (the dialect, §3, as VS
Code saves it); their MIME keys and text/plain must still be equal.
Everything else must be identical. Prints one line per differing cell saying what differs; exit 1 if any does.
Usage: /usr/bin/python3 compare_outputs.py KERNEL_DIR RUN_DIR [NAME.ipynb ...]   (default: every notebook in KERNEL_DIR)"""
import os
import re
import sys

import nbformat

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from measured_numbers import mask  # noqa: E402  (the masking rule export_compare.py shares)

def text_of(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def shape(cell):
    """What a reader of the cell sees, as comparable tuples, volatile numbers masked."""
    items = []
    for output in cell.get("outputs", []):
        kind = output["output_type"]
        if kind == "stream":
            text = text_of(output.get("text"))
            if items and items[-1][0] == "stream" and items[-1][1] == output["name"]:
                items[-1] = ("stream", output["name"], items[-1][2] + text)
            else:
                items.append(("stream", output["name"], text))
        elif kind in ("execute_result", "display_data"):
            data = output.get("data", {})
            items.append((kind, tuple(sorted(data)), text_of(data.get("text/plain"))))
        elif kind == "error":
            items.append(("error", output.get("ename")))
        else:
            items.append((kind,))
    return [tuple(mask(part) if isinstance(part, str) else part for part in item) for item in items]


def is_return_value_pair(mine, theirs):
    """The kernel's execute_result and run's display_data of one return value, same MIME keys and text/plain."""
    return mine[0] == "execute_result" and theirs[0] == "display_data" and mine[1:] == theirs[1:]


def describe(kernel_items, run_items):
    """("same" or what differs, how many return values matched as execute_result vs display_data)."""
    if len(kernel_items) != len(run_items):
        return (f"{len(kernel_items)} outputs from the kernel vs {len(run_items)} from run: "
                f"kernel {[i[:2] for i in kernel_items]}, run {[i[:2] for i in run_items]}"), 0
    results = 0
    for index, (mine, theirs) in enumerate(zip(kernel_items, run_items)):
        if is_return_value_pair(mine, theirs):
            results += 1
        elif mine != theirs:
            return f"output {index}: kernel {short(mine)} vs run {short(theirs)}", results
    return "same", results


def short(item):
    text = repr(item)
    return text if len(text) <= 300 else text[:300] + "…"


def compare(kernel_path, run_path):
    kernel_cells = [c for c in nbformat.read(kernel_path, as_version=4).cells if c.cell_type == "code"]
    run_cells = [c for c in nbformat.read(run_path, as_version=4).cells if c.cell_type == "code"]
    if len(kernel_cells) != len(run_cells):
        return [f"{len(kernel_cells)} code cells in the kernel's copy vs {len(run_cells)} in run's"], 0, 0
    differences, results = [], 0
    for number, (mine, theirs) in enumerate(zip(kernel_cells, run_cells), start=1):
        what, returned = describe(shape(mine), shape(theirs))
        results += returned
        if mine.get("execution_count") != theirs.get("execution_count"):
            what = (what + "; " if what != "same" else "") + \
                f"execution_count {mine.get('execution_count')} vs {theirs.get('execution_count')}"
        if what != "same":
            differences.append(f"code cell {number}: {what}")
    return differences, len(kernel_cells), results


def main(kernel_dir, run_dir, names):
    names = names or sorted(n for n in os.listdir(kernel_dir) if n.endswith(".ipynb"))
    if not names:
        print(f"compare_outputs: no notebooks in {kernel_dir}", file=sys.stderr)
        return 2
    failed = 0
    for name in names:
        run_path = os.path.join(run_dir, name)
        if not os.path.exists(run_path):
            print(f"{name}: no `run` copy at {run_path}", file=sys.stderr)
            failed += 1
            continue
        differences, cells, results = compare(os.path.join(kernel_dir, name), run_path)
        print(f"{name}: {cells} code cells, {len(differences)} differ from run "
              f"({results} return values: execute_result in the kernel, display_data in run)")
        for line in differences:
            print("  " + line)
        failed += bool(differences)
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
