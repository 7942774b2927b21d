#!/usr/bin/env bash
# `jupyter console --kernel .net-csharp` driven in tmux: a multi-line for loop (is_complete keeps the input open), a
# variable from an earlier line, and Tab completion. Prints the pane and exits 1 when an expected line is missing.
set -euo pipefail
session="kernel-console-$$"
pane_file="${1:-/tmp/kernel-console.txt}"
tmux new-session -d -s "$session" -x 160 -y 50 "jupyter console --kernel .net-csharp"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT

wait_for() { # text, seconds
  for _ in $(seq 1 $(( $2 * 4 ))); do
    tmux capture-pane -p -t "$session" -S - | grep -qF -- "$1" && return 0
    sleep 0.25
  done
  return 1
}
# tmux reads a trailing ';' as its own command separator: escape it so the C# statement keeps it.
keys() { local text="$1"; [[ "$text" == *";" ]] && text="${text%;}\\;"; tmux send-keys -t "$session" -l -- "$text"; }
type_line() { keys "$1"; sleep 0.3; tmux send-keys -t "$session" Enter; sleep 0.5; }

wait_for "In [1]" 60
# jupyter console waits 1 s for each is_complete and stops asking after one timeout: let the kernel warm up first.
sleep 8
type_line 'for (var i = 0; i < 3; i++) {'
type_line '    Console.WriteLine($"line {i * 10}");'
type_line '}'
wait_for "line 20" 30
type_line 'var earlier = 41;'
wait_for "In [3]" 30
type_line 'earlier + 1'
wait_for "42" 30
tmux send-keys -t "$session" -l -- 'Console.WriteLi'; sleep 0.5
tmux send-keys -t "$session" Tab; sleep 2
keys '("completed by tab");'; sleep 0.3
tmux send-keys -t "$session" Enter
# An Enter that lands while prompt_toolkit's completion menu is still open only closes the menu: press it again then.
ran() { [ "$(tmux capture-pane -p -t "$session" -S - | grep -cF 'completed by tab')" -ge 2 ]; }
for _ in 1 2 3; do
  for _ in $(seq 1 40); do ran && break; sleep 0.25; done
  ran && break
  tmux send-keys -t "$session" Enter
done
tmux capture-pane -p -t "$session" -S - > "$pane_file"
cat "$pane_file"

status=0
for expected in "line 0" "line 10" "line 20" "42" "Console.WriteLine(\"completed by tab\");"; do
  if ! grep -qF -- "$expected" "$pane_file"; then echo "jupyter console: missing '$expected'" >&2; status=1; fi
done
if [ "$(grep -cF 'completed by tab' "$pane_file")" -lt 2 ]; then echo "jupyter console: the Tab-completed line did not run" >&2; status=1; fi
exit $status
