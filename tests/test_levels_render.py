"""Level vocabularies, scoped codes and the tick matrix as readers see them (issue 14 §4).

The projects are the generated cases `pass-tick-matrix` (a course standard in A/B/C with a
content × level table) and `pass-scoped-codes` (a list numbered per 等级 table and per
column, taken from a 国家职业技能标准); both check clean. The site Markdown, the Word file
and — through LibreOffice — the printed PDF must show the same tables.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.base.diagnostics import Diagnostics
from builder.checking.pipeline import run_check
from builder.compose import compose_corpus
from builder.compose.doctree import DocTree
from builder.diff import diff_corpora
from builder.docx.export import render_trees
from builder.model import LevelTable
from builder.project.loading import open_project
from builder.read.config import ProjectConfig
from builder.read.corpus import load_corpus
from builder.read.yamlsource import parse
from builder.site.markdown import render_document
from builder.view import view_of
from builder.view.levels import Leveled, Levels
from tests.conftest import run_cli
from tests.docx_pdf import pdf_text, to_pdf, tools_missing
from tests.docx_read import open_docx
from tests.kitchen_sink import full_corpus

CASES = Path(__file__).resolve().parent / "cases"
ZH03 = "standards/510209-人工智能技术应用/courses/ZH03.yaml"
HOSTILE = "卷积|神经网络 <script>alert(1)</script> *训练*"


def _trees(folder: Path) -> tuple[ProjectConfig, list[DocTree]]:
    config = folder / "zhibiao.yaml"
    project = open_project(folder / "standards", config if config.is_file() else None)
    corpus = run_check(project, base=folder).corpus
    return project.config, compose_corpus(corpus, project.config)


def _one(trees: list[DocTree], kind: str) -> DocTree:
    return next(t for t in trees if t.kind == kind)


def _zh03(trees: list[DocTree]) -> DocTree:
    return next(t for t in trees if t.kind == "course" and "ZH03" in t.page)


@pytest.fixture(scope="module")
def ticks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pass-tick-matrix with a hostile content cell (pipe, HTML, emphasis)."""
    root = tmp_path_factory.mktemp("ticks")
    shutil.copytree(CASES / "pass-tick-matrix", root, dirs_exist_ok=True)
    course = root / ZH03
    text = course.read_text("utf-8")
    course.write_text(text.replace("卷积神经网络训练与调参", f"'{HOSTILE}'"), "utf-8")
    return root


def _tick_rows(lines: list[str]) -> list[list[str]]:
    """Cells of Markdown table lines (an escaped \\| stays inside its cell)."""
    return [[c.strip() for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])] for line in lines]


def test_tick_matrix_is_one_markdown_table_with_escaped_cells(ticks: Path) -> None:
    _config, trees = _trees(ticks)
    markdown = render_document(_zh03(trees))
    header = next(line for line in markdown.splitlines() if "| 模块 |" in line)
    assert _tick_rows([header])[0] == ["模块", "内容", "A", "B", "C"]
    body = [line for line in markdown.splitlines() if "✓" in line]
    assert len(body) == 3
    cells = _tick_rows(body)
    assert [row[2:].index("✓") for row in cells] == [0, 1, 2]  # A, B, C as written
    assert cells[0][0] == "深度学习基础" and cells[1][0] == ""  # group merged down
    hostile = body[2]
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile
    assert "卷积\\|神经网络" in hostile  # the pipe does not split the row
    assert "表" in markdown and "课程内容分层次要求" in markdown
    assert "A 为了解，B 为理解，C 为掌握。" in markdown


