"""Small helpers shared by the benchmarks: percentiles and peak memory."""

from __future__ import annotations

import resource
import statistics
from pathlib import Path


def percentile(samples: list[float], q: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(samples: list[float]) -> str:
    p50, p99 = percentile(samples, 50) * 1000, percentile(samples, 99) * 1000
    return f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, mean {statistics.fmean(samples) * 1000:.1f} ms"


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> None:
    """Start this process's peak memory (VmHWM) afresh from what it holds now (Linux ≥ 4.0)."""
    Path("/proc/self/clear_refs").write_text("5")
