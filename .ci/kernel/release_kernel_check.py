"""The kernel as a student gets it: installed from a release folder (`dotnet run -- release`, then the devcontainer's
post-create.sh there), it must point into that folder, run the set-up cells of a released notebook, and load TensorLab
from the release's lib/bin, not from a clone.
Usage: JUPYTER_DATA_DIR=... /usr/bin/python3 release_kernel_check.py RELEASE_DIR   (exit 1 on any failure)"""
import json
import os
import sys

import nbformat
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager


def execute(kc, code):
    """(status, ename, text/plain of the result) of one cell."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=300)
    result = None
    while True:
        message = kc.get_iopub_msg(timeout=300)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        if message["msg_type"] == "execute_result":
            result = message["content"]["data"].get("text/plain")
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return reply["content"]["status"], reply["content"].get("ename"), result


def main(release):
    release = os.path.realpath(release)
    spec = KernelSpecManager().get_kernel_spec(".net-csharp")
    kernel_dll = os.path.realpath(spec.argv[1])
    failures = []
    if not kernel_dll.startswith(release + os.sep):
        failures.append(f"kernel.json runs {kernel_dll}, not a kernel inside {release}")
    notebook = nbformat.read(os.path.join(release, "notebooks", "00_welcome.ipynb"), as_version=4)
    setup = [c.source for c in notebook.cells if c.cell_type == "code"][:2]
    km = KernelManager(kernel_name=".net-csharp")
    km.start_kernel(cwd=os.path.join(release, "notebooks"))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        for number, code in enumerate(setup, start=1):
            status, ename, _ = execute(kc, code)
            if status != "ok":
                failures.append(f"set-up cell {number} of 00_welcome failed: {ename}")
        status, ename, location = execute(kc, "typeof(TensorLab.Tensor).Assembly.Location")
        location = os.path.realpath(json.loads(location) if location and location.startswith('"') else (location or ""))
        if status != "ok" or not location.startswith(os.path.join(release, "lib", "bin") + os.sep):
            failures.append(f"TensorLab loaded from {location or ename}, not from {release}/lib/bin")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(f"release kernel: {kernel_dll}; 00_welcome set-up cells: {len(setup)}; TensorLab from {location}")
    for failure in failures:
        print("  FAILED: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
