"""Compares a file-based app's printed output with `run`'s text outputs, cell by cell (issue 15).

Usage: export_compare.py <executed.ipynb> <app-stdout.txt>
The app was run with NOTEBOOK_CELL_MARKERS=1, so each code cell's output follows a "\x1e%% cell N" line. Compared per
cell: stdout and text/plain outputs. Left aside: charts (HTML in the notebook, a "chart: path" line in the app), and the
numbers measured from the clock, as .ci/measured_numbers.py defines them (shared with .ci/kernel/compare_outputs.py). Exit 1 when a cell differs.
"""
import json
import re
import sys

from measured_numbers import MEASURED_LINE, mask_line

MARKER = re.compile(r"^\x1e%% cell (\d+)$")


def notebook_text(path):
    cells = {}
    for index, cell in enumerate(json.load(open(path, encoding="utf-8"))["cells"]):
        if cell["cell_type"] != "code":
            continue
        parts = []
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream" and output["name"] == "stdout":
                parts.append("".join(output["text"]))
            elif output["output_type"] in ("display_data", "execute_result") and "text/plain" in output["data"]:
                parts.append("".join(output["data"]["text/plain"]) + "\n")
            elif output["output_type"] == "error":
                parts.append(f"ERROR {output['ename']}: {output['evalue']}\n")
        cells[index] = "".join(parts)
    return cells


def app_text(path):
    cells, current = {}, None
    for line in open(path, encoding="utf-8").read().split("\n"):
        marker = MARKER.match(line)
        if marker:
            current = int(marker.group(1))
            cells[current] = []
        elif current is not None and not line.startswith("chart: "):
            cells[current].append(line)
    return {index: "\n".join(lines) for index, lines in cells.items()}


def normalise(text):
    lines = [line.rstrip() for line in text.rstrip("\n").split("\n")] if text.strip() else []
    return [mask_line(line) for line in lines]


def main(executed, stdout):
    expected, actual = notebook_text(executed), app_text(stdout)
    name = executed.rsplit("/", 1)[-1]
    differing = 0
    for index in sorted(set(expected) | set(actual)):
        want, got = normalise(expected.get(index, "")), normalise(actual.get(index, ""))
        if index not in actual:
            print(f"{name} cell {index}: the app never reached this cell")
            differing += 1
        elif want != got:
            differing += 1
            print(f"{name} cell {index}: differs")
            for i in range(max(len(want), len(got))):
                a, b = (want[i] if i < len(want) else "<none>"), (got[i] if i < len(got) else "<none>")
                if a != b:
                    print(f"    run: {a}\n    app: {b}")
    timing_cells = sum(1 for text in expected.values() if any(MEASURED_LINE.search(l) for l in text.split("\n")))
    print(f"{name}: {len(expected)} code cells, {len(expected) - differing} print the same "
          f"({timing_cells} with timing numbers masked), {differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
