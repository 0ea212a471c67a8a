"""Peers: the same content published by sphinx-needs, measured in the same run as zhibiao.

    python3 benchmarks/run.py --sizes 31 --publish-sizes "" --split-sizes "" --peers
    python3 benchmarks/run.py --quick --peers          # a small project (smoke test)

sphinx-needs is installed (pinned) into its own virtual environment under the benchmark's
work folder, never into zhibiao's. Its project is made from the generated zhibiao corpus:
every competency of the 职业能力清单 becomes a `req` need (its text as title and content,
its type and learning level as tags and status) and every course standard a `spec` need
(its description as content) linked to the competencies its modules teach, one reST file
per specialty, until the requested number of items is reached. zhibiao builds the whole
corpus (every page of every specialty), so its side holds at least the same content.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from benchmarks.measure import NOOP_RUNS, Row, measure

PINS = ("sphinx-needs==9.1.0", "sphinx==9.0.4")
"""The peer's versions (measured with these; change together with docs/performance.md)."""

CONF = """\
project = "职业能力（sphinx-needs 对照）"
language = "zh_CN"
extensions = ["sphinx_needs"]
needs_types = [
    dict(directive="req", title="职业能力", prefix="C_", color="#BFD8D2", style="node"),
    dict(directive="spec", title="课程标准", prefix="K_", color="#FEDCD2", style="node"),
]
needs_id_regex = "^[A-Z0-9_]+$"
html_theme = "alabaster"
"""


def peer_python(work: Path) -> Path:
    """The interpreter of the peers' environment (created and filled on first use)."""
    tag = re.sub(r"[^A-Za-z0-9.]+", "-", "-".join(PINS))
    folder = work / f"peers-venv-{tag}"
    python = folder / "bin" / "python"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *PINS],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        marker.write_text("ok\n", encoding="utf-8")
    return python


def _rst(text: str) -> str:
    """Text as a reST paragraph: markup characters escaped, one line."""
    flat = " ".join(str(text).split())
    return re.sub(r"([\\`*_|\[\]<>:])", r"\\\1", flat)


def _need_id(*parts: str) -> str:
    return "_".join(re.sub(r"[^A-Za-z0-9]", "_", p).upper() for p in parts)


