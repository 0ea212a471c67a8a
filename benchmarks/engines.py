"""Engine comparison: Zensical against MkDocs (Material) on the same generated Markdown, in
the same run — build time, pages, main text, search index size and strict link checking.

Both engines build the sources `zhibiao build` wrote (`build/site-src`), each strictly and
from scratch; then `zhibiao build --engine …` is timed end to end. A copy of the sources
with one broken link must fail both engines' strict builds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.measure import Row, measure
from builder.site import zensical
from tests.site_text import article_text, html_files


def _same_text(one: Path, two: Path) -> tuple[int, int, int]:
    """(pages of `one`, pages of `two`, pages of both whose main text differs)."""
    first, second = html_files(one), html_files(two)
    both = sorted(set(first) & set(second))
    differ = sum(1 for p in both if article_text(one / p) != article_text(two / p))
    return len(first), len(second), differ


def _size_mb(path: Path) -> float:
    return path.stat().st_size / 1048576 if path.is_file() else float("nan")


def _broken_link_fails(sources: Path, work: Path, env: dict[str, str]) -> tuple[bool, bool]:
    """(mkdocs failed, zensical failed) on a copy of `sources` with one broken link."""
    copy = work / "broken-src"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(sources, copy)
    page = copy / "docs" / "index.md"
    page.write_text(page.read_text("utf-8") + "\n\n[缺失](没有这一页.md)\n", "utf-8")
    py = sys.executable
    mkdocs = subprocess.run(
        [py, "-m", "mkdocs", "build", "--strict", "-f", str(copy / "mkdocs.yml")],
        cwd=copy,
        capture_output=True,
        env=env,
        check=False,
    )
    config = zensical.zensical_config(copy / "mkdocs.yml")
    zens = subprocess.run(
        [py, "-m", "zensical", "build", "--strict", "--clean", "-f", str(config)],
        cwd=copy,
        capture_output=True,
        env=env,
        check=False,
    )
    shutil.rmtree(copy, ignore_errors=True)
    return mkdocs.returncode != 0, zens.returncode != 0


def bench_engines(project: Path, size: int, env: dict[str, str], repeat: int) -> list[Row]:
    """MkDocs and Zensical on the same Markdown, then `zhibiao build` with each engine."""
    name = "引擎：纯 zensical build --strict（同一批生成的 Markdown）"
    if not zensical.available():
        return [Row(name, size, note="未测：zensical 未安装（pip install -e '.[zensical]'）")]
    py = sys.executable
    work = project / "build"
    shutil.rmtree(project / "site", ignore_errors=True)
    zhibiao = [py, "-m", "builder", "build", "--no-docx", "--no-data", "--split", "none"]
    zhibiao += ["--rebuild", "--force", "-f", "json"]  # the comparison, not the data, matters
    built = subprocess.run(
        [*zhibiao, "-d", str(work / "engine-zhibiao")],
        cwd=project,
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,  # the JSON report would break the table on stdout
    )
    if built.returncode != 0:
        return [Row(name, size, note="未测：zhibiao build 失败")]
    sources = work / "site-src"
    material = Row("基线：纯 mkdocs build --strict（同一批生成的 Markdown）", size)
    zens = Row(name, size, baseline=material)
    out = work / "engine-mkdocs"
    mkdocs_cmd = [py, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(sources / "mkdocs.yml")]
    mkdocs_cmd += ["-d", str(out)]
    config = zensical.zensical_config(sources / "mkdocs.yml")
    zens_cmd = [py, "-m", "zensical", "build", "--strict", "--clean", "-f", str(config)]
    for _ in range(repeat):  # interleaved, so a busy moment hurts both alike
        material.samples.append(measure(mkdocs_cmd, sources, env))
        zens.samples.append(measure(zens_cmd, sources, env))
    zens_out = sources / zensical.SCRATCH_SITE
    pages_m, pages_z, differ = _same_text(out, zens_out)
    material.note = (
        f"{pages_m} 页，搜索索引 {_size_mb(out / 'search' / 'search_index.json'):.2f} MB"
    )
    zens.note = (
        f"{pages_z} 页（mkdocs {pages_m} 页），正文不同的页 {differ} 个，"
        f"搜索索引 {_size_mb(zens_out / 'search.json'):.2f} MB"
    )
    failed = _broken_link_fails(sources, work, env)
    zens.note += "；断链：" + "、".join(
        f"{engine} {'构建失败' if bad else '未发现'}"
        for engine, bad in zip(("mkdocs", "zensical"), failed, strict=True)
    )
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(zens_out, ignore_errors=True)
    shutil.rmtree(sources / zensical.CACHE_DIR, ignore_errors=True)
    config.unlink(missing_ok=True)
    whole_m = Row("zhibiao build --engine mkdocs（不拆分，全部重建）", size)
    whole_z = Row("zhibiao build --engine zensical（不拆分，全部重建）", size, baseline=whole_m)
    for _ in range(repeat):
        for row, engine in ((whole_m, "mkdocs"), (whole_z, "zensical")):
            target = work / f"engine-{engine}-site"
            row.samples.append(
                measure([*zhibiao, "--engine", engine, "-d", str(target)], project, env)
            )
    for engine in ("zhibiao", "mkdocs-site", "zensical-site"):
        shutil.rmtree(work / f"engine-{engine}", ignore_errors=True)
    return [material, zens, whole_m, whole_z]
