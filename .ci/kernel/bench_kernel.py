"""Kernel bench (Release): the `.net-csharp` kernel driven by jupyter_client against the engine alone, in one run.
Prints launch -> first kernel_info_reply, first cell vs the engine's cold start, per-cell overhead over the engine for
200 trivial cells (median, p95), 1,000,000 printed lines through the kernel vs the same loop into a StringWriter, and how
long an interrupt takes to end a cell that spins ignoring cancellation (interrupt request -> error reply, median of 5).
Usage: /usr/bin/python3 bench_kernel.py <Grading.Benchmarks.dll>   (the kernelspec must be installed)"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client import KernelManager

CONSOLE_LOOP = "for (var i = 0; i < 1_000_000; i++) Console.WriteLine(i);"
WRITER_LOOP = "var sink = new System.IO.StringWriter(); for (var i = 0; i < 1_000_000; i++) sink.WriteLine(i);"


def run_cell(kc, code, outputs=None):
    """Seconds from execute_request to the idle after its reply (the client has every output by then)."""
    started = time.perf_counter()
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=600)
    assert reply["content"]["status"] == "ok", reply["content"]
    while True:
        message = kc.get_iopub_msg(timeout=600)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return time.perf_counter() - started
        if outputs is not None and message["msg_type"] == "display_data":
            outputs.append(message["content"]["data"].get("text/plain", ""))


def interrupt_seconds(km, kc, gate):
    """Seconds from the interrupt request to the execute_reply of a cell that spins without looking at cancellation.
    The cell spins until the gate file exists; the gate is created after the reply so the abandoned thread stops
    burning a core before the next try (the kernel cannot abort it)."""
    msg_id = kc.execute(f'Console.WriteLine("spinning"); while (!System.IO.File.Exists(@"{gate}")) {{ }}')
    while True:  # the cell's own output: it is running, and spinning, before the interrupt is sent
        message = kc.get_iopub_msg(timeout=120)
        if message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "stream":
            break
    requested = time.perf_counter()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=120)
    latency = time.perf_counter() - requested
    open(gate, "w").close()
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"].get("ename") == "OperationCanceledException", reply["content"]
    while True:  # the idle of the interrupted request, so the next try starts clean
        message = kc.get_iopub_msg(timeout=120)
        if (message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "status"
                and message["content"]["execution_state"] == "idle"):
            return latency


def engine_ms(outputs):
    """The engine's own time for the cell, from its #!time display ("Wall time: 12.3ms"), measured in the kernel process."""
    return float(next(o for o in outputs if o.startswith("Wall time:"))[len("Wall time:"):].strip().rstrip("ms"))


def main(bench_dll):
    engine = json.loads(subprocess.run(["dotnet", bench_dll, "--kernel-baselines"], check=True, capture_output=True, text=True)
                        .stdout.strip().splitlines()[-1])
    launched = time.perf_counter()
    km = KernelManager(kernel_name=".net-csharp")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.kernel_info()
    kc.get_shell_msg(timeout=60)
    launch = time.perf_counter() - launched
    run_cell(kc, "1 + 1")
    first_cell = time.perf_counter() - launched
    # Each trivial cell carries #!time: the engine reports its own time for it, in the same process at the same moment,
    # so the overhead is not blurred by load changing between two separate runs on a shared machine.
    per_cell, overheads = [], []
    for i in range(200):
        outputs = []
        total_ms = run_cell(kc, f"#!time\nvar t{i} = {i};", outputs) * 1000
        per_cell.append(total_ms)
        overheads.append(total_ms - engine_ms(outputs))
    console, writer = [], []
    for _ in range(3):
        console.append(run_cell(kc, CONSOLE_LOOP))
        writer.append(run_cell(kc, WRITER_LOOP))
    interrupts = []
    with tempfile.TemporaryDirectory() as gates:
        for attempt in range(5):
            interrupts.append(interrupt_seconds(km, kc, os.path.join(gates, f"gate-{attempt}")))
    run_cell(kc, "1 + 1")  # the kernel still runs cells after the interrupts
    kc.stop_channels()
    km.shutdown_kernel()

    median, p95 = statistics.median(per_cell), sorted(per_cell)[int(len(per_cell) * 0.95)]
    overhead, overhead_p95 = statistics.median(overheads), sorted(overheads)[int(len(overheads) * 0.95)]
    cold = engine["cold_start_ms"] / 1000
    lines_ratio = statistics.median(console) / statistics.median(writer)
    def verdict(ok): return "met" if ok else "MISSED"
    print(f"kernel launch -> first kernel_info_reply: {launch:.2f} s (goal <= 1.0 s: {verdict(launch <= 1.0)})")
    print(f"launch -> first cell result: {first_cell:.2f} s vs engine cold start (session + first cell) {cold:.2f} s: "
          f"{first_cell / cold:.2f}x (goal <= 2x: {verdict(first_cell / cold <= 2)})")
    print(f"200 trivial cells: client round trip median {median:.1f} ms, p95 {p95:.1f} ms; kernel overhead over the engine's "
          f"own #!time median {overhead:.1f} ms, p95 {overhead_p95:.1f} ms (goal <= 5 ms: {verdict(overhead <= 5)}); "
          f"engine alone in a separate process: median {engine['cell_median_ms']:.1f} ms, p95 {engine['cell_p95_ms']:.1f} ms")
    print(f"1,000,000 lines through the kernel: {statistics.median(console):.2f} s vs StringWriter loop "
          f"{statistics.median(writer):.2f} s: {lines_ratio:.2f}x (goal <= 3x: {verdict(lines_ratio <= 3)}); engine alone "
          f"{engine['console_loop_ms'] / engine['stringwriter_loop_ms']:.2f}x")
    interrupt = statistics.median(interrupts)
    print(f"interrupt of a cell ignoring cancellation -> its error reply: median {interrupt * 1000:.0f} ms of {len(interrupts)}, "
          f"max {max(interrupts) * 1000:.0f} ms (goal <= 2 s: {verdict(interrupt <= 2)})")


if __name__ == "__main__":
    main(sys.argv[1])