def _load(path: Path) -> Any:
    with path.open("r", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _specialty_page(folder: Path, budget: int) -> tuple[str, int]:
    """The reST page of one specialty set and its number of needs (at most `budget`)."""
    listing = _load(folder / "competencies.yaml")
    code = str(listing["specialty"])
    title = folder.name
    lines = [title, "=" * (len(title) * 2), ""]
    count = 0
    for domain in listing.get("domains") or []:
        for task in domain.get("tasks") or []:
            for item in task.get("competencies") or []:
                if count >= budget:
                    return "\n".join(lines) + "\n", count
                need = _need_id("C", code, str(item["code"]))
                lines += [
                    f".. req:: {_rst(item['text'])}",
                    f"   :id: {need}",
                    f"   :status: {item.get('level', '')}",
                    f"   :tags: {_rst(item.get('type') or '其他')}",
                    "",
                    f"   {_rst(task.get('name', ''))}：{_rst(item['text'])}",
                    "",
                ]
                count += 1
    for path in sorted((folder / "courses").glob("*.yaml")):
        if count >= budget:
            break
        course = _load(path)
        refs = sorted(
            {
                _need_id("C", code, str(c["ref"]))
                for module in course.get("modules") or []
                for item in module.get("items") or []
                for c in item.get("competencies") or []
            }
        )
        lines += [
            f".. spec:: {_rst(course['name'])}",
            f"   :id: {_need_id('K', code, str(course['code']))}",
            *([f"   :links: {', '.join(refs)}"] if refs else []),
            "",
            f"   {_rst(course.get('description', ''))}",
            "",
        ]
        count += 1
    return "\n".join(lines) + "\n", count


def needs_project(project: Path, target: Path, items: int) -> int:
    """Write a sphinx-needs project of up to `items` needs made from `project`'s standards;
    returns the number of needs written."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    (target / "conf.py").write_text(CONF, encoding="utf-8")
    pages: list[str] = []
    total = 0
    for number, folder in enumerate(sorted((project / "standards").iterdir())):
        if total >= items or not (folder / "competencies.yaml").is_file():
            continue
        text, count = _specialty_page(folder, items - total)
        name = f"s{number:04d}"
        (target / f"{name}.rst").write_text(text, encoding="utf-8")
        pages.append(name)
        total += count
    index = ["职业能力（sphinx-needs 对照）", "=" * 40, "", ".. toctree::", "   :maxdepth: 1", ""]
    index += [f"   {name}" for name in pages]
    (target / "index.rst").write_text("\n".join(index) + "\n", encoding="utf-8")
    return total


def edit_needs(source: Path) -> None:
    """Change the content of one need of the first page (the project stays valid)."""
    page = sorted(source.glob("s*.rst"))[0]
    text = page.read_text("utf-8")
    marker = "\n   :tags: "
    at = text.index(marker)
    end = text.index("\n\n   ", at) + len("\n\n   ")
    page.write_text(text[:end] + "（修订）" + text[end:], "utf-8")


def bench_peers(
    project: Path,
    size: int,
    env: dict[str, str],
    work: Path,
    items: int,
    edit: Callable[[], None],
) -> list[Row]:
    """Cold, no-op and one-edit builds of sphinx-needs and of `zhibiao build` (default mode)
    on the same content, each zhibiao row with its sphinx-needs row as baseline."""
    python = peer_python(work)
    source, out = work / f"needs-{size}", work / f"needs-{size}-html"
    count = needs_project(project, source, items)
    shutil.rmtree(out, ignore_errors=True)
    sphinx = [str(python), "-m", "sphinx", "-b", "html", "-q", str(source), str(out)]
    peer_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    label = f"sphinx-needs {PINS[0].split('==')[1]}（{count} 条需求）"
    cold = Row(f"{label}：首次构建", size)
    cold.samples.append(measure(sphinx, work, peer_env))
    same = Row(f"{label}：无改动重建", size)
    same.samples.append(measure(sphinx, work, peer_env))
    edit_needs(source)
    edited = Row(f"{label}：改动 1 个文件后", size)
    edited.samples.append(measure(sphinx, work, peer_env))

    for leftover in (project / "site", project / "build", project / ".zhibiao/cache/site"):
        shutil.rmtree(leftover, ignore_errors=True)
    py = sys.executable
    build = [py, "-m", "builder", "build", "--no-docx", "--no-data", "-f", "json"]
    check = [py, "-m", "builder", "check", "standards", "--format", "json"]
    z_cold = Row("zhibiao build（默认方式）：首次构建", size, baseline=cold)
    z_cold.samples.append(measure(build, project, env))
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    indexes = list((project / "site").rglob("search_index.json"))
    index_mb = sum(p.stat().st_size for p in indexes) / 1048576
    z_cold.note = f"{pages} 页；搜索索引 {len(indexes)} 个共 {index_mb:.1f} MB（每千页 {index_mb * 1000 / max(pages, 1):.1f} MB）"
    measure(check, project, env)  # fill the check cache, as after any earlier check
    z_same = Row("zhibiao build（默认方式）：无改动重建", size, baseline=same)
    z_check = Row("zhibiao check：无改动（对照）", size)
    for _ in range(NOOP_RUNS):  # cheap: interleaved, so both see the same load
        z_same.samples.append(measure(build, project, env))
        z_check.samples.append(measure(check, project, env))
    z_same.note = (
        f"目标 ≤ 0.5 s；CPU 为 zhibiao check 无改动的 "
        f"{z_same.median('cpu') / z_check.median('cpu'):.2f} ×（{NOOP_RUNS} 次交替运行的中位数）"
    )
    edit()
    z_edit = Row("zhibiao build（默认方式）：改动 1 份课程标准后", size, baseline=edited)
    z_edit.samples.append(measure(build, project, env))
    z_check_edit = Row("zhibiao check：改动 1 份课程标准后（对照）", size)
    edit()
    z_check_edit.samples.append(measure(check, project, env))
    return [cold, same, edited, z_cold, z_same, z_check, z_edit, z_check_edit]