def test_tick_matrix_is_a_real_word_table(ticks: Path) -> None:
    config, trees = _trees(ticks)
    tree = _zh03(trees)
    document = open_docx(render_trees([tree], config)[0].data)
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "C")
    assert [c.text for c in table.rows[0].cells] == ["模块", "内容", "A", "B", "C"]
    marks = [[c.text for c in row.cells[2:]] for row in table.rows[1:]]
    assert marks == [["✓", "", ""], ["", "✓", ""], ["", "", "✓"]]
    assert table.rows[3].cells[1].text == HOSTILE


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(tools_missing() is not None, reason="LibreOffice/poppler missing")
def test_tick_matrix_prints_in_its_columns(ticks: Path, tmp_path: Path) -> None:
    """LibreOffice → PDF → text: each content line has its tick under its own level."""
    config, trees = _trees(ticks)
    tree = _zh03(trees)
    docx = tmp_path / "course.docx"
    docx.write_bytes(render_trees([tree], config)[0].data)
    pdf = to_pdf([docx], tmp_path, tmp_path / "profile")[0]
    assert "前向传播与反向传播" in "".join(pdf_text(pdf))
    words = _words(pdf)
    header = next(
        w
        for w in words
        if w[2] == "内容" and any(v[2] == "C" and abs(v[1] - w[1]) < 3 for v in words)
    )
    columns = {v[2]: v[0] for v in words if v[2] in "ABC" and abs(v[1] - header[1]) < 3}
    assert sorted(columns) == ["A", "B", "C"]
    below = [w for w in words if w[1] > header[1]]
    for content, level in (
        ("神经网络的基本结构", "A"),
        ("前向传播与反向传播", "B"),
        (HOSTILE[:2], "C"),
    ):
        row = next(w for w in below if w[2].startswith(content))
        tick = next(w for w in below if w[2] == "✓" and abs(w[1] - row[1]) < 12)
        nearest = min(columns, key=lambda lv: abs(columns[lv] - tick[0]))
        assert nearest == level, (content, tick, columns)


