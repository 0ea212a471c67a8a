"""`zhibiao export xlsx`: one print-ready workbook per specialty (openpyxl).

Sheets: 文件信息, 职业能力清单 (the import layout), 课程设置 (学时/学分 with a 合计 row) and
能力课程矩阵 (职业能力 × 课程, cells = the highest 学习水平 the course reaches).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from builder.config import ProjectConfig
from builder.corpus import SpecialtySet
from builder.opendata import xlsx_layout as lay
from builder.opendata.links import course_matrix
from builder.opendata.loading import load_standards
from builder.opendata.output import output_dir, write_all
from builder.opendata.stamps import last_change, source_date_epoch
from builder.project import Project
from builder.yamlparse import UNPRINTABLE

FONT = "宋体"
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
LEVEL_FILLS = ("F2F2F2", "D9E1F2", "B4C6E7", "8EA9DB", "6F8FC9", "4F73B8")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


FORMULA_START = frozenset("=+-@\t\r\n")
"""First characters that make a spreadsheet read text as a formula (OWASP CSV injection)."""


def _append(sheet: Worksheet, values: Sequence[Any]) -> None:
    """Append a row; text is text: never a formula, never a number, whatever it starts with.

    openpyxl turns a string starting with `=` into a formula, and Excel re-reads `+`, `-`, `@`
    on editing; text cells are written as strings (`t="inlineStr"`) and, when they start with
    one of these, with the quote prefix Excel shows as a leading apostrophe. Characters XML 1.0
    cannot hold (refused by check, ZB012/ZB014) become U+FFFD instead of stopping the export.
    """
    sheet.append([_clean(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value[:1] in FORMULA_START:
                cell.quotePrefix = True


def _clean(text: str) -> str:
    return UNPRINTABLE.sub("\ufffd", text) if UNPRINTABLE.search(text) else text


def _head(sheet: Worksheet, titles: list[str], widths: Sequence[float]) -> None:
    _append(sheet, titles)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[lay.column_letter(index)].width = width
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(name=FONT, bold=True, size=10.5)
        cell.fill = HEAD_FILL
        cell.alignment = CENTER
        cell.border = BORDER


def _body(sheet: Worksheet, first: int, last: int, columns: int, centred: set[int]) -> None:
    for row in sheet.iter_rows(min_row=first, max_row=last, max_col=columns):
        for cell in row:
            cell.font = Font(name=FONT, size=10.5)
            cell.border = BORDER
            cell.alignment = CENTER if cell.column in centred else WRAP


def _display_width(text: str) -> float:
    """Approximate width in column units (a CJK character ≈ 1.5 digits at 10.5 pt, measured)."""
    return sum(1.5 if ord(ch) > 0x2E7F else 1.0 for ch in text)


def _fit_rows(sheet: Worksheet, first: int = 2) -> None:
    """Set row heights from the wrapped text (LibreOffice does not grow rows read from xlsx)."""
    merged = {
        (row, col)
        for span in sheet.merged_cells.ranges
        for row in range(span.min_row, span.max_row + 1)
        for col in range(span.min_col, span.max_col + 1)
    }
    for row in sheet.iter_rows(min_row=first):
        lines = 1
        for cell in row:
            if cell.value is None or (cell.row, cell.column) in merged:
                continue
            width = sheet.column_dimensions[lay.column_letter(cell.column)].width or 9
            for part in str(cell.value).split("\n"):
                lines = max(lines, math.ceil(_display_width(part) / max(width - 1, 1)))
        sheet.row_dimensions[row[0].row].height = 15 * lines + 3


def _print_setup(sheet: Worksheet, landscape: bool, columns: int) -> None:
    sheet.freeze_panes = "A2" if sheet.title != lay.MATRIX_SHEET else "D2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.print_area = f"A1:{lay.column_letter(columns)}{max(sheet.max_row, 1)}"
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    _fit_rows(sheet)


def _meta_sheet(book: Workbook, entry: SpecialtySet) -> None:
    sheet = book.active
    assert sheet is not None
    sheet.title = lay.META_SHEET
    specialty = entry.specialty.doc if entry.specialty else None
    listing = entry.competencies[0].doc if entry.competencies else None
    values: dict[str, Any] = {
        "专业代码": entry.code,
        "专业名称": specialty.name if specialty else "",
        "层次": specialty.level if specialty else "",
        "文件名称": listing.meta.title if listing else "",
        "标准编号": (listing.meta.standard_no or "") if listing else "",
        "版本": listing.meta.version if listing else "",
        "状态": listing.meta.status if listing else "",
    }
    _head(sheet, ["项目", "内容"], [14, 60])
    for label in lay.META_FIELDS:
        _append(sheet, [label, values[label]])
    note = (
        "本工作簿由 zhibiao export xlsx 生成；「职业能力清单」工作表可用 zhibiao import xlsx 导回。"
    )
    _append(sheet, ["说明", note])
    _body(sheet, 2, sheet.max_row, 2, set())
    _print_setup(sheet, False, 2)


def _competency_sheet(book: Workbook, entry: SpecialtySet) -> None:
    sheet = book.create_sheet(lay.COMPETENCY_SHEET)
    widths = [16, 18, 52, 9, 7, 9, 9, 9, 30, 30, 24]
    _head(sheet, list(lay.COMPETENCY_COLUMNS), widths)
    if not entry.competencies:
        _print_setup(sheet, True, lay.PRINTED)
        return
    row = 2
    for domain in entry.competencies[0].doc.domains:
        domain_start = row
        for task in domain.tasks:
            task_start = row
            for comp in task.competencies:
                _append(
                    sheet,
                    [
                        domain.name,
                        task.name,
                        comp.text,
                        comp.level,
                        comp.type,
                        comp.code,
                        task.code,
                        domain.code,
                        task.description or "",
                        domain.description or "",
                        "；".join(f"{b.specialty}:{b.competency}" for b in comp.builds_on),
                    ],
                )
                row += 1
            _merge(sheet, task_start, row - 1, (2, 7, 9))
        _merge(sheet, domain_start, row - 1, (1, 8, 10))
    _body(sheet, 2, row - 1, len(lay.COMPETENCY_COLUMNS), {4, 5, 6, 7, 8})
    _print_setup(sheet, True, lay.PRINTED)


def _merge(sheet: Worksheet, first: int, last: int, columns: tuple[int, ...]) -> None:
    """Merge a block vertically (the value stays in the first row; the importer fills down)."""
    if last <= first:
        return
    for column in columns:
        sheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)


PLAN_COLUMNS = [
    "序号",
    "课程性质",
    "课程代码",
    "课程名称",
    "学时",
    "理论学时",
    "实践学时",
    "学分",
    "开设学期",
    "修读方式",
    "课程标准",
]


def _plan_sheet(book: Workbook, entry: SpecialtySet) -> None:
    sheet = book.create_sheet(lay.PLAN_SHEET)
    _head(sheet, PLAN_COLUMNS, [6, 10, 10, 26, 7, 9, 9, 7, 10, 9, 9])
    courses = entry.specialty.doc.courses if entry.specialty else []
    standards = {c.doc.code for c in entry.courses}
    for n, course in enumerate(courses, start=1):
        _append(
            sheet,
            [
                n,
                course.nature,
                course.code,
                course.name,
                course.hours,
                course.theory_hours,
                course.practice_hours,
                "" if course.credits is None else _number(course.credits),
                "、".join(map(str, course.semesters)),
                "选修" if course.elective else "必修",
                "有" if course.code in standards else "",
            ],
        )
    if courses:
        _append(
            sheet,
            [
                "合计",
                "",
                "",
                f"{len(courses)} 门",
                _total([c.hours for c in courses]),
                _total([c.theory_hours for c in courses]),
                _total([c.practice_hours for c in courses]),
                _total([c.credits for c in courses]),
                "",
                "",
                "",
            ],
        )
        for cell in sheet[sheet.max_row]:
            cell.font = Font(name=FONT, bold=True)
    _body(sheet, 2, sheet.max_row, len(PLAN_COLUMNS), {1, 2, 3, 5, 6, 7, 8, 9, 10, 11})
    _print_setup(sheet, True, len(PLAN_COLUMNS))


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _total(values: Sequence[float | None]) -> float | int | str:
    """Sum of a column, or blank when some row does not state its number."""
    if any(v is None for v in values):
        return ""
    return _number(sum(v for v in values if v is not None))


def _matrix_sheet(book: Workbook, entry: SpecialtySet, config: ProjectConfig) -> None:
    sheet = book.create_sheet(lay.MATRIX_SHEET)
    matrix = course_matrix(entry, config)
    names = {c.code: c.name for c in entry.specialty.doc.courses} if entry.specialty else {}
    for course in entry.courses:
        names.setdefault(course.doc.code, course.doc.name)
    linked = {course for course, _ in matrix}
    columns = [code for code in names if code in linked]
    titles = ["能力编码", "职业能力", "要求水平", *(f"{c}\n{names[c]}" for c in columns)]
    _head(sheet, titles, [9, 44, 9, *([9] * len(columns))])
    sheet.row_dimensions[1].height = 66
    competencies = [
        comp
        for listing in entry.competencies[:1]
        for domain in listing.doc.domains
        for task in domain.tasks
        for comp in task.competencies
    ]
    for comp in competencies:
        _append(
            sheet,
            [comp.code, comp.text, comp.level, *(matrix.get((c, comp.code), "") for c in columns)],
        )
    width = len(titles)
    _body(sheet, 2, sheet.max_row, width, {1, 3, *range(4, width + 1)})
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=width):
        for cell in row:
            rank = config.level_rank(str(cell.value)) if cell.value else None
            if rank is not None:
                cell.fill = PatternFill(
                    "solid", fgColor=LEVEL_FILLS[min(rank, len(LEVEL_FILLS) - 1)]
                )
    _print_setup(sheet, True, width)


def build_workbook(entry: SpecialtySet, config: ProjectConfig) -> Workbook:
    """The workbook of one specialty."""
    book = Workbook()
    _meta_sheet(book, entry)
    _competency_sheet(book, entry)
    _plan_sheet(book, entry)
    _matrix_sheet(book, entry, config)
    return book


def workbook_bytes(book: Workbook, when: dt.datetime) -> bytes:
    """Serialise with fixed timestamps, so equal input gives equal bytes."""
    naive = when.astimezone(dt.UTC).replace(tzinfo=None)
    book.properties.creator = "zhibiao"
    book.properties.created = naive
    book.properties.modified = naive
    book.properties.lastModifiedBy = "zhibiao"
    raw = io.BytesIO()
    book.save(raw)  # openpyxl stamps `modified` with the clock here: core.xml is rewritten below
    book.properties.modified = naive
    core = tostring(book.properties.to_tree())
    stamp = max(naive, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            data = core if info.filename == "docProps/core.xml" else src.read(info.filename)
            dst.writestr(fixed, data)
    return out.getvalue()


_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def file_name(entry: SpecialtySet) -> str:
    """`510209-人工智能技术应用.xlsx` (the code alone when there is no specialty standard)."""
    name = entry.specialty.doc.name if entry.specialty else ""
    return f"{entry.code}-{_UNSAFE.sub('_', name)}.xlsx" if name else f"{entry.code}.xlsx"


def export_xlsx(project: Project, out: Path) -> list[Path]:
    """Write one workbook per specialty into `out`; return the paths written."""
    corpus = load_standards(project)
    source_date_epoch()  # a bad value is a usage error before anything is built
    books: dict[Path, bytes] = {}
    for entry in corpus.specialties.values():
        when = max(last_change(item.doc) for item in entry.documents())
        books[out / file_name(entry)] = workbook_bytes(build_workbook(entry, project.config), when)
    output_dir(out)  # everything is built before the first write
    return write_all(books)
