"""What the CI's output comparisons (.ci/export_compare.py, .ci/kernel/compare_outputs.py) agree to leave aside: the
numbers a cell measured from the clock. Everything else they compare exactly.

A line reports a measurement when it has a number with a time or rate unit (12.3 µs, 4.1 GB/s, 9ms, 2 s), a ratio
written ×3.2 / ÷1.23, `Wall time:` from #!time, or the allocation noise a profiler prints beside a measured buffer
("unaccounted: 1.2 KiB"). Every number on such a line may come from the clock — which step of a sweep is the steepest,
a median next to it — and so may the padding a format width puts around it; both are masked.
"""
import re

# A number as cells print them: 1,234.5  -3  12.0  1e-3  (and the minus sign U+2212)
NUMBER = re.compile(r"[-+−]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?")
MEASURED_LINE = re.compile(rf"{NUMBER.pattern}\s*(?:ns|µs|μs|us|ms|s|sec|seconds?|[KMGT]i?B/s|[A-Za-z]+/s)\b"
                           rf"|[×÷]\s*{NUMBER.pattern}|Wall time|unaccounted: {NUMBER.pattern}")
# Allocation noise: its size unit is picked by magnitude (B, kB, MiB…), so the unit is masked with the number.
ALLOCATION_NOISE = re.compile(rf"unaccounted: {NUMBER.pattern} ?[kKMG]?i?B")


def mask_line(line):
    """The line with every number (and the spaces around it) as " <n> " when it reports a measurement, else as is."""
    if not MEASURED_LINE.search(line):
        return line
    return re.sub(rf" *{NUMBER.pattern} *", " <n> ", ALLOCATION_NOISE.sub("unaccounted: <n>", line))


def mask(text):
    """mask_line over every line of a text, line ends kept."""
    return "".join(mask_line(line) for line in text.splitlines(keepends=True))