def _words(pdf: Path) -> list[tuple[float, float, str]]:
    """(x, y, text) of every word LibreOffice printed (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)
    return [(float(x), float(y), html.unescape(t)) for x, y, t in found]


def _width(text: str) -> int:
    """Display columns of pdftotext -layout output (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_scoped_list_prints_one_table_per_grade_with_its_columns() -> None:
    _config, trees = _trees(CASES / "pass-scoped-codes")
    tree = _one(trees, "competencies")
    markdown = render_document(tree)
    assert "工作任务与职业能力分析表（五级）" in markdown
    assert "工作任务与职业能力分析表（四级）" in markdown
    assert "技能要求 1-1-1" in markdown and "相关知识要求 1-1-1" in markdown
    anchors = re.findall(r"\{#([^}]+)\}", markdown)
    assert len(anchors) == len(set(anchors)), "scoped codes share an anchor"
    # the course that carries 四级 1-1-1 links to it, not to 五级 1-1-1
    course = render_document(_zh03(trees))
    assert "1-1-1（四级）" in course


def test_occupation_standard_block_on_site_and_in_word() -> None:
    config, trees = _trees(CASES / "pass-scoped-codes")
    tree = _one(trees, "competencies")
    markdown = render_document(tree)
    for value in (
        "4-04-05-05",
        "人工智能训练师国家职业技能标准（2021年版）",
        "60 标准学时",
        "（原文未列出）",
    ):
        assert value in markdown, value
    document = open_docx(render_trees([tree], config)[0].data)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "4-04-05-05" in cells and "五级/初级工" in cells and "—" in cells


def test_scale_sentence_names_the_list_vocabulary() -> None:
    _config, trees = _trees(CASES / "pass-vocabularies-mapped")
    markdown = render_document(_one(trees, "competencies"))
    assert "职业技能等级由低到高依次为：五级、四级、三级、二级、一级。" in markdown


SCALE = st.lists(
    st.text(alphabet="abcdefgh", min_size=1, max_size=3), min_size=1, max_size=5, unique=True
)


@given(SCALE, SCALE, st.data())
def test_levels_compare_through_a_monotone_mapping(
    first: list[str], second: list[str], data: st.DataObject
) -> None:
    """Within a scale by position; across scales only through the mapping, in both
    directions, and never without it."""
    second = [f"2{level}" for level in second]
    targets = sorted(
        data.draw(
            st.lists(st.integers(0, len(second) - 1), min_size=len(first), max_size=len(first))
        )
    )
    mapping = {a: second[t] for a, t in zip(first, targets, strict=True)}
    base = {"level_vocabularies": {"甲": first, "乙": second}}
    bare = Levels(ProjectConfig.model_validate(base))
    mapped = Levels(
        ProjectConfig.model_validate(
            {**base, "level_mappings": [{"from": "甲", "to": "乙", "levels": mapping}]}
        )
    )
    a, b = data.draw(st.sampled_from(first)), data.draw(st.sampled_from(first))
    assert bare.reaches(Leveled(a, "甲"), Leveled(b, "甲")) == (first.index(a) >= first.index(b))
    c = data.draw(st.sampled_from(second))
    assert bare.reaches(Leveled(a, "甲"), Leveled(c, "乙")) is None
    assert mapped.reaches(Leveled(a, "甲"), Leveled(c, "乙")) == (
        second.index(mapping[a]) >= second.index(c)
    )
    assert mapped.reaches(Leveled(c, "乙"), Leveled(a, "甲")) == (
        second.index(c) >= second.index(mapping[a])
    )


def test_refs_finds_a_scoped_competency_and_only_its_carriers() -> None:
    result = run_cli(["refs", "1-1-1（四级）"], CASES / "pass-scoped-codes")
    assert result.exit_code == 0, result.stderr
    assert "课程 ZH03" in result.stdout and "培养规格 A2" in result.stdout
    assert "ZH01" not in result.stdout  # ZH01 carries 五级 1-1-1, not this one


def test_diff_names_a_scoped_competency_by_its_scope(tmp_path: Path) -> None:
    """Two items numbered 1-1-1 in one task (技能要求, 相关知识要求) are told apart by scope."""
    sides = []
    for name in ("old", "new"):
        shutil.copytree(CASES / "pass-scoped-codes", tmp_path / name)
        sides.append(tmp_path / name)
    listing = sides[1] / "standards/510209-人工智能技术应用/competencies.yaml"
    text = listing.read_text("utf-8")
    listing.write_text(text.replace("常用方法与法律法规", "常用方法与相关法律法规"), "utf-8")
    loaded = [load_corpus(root / "standards", root, Diagnostics()) for root in sides]
    changes = diff_corpora(loaded[0], loaded[1]).changes
    assert len(changes) == 1
    assert [step.code for step in changes[0].path] == ["1（五级）", "1-1", "1-1-1（相关知识要求）"]


def test_open_data_ranks_only_levels_of_the_default_scale(tmp_path: Path) -> None:
    """CASE and the dataset rank levels in learning_levels; an A/B/C course keeps its text."""
    shutil.copytree(CASES / "pass-tick-matrix", tmp_path, dirs_exist_ok=True)
    result = run_cli(["export", "case", "-o", "out/case"], tmp_path)
    assert result.exit_code == 0, result.stderr
    text = "".join(p.read_text("utf-8") for p in sorted((tmp_path / "out/case").rglob("*.json")))
    levels = re.findall(r'"learningLevel": "([^"]+)"', text)
    assert {"A", "B", "掌握"} <= set(levels)
    ranked = re.findall(r'"learningLevel": "([^"]+)",\s*"learningLevelRank"', text)
    assert ranked and set(ranked) <= {"了解", "理解", "掌握", "运用"}


def test_the_transcribe_doc_example_checks_as_the_folder_does(tmp_path: Path) -> None:
    """docs/transcribe.md's 人工智能训练师 example is valid and gives the realworld folder's codes."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "transcribe.md").read_text("utf-8")
    config = re.search(r"```yaml\n# zhibiao.yaml\n(.*?)```", doc, re.S)
    listing = re.search(
        r"```yaml\n# standards/人工智能训练师/competencies.yaml\n(.*?)```", doc, re.S
    )
    assert config is not None and listing is not None
    folder = tmp_path / "standards" / "人工智能训练师"
    folder.mkdir(parents=True)
    (tmp_path / "zhibiao.yaml").write_text(config.group(1), "utf-8")
    (folder / "competencies.yaml").write_text(listing.group(1), "utf-8")
    result = run_cli(["check", "standards", "--format", "json"], tmp_path)
    codes = sorted(d["code"] for d in json.loads(result.stdout))
    assert codes == ["ZB601", "ZB601"], result.stdout  # as tests/realworld/aitrainer-4040505
    table = re.search(r"```yaml\nlevels: 内容要求.*?\n(level_table:\n.*?)```", doc, re.S)
    assert table is not None
    data = parse(table.group(1))
    assert LevelTable.model_validate(data["level_table"]).rows[2].level == "C"


def test_a_scope_with_a_slash_is_matched_by_any_of_its_parts() -> None:
    """“五级/初级工” (the 等级 as the source names it) is found by 五级/初级工, 五级 or 初级工."""
    view = view_of(next(iter(full_corpus().specialties.values())))
    assert "1-1-1（五级/初级工）" in view.competencies
    for scope in ("五级/初级工", "五级", "初级工", "初级工/五级"):
        assert view.resolve("1-1-1", scope)[0] == "1-1-1（五级/初级工）", scope
    assert view.resolve("1-1-2", "五级/相关知识要求")[0] == "1-1-2（五级/初级工/相关知识要求）"
    assert view.resolve("1-1-1", "四级") == (None, ())
    carried = {use.key for use in view.uses}
    assert carried == {"1-1-1（五级/初级工）", "1-1-2（五级/初级工/相关知识要求）"}
