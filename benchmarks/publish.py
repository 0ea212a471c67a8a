"""Publishing benchmarks: the site (single and split) and the Word export, against plain
MkDocs and plain python-docx on the same content."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.measure import NOOP_RUNS, Row, measure

HERE = Path(__file__).resolve().parent


def _has_command(*names: str) -> bool:
    import click

    from builder.cli import cli

    command: click.Command | None = cli
    for name in names:
        if not isinstance(command, click.Group):
            return False
        command = command.get_command(click.Context(command), name)  # imports its module
        if command is None:
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
    command = [py, "-m", "builder", "build", "--no-docx", "--no-data", "-f", "json"]
    build.samples.append(measure([*command, "--split", "none"], project, env))
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


def _index_mb(site: Path) -> float:
    return (site / "search" / "search_index.json").stat().st_size / 1048576


def _unsplit_baseline(project: Path, size: int, env: dict[str, str]) -> Row:
    """A plain `mkdocs build` of the unsplit site's Markdown (`unsplit_sources.py`)."""
    py = sys.executable
    sources, out = project / "build" / "unsplit-src", project / "build" / "unsplit-site"
    shutil.rmtree(sources, ignore_errors=True)
    subprocess.run(
        [py, str(HERE / "unsplit_sources.py"), str(project), str(sources)],
        check=True,
        capture_output=True,
        env=env,
    )
    plain = Row("基线：纯 mkdocs build（不拆分的同一批 Markdown）", size)
    config = sources / "mkdocs.yml"
    plain.samples.append(
        measure(
            [py, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], sources, env
        )
    )
    plain.note = f"搜索索引 {_index_mb(out):.0f} MB（未改写为 UTF-8）"
    shutil.rmtree(out, ignore_errors=True)
    return plain


def bench_split(
    project: Path,
    size: int,
    env: dict[str, str],
    edit: Callable[[], None],
    plain: Row | None,
    *,
    baseline: bool = False,
) -> list[Row]:
    """The split build (`--split specialty`): first build, a rebuild with nothing changed and
    one after editing a course standard; search index sizes of the portal and the shards.

    `plain` is the unsplit baseline when the single-site build was measured too; otherwise,
    with `baseline`, a plain `mkdocs build` of the unsplit Markdown is measured first."""
    py = sys.executable
    site = project / "build" / "split-site"
    shutil.rmtree(site, ignore_errors=True)
    command = [py, "-m", "builder", "build", "--no-docx", "--no-data", "-f", "json"]
    command += ["--split", "specialty", "-d", str(site)]
    rows: list[Row] = []
    if plain is None and baseline:
        plain = _unsplit_baseline(project, size, env)
        rows.append(plain)
    first = Row("站点构建，按专业拆分（--split specialty，首次）", size, baseline=plain)
    first.samples.append(measure(command, project, env))
    shards = [d for d in site.iterdir() if (d / "search" / "search_index.json").is_file()]
    largest = max(_index_mb(d) for d in shards)
    unique = {(f.stat().st_dev, f.stat().st_ino): f.stat().st_size for f in site.rglob("*")}
    total = sum(size for size in unique.values()) / 1048576
    first.note = (
        f"目标 ≤ 1.5 ×（基线为不拆分的纯 mkdocs build）；{len(shards)} 个分站点，"
        f"门户搜索索引 {_index_mb(site):.2f} MB，最大分站点索引 {largest:.2f} MB，"
        f"站点 {total:.0f} MB（分站点的主题文件硬链接到门户的同一份）"
    )
    same = Row("站点重建，无改动（拆分，沿用全部分站点）", size, baseline=first)
    check = Row("check 无改动（对照）", size)
    check_command = [py, "-m", "builder", "check", "standards", "--format", "json"]
    measure(check_command, project, env)  # fill the check cache, as after any earlier check
    for _ in range(NOOP_RUNS):
        same.samples.append(measure(command, project, env))
        check.samples.append(measure(check_command, project, env))
    same.note = (
        f"目标 ≤ 0.5 s；CPU 为 zhibiao check 无改动（{check.median('cpu'):.2f} s）的 "
        f"{same.median('cpu') / check.median('cpu'):.2f} ×（{NOOP_RUNS} 次交替运行的中位数）"
    )
    edited = Row("站点重建，改动 1 个课程标准后（拆分，重建 1 个分站点）", size, baseline=first)
    edit()
    edited.samples.append(measure(command, project, env))
    return [*rows, first, same, edited]


def bench_docx(project: Path, size: int, env: dict[str, str]) -> list[Row]:
    """`zhibiao export docx` against raw python-docx writing the same paragraphs and tables."""
    name = "docx 导出（zhibiao export docx）"
    if not _has_command("export", "docx"):
        return [Row(name, size, note="未测：zhibiao export docx 不可用")]
    py = sys.executable
    out = project / "build" / "docx"
    shutil.rmtree(out, ignore_errors=True)
    command = [py, "-m", "builder", "export", "docx", "-o", str(out)]
    export = Row(f"{name}，不用渲染缓存", size, note="目标 ≤ 1.5 ×")
    export.samples.append(measure([*command, "--no-cache"], project, env))
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
    shutil.rmtree(project / ".zhibiao" / "cache" / "docx", ignore_errors=True)
    cold = Row(f"{name}，空渲染缓存（首次）", size, baseline=raw)
    cold.samples.append(measure(command, project, env))
    warm = Row(f"{name}，缓存命中，无改动", size, baseline=raw)
    warm.samples.append(measure(command, project, env))
    return [raw, export, cold, warm]
