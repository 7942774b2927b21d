#!/usr/bin/env bash
# Run once when the devcontainer / Codespace is created. It works in a clone of the course and in a student release
# folder (made by `dotnet run -- release`), which has no solution file and no test projects: it builds TensorLab
# (lib/bin/TensorLab.dll, which the notebooks #r) and installs the `.NET (C#)` Jupyter kernel for this user.
set -euo pipefail
cd "$(dirname "$0")/.."

# bubblewrap lets `autograde` sandbox each notebook; students do not need it, so a failed install only warns.
if ! command -v bwrap >/dev/null; then
  { sudo apt-get update -q && sudo apt-get install -y -q --no-install-recommends bubblewrap; } \
    || echo "post-create: bubblewrap not installed; autograde will say so and isolate notebooks by process only" >&2
fi
# The instructor's clone builds everything once, so the C# Dev Kit opens a built solution.
if [ -f EmbeddingsCourse.slnx ]; then
  dotnet build EmbeddingsCourse.slnx
fi
dotnet build lib/TensorLab/TensorLab.csproj -c Release
cd grading && dotnet run -- kernel install --user
