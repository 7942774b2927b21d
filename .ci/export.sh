#!/usr/bin/env bash
# Issue 15, "no notebook tooling": every course notebook exported as a .NET 10 file-based app and run with `dotnet run`,
# its printed output compared cell by cell with `run`'s text outputs; the release notebooks exported too, and each must
# build and then stop at its first unimplemented exercise, which it names.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.artifacts/export
rm -rf "$out"
mkdir -p "$out/executed"
(cd grading && dotnet build -nologo -v q)
grader() { (cd grading && dotnet run --no-build -- "$@"); }

# 1. Instructor notebooks (solutions): same printed results as `run`. The export never carries hidden tests, so `run`
# executes copies without them (what `validate` runs), beside the chart helpers, with ../lib reaching the library.
grader export ../notebooks -o "../$out/solutions"
mkdir -p "$out/visible" && cp notebooks/*.csx "$out/visible/" && ln -sfn ../../lib "$out/lib"
/usr/bin/python3 - notebooks/*.ipynb "$out/visible" <<'PY'
import json, os, sys
*sources, target = sys.argv[1:]
for path in sources:
    notebook = json.load(open(path, encoding="utf-8"))
    for cell in notebook["cells"]:
        kept, hidden = [], False
        for line in cell["source"]:
            if "BEGIN HIDDEN TESTS" in line or "END HIDDEN TESTS" in line:
                hidden = "BEGIN" in line
            elif not hidden:
                kept.append(line)
        cell["source"] = kept
    json.dump(notebook, open(os.path.join(target, os.path.basename(path)), "w", encoding="utf-8"), indent=1, ensure_ascii=False)
PY
status=0
for cs in "$out"/solutions/*.cs; do
  name=$(basename "$cs" .cs)
  grader run "../$out/visible/$name.ipynb" -o "../$out/executed/$name.ipynb" --timeout 300 >/dev/null
  (cd "$out/solutions" && NOTEBOOK_CELL_MARKERS=1 dotnet run "$name.cs" >"$name.stdout.txt" 2>"$name.stderr.txt") \
    || { echo "$name.cs exited with $?: see $out/solutions/$name.stderr.txt" >&2; status=1; }
  /usr/bin/python3 .ci/export_compare.py "$out/executed/$name.ipynb" "$out/solutions/$name.stdout.txt" || status=1
done

# 2. Student release: builds, runs until the first exercise left to do, and names it (exit code 3).
grader release --out "../$out/release-folder" >/dev/null
grader export "../$out/release-folder/notebooks" -o "../$out/release"
for cs in "$out"/release/*.cs; do
  name=$(basename "$cs" .cs)
  code=0
  (cd "$out/release" && dotnet run "$name.cs" >"$name.stdout.txt" 2>"$name.stderr.txt") || code=$?
  if [ "$code" = 3 ] && grep -q "^Stopped at cell [0-9]*: exercise " "$out/release/$name.stderr.txt"; then
    echo "release $name.cs: builds; $(grep "^Stopped at cell" "$out/release/$name.stderr.txt")"
  else
    echo "release $name.cs: expected exit 3 and 'Stopped at cell N: exercise …', got exit $code:" >&2
    tail -5 "$out/release/$name.stderr.txt" >&2
    status=1
  fi
done
exit $status
