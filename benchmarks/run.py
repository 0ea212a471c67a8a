"""Measure zhibiao against plain baselines, in one run, and print ratios.

    python3 benchmarks/run.py                 # sizes 50 and 1000 (generates the corpora)
    python3 benchmarks/run.py --sizes 50,200  # other sizes
    python3 benchmarks/run.py --quick         # a small corpus, one repetition (smoke test)

Every command runs as a separate process. Wall time and CPU time (user + system of the
process and its workers) come from `os.wait4`; "RSS" is the largest single process
(from the same call) and "tree RSS" the peak of the summed resident memory of the
process and its workers, sampled from /proc every 20 ms. Each figure is the median of
`--repeat` runs. Baselines run in the same invocation, on the same files, so the ratios
hold even on a busy machine; compare wall times only from a quiet one.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.generate import build_set, generate, identities  # noqa: E402


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


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run `command` once and measure it."""
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
    if code != 0:  # the corpus checks clean: any finding or failure spoils the measurement
        raise RuntimeError(f"{' '.join(command)} failed ({code}):\n{stderr}")
    rss = usage.ru_maxrss / 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss, max(peak / 1024, rss), code)


def corpus(work: Path, size: int, seed: int) -> Path:
    """The generated project of `size` specialties (generated once, then reused)."""
    folder = work / f"corpus-{size}-{seed}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, size, seed, jobs=os.cpu_count() or 1)
        marker.write_text("ok\n", encoding="utf-8")
    return folder


def edit_one(project: Path, round_no: int) -> None:
    """Change one sentence of one course standard (it stays valid and checks clean)."""
    path = sorted((sorted((project / "standards").iterdir())[0] / "courses").iterdir())[0]
    text = path.read_text("utf-8")
    marker = "description: |-\n  "
    assert marker in text, path
    path.write_text(text.replace(marker, f"{marker}（第 {round_no + 1} 次修订）", 1), "utf-8")


def restore_first_set(project: Path, size: int, seed: int) -> None:
    """Rewrite the set `edit_one` changes, so every run starts from the generated corpus."""
    first = sorted((project / "standards").iterdir())[0]
    ident = next(i for i in identities(size, seed) if i.folder == first.name)
    for rel, text in build_set(ident, seed).items():
        (first / rel).write_text(text, "utf-8")


def run_size(size: int, work: Path, repeat: int, seed: int, *, publish: bool) -> list[Row]:
    """Every measurement for one corpus size."""
    project = corpus(work, size, seed)
    restore_first_set(project, size, seed)
    files = sum(1 for _ in (project / "standards").rglob("*.yaml"))
    megabytes = sum(p.stat().st_size for p in (project / "standards").rglob("*.yaml")) / 1048576
    print(f"== {size} 个专业：{files} 个文件，{megabytes:.0f} MB", file=sys.stderr)  # noqa: T201
    home = Path(tempfile.mkdtemp(prefix="zb-xdg-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "XDG_CACHE_HOME": str(home),
        "NO_COLOR": "1",
        "NO_PROGRESS": "1",
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "SOURCE_DATE_EPOCH": "1767225600",
    }
    env.pop("GITHUB_ACTIONS", None)
    py = sys.executable
    check = [py, "-m", "builder", "check", "standards", "--format", "json"]
    cache = project / ".zhibiao" / "cache"
    parse = Row("基线：PyYAML CSafeLoader 解析全部文件", size)
    rows = {
        "parse": parse,
        "nocache": Row("check --no-cache（并行）", size, baseline=parse, note="目标 ≤ 1.3 ×"),
        "nocache1": Row("check --no-cache -j 1（单进程）", size, baseline=parse),
        "cold": Row("check，空缓存（首次）", size, baseline=parse),
        "warm": Row("check，缓存命中，无改动", size, note="目标 ≤ 1 s"),
        "edit": Row("check，改动 1 个文件后", size, note="目标 ≤ 1 s"),
    }
    for round_no in range(repeat):
        rows["parse"].samples.append(
            measure([py, str(HERE / "baseline_parse.py"), "standards"], project, env)
        )
        rows["nocache"].samples.append(measure([*check, "--no-cache"], project, env))
        rows["nocache1"].samples.append(measure([*check, "--no-cache", "-j", "1"], project, env))
        shutil.rmtree(cache, ignore_errors=True)
        rows["cold"].samples.append(measure(check, project, env))
        rows["warm"].samples.append(measure(check, project, env))
        edit_one(project, round_no)
        rows["edit"].samples.append(measure(check, project, env))
    shutil.rmtree(home, ignore_errors=True)
    extra = [*bench_site(project, size, env), *bench_docx(project, size, env)] if publish else []
    return [*rows.values(), *extra]


def _has_command(*names: str) -> bool:
    from builder.cli import cli

    group = cli
    for name in names:
        group = getattr(group, "commands", {}).get(name)
        if group is None:
            return False
    return True


def bench_site(project: Path, size: int, env: dict[str, str]) -> list[Row]:
    """`zhibiao build` against a plain `mkdocs build` of the Markdown it generated."""
    name = "site build（zhibiao build --no-docx --no-data）"
    if not _has_command("build"):
        return [Row(name, size, note="未测：zhibiao build 不可用")]
    py = sys.executable
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / "build", ignore_errors=True)
    build = Row(name, size, note="目标 ≤ 1.5 ×")
    build.samples.append(
        measure(
            [py, "-m", "builder", "build", "--no-docx", "--no-data", "-f", "json"], project, env
        )
    )
    plain = Row("基线：纯 mkdocs build（同一批生成的 Markdown）", size)
    out = project / "build" / "plain-site"
    config = project / "build" / "site-src" / "mkdocs.yml"
    plain.samples.append(
        measure(
            [py, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], project, env
        )
    )
    build.baseline = plain
    index = project / "site" / "search" / "search_index.json"
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    megabytes = (
        sum(f.stat().st_size for f in (project / "site").rglob("*") if f.is_file()) / 1048576
    )
    build.note += (
        f"；{pages} 页，站点 {megabytes:.0f} MB，搜索索引 {index.stat().st_size / 1048576:.1f} MB"
    )
    shutil.rmtree(out, ignore_errors=True)
    return [plain, build]


