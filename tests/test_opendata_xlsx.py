"""`zhibiao export xlsx`: sheets, print setup, the matrix, stability; LibreOffice reads it."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import run_cli
from tests.opendata_support import copy_fixture

BOOK = "510209-人工智能技术应用.xlsx"


def _export(root: Path, out: str = "xlsx") -> Path:
    result = run_cli(["export", "xlsx", "standards", "-o", out], root)
    assert result.exit_code == 0, result.stderr
    return root / out / BOOK


def test_workbook_sheets_and_print_setup(tmp_path: Path) -> None:
    book = load_workbook(_export(copy_fixture(tmp_path)))
    assert book.sheetnames[:4] == ["文件信息", "职业能力清单", "课程设置", "能力课程矩阵"]
    assert book.sheetnames[-1] == "_zhibiao" and book["_zhibiao"].sheet_state == "hidden"
    assert {"课程模块", "学习内容", "培养规格"} <= set(book.sheetnames)
    info = {row[0]: row[1] for row in book["文件信息"].iter_rows(min_row=2, values_only=True)}
    assert info["专业代码"] == "510209" and info["版本"] == "2025" and info["状态"] == "发布"
    for name in book.sheetnames[1:-1]:
        sheet = book[name]
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.column_dimensions["B"].width > 8
        assert sheet.freeze_panes in {"A2", "D2"}
    competencies = book["职业能力清单"]
    assert [c.value for c in competencies[1]][:4] == [
        "工作领域",
        "工作任务",
        "职业能力",
        "学习水平",
    ]
    assert competencies.print_area == "'职业能力清单'!$A$1:$F$11"
    assert "A2:A6" in {str(r) for r in competencies.merged_cells.ranges}


def test_course_plan_with_hours_credits_and_total(tmp_path: Path) -> None:
    sheet = load_workbook(_export(copy_fixture(tmp_path)))["课程设置"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == (
        "序号",
        "课程性质",
        "课程代码",
        "课程名称",
        "学时",
        "理论学时",
        "实践学时",
        "学分",
    )
    by_code = {row[2]: row for row in rows[1:-1]}
    assert by_code["ZH03"][4:9] == (72, 36, 36, 4.5, "3")
    assert by_code["GG05"][8] == "1、2"
    assert by_code["ZT01"][9] == "选修" and by_code["ZH01"][10] == "有"
    total = rows[-1]
    assert total[0] == "合计"
    assert total[4] == sum(row[4] for row in rows[1:-1]) == 1184
    assert total[7] == 62


def test_matrix_holds_the_highest_level_per_course(tmp_path: Path) -> None:
    sheet = load_workbook(_export(copy_fixture(tmp_path)))["能力课程矩阵"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("能力编码", "职业能力", "要求水平")
    courses = [str(title).split("\n")[0] for title in rows[0][3:]]
    assert courses == ["ZH01", "ZH03"]
    cells = {row[0]: dict(zip(courses, row[3:], strict=True)) for row in rows[1:]}
    assert cells["1-1-2"] == {"ZH01": "运用", "ZH03": "理解"}
    assert cells["2-1-2"] == {"ZH01": None, "ZH03": "掌握"}
    assert cells["1-2-3"] == {"ZH01": None, "ZH03": None}
    assert len(cells) == 10


def test_workbook_bytes_are_stable(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    assert _export(root, "a").read_bytes() == _export(root, "b").read_bytes()


def _calc_available() -> bool:
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    program = Path(soffice).resolve().parent
    return any(program.glob("libsclo.so")) or any(program.glob("*sc*lo.dll"))


@pytest.mark.libreoffice
@pytest.mark.skipif(
    not _calc_available(), reason="需要 LibreOffice Calc（soffice + libreoffice-calc）"
)
def test_libreoffice_opens_workbook_with_matrix_intact(tmp_path: Path) -> None:
    source = _export(copy_fixture(tmp_path))
    work = tmp_path / "lo"
    work.mkdir()
    shutil.copy(source, work / "book.xlsx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(work),
            str(work / "book.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    with (work / "book-能力课程矩阵.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][3].split("\n") == ["ZH01", "数据采集与预处理"]
    cells = {row[0]: row[2:] for row in rows[1:]}
    assert cells["1-1-2"] == ["运用", "运用", "理解"]
    assert cells["2-1-2"] == ["掌握", "", "掌握"]
    assert cells["3-1-1"] == ["运用", "理解", ""]
    with (work / "book-课程设置.csv").open(encoding="utf-8", newline="") as handle:
        plan = list(csv.reader(handle))
    assert plan[-1][0] == "合计" and plan[-1][4] == "1184"


def test_a_specialtys_workbook_is_made_once_per_loaded_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """The site offers the same workbook on the 职业能力清单 page and as open data: the
    bytes are those of a workbook made afresh, and the second request makes none."""
    from builder.base.diagnostics import Diagnostics
    from builder.opendata import xlsx_export
    from builder.opendata.stamps import last_change
    from builder.project.loading import open_project
    from builder.read.corpus import load_corpus
    from tests.conftest import REPO

    config = open_project(REPO / "standards").config
    corpus = load_corpus(REPO / "standards", REPO, Diagnostics())
    entry = corpus.specialties["510209"]
    when = max(last_change(item.doc) for item in entry.documents())
    fresh = xlsx_export.workbook_bytes(xlsx_export.build_workbook(entry, config), when)
    made: list[str] = []
    build = xlsx_export.build_workbook
    monkeypatch.setattr(
        xlsx_export, "build_workbook", lambda e, c: made.append(e.code) or build(e, c)
    )
    assert xlsx_export.specialty_workbook(entry, config) == fresh
    assert xlsx_export.specialty_workbook(entry, config) == fresh
    assert made == ["510209"]
    other = config.model_copy()
    assert xlsx_export.specialty_workbook(entry, other) == fresh  # another configuration
    assert made == ["510209", "510209"]
