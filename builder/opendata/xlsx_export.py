"""`zhibiao export xlsx`: one print-ready workbook per specialty (openpyxl).

Sheets: 文件信息, 职业能力清单 (the import layout), 课程设置 (学时/学分 with a 合计 row) and
能力课程矩阵 (职业能力 × 课程, cells = the highest 学习水平 the course reaches).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from builder.base.outputs import Written
from builder.model.sourced import EXCERPT_LABEL, NOT_GIVEN, is_excerpt, is_not_given
from builder.opendata import xlsx_layout as lay
from builder.opendata.links import course_matrix
from builder.opendata.loading import load_standards
from builder.opendata.output import output_dir, safe_part, write_outputs
from builder.opendata.stamps import last_change, source_date_epoch
from builder.opendata.xlsx_sheets import key_sheet, plan_sheet_first, table_sheets
from builder.opendata.xlsx_style import (  # noqa: F401  (_append is used by tests)
    BORDER,
    CENTER,
    FONT,
    HEAD_FILL,
    LEVEL_FILLS,
    THIN,
    WRAP,
    _append,
    _body,
    _head,
    _print_setup,
)
from builder.project import Project
from builder.read.config import ProjectConfig
from builder.read.corpus import SpecialtySet
from builder.view.shared import Shared


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
        "水平词表": (listing.levels or "") if listing else "",
    }
    _head(sheet, ["项目", "内容"], [14, 60])
    for label in lay.META_FIELDS:
        _append(sheet, [label, values[label]])
    note = (
        "本工作簿由 zhibiao export xlsx 生成。各表格改好后用 zhibiao import xlsx 工作簿.xlsx 导回，"
        "只写入改动的内容；序号、课程标准、承载的职业能力、合计和能力课程矩阵由数据推出，修改不会导回。"
    )
    _append(sheet, ["说明", note])
    _body(sheet, 2, sheet.max_row, 2, set())
    _print_setup(sheet, False, 2)


def _marker_cells(domain: Any, task: Any, text: str) -> list[Any]:
    """A row that states a list instead of listing it: 原文未给出 or （节选） in the column of
    the list's items, the parents' names and codes as on the other rows (import reads it)."""
    return [
        domain.name if domain is not None else text,
        (task.name if task is not None else text) if domain is not None else "",
        text if task is not None else "",
        "",
        "",
        "",
        task.code if task is not None else "",
        domain.code if domain is not None else "",
        (task.description or "") if task is not None else "",
        (domain.description or "") if domain is not None else "",
        "",
        (domain.scope or "") if domain is not None else "",
        "",
    ]


def _marker(items: Any) -> str:
    if is_not_given(items):
        return NOT_GIVEN
    return EXCERPT_LABEL if is_excerpt(items) else ""


def _competency_sheet(book: Workbook, entry: SpecialtySet) -> None:
    sheet = book.create_sheet(lay.COMPETENCY_SHEET)
    widths = [16, 18, 52, 9, 7, 9, 9, 9, 30, 30, 24, 14, 14]
    _head(sheet, list(lay.COMPETENCY_COLUMNS), widths)
    if not entry.competencies:
        _print_setup(sheet, True, lay.PRINTED)
        return
    row = 2
    domains = entry.competencies[0].doc.domains
    for domain in domains:
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
                        domain.scope or "",
                        comp.scope or "",
                    ],
                )
                row += 1
            if marker := _marker(task.competencies):
                _append(sheet, _marker_cells(domain, task, marker))
                row += 1
            _merge(sheet, task_start, row - 1, (2, 7, 9))
        if marker := _marker(domain.tasks):
            _append(sheet, _marker_cells(domain, None, marker))
            row += 1
        _merge(sheet, domain_start, row - 1, (1, 8, 10, 12))
    if marker := _marker(domains):
        _append(sheet, _marker_cells(None, None, marker))
        row += 1
    _body(sheet, 2, row - 1, len(lay.COMPETENCY_COLUMNS), {4, 5, 6, 7, 8})
    _print_setup(sheet, True, lay.PRINTED)


def _merge(sheet: Worksheet, first: int, last: int, columns: tuple[int, ...]) -> None:
    """Merge a block vertically (the value stays in the first row; the importer fills down)."""
    if last <= first:
        return
    for column in columns:
        sheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)


def matrix_rows(entry: SpecialtySet, config: ProjectConfig) -> tuple[list[str], list[list[str]]]:
    """The competency × course matrix of a specialty: column titles (能力编码, 职业能力,
    要求水平, then "code\nname" per course carrying a competency) and one row per competency
    of its 职业能力清单, each cell the highest level the course reaches ("" when not)."""
    matrix = course_matrix(entry, config)
    names = {c.code: c.name for c in entry.specialty.doc.courses} if entry.specialty else {}
    for course in entry.courses:
        names.setdefault(course.doc.code, course.doc.name)
    linked = {course for course, _ in matrix}
    columns = [code for code in names if code in linked]
    titles = ["能力编码", "职业能力", "要求水平", *(f"{c}\n{names[c]}" for c in columns)]
    competencies = [
        comp
        for listing in entry.competencies[:1]
        for domain in listing.doc.domains
        for task in domain.tasks
        for comp in task.competencies
    ]
    rows = [
        [comp.code, comp.text, comp.level, *(matrix.get((c, comp.code), "") for c in columns)]
        for comp in competencies
    ]
    return titles, rows


def _matrix_sheet(book: Workbook, entry: SpecialtySet, config: ProjectConfig) -> None:
    sheet = book.create_sheet(lay.MATRIX_SHEET)
    titles, rows = matrix_rows(entry, config)
    _head(sheet, titles, [9, 44, 9, *([9] * (len(titles) - 3))])
    sheet.row_dimensions[1].height = 66
    for row in rows:
        _append(sheet, row)
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
    _matrix_sheet(book, entry, config)
    table_sheets(book, entry, config)
    plan_sheet_first(book)
    key_sheet(book, entry)
    return book


_BOOKS: Shared[SpecialtySet, tuple[ProjectConfig, bytes]] = Shared()


def specialty_workbook(entry: SpecialtySet, config: ProjectConfig) -> bytes:
    """The bytes of a specialty's workbook, dated by its last change.

    Made once per loaded set (and configuration object): a site build offers the same
    workbook on the 职业能力清单 page and as open data, and each took a fifth of a second a
    specialty."""
    made = _BOOKS.get(entry, lambda e: (config, _made(e, config)))
    return made[1] if made[0] is config else _made(entry, config)


def _made(entry: SpecialtySet, config: ProjectConfig) -> bytes:
    when = max(last_change(item.doc) for item in entry.documents())
    return workbook_bytes(build_workbook(entry, config), when)


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
    code = safe_part(entry.code)
    return f"{code}-{_UNSAFE.sub('_', name)}.xlsx" if name else f"{code}.xlsx"


def export_xlsx(project: Project, out: Path) -> list[Written]:
    """Write one workbook per specialty into `out`; return the files written (a workbook holds
    the tables of every document of its specialty, so it names no single document)."""
    corpus = load_standards(project)
    source_date_epoch()  # a bad value is a usage error before anything is built
    books: dict[Written, bytes] = {}
    for entry in corpus.specialties.values():
        if entry.is_shared:
            continue  # shared course standards: no list, no plan, no matrix (see export json)
        documents = list(entry.documents())
        if not documents:  # only schools' plans, which are not sheets of a workbook
            continue
        when = max(last_change(item.doc) for item in documents)
        title = entry.specialty.doc.meta.title if entry.specialty else entry.code
        made = Written(out / file_name(entry), "xlsx", title=title)
        books[made] = workbook_bytes(build_workbook(entry, project.config), when)
    output_dir(out)  # everything is built before the first write
    return write_outputs(books)