def bench_docx(project: Path, size: int, env: dict[str, str]) -> list[Row]:
    """`zhibiao export docx` against raw python-docx writing the same paragraphs and tables."""
    name = "docx 导出（zhibiao export docx）"
    if not _has_command("export", "docx"):
        return [Row(name, size, note="未测：zhibiao export docx 不可用")]
    py = sys.executable
    out = project / "build" / "docx"
    shutil.rmtree(out, ignore_errors=True)
    export = Row(name, size, note="目标 ≤ 1.5 ×")
    export.samples.append(
        measure([py, "-m", "builder", "export", "docx", "-o", str(out)], project, env)
    )
    content = project / "build" / "docx-content.json"
    script = str(HERE / "baseline_docx.py")
    subprocess.run([py, script, "extract", str(out), str(content)], check=True, capture_output=True)
    raw = Row("基线：python-docx 直接写同样的段落和表格", size)
    raw.samples.append(
        measure([py, script, "write", str(content), str(out) + "-raw"], project, env)
    )
    export.baseline = raw
    documents = sum(1 for _ in out.glob("*.docx"))
    export.note += f"；{documents} 个文档"
    shutil.rmtree(str(out) + "-raw", ignore_errors=True)
    return [raw, export]


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


def machine() -> str:
    """One line describing the machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text("ascii", "replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}，{os.cpu_count()} 核，Python {platform.python_version()}，"
        f"{platform.system()} {platform.release()}，开始时负载 {load:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="zhibiao 基准测试 / benchmarks")
    parser.add_argument("--sizes", default="50,1000", help="专业数，逗号分隔")
    parser.add_argument("--quick", action="store_true", help="小规模、重复 1 次（冒烟测试）")
    parser.add_argument("--repeat", type=int, default=3, help="每项重复次数，取中位数")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument(
        "--publish-sizes",
        default="50",
        help="也测站点构建与 docx 导出的规模（各测一次；1,000 个专业约需一小时）",
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "zhibiao-bench")
    parser.add_argument("--json", type=Path, help="另存原始数据 / save raw samples as JSON")
    args = parser.parse_args(argv)
    sizes = [3] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    publish = {3} if args.quick else {int(s) for s in args.publish_sizes.split(",") if s.strip()}
    repeat = 1 if args.quick else args.repeat
    header = f"机器：{machine()}；日期：{time.strftime('%Y-%m-%d')}；重复 {repeat} 次取中位数"
    rows: list[Row] = []
    for size in sizes:
        rows.extend(run_size(size, args.work, repeat, args.seed, publish=size in publish))
    print(header)  # noqa: T201
    print(report(rows))  # noqa: T201
    if args.json:
        args.json.write_text(
            json.dumps(
                {"machine": header, "rows": [asdict(r) for r in rows]}, ensure_ascii=False, indent=1
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
