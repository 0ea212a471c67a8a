"""Measure zhibiao against plain baselines, in one run, and print ratios.

    python3 benchmarks/run.py                 # sizes 50 and 1000 (generates the corpora)
    python3 benchmarks/run.py --sizes 50,200  # other sizes
    python3 benchmarks/run.py --quick         # a small corpus, one repetition (smoke test)
    python3 benchmarks/run.py --sizes 31 --publish-sizes "" --split-sizes "" --peers
                                              # against sphinx-needs on the same content
    python3 benchmarks/run.py --sizes 50 --publish-sizes "" --split-sizes "" --engine-sizes 50
                                              # Zensical against MkDocs on the same Markdown

Every command runs as a separate process. Wall time and CPU time (user + system of the
process and its workers) come from `os.wait4`; "RSS" is the largest single process
(from the same call) and "tree RSS" the peak of the summed resident memory of the
process and its workers, sampled from /proc every 20 ms. Each figure is the median of
`--repeat` runs. Baselines run in the same invocation, on the same files, so the ratios
hold even on a busy machine; compare wall times only from a quiet one.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.engines import bench_engines  # noqa: E402
from benchmarks.generate import build_set, generate, identities  # noqa: E402
from benchmarks.measure import Row, measure, report  # noqa: E402
from benchmarks.peers import bench_peers  # noqa: E402
from benchmarks.publish import bench_docx, bench_site, bench_split  # noqa: E402


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


def run_size(
    size: int,
    work: Path,
    repeat: int,
    seed: int,
    *,
    publish: bool,
    split: bool = False,
    split_baseline: bool = False,
    peers: int = 0,
    engines: bool = False,
) -> list[Row]:
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
    extra = [*bench_site(project, size, env), *bench_docx(project, size, env)] if publish else []
    if split:
        plain = next((r for r in extra if r.name.startswith("基线：纯 mkdocs")), None)
        extra += bench_split(
            project, size, env, lambda: edit_one(project, repeat), plain, baseline=split_baseline
        )
    if engines:
        extra += bench_engines(project, size, env, repeat)
    if peers:
        extra += bench_peers(project, size, env, work, peers, lambda: edit_one(project, repeat))
    shutil.rmtree(home, ignore_errors=True)
    return [*rows.values(), *extra]


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
    parser.add_argument(
        "--split-sizes",
        default="50",
        help="也测拆分站点（首次构建、无改动重建、改动一个文件后重建）的规模",
    )
    parser.add_argument(
        "--engine-sizes",
        default="50",
        help="也比较站点引擎的规模：同一批 Markdown 的 zensical 与 mkdocs 构建（需 pip install -e '.[zensical]'）",
    )
    parser.add_argument(
        "--split-baseline",
        action="store_true",
        help="在只测拆分站点的规模上，另测不拆分的 Markdown 的纯 mkdocs build 作为基线",
    )
    parser.add_argument(
        "--peers",
        action="store_true",
        help="也测同样内容的 sphinx-needs 项目（装在工作目录下单独的虚拟环境中）与 zhibiao build 的首次、无改动、改动一个文件",
    )
    parser.add_argument(
        "--peer-items", type=int, default=2000, help="sphinx-needs 项目的需求条数（--quick 时 150）"
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "zhibiao-bench")
    parser.add_argument("--json", type=Path, help="另存原始数据 / save raw samples as JSON")
    args = parser.parse_args(argv)
    # as installed from a wheel: compiled once, not at every start (PYTHONDONTWRITEBYTECODE
    # would otherwise make every measured command compile the whole package again)
    compileall.compile_dir(str(REPO / "builder"), quiet=1)
    sizes = [3] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    publish = {3} if args.quick else {int(s) for s in args.publish_sizes.split(",") if s.strip()}
    split = {3} if args.quick else {int(s) for s in args.split_sizes.split(",") if s.strip()}
    engines = {3} if args.quick else {int(s) for s in args.engine_sizes.split(",") if s.strip()}
    repeat = 1 if args.quick else args.repeat
    peer_items = 0
    if args.peers:
        peer_items = 150 if args.quick else args.peer_items
        if args.quick:  # the peers only: the site and Word rows have their own quick run
            publish, split, engines = set(), set(), set()
    header = f"机器：{machine()}；日期：{time.strftime('%Y-%m-%d')}；重复 {repeat} 次取中位数"
    rows: list[Row] = []
    for size in sizes:
        rows.extend(
            run_size(
                size,
                args.work,
                repeat,
                args.seed,
                publish=size in publish,
                split=size in split,
                split_baseline=args.split_baseline,
                peers=peer_items,
                engines=size in engines,
            )
        )
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
