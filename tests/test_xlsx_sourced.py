"""`zhibiao import xlsx` and `export xlsx` keep the source markers: a cell reading 原文未给出
(or （节选）) where an item would be named marks the list it belongs to, and the import writes
the marker, not a competency or task whose text is the string."""

from __future__ import annotations

import shutil
from pathlib import Path

from builder.model import CompetencyList
from builder.model.sourced import is_excerpt, is_not_given
from builder.read.yamlsource import decode, parse
from tests.conftest import REPO, run_cli
from tests.test_opendata_import import HEADER, _book, _folder, _load


def test_a_cell_saying_not_given_writes_the_marker(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    book = _book(
        tmp_path / "清单.xlsx",
        [
            HEADER,
            ["数据采集与处理", "数据采集", "能制定数据采集方案。", "掌握"],
            [None, None, "（节选）", None],
            [None, "数据标注", "原文未给出", None],
            ["模型训练与部署", "原文未给出", None, None],
            ["（节选）", None, None, None],
        ],
    )
    result = run_cli(["import", "xlsx", str(book), "-o", "out.yaml", "--version", "2025"], folder)
    assert result.exit_code == 0, result.stderr
    raw = parse(decode((folder / "out.yaml").read_bytes()))
    assert raw["domains"]["节选"][0]["tasks"][0]["competencies"]["节选"][0]["text"] == (
        "能制定数据采集方案。"
    )
    assert raw["domains"]["节选"][0]["tasks"][1]["competencies"] == "原文未给出"
    assert raw["domains"]["节选"][1]["tasks"] == "原文未给出"
    doc = _load(folder / "out.yaml")
    assert is_excerpt(doc.domains)
    first, second = doc.domains
    assert is_excerpt(first.tasks[0].competencies) and is_not_given(first.tasks[1].competencies)
    assert is_not_given(second.tasks)
    assert "原文未给出" not in [
        c.text for d in doc.domains for t in d.tasks for c in t.competencies
    ]


def test_not_given_with_items_under_it_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    book = _book(
        tmp_path / "清单.xlsx",
        [
            HEADER,
            ["数据采集与处理", "数据采集", "原文未给出", None],
            [None, None, "能制定数据采集方案。", "掌握"],
        ],
    )
    result = run_cli(["import", "xlsx", str(book), "-o", "out.yaml", "--version", "2025"], folder)
    assert result.exit_code == 1
    assert "「数据采集」标为原文未给出，下面却又列出了条目" in result.stderr
    assert not (folder / "out.yaml").exists()


def test_export_then_import_keeps_the_markers(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(REPO / "standards", root / "standards")
    shutil.copy(REPO / "zhibiao.yaml", root / "zhibiao.yaml")
    target = root / "standards" / "510209-人工智能技术应用" / "competencies.yaml"
    text = target.read_text("utf-8")
    lines = text.splitlines(keepends=True)
    # the first task's competencies become an excerpt of their first item; the second
    # task's are not given
    start = next(i for i, line in enumerate(lines) if line.strip() == "competencies:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    lines[start] = " " * indent + "competencies:\n" + " " * (indent + 2) + "节选:\n"
    end = start + 1
    while lines[end].startswith(" " * (indent + 2)) or lines[end].strip() == "":
        lines[end] = "  " + lines[end] if lines[end].strip() else lines[end]
        end += 1
    second = next(i for i in range(end, len(lines)) if lines[i].strip() == "competencies:")
    stop = second + 1
    while lines[stop].startswith(" " * (indent + 2)):
        stop += 1
    lines[second:stop] = [" " * indent + "competencies: 原文未给出\n"]
    target.write_text("".join(lines), "utf-8")
    original = _load(target)
    assert is_excerpt(original.domains[0].tasks[0].competencies)
    assert is_not_given(original.domains[0].tasks[1].competencies)

    exported = run_cli(["export", "xlsx", "standards", "-o", "xlsx"], root)
    assert exported.exit_code == 0, exported.stderr
    book = next((root / "xlsx").glob("*510209*.xlsx"))
    out = root / "standards" / "510209-人工智能技术应用" / "back.yaml"
    target.unlink()
    imported = run_cli(["import", "xlsx", str(book), "-o", str(out.relative_to(root))], root)
    assert imported.exit_code == 0, imported.stderr
    back: CompetencyList = _load(out)
    assert is_excerpt(back.domains[0].tasks[0].competencies)
    assert is_not_given(back.domains[0].tasks[1].competencies)
    assert [c.text for c in back.domains[0].tasks[0].competencies] == [
        c.text for c in original.domains[0].tasks[0].competencies
    ]
    assert back.model_dump()["domains"] == original.model_dump()["domains"]
