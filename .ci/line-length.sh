#!/usr/bin/env bash
# Lists the C# lines longer than the limit (max_line_length in .editorconfig: 120 characters) as "path:line: N
# characters", then their count: in tracked files and in new ones not added yet (ignored files, like build output, are
# skipped), so a check before `git add` sees new files too. dotnet format does not check line length, hence this script.
#
#   .ci/line-length.sh                 list every long line; exit 1 if there is any
#   .ci/line-length.sh --allow 400     exit 1 only if there are more than 400 (a ratchet while old lines are shortened)
#   .ci/line-length.sh --limit 100     use another limit
set -euo pipefail
cd "$(dirname "$0")/.."

limit=120
allow=0
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) limit="${2-}"; shift 2 || true ;;
    --allow) allow="${2-}"; shift 2 || true ;;
    *) echo "usage: $0 [--limit CHARS] [--allow COUNT]" >&2; exit 2 ;;
  esac
done
if ! [[ "$limit" =~ ^[0-9]+$ && "$allow" =~ ^[0-9]+$ ]]; then
  echo "--limit and --allow take whole numbers, e.g. --limit 120 --allow 0" >&2
  exit 2
fi

# Characters, not bytes: in a UTF-8 locale grep and bash count "→" or "≤" as one. Only files git tracks (no bin/, obj/).
export LC_ALL=C.UTF-8
count=0
while IFS= read -r hit; do
  location="${hit%%:*}"; rest="${hit#*:}"; number="${rest%%:*}"; text="${rest#*:}"
  text="${text%$'\r'}"
  if [ "${#text}" -gt "$limit" ]; then
    echo "$location:$number: ${#text} characters"
    count=$((count + 1))
  fi
done < <(git ls-files -z --cached --others --exclude-standard '*.cs' | xargs -0 -r grep -nE "^.{$((limit + 1)),}" || true)

echo "$count C# line(s) longer than $limit characters (allowed: $allow)."
[ "$count" -le "$allow" ]
