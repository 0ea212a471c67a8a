"""The editable table sheets of `zhibiao export xlsx`, and the hidden sheet that names the files.

Each table of `xlsx_tables.tables()` gets a sheet: for course standards a 课程代码 column
first, for a child table (学习内容, 实训设备) its parent's code, then one column per field,
then the hidden key column (header `zhibiao:<table>`, cells `<file>#<path>`). The 课程设置
sheet also shows 序号, whether a course standard exists, the competencies the course carries
and a 合计 row: derived columns the importer ignores. The hidden sheet `_zhibiao` records the
specialty and a digest of every file, so that the importer can refuse a workbook older than
the YAML (`--force` overrides).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from builder.opendata import xlsx_layout as lay
from builder.opendata.links import course_matrix
from builder.opendata.xlsx_cells import field_shown
from builder.opendata.xlsx_rows import documents, file_key, fingerprint, row_key, rows
from builder.opendata.xlsx_style import FONT, _append, _body, _head, _print_setup
from builder.opendata.xlsx_tables import DOC_COLUMN, KEY_WIDTH, Column, Table, tables
from builder.read.config import ProjectConfig
from builder.read.corpus import Loaded, SpecialtySet

KEY_SHEET = "_zhibiao"
KEY_MARK = "zhibiao export xlsx"
KEY_VERSION = "1"
TOTAL_KEY = "#合计"
"""Key of a derived row (the 合计 row of 课程设置): skipped by the importer."""

Derived = tuple[str, float, Callable[[Any], Any]]
"""A derived column: title, width, value from the row's item."""


def _width(column: Column) -> float:
    if column.long:
        return 40
    if column.form in ("texts", "refs"):
        return 22
    if column.form in ("int", "float", "bool") or column.choices:
        return 9
    return 12 if column.field in ("code", "ref") else 18


def parent_title(table: Table) -> str | None:
    """Header of the column naming the parent row (模块编号, 实训室编号)."""
    if table.parent is None:
        return None
    code = table.parent.column("code")
    return code.title if code else None


def _plan_extras(entry: SpecialtySet, config: ProjectConfig) -> dict[str, list[Derived]]:
    """Derived columns of 课程设置, by the field they follow ("": first)."""
    standards = {c.doc.code for c in entry.courses}
    carried: dict[str, list[str]] = {}
    for (course, competency), level in course_matrix(entry, config).items():
        carried.setdefault(course, []).append(f"{competency}：{level}")
    return {
        "": [("序号", 6, lambda item: None)],
        "elective": [("课程标准", 9, lambda item: "有" if item.code in standards else "")],
        "standard": [("承载的职业能力", 22, lambda item: "\n".join(carried.get(item.code, [])))],
    }


def _table_sheet(
    book: Workbook, entry: SpecialtySet, table: Table, extras: dict[str, list[Derived]]
) -> None:
    sheet = book.create_sheet(table.sheet)
    slots: list[Column | Derived] = list(extras.get("", []))
    lead: list[str] = []
    if table.kind in DOC_COLUMN:
        lead.append(DOC_COLUMN[table.kind])
    parent = parent_title(table)
    if parent:
        lead.append(parent)
    for column in table.columns:
        slots.append(column)
        slots.extend(extras.get(column.field, []))
    titles = [*lead, *(s.title if isinstance(s, Column) else s[0] for s in slots)]
    widths = [12.0] * len(lead) + [_width(s) if isinstance(s, Column) else s[1] for s in slots]
    _head(sheet, [*titles, table.key_header], [*widths, KEY_WIDTH])
    key_letter = lay.column_letter(len(titles) + 1)
    sheet.column_dimensions[key_letter].hidden = True
    number = 0
    for loaded in documents(entry, table.kind):
        file = file_key(entry, loaded)
        for row in rows(table, loaded.doc):
            number += 1
            values: list[Any] = []
            if table.kind in DOC_COLUMN:
                values.append(getattr(loaded.doc, "code", ""))
            if parent:
                values.append(getattr(row.parent, "code", ""))
            for slot in slots:
                if isinstance(slot, Column):
                    values.append(field_shown(slot, row.item))
                else:
                    values.append(number if slot[0] == "序号" else slot[2](row.item))
            _append(sheet, [*values, row_key(file, row.path)])
    if table.id == "specialty.courses" and number:
        _total_row(sheet, titles, table)
    centred = {i for i, width in enumerate(widths, start=1) if width <= 12}
    _body(sheet, 2, sheet.max_row, len(titles), centred)
    _print_setup(sheet, True, len(titles))


def _total_row(sheet: Worksheet, titles: list[str], table: Table) -> None:
    """合计: the sums of 学时/学分 columns (blank when a row does not state its number)."""
    sums: list[Any] = ["" for _ in titles]
    sums[0] = "合计"
    fields = {c.title: c for c in table.columns if c.form in ("int", "float")}
    for index, title in enumerate(titles):
        column = fields.get(title)
        if column is None or column.field == "weeks":
            continue
        values = [row[index].value for row in sheet.iter_rows(min_row=2)]
        if all(isinstance(v, int | float) for v in values):
            total = sum(values)
            sums[index] = int(total) if float(total).is_integer() else total
    name = table.column("name")
    if name is not None and name.title in titles:
        sums[titles.index(name.title)] = f"{sheet.max_row - 1} 门"
    _append(sheet, [*sums, TOTAL_KEY])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(name=FONT, bold=True)


def table_sheets(book: Workbook, entry: SpecialtySet, config: ProjectConfig) -> None:
    """One sheet per table of the specialty's documents (empty tables too, to add rows in)."""
    for table in tables():
        if not documents(entry, table.kind):
            continue
        extras = _plan_extras(entry, config) if table.id == "specialty.courses" else {}
        _table_sheet(book, entry, table, extras)


def key_sheet(book: Workbook, entry: SpecialtySet) -> None:
    """The hidden `_zhibiao` sheet: format, specialty code, each file with its digest."""
    sheet = book.create_sheet(KEY_SHEET)
    sheet.sheet_state = "hidden"
    lines: list[Sequence[Any]] = [[KEY_MARK, KEY_VERSION], ["专业代码", entry.code]]
    loaded: Loaded[Any]
    for loaded in entry.documents():
        lines.append(["文件", file_key(entry, loaded), fingerprint(loaded.path)])
    for line in lines:
        _append(sheet, line)


def plan_sheet_first(book: Workbook) -> None:
    """Keep the printed order: 文件信息, 职业能力清单, 课程设置, 能力课程矩阵, then the rest."""
    order = [lay.META_SHEET, lay.COMPETENCY_SHEET, lay.PLAN_SHEET, lay.MATRIX_SHEET]
    first = [book[name] for name in order if name in book.sheetnames]
    rest = [s for s in book.worksheets if s.title not in order]
    book._sheets = [*first, *rest]
