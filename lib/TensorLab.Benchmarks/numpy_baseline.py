"""NumPy baselines for the TensorLab bench: prints one JSON object of median seconds.

Called by the C# bench with the same sizes it measures, so both sides of every ratio come from one run.
"""
import json
import sys
import time

import numpy as np


def median_seconds(action, warmup, repeats):
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return samples[len(samples) // 2]


def positional_table(length, dim, theta=10000.0):
    # The usual vectorised build: one outer product of positions and frequencies, then sin/cos by column parity.
    positions = np.arange(length, dtype=np.float64)[:, None]
    frequencies = theta ** (-np.arange(0, dim, 2, dtype=np.float64) / dim)
    angles = positions * frequencies[None, :]
    table = np.empty((length, dim), dtype=np.float32)
    table[:, 0::2] = np.sin(angles)
    table[:, 1::2] = np.cos(angles[:, : dim // 2])
    return table


def main():
    request = json.loads(sys.argv[1])
    rng = np.random.default_rng(request["seed"])
    warmup, repeats = request["warmup"], request["repeats"]
    result = {"numpy": np.__version__, "lookup": {}}
    for dim in request["dims"]:
        weight = rng.standard_normal((request["vocab"], dim), dtype=np.float32)
        ids = rng.integers(0, request["vocab"], size=request["tokens"], dtype=np.int64)
        result["lookup"][str(dim)] = median_seconds(lambda: weight[ids], warmup, repeats)
    length, dim = request["pe_length"], request["pe_dim"]
    result["pe_build"] = median_seconds(lambda: positional_table(length, dim), warmup, repeats)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
