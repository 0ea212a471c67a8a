"""`zhibiao import xlsx`: round trip with the export, located diagnostics, --force."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from builder.model import CompetencyList
from builder.read.corpus import load_document
from tests.conftest import run_cli
from tests.opendata_support import SPECIALTY_DIR, copy_fixture
from tests.test_opendata_xlsx import BOOK, _calc_available

HEADER = ["工作领域", "工作任务", "职业能力", "学习水平"]


def _load(path: Path) -> CompetencyList:
    doc, problems = load_document(path, path.name, path.parent)
    assert problems == [], problems
    assert isinstance(doc, CompetencyList)
    return doc


def _assert_equivalent(imported: CompetencyList, original: CompetencyList) -> None:
    assert imported.specialty == original.specialty
    assert imported.domains == original.domains
    for field in ("title", "standard_no", "version", "status"):
        assert getattr(imported.meta, field) == getattr(original.meta, field), field


def _project_without_list(tmp_path: Path) -> tuple[Path, Path, CompetencyList]:
    """The fixture with its competency list exported to xlsx and then removed."""
    root = copy_fixture(tmp_path)
    result = run_cli(["export", "xlsx", "standards", "-o", "xlsx"], root)
    assert result.exit_code == 0, result.stderr
    target = root / "standards" / SPECIALTY_DIR / "competencies.yaml"
    original = _load(target)
    target.unlink()
    return root, target, original


def test_export_then_import_gives_back_the_competency_list(tmp_path: Path) -> None:
    root, target, original = _project_without_list(tmp_path)
    result = run_cli(["import", "xlsx", f"xlsx/{BOOK}", "-o", str(target.relative_to(root))], root)
    assert result.exit_code == 0, result.stderr
    assert "10 项职业能力" in result.stdout
    text = target.read_text("utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../schemas/competencies.schema.json\n"
    )
    _assert_equivalent(_load(target), original)
    check = run_cli(["check", "standards", "--format", "json"], root)
    assert '"ZB1' not in check.stdout and '"ZB0' not in check.stdout


@pytest.mark.libreoffice
@pytest.mark.skipif(
    not _calc_available(), reason="需要 LibreOffice Calc（soffice + libreoffice-calc）"
)
def test_workbook_resaved_by_libreoffice_imports_the_same(tmp_path: Path) -> None:
    root, target, original = _project_without_list(tmp_path)
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
            str(root / "xlsx" / BOOK),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    result = run_cli(["import", "xlsx", str(resaved / BOOK), "-o", str(target)], root)
    assert result.exit_code == 0, result.stderr
    _assert_equivalent(_load(target), original)


def _book(path: Path, rows: list[list[Any]], title: str = "职业能力清单") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "standards" / "510209-人工智能技术应用"
    folder.mkdir(parents=True)
    return folder


def test_hand_written_sheet_with_blanks_is_numbered(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    book = _book(
        tmp_path / "清单.xlsx",
        [
            ["人工智能技术应用专业职业能力分析表"],
            HEADER,
            ["数据采集与处理", "数据采集", "能制定数据采集方案。", "掌握"],
            [None, None, "能使用爬虫和开放接口采集数据。", "运用"],
            [None, "数据标注", "能使用标注平台完成图像标注。", "运用"],
            [],
            ["模型训练与部署", "模型训练", "能完成模型训练与评估。", "掌握"],
        ],
        title="Sheet1",
    )
    result = run_cli(["import", "xlsx", str(book), "-o", "out.yaml", "--version", "2025"], folder)
    assert result.exit_code == 0, result.stderr
    doc = _load(folder / "out.yaml")
    assert doc.specialty == "510209"
    assert doc.meta.version == "2025" and doc.meta.status == "草案"
    codes = [
        (d.code, t.code, c.code, c.type)
        for d in doc.domains
        for t in d.tasks
        for c in t.competencies
    ]
    assert codes == [
        ("1", "1-1", "1-1-1", "能力"),
        ("1", "1-1", "1-1-2", "能力"),
        ("1", "1-2", "1-2-1", "能力"),
        ("2", "2-1", "2-1-1", "能力"),
    ]
    assert doc.domains[0].tasks[1].name == "数据标注"


def test_problems_are_located_by_sheet_row_and_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    book = _book(
        tmp_path / "book.xlsx",
        [
            [*HEADER, "类型", "能力编码"],
            ["数据采集与处理", "数据采集", "能制定数据采集方案。", "掌握", "能力", "1-1-1"],
            [None, None, None, "运用"],
            [None, None, "能采集图像数据。", "掌握", "技能"],
            [None, None, "能采集文本数据。", "精通"],
            ["模型训练", "模型训练", "能训练模型。", "掌握", None, "1-1-1"],
            ["数据采集与处理", "数据清洗", "能清洗数据。", "掌握"],
        ],
    )
    result = run_cli(["import", "xlsx", str(book), "-o", "competencies.yaml"], folder)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if ": error[" in line]
    where = f"{book.as_posix()}"
    assert lines == [
        f"{where}:3:3: error[ZB803] 工作表「职业能力清单」第 3 行 C 列：职业能力描述为空",
        f"{where}:4:5: error[ZB805] 工作表「职业能力清单」第 4 行 E 列：类型「技能」无效",
        f"{where}:5:4: error[ZB804] 工作表「职业能力清单」第 5 行 D 列：学习水平「精通」不在词表中",
        f"{where}:6:6: error[ZB806] 工作表「职业能力清单」第 6 行 F 列：能力编码「1-1-1」与第 2 行重复",
        f"{where}:7:1: error[ZB806] 工作表「职业能力清单」第 7 行 A 列：工作领域「数据采集与处理」已在第 2 行出现，同一工作领域的行必须相邻",
    ]
    assert "未写入任何文件" in result.stderr
    assert not (folder / "competencies.yaml").exists()


def test_missing_columns_sheet_and_metadata(tmp_path: Path) -> None:
    book = _book(tmp_path / "book.xlsx", [["工作领域", "工作任务", "职业能力"], ["a", "b", "c"]])
    result = run_cli(["import", "xlsx", str(book), "-o", "x.yaml"], tmp_path)
    assert result.exit_code == 1
    assert (
        "book.xlsx:1:1: error[ZB802] 工作表「职业能力清单」第 1 行：表头缺少「学习水平」列"
        in result.stderr
    )

    result = run_cli(["import", "xlsx", str(book), "-o", "x.yaml", "--sheet", "清单"], tmp_path)
    assert result.exit_code == 1 and "error[ZB801] 工作表「清单」不存在" in result.stderr

    good = _book(
        tmp_path / "good.xlsx", [HEADER, ["数据采集与处理", "数据采集", "能采集数据。", "掌握"]]
    )
    result = run_cli(["import", "xlsx", str(good), "-o", "x.yaml"], tmp_path)
    assert result.exit_code == 1
    assert "error[ZB807] 无法确定专业代码" in result.stderr
    assert "error[ZB807] 缺少版本" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_existing_file_needs_force(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    good = _book(
        tmp_path / "good.xlsx", [HEADER, ["数据采集与处理", "数据采集", "能采集数据。", "掌握"]]
    )
    target = folder / "competencies.yaml"
    target.write_text("# 手工维护的清单\n", "utf-8")
    args = ["import", "xlsx", str(good), "-o", "competencies.yaml", "--version", "2025"]
    result = run_cli(args, folder)
    assert result.exit_code == 2
    assert "文件已存在" in result.stderr and "--force" in result.stderr
    assert target.read_text("utf-8") == "# 手工维护的清单\n"
    result = run_cli([*args, "--force"], folder)
    assert result.exit_code == 0, result.stderr
    assert _load(target).domains[0].tasks[0].competencies[0].text == "能采集数据。"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_unreadable_workbook_is_a_usage_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("工作领域,工作任务\n", "utf-8")
    result = run_cli(["import", "xlsx", str(fake), "-o", "x.yaml"], tmp_path)
    assert result.exit_code == 2
    assert "无法读取工作簿" in result.stderr and "Traceback" not in result.stderr
    result = run_cli(["import", "xlsx", "missing.xlsx", "-o", "x.yaml"], tmp_path)
    assert result.exit_code == 2 and "工作簿不存在" in result.stderr


def test_import_rules_are_listed() -> None:
    result = run_cli(["rules", "ZB804"], Path.cwd())
    assert result.exit_code == 0, result.stderr
    assert "xlsx-level" in result.stdout


def test_output_that_is_a_directory_is_a_usage_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    good = _book(
        tmp_path / "good.xlsx", [HEADER, ["数据采集与处理", "数据采集", "能采集数据。", "掌握"]]
    )
    result = run_cli(["import", "xlsx", str(good), "-o", str(folder), "--force"], tmp_path)
    assert result.exit_code == 2 and "输出路径是目录" in result.stderr


def test_builds_on_column_is_imported_and_checked(tmp_path: Path) -> None:
    """「衔接的下一层次能力」: `专业代码:能力编码` items separated by 「；」 become builds_on;
    anything else is ZB938 at its cell."""
    folder = _folder(tmp_path)
    header = [*HEADER, "衔接的下一层次能力"]
    good = _book(
        tmp_path / "good.xlsx",
        [
            header,
            [
                "数据化运营",
                "运营数据分析",
                "能搭建运营数据指标体系。",
                "运用",
                "730701:4-2-1；730701：4-2-2",
            ],
            [None, None, "能撰写运营分析报告。", "运用"],
        ],
    )
    result = run_cli(["import", "xlsx", str(good), "-o", "good.yaml", "--version", "2026"], folder)
    assert result.exit_code == 0, result.stderr
    first, second = _load(folder / "good.yaml").domains[0].tasks[0].competencies
    assert [(b.specialty, b.competency) for b in first.builds_on] == [
        ("730701", "4-2-1"),
        ("730701", "4-2-2"),
    ]
    assert second.builds_on == []
    bad = _book(
        tmp_path / "bad.xlsx",
        [
            header,
            ["数据化运营", "运营数据分析", "能搭建运营数据指标体系。", "运用", "730701-4-2-1"],
        ],
    )
    result = run_cli(["import", "xlsx", str(bad), "-o", "bad.yaml", "--version", "2026"], folder)
    assert result.exit_code == 1
    assert f"{bad.as_posix()}:2:5: error[ZB938]" in result.stderr
    assert "「730701-4-2-1」不是 专业代码:能力编码 的写法" in result.stderr
    assert not (folder / "bad.yaml").exists()
