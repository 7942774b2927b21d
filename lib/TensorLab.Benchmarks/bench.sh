#!/usr/bin/env bash
# TensorLab bench: installs NumPy for the baseline column when it can, then prints the ratio table.
# Usage: bash lib/TensorLab.Benchmarks/bench.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! /usr/bin/python3 -c "import numpy" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's python3-numpy for the NumPy baseline…"
    (apt-get install -y -q python3-numpy >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q python3-numpy >/dev/null; }) \
      || echo "Could not install python3-numpy: the NumPy column will be skipped."
  else
    echo "python3-numpy is missing and this user cannot install it (sudo apt-get install python3-numpy): the NumPy column will be skipped."
  fi
fi
exec dotnet run -c Release --project lib/TensorLab.Benchmarks -- "$@"
