"""`zhibiao import xlsx BOOK`: an exported workbook, edited and returned, changes exactly the edits.

Every table of every kind round-trips with no byte changed for every example project; scripted
edits made with openpyxl (a number, a number typed as text, a text typed as a number, a new
room with its equipment, a deleted content item, a formula) give exactly the expected YAML
lines; problems name sheet, row and column; renamed sheets and reordered columns are found by
their headers; LibreOffice's re-save imports with no change.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from builder.opendata.loading import load_standards
from builder.opendata.xlsx_export import export_xlsx
from builder.opendata.xlsx_update import UpdateResult, update_from_workbook
from builder.project.loading import open_project
from builder.read.corpus import SHARED_SET, set_code
from tests.conftest import run_cli
from tests.test_opendata_xlsx import _calc_available

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = [
    ROOT,
    ROOT / "tests" / "data" / "opendata",
    *sorted(p for p in (ROOT / "tests" / "realworld").iterdir() if (p / "standards").is_dir()),
]
AI = "510209-人工智能技术应用"
BOOK = f"{AI}.xlsx"


def _copy(source: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(source / "standards", root / "standards")
    if (source / "zhibiao.yaml").is_file():
        shutil.copy(source / "zhibiao.yaml", root / "zhibiao.yaml")
    return root


def _texts(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted((root / "standards").rglob("*.yaml"))}


def _export(root: Path) -> Path:
    out = root / "xlsx"
    export_xlsx(open_project(root / "standards"), out)
    return out


def _return(root: Path, book: Path, **options: Any) -> UpdateResult:
    return update_from_workbook(book, open_project(root / "standards"), **options)


@pytest.mark.parametrize("source", PROJECTS, ids=lambda p: p.name)
def test_every_table_of_every_example_round_trips_with_no_byte_changed(
    source: Path, tmp_path: Path
) -> None:
    root = _copy(source, tmp_path)
    before = _texts(root)
    books = sorted(_export(root).glob("*.xlsx"))
    if not books:  # only schools' plans and shared course standards: no specialty's tables
        corpus = load_standards(open_project(root / "standards"))
        assert corpus.documents
        assert all(
            item.kind == "plan" or set_code(item.doc) == SHARED_SET for item in corpus.documents
        )
    for book in books:
        result = _return(root, book)
        assert result.problems == [] and result.warnings == [], book.name
        assert result.changes == [] and result.written == []
    assert _texts(root) == before


def _header(sheet: Any) -> dict[str, int]:
    """Columns by header text."""
    return {str(c.value): c.column for c in sheet[1] if c.value is not None}


def _row_where(sheet: Any, column: str, value: str, also: tuple[str, str] | None = None) -> int:
    header = _header(sheet)
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, header[column]).value == value and (
            also is None or sheet.cell(row, header[also[0]]).value == also[1]
        ):
            return row
    raise AssertionError(f"{column}={value} not in {sheet.title}")


def _put(sheet: Any, row: int, column: str, value: Any) -> None:
    header = _header(sheet)
    sheet.cell(row, header[column]).value = value


def _append(sheet: Any, values: dict[str, Any]) -> int:
    header = _header(sheet)
    row = sheet.max_row + 1
    for title, value in values.items():
        sheet.cell(row, header[title]).value = value
    return row


def _diff(old: bytes, new: bytes) -> tuple[list[str], list[str]]:
    lines = list(difflib.ndiff(old.decode().splitlines(), new.decode().splitlines()))
    return [x[2:] for x in lines if x.startswith("- ")], [
        x[2:] for x in lines if x.startswith("+ ")
    ]


@pytest.fixture
def edited(tmp_path: Path) -> tuple[Path, Path, Any]:
    """The examples exported; the 510209 workbook open for editing."""
    root = _copy(ROOT, tmp_path)
    out = _export(root)
    return root, out / BOOK, load_workbook(out / BOOK)


def test_scripted_edits_give_exactly_those_yaml_changes(edited: tuple[Path, Path, Any]) -> None:
    root, path, book = edited
    before = _texts(root)
    plan = book["课程设置"]
    row = _row_where(plan, "课程代码", "ZH03")
    _put(plan, row, "学时", 80)
    _put(plan, row, "理论学时", "44")  # a number typed as text
    _put(plan, _row_where(plan, "课程代码", "GG01"), "课程名称", 123)  # text typed as a number
    rooms = book["实训室"]
    _append(rooms, {"实训室名称": "新建实训室", "主要功能": "开展新的实训。", "工位数": "40"})
    _append(book["实训设备"], {"实训室编号": "R8", "设备名称": "服务器", "主要功能及技术要求": "高性能。", "数量": 2})  # fmt: skip
    _append(
        book["实训设备"], {"设备名称": "交换机", "主要功能及技术要求": "千兆。"}
    )  # as above: R8
    items = book["学习内容"]
    items.delete_rows(_row_where(items, "编号", "M1-2", also=("课程代码", "ZH01")))
    book.save(path)

    result = _return(root, path)
    assert result.problems == [] and result.warnings == []
    assert any("新增 实训室「R8」（编码按规律编为 R8）" in line for line in result.changes)
    after = _texts(root)
    folder = root / "standards" / AI
    changed = {p.relative_to(folder).as_posix() for p in after if after[p] != before[p]}
    assert changed == {"specialty.yaml", "training-base.yaml", "courses/zh01.yaml"}

    removed, added = _diff(before[folder / "specialty.yaml"], after[folder / "specialty.yaml"])
    assert removed == ["    name: 思想道德与法治", "    hours: 64", "    theory_hours: 24"]
    assert added == ['    name: "123"', "    hours: 80", "    theory_hours: 44"]
    removed, added = _diff(before[folder / "training-base.yaml"], after[folder / "training-base.yaml"])  # fmt: skip
    assert removed == []
    assert added == [
        '  - code: "R8"',
        "    name: 新建实训室",
        "    functions: 开展新的实训。",
        "    stations: 40",
        "    equipment:",
        "      - name: 服务器",
        "        spec: 高性能。",
        "        quantity: 2",
        "      - name: 交换机",
        "        spec: 千兆。",
    ]
    removed, added = _diff(before[folder / "courses/zh01.yaml"], after[folder / "courses/zh01.yaml"])  # fmt: skip
    assert added == [] and removed[0] == '      - code: "M1-2"' and len(removed) == 10
    # and the result is an ordinary, valid standard again
    check = run_cli(["check", "standards", "--format", "json"], root)
    assert '"ZB1' not in check.stdout and '"ZB0' not in check.stdout


def test_problems_name_sheet_row_and_column_and_nothing_is_written(
    edited: tuple[Path, Path, Any],
) -> None:
    root, path, book = edited
    before = _texts(root)
    plan = book["课程设置"]
    row = _row_where(plan, "课程代码", "ZH03")
    _put(plan, row, "学时", "七十二")
    _put(plan, row, "课程性质", "核心")
    other = _row_where(plan, "课程代码", "ZH01")
    _put(plan, other, "课程名称", "数据\x80采集")
    modules = book["课程模块"]
    formula = _append(modules, {"课程代码": "ZH01", "模块名称": "新模块", "学时": "=SUM(2,3)"})
    equipment = _append(book["实训设备"], {"实训室编号": "R99", "设备名称": "服务器", "主要功能及技术要求": "x"})  # fmt: skip
    book.save(path)
    result = _return(root, path)
    found = {(p.code, p.line, p.column): p.message for p in result.problems}
    assert found[("ZB812", row, 5)].startswith(
        f"工作表「课程设置」第 {row} 行 E 列：学时：「七十二」不是整数"
    )
    assert ("ZB812", row, 2) in found and "不是可用的取值" in found[("ZB812", row, 2)]
    assert "U+0080" in found[("ZB812", other, 4)]
    assert found[("ZB814", formula, 4)].startswith(
        f"工作表「课程模块」第 {formula} 行 D 列：公式 =SUM(2,3)"
    )
    assert "实训室编号「R99」不存在" in found[("ZB815", equipment, 1)]
    assert all(p.file == path.as_posix() for p in result.problems)
    assert _texts(root) == before
    cli = run_cli(["import", "xlsx", str(path)], root)
    assert cli.exit_code == 1 and "未写入任何文件" in cli.stderr
    assert f"xlsx/{BOOK}:{row}:5: error[ZB812]" in cli.stderr.replace(str(root) + "/", "")


def test_a_formula_is_read_as_its_saved_result_never_as_a_formula(
    edited: tuple[Path, Path, Any],
) -> None:
    root, path, book = edited
    plan = book["课程设置"]
    row = _row_where(plan, "课程代码", "ZH03")
    _put(plan, row, "学时", "=SUM(40,40)")
    book.save(path)
    raw = path.read_bytes()
    patched = tmp = path.with_name("patched.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if b"SUM(40,40)" in data:  # what Excel saves: the formula and its result
                data = re.sub(rb"<f>SUM\(40,40\)</f>(<v\s*/>|<v></v>)?", b"<f>SUM(40,40)</f><v>80</v>", data)  # fmt: skip
            dst.writestr(info, data)
    assert patched.read_bytes() != raw
    result = _return(root, patched)
    assert result.problems == []
    text = (root / "standards" / AI / "specialty.yaml").read_text("utf-8")
    assert "    hours: 80\n" in text and "SUM" not in text


def test_renamed_sheet_reordered_columns_and_missing_parts(edited: tuple[Path, Path, Any]) -> None:
    root, path, book = edited
    before = _texts(root)
    plan = book["课程设置"]
    plan.title = "课程计划（修改稿）"
    values = [list(r) for r in plan.iter_rows(values_only=True)]
    for r, line in enumerate(values, start=1):  # the columns in reverse order
        for c, value in enumerate(reversed(line), start=1):
            plan.cell(r, c).value = value
    row = _row_where(plan, "课程代码", "ZH03")
    _put(plan, row, "学分", 5)
    del book["实训设备"]
    rooms = book["实训室"]
    rooms.delete_cols(list(_header(rooms)).index("工位数") + 1)
    book.save(path)
    result = _return(root, path)
    assert result.problems == []
    assert sorted(w.code for w in result.warnings) == ["ZB809", "ZB810"]
    assert "工位数" in next(w.message for w in result.warnings if w.code == "ZB810")
    folder = root / "standards" / AI
    after = _texts(root)
    assert [p for p in after if after[p] != before[p]] == [folder / "specialty.yaml"]
    assert _diff(before[folder / "specialty.yaml"], after[folder / "specialty.yaml"]) == (
        ["    credits: 4"],
        ["    credits: 5"],
    )


def test_yaml_changed_after_export_is_refused_unless_forced(edited: tuple[Path, Path, Any]) -> None:
    root, path, book = edited
    plan = book["课程设置"]
    _put(plan, _row_where(plan, "课程代码", "ZH03"), "学时", 80)
    book.save(path)
    target = root / "standards" / AI / "specialty.yaml"
    target.write_text(target.read_text("utf-8") + "# 合并了别人的修改\n", "utf-8")
    refused = _return(root, path)
    assert [p.code for p in refused.problems] == ["ZB808"]
    assert "hours: 80" not in target.read_text("utf-8")
    dry = _return(root, path, force=True, dry_run=True)
    assert dry.problems == [] and dry.changes and dry.written == []
    assert "hours: 80" not in target.read_text("utf-8")
    forced = run_cli(["import", "xlsx", str(path), "--force"], root)
    assert forced.exit_code == 0, forced.stderr
    assert "共 1 处改动，已写入 1 个文件" in forced.stdout
    assert "hours: 80" in target.read_text("utf-8")
    assert target.read_text("utf-8").endswith("# 合并了别人的修改\n")


def test_the_competency_sheet_is_merged_by_code(edited: tuple[Path, Path, Any]) -> None:
    root, path, book = edited
    before = _texts(root)
    sheet = book["职业能力清单"]
    _put(sheet, _row_where(sheet, "能力编码", "1-1-3"), "学习水平", "理解")
    sheet.delete_rows(_row_where(sheet, "能力编码", "1-1-2"))
    book.save(path)
    result = _return(root, path)
    assert result.problems == []
    target = root / "standards" / AI / "competencies.yaml"
    removed, added = _diff(before[target], target.read_bytes())
    assert added == ["            level: 理解"]
    assert removed[:1] == ['          - code: "1-1-2"'] and removed[-1] == "            level: 掌握"


@pytest.mark.libreoffice
@pytest.mark.skipif(
    not _calc_available(), reason="需要 LibreOffice Calc（soffice + libreoffice-calc）"
)
def test_a_workbook_resaved_by_libreoffice_returns_with_no_change(
    edited: tuple[Path, Path, Any], tmp_path: Path
) -> None:
    root, path, _ = edited
    before = _texts(root)
    resaved = tmp_path / "resaved"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(resaved),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    result = _return(root, resaved / BOOK)
    assert result.problems == [] and result.warnings == [] and result.changes == []
    assert _texts(root) == before


def test_bad_keys_empty_required_cells_and_duplicate_codes(edited: tuple[Path, Path, Any]) -> None:
    root, path, book = edited
    modules = book["课程模块"]
    key_column = next(c.column for c in modules[1] if str(c.value).startswith("zhibiao:"))
    modules.cell(2, key_column).value = "courses/zh01.yaml#modules/99"
    plan = book["课程设置"]
    empty = _row_where(plan, "课程代码", "ZH03")
    _put(plan, empty, "课程名称", None)
    rooms = book["实训室"]
    twin = _row_where(rooms, "实训室编号", "R2")
    _put(rooms, twin, "实训室编号", "R1")
    book.save(path)
    found = {(p.code, p.line, p.column) for p in _return(root, path).problems}
    assert ("ZB811", 2, key_column) in found
    assert ("ZB813", empty, 4) in found
    assert ("ZB816", twin, 1) in found


def test_an_invalid_result_is_reported_at_its_cell(edited: tuple[Path, Path, Any]) -> None:
    root, path, book = edited
    before = _texts(root)
    plan = book["课程设置"]
    row = _row_where(plan, "课程代码", "ZH03")
    _put(plan, row, "学时", 20000)
    book.save(path)
    (problem,) = _return(root, path).problems
    assert (problem.code, problem.line, problem.column) == ("ZB817", row, 5)
    assert problem.message.startswith(f"工作表「课程设置」第 {row} 行 E 列：")
    assert _texts(root) == before


def test_a_file_removed_since_export_is_reported(edited: tuple[Path, Path, Any]) -> None:
    root, path, _ = edited
    (root / "standards" / AI / "courses" / "zj02.yaml").unlink()
    problems = _return(root, path).problems
    assert [p.code for p in problems] == ["ZB818"] and "courses/zj02.yaml" in problems[0].message
    assert _return(root, path, force=True).problems == []


def test_two_copies_of_one_table_are_refused(edited: tuple[Path, Path, Any]) -> None:
    root, path, book = edited
    copy = book.copy_worksheet(book["实训室"])
    copy.title = "实训室（副本）"
    book.save(path)
    (problem,) = _return(root, path).problems
    assert problem.code == "ZB811" and "「实训室（副本）」与「实训室」" in problem.message


def test_a_document_reached_through_a_link_is_not_rewritten(tmp_path: Path) -> None:
    root = _copy(ROOT, tmp_path)
    real = root / "standards" / AI / "training-base.yaml"
    linked = root / "standards" / AI / "training-base-link.yaml"
    linked.symlink_to(real.name)
    path = _export(root) / BOOK
    book = load_workbook(path)
    rooms = book["实训室"]
    header = _header(rooms)
    key = next(c.column for c in rooms[1] if str(c.value).startswith("zhibiao:"))
    row = next(
        r
        for r in range(2, rooms.max_row + 1)
        if str(rooms.cell(r, key).value).startswith("training-base-link.yaml#")
    )
    rooms.cell(row, header["工位数"]).value = 60
    book.save(path)
    before = real.read_bytes()
    problems = _return(root, path).problems
    assert [p.code for p in problems] == ["ZB013"]
    assert linked.is_symlink() and real.read_bytes() == before
