"""Cell writing and print setup shared by every sheet of `zhibiao export xlsx`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from copy import copy
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet

from builder.opendata import xlsx_layout as lay
from builder.read.yamlparse import UNPRINTABLE

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
    cleaned = [_clean(v) if isinstance(v, str) else v for v in values]
    sheet.append(cleaned)
    row = sheet._current_row  # the row just appended (`max_row` scans every cell of the sheet)
    for column, value in enumerate(cleaned, start=1):
        if isinstance(value, str):
            _as_text(sheet.cell(row=row, column=column))


def text_cell(cell: Any, value: str) -> Any:
    """Write `value` into `cell` as text, as `_append` does (never a formula or a number,
    the quote prefix before a leading = + - @ Tab CR LF, U+FFFD for what XML 1.0 cannot
    hold); returns the cell. For workbooks written cell by cell (the 意见反馈表)."""
    cell.value = _clean(value)
    _as_text(cell)
    return cell


def _as_text(cell: Any) -> None:
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
    """Body font, borders and alignment on every cell of the rows `first`..`last`.

    openpyxl registers a style by hashing its parts on every assignment, which made styling
    most of the cost of a workbook. Cells that start from the same style (most do; a quote
    prefix makes another) end with the same one, so it is computed once per starting style
    and copied: the same style table and the same bytes, about ten times faster.
    """
    done: dict[tuple[tuple[int, ...], bool], Any] = {}
    for row in sheet.iter_rows(min_row=first, max_row=last, max_col=columns):
        for cell in row:
            centre = cell.column in centred
            key = (tuple(cell._style or StyleArray()), centre)  # a new cell has none yet
            if key in done:
                cell._style = copy(done[key])
                continue
            cell.font = Font(name=FONT, size=10.5)
            cell.border = BORDER
            cell.alignment = CENTER if centre else WRAP
            done[key] = copy(cell._style)


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
    widths: dict[int, float | None] = {}  # None: hidden (the key column of the editable tables)
    for row in sheet.iter_rows(min_row=first):
        lines = 1
        for cell in row:
            if cell.value is None or (cell.row, cell.column) in merged:
                continue
            if cell.column not in widths:
                dimension = sheet.column_dimensions[lay.column_letter(cell.column)]
                widths[cell.column] = None if dimension.hidden else dimension.width or 9
            width = widths[cell.column]
            if width is None:
                continue
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
