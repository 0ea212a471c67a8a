"""The workbook carries the newer model parts: numbering scopes of domains and competencies
(编码范围（表）/（列）), the list's level vocabulary (文件信息「水平词表」), scoped competency
references (`1.1.1（五级/技能要求）：五级`) and a course's content × level tick table.

`export xlsx` → `import xlsx -o` gives back exactly the scoped tree (property test with
hypothesis: codes that restart in every scope, arbitrary scope names and vocabularies);
`export xlsx` → edit → `import xlsx BOOK` merges by (scope, code) and names sheet, row and
column when a value cannot be taken.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from builder.model import CompetencyList
from builder.opendata.loading import load_standards
from builder.opendata.xlsx_export import build_workbook, export_xlsx, workbook_bytes
from builder.opendata.xlsx_import import ImportOptions, import_xlsx
from builder.opendata.xlsx_update import update_from_workbook
from builder.project.loading import open_project
from builder.read.corpus import load_document
from tests.conftest import examples
from tests.opendata_support import FIXTURE, SPECIALTY_DIR

PROJECT = open_project(FIXTURE / "standards")
ENTRY = next(iter(load_standards(PROJECT).specialties.values()))
WHEN = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
GRADES = ["五级", "四级", "三级", "二级", "一级"]
CONFIG = (
    "learning_levels: [了解, 理解, 掌握, 运用]\n"
    "level_vocabularies:\n  职业技能等级: [五级, 四级, 三级, 二级, 一级]\n"
)

WORD = st.text(
    st.characters(whitelist_categories=("Lo", "Nd", "Lu")), min_size=1, max_size=6
).filter(lambda t: t.strip() == t)
TABLE = st.one_of(st.none(), st.sampled_from(["五级/初级工", "四级"]), WORD.map("表{}".format))
COLUMN = st.one_of(
    st.none(), st.sampled_from(["技能要求", "相关知识要求"]), WORD.map("列{}".format)
)
"""Table and column names never coincide: (table 四级, no column) and (no table, column 四级)
are one numbering scope for the model (`scoped_code`), as they are for the importer."""


@st.composite
def scoped_list(draw: st.DrawFn) -> dict[str, Any]:
    """A competency list whose codes restart in every domain scope and competency column."""
    domains = []
    scopes = draw(st.lists(TABLE, min_size=1, max_size=3, unique=True))
    for scope in scopes:
        for d in range(1, draw(st.integers(1, 2)) + 1):
            tasks = []
            for t in range(1, draw(st.integers(1, 2)) + 1):
                comps = []
                for column in draw(st.lists(COLUMN, min_size=1, max_size=2, unique=True)):
                    for c in range(1, draw(st.integers(1, 2)) + 1):
                        comp: dict[str, Any] = {
                            "code": f"{d}.{t}.{c}",
                            "text": draw(WORD),
                            "level": draw(st.sampled_from(GRADES)),
                        }
                        if column:
                            comp["scope"] = column
                        comps.append(comp)
                tasks.append({"code": f"{d}.{t}", "name": draw(WORD), "competencies": comps})
            domain: dict[str, Any] = {"code": str(d), "name": draw(WORD), "tasks": tasks}
            if scope:
                domain["scope"] = scope
            domains.append(domain)
    return {
        "kind": "competencies",
        "meta": {"title": "人工智能训练师", "version": "2021", "status": "发布"},
        "specialty": "510209",
        "levels": "职业技能等级",
        "domains": domains,
    }


@settings(
    max_examples=examples(20),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(scoped_list())
def test_scoped_codes_and_vocabulary_round_trip_exactly(data: dict[str, Any]) -> None:
    doc = CompetencyList.model_validate(data)
    listing = ENTRY.competencies[0]
    entry = dataclasses.replace(ENTRY, competencies=[dataclasses.replace(listing, doc=doc)])
    config = PROJECT.config.model_copy(update={"level_vocabularies": {"职业技能等级": GRADES}})
    raw = workbook_bytes(build_workbook(entry, config), WHEN)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "zhibiao.yaml").write_text(CONFIG, "utf-8")
        book, out = Path(folder) / "book.xlsx", Path(folder) / "out.yaml"
        book.write_bytes(raw)
        result = import_xlsx(book, out, ImportOptions(), Path(folder) / "zhibiao.yaml")
        assert result.diagnostics == [], result.diagnostics
        assert result.document is not None
        assert result.document.levels == "职业技能等级"
        assert result.document.domains == doc.domains


def test_an_undeclared_vocabulary_is_named_at_its_cell(tmp_path: Path) -> None:
    doc = CompetencyList.model_validate({**_grades_list(), "levels": "职业技能等级"})
    listing = ENTRY.competencies[0]
    entry = dataclasses.replace(ENTRY, competencies=[dataclasses.replace(listing, doc=doc)])
    config = PROJECT.config.model_copy(update={"level_vocabularies": {"职业技能等级": GRADES}})
    book = tmp_path / "book.xlsx"
    book.write_bytes(workbook_bytes(build_workbook(entry, config), WHEN))
    (tmp_path / "zhibiao.yaml").write_text("learning_levels: [了解, 理解, 掌握, 运用]\n", "utf-8")
    result = import_xlsx(book, tmp_path / "out.yaml", ImportOptions(), tmp_path / "zhibiao.yaml")
    (problem,) = result.diagnostics
    assert problem.code == "ZB807"
    assert problem.message.startswith("工作表「文件信息」第 9 行 B 列：水平词表「职业技能等级」")
    assert not (tmp_path / "out.yaml").exists()


def _grades_list() -> dict[str, Any]:
    return {
        "kind": "competencies",
        "meta": {"title": "人工智能训练师", "version": "2021", "status": "发布"},
        "specialty": "510209",
        "domains": [
            {
                "code": "1",
                "scope": scope,
                "name": f"数据采集（{scope}）",
                "tasks": [
                    {
                        "code": "1.1",
                        "name": "数据清洗",
                        "competencies": [
                            {"code": "1.1.1", "text": f"能清洗数据（{scope}）", "level": scope},
                            {
                                "code": "1.1.1",
                                "scope": "相关知识要求",
                                "text": "数据清洗的方法",
                                "level": scope,
                            },
                        ],
                    }
                ],
            }
            for scope in ("五级", "四级")
        ],
    }


# --- `import xlsx BOOK`: the edited workbook merged back by (scope, code) -------------------


def _scoped_project(folder: Path) -> Path:
    root = folder / "project"
    shutil.copytree(FIXTURE, root)
    (root / "zhibiao.yaml").write_text(
        (root / "zhibiao.yaml").read_text("utf-8")
        + "level_vocabularies:\n  职业技能等级: [五级, 四级, 三级, 二级, 一级]\n",
        "utf-8",
    )
    base = root / "standards" / SPECIALTY_DIR
    import yaml

    data = {**_grades_list(), "levels": "职业技能等级"}
    data["meta"] = {**data["meta"], "title": "人工智能训练师职业能力清单"}
    (base / "competencies.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8"
    )
    course = (base / "courses" / "zh01.yaml").read_text("utf-8")
    course = course.replace("implementation:", LEVEL_TABLE + "implementation:", 1)
    (base / "courses" / "zh01.yaml").write_text(course, "utf-8")
    return root


LEVEL_TABLE = (
    "level_table:\n"
    "  title: 课程内容分层次要求\n"
    "  rows:\n"
    "    - {group: 基础, content: 神经网络的基本结构, level: 了解}\n"
    "    - {group: 基础, content: 反向传播, level: [理解, 掌握]}\n"
)


def _export(root: Path) -> Path:
    export_xlsx(open_project(root / "standards"), root / "xlsx")
    return root / "xlsx" / f"{SPECIALTY_DIR}.xlsx"


def _cell(sheet: Any, first: str, value: str, column: str) -> Any:
    header = {c.value: c.column for c in sheet[1]}
    row = next(
        r for r in range(2, sheet.max_row + 1) if sheet.cell(r, header[first]).value == value
    )
    return sheet.cell(row, header[column])


def test_unedited_workbook_changes_no_byte_and_edits_land_in_their_scope(tmp_path: Path) -> None:
    root = _scoped_project(tmp_path)
    files = {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))}
    path = _export(root)
    result = update_from_workbook(path, open_project(root / "standards"))
    assert result.problems == [] and result.changes == [], result.problems
    assert {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))} == files

    book = load_workbook(path)
    sheet = book["职业能力清单"]
    assert [c.value for c in sheet[1]][-2:] == ["编码范围（表）", "编码范围（列）"]
    _cell(sheet, "职业能力", "能清洗数据（四级）", "职业能力").value = "能按规范清洗数据"
    _cell(sheet, "职业能力", "能按规范清洗数据", "学习水平").value = "三级"
    table = book["内容与水平打勾表"]
    _cell(table, "内容", "神经网络的基本结构", "水平").value = "了解\n理解"
    _cell(table, "内容", "反向传播", "水平").value = "运用"
    book.save(path)
    result = update_from_workbook(path, open_project(root / "standards"))
    assert result.problems == [], result.problems
    base = root / "standards" / SPECIALTY_DIR
    doc, problems = load_document(base / "competencies.yaml", "competencies.yaml", root)
    assert problems == []
    five, four = doc.domains
    assert five.tasks[0].competencies[0].text == "能清洗数据（五级）"
    assert four.tasks[0].competencies[0].text == "能按规范清洗数据"
    assert four.tasks[0].competencies[0].level == "三级"
    assert four.tasks[0].competencies[1].scope == "相关知识要求"
    course, problems = load_document(base / "courses" / "zh01.yaml", "courses/zh01.yaml", root)
    assert problems == []
    assert [r.level for r in course.level_table.rows] == [["了解", "理解"], "运用"]


def test_a_level_outside_the_lists_vocabulary_is_named_at_its_cell(tmp_path: Path) -> None:
    root = _scoped_project(tmp_path)
    path = _export(root)
    book = load_workbook(path)
    sheet = book["职业能力清单"]
    cell = _cell(sheet, "职业能力", "能清洗数据（四级）", "学习水平")
    cell.value = "掌握"  # a level of learning_levels, not of 职业技能等级
    book.save(path)
    before = (root / "standards" / SPECIALTY_DIR / "competencies.yaml").read_bytes()
    result = update_from_workbook(path, open_project(root / "standards"))
    (problem,) = result.problems
    assert problem.message.startswith(
        f"工作表「职业能力清单」第 {cell.row} 行 {cell.column_letter} 列：学习水平「掌握」不在词表中"
    )
    assert "职业技能等级" in (problem.hint or "")
    assert (root / "standards" / SPECIALTY_DIR / "competencies.yaml").read_bytes() == before


def test_a_scoped_reference_comes_back_with_its_scope(tmp_path: Path) -> None:
    from builder.opendata.xlsx_cells import parse, shown
    from builder.opendata.xlsx_tables import tables

    column = next(
        c for t in tables() if t.id == "course.modules.items" for c in t.columns if c.form == "refs"
    )
    from builder.model import CompetencyRef

    refs = [
        CompetencyRef(ref="1.1.1", level="五级", scope="五级/技能要求"),
        CompetencyRef(ref="1-2-3", level="掌握"),
        CompetencyRef(ref="甲（乙）", level="掌握"),
    ]
    text = shown(column, refs)
    assert text == "1.1.1（五级/技能要求）：五级\n1-2-3：掌握\n甲（乙）（）：掌握"
    assert [CompetencyRef.model_validate(r) for r in parse(column, text)] == refs
