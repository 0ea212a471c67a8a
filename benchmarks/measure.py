"""Process measurements for the benchmarks: wall and CPU time, peak RSS, the report table."""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

NOOP_RUNS = 5
"""A build with nothing to do and the check's own no-op are each run this often, interleaved
(both are cheap; the ratio of their medians holds under any load)."""


@dataclass
class Sample:
    """One process run."""

    wall: float
    cpu: float
    rss_mb: float
    tree_rss_mb: float
    code: int


@dataclass
class Row:
    """One line of the report."""

    name: str
    size: int
    samples: list[Sample] = field(default_factory=list)
    baseline: Row | None = None
    note: str = ""

    def median(self, attr: str) -> float:
        """Median of one measure over the samples."""
        return statistics.median(getattr(s, attr) for s in self.samples)


def _tree_rss(pid: int) -> int:
    """Resident KB of `pid` and all its descendants (0 when gone)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as handle:  # noqa: PTH123
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text("ascii")
                stack.extend(int(child) for child in children.split())
        except (OSError, ValueError):
            continue
    return total


def measure(
    command: list[str], cwd: Path, env: dict[str, str], ok: tuple[int, ...] = (0,)
) -> Sample:
    """Run `command` once and measure it; an exit code outside `ok` is a failure."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:  # the corpus checks clean: any finding or failure spoils the measurement
        raise RuntimeError(f"{' '.join(command)} failed ({code}):\n{stderr}")
    rss = usage.ru_maxrss / 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss, max(peak / 1024, rss), code)


def report(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| 规模 | 测量 | 墙钟时间 | CPU 时间 | 最大单进程 RSS | 进程树 RSS | 相对基线（墙钟） | 相对基线（CPU） | 备注 |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        if not row.samples:
            lines.append(f"| {row.size} | {row.name} | – | – | – | – | – | – | {row.note} |")
            continue
        wall, cpu = row.median("wall"), row.median("cpu")
        ratio_wall = ratio_cpu = "–"
        if row.baseline is not None and row.baseline.samples:
            ratio_wall = f"{wall / row.baseline.median('wall'):.2f} ×"
            ratio_cpu = f"{cpu / row.baseline.median('cpu'):.2f} ×"
        lines.append(
            f"| {row.size} | {row.name} | {wall:.2f} s | {cpu:.2f} s | {row.median('rss_mb'):.0f} MB "
            f"| {row.median('tree_rss_mb'):.0f} MB | {ratio_wall} | {ratio_cpu} | {row.note} |"
        )
    return "\n".join(lines)
