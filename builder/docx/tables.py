"""Tables: fixed column widths inside the text block, repeated header row, unsplit rows."""

from __future__ import annotations

import re
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from builder.compose.doctree import Table
from builder.docx import xmlorder
from builder.docx.inline import add_inlines, inline_text
from builder.docx.profiles import Profile
from builder.docx.styles import STYLES, TABLE_STYLE

_NUMERIC = re.compile(r"^[\d.,/%–\-～~—＋+×、]+(（\d+ ?周）)?$")


def column_widths(
    relative: tuple[float, ...], columns: int, total: int, minimum: list[int] | None = None
) -> list[int]:
    """Scale relative widths to twips summing exactly to `total` (equal widths if unusable).

    Columns narrower than their `minimum` (the longest unbreakable word) are widened, the
    difference taken from the columns that have room to spare, when the minimums fit at all.
    """
    weights = list(relative[:columns])
    if len(weights) < columns or any(weight <= 0 for weight in weights):
        weights = [1.0] * columns
    scale = sum(weights)
    widths = [int(total * weight / scale) for weight in weights]
    floor = (minimum or [])[:columns]
    if len(floor) == columns and sum(floor) <= total:
        short = sum(max(0, low - width) for low, width in zip(floor, widths, strict=True))
        spare = sum(max(0, width - low) for low, width in zip(floor, widths, strict=True))
        if short and spare:
            widths = [
                max(low, width - (width - low) * short // spare) if width > low else low
                for low, width in zip(floor, widths, strict=True)
            ]
    # rounding: the column with the most room to spare absorbs the remainder
    lows = floor if len(floor) == columns else [0] * columns
    roomiest = max(range(columns), key=lambda i: (widths[i] - lows[i], i))
    widths[roomiest] += total - sum(widths)
    return widths


_WORD = re.compile(r"[A-Za-z0-9_./+#%-]+")
LATIN_EM = 0.56
"""Average advance of a Latin character in em (Times New Roman, digits and lower case)."""
CELL_PADDING = 2 * 85 + 40
"""Left and right cell margins of the table style, plus a little slack, in twips."""


def word_minimums(table: Table, columns: int, size_pt: float) -> list[int]:
    """Per column, the width in twips its longest Latin word (Python, Transformer) needs
    so that the word processor does not cut it ("Pytho" / "n")."""
    longest = [0] * columns
    texts = [list(table.header), *([inline_text(c.content) for c in row] for row in table.rows)]
    for row in texts:
        for position, text in enumerate(row[:columns]):
            words = _WORD.findall(text)
            if words:
                longest[position] = max(longest[position], max(len(w) for w in words))
    return [round(n * LATIN_EM * size_pt * 20) + CELL_PADDING if n else 0 for n in longest]


CJK_MINIMUM_CHARS = 2
"""The narrowest a column of Chinese text can be: two characters a line."""


def minimum_width(table: Table, profile: Profile) -> int:
    """The narrowest the table can be laid out (twips): each column as wide as its longest
    Latin word, and at least two Chinese characters."""
    columns = column_count(table)
    size = max(_style_size(profile.roles.table_text), _style_size(profile.roles.table_head))
    floor = round(CJK_MINIMUM_CHARS * size * 20) + CELL_PADDING
    return sum(max(floor, w) for w in word_minimums(table, columns, size))


def fits_portrait(table: Table, profile: Profile) -> bool:
    """Whether the table's columns fit the portrait text block at their minimum widths."""
    return minimum_width(table, profile) <= round(profile.geometry.text_width / 25.4 * 1440)


def column_count(table: Table) -> int:
    """Number of columns: the widest of the header and the rows."""
    return max([len(table.header), *(len(row) for row in table.rows)], default=1)


def add_table(
    document: Any, table: Table, profile: Profile, *, width_mm: float | None = None
) -> Any:
    """Append the caption and the table; every cell gets its width, the header repeats.

    The table fills `width_mm` (default: the profile's text width).
    """
    roles = profile.roles
    head_style = document.part.get_style_id(roles.table_head, WD_STYLE_TYPE.PARAGRAPH)
    text_style = document.part.get_style_id(roles.table_text, WD_STYLE_TYPE.PARAGRAPH)
    if table.caption:
        document.add_paragraph(table.caption, roles.caption)
    columns = column_count(table)
    total = round((width_mm or profile.geometry.text_width) / 25.4 * 1440)
    size = max(_style_size(roles.table_text), _style_size(roles.table_head))
    widths = column_widths(table.widths, columns, total, word_minimums(table, columns, size))
    grid = document.add_table(rows=1 + len(table.rows), cols=columns)
    grid.style = document.styles[TABLE_STYLE]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _fix_layout(grid, widths, total)
    rows = list(grid.rows)  # `grid.rows[i]` lists every row again: quadratic in a long table
    header = rows[0]
    _row_flags(header, header=True)
    for cell, text, width in zip(header.cells, _pad(table.header, columns), widths, strict=True):
        _fill(cell, width, head_style)
        cell.paragraphs[0].add_run(text)
    last = len(table.rows) - 1
    centred = _numeric_columns(table, columns)
    for index, source in enumerate(table.rows):
        row = rows[index + 1]
        _row_flags(row, header=False)
        bold_row = table.total_row and index == last
        for position, (cell, width) in enumerate(zip(row.cells, widths, strict=True)):
            _fill(cell, width, text_style)
            if position >= len(source):
                continue
            item = source[position]
            paragraph = cell.paragraphs[0]
            add_inlines(paragraph, item.content, bold=item.bold or bold_row)
            if position in centred or (bold_row and position == 0):
                _centre(paragraph)
    _keep_start_together(rows, min(KEEP_ROWS, len(table.rows) - 1))
    return grid


KEEP_ROWS = 2
"""Body rows kept on the page of the caption and header (no table that starts with one row
at the foot of a page)."""


def _keep_start_together(rows: Any, body_rows: int) -> None:
    for row in list(rows)[: 1 + max(body_rows, 0)]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                _keep_with_next(paragraph)


_KEEP_NEXT, _JC = qn("w:keepNext"), qn("w:jc")


def _centre(paragraph: Any) -> None:
    """`paragraph.alignment = CENTER`: the `w:jc` of the paragraph, in schema order."""
    xmlorder.replace(paragraph._p.get_or_add_pPr(), xmlorder.element("w:jc", val="center"))


def _keep_with_next(paragraph: Any) -> None:
    """`paragraph_format.keep_with_next = True`, in schema order."""
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(_KEEP_NEXT) is None:
        xmlorder.insert(ppr, OxmlElement("w:keepNext"))


def _numeric_columns(table: Table, columns: int) -> set[int]:
    """Columns whose every filled body cell is a number (学时, 学分, 数量, 1–4, 5、6, —):
    they are centred; a number in a text column (学分 in a 项目/内容 table) is not."""
    found = set()
    for position in range(columns):
        texts = [
            "".join(r if isinstance(r, str) else r.text for r in row[position].content).strip()
            for row in table.rows
            if position < len(row)
        ]
        filled = [t for t in texts if t]
        if filled and all(_NUMERIC.match(t) for t in filled) and any(t != "—" for t in filled):
            found.add(position)
    return found


def _style_size(name: str) -> float:
    return next((spec.size for spec in STYLES if spec.name == name), 10.5)


def _pad(values: tuple[str, ...], columns: int) -> list[str]:
    return [*values, *([""] * (columns - len(values)))]


def _fix_layout(grid: Any, widths: list[int], total: int) -> None:
    """Total width and fixed layout (one `w:tblLayout`: python-docx's `autofit = False`
    may already have written it), and the width of every grid column."""
    tblpr = grid._tbl.tblPr
    xmlorder.replace(tblpr, xmlorder.element("w:tblW", w=str(total), type="dxa"))
    xmlorder.replace(tblpr, xmlorder.element("w:tblLayout", type="fixed"))
    for column, value in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(value))


def _row_flags(row: Any, *, header: bool) -> None:
    """Rows never split across pages; the header row repeats on every page.

    `w:tblHeader` is written bare: an omitted `w:val` means on (ECMA-376 Part 1 §17.4.50),
    the form Word writes itself and valid under every reading of ST_OnOff (the Open XML
    SDK, and validators ported from it, accept only on/off there, not true)."""
    trpr = row._tr.get_or_add_trPr()
    xmlorder.replace(trpr, OxmlElement("w:cantSplit"))
    if header:
        xmlorder.replace(trpr, OxmlElement("w:tblHeader"))


def _fill(cell: Any, width: int, style_id: str | None) -> None:
    """Width, vertical centring and paragraph style of a new cell.

    The elements are set directly: python-docx's generic schema-ordered insertion costs
    more than the rest of the export on table-heavy standards. A cell made by
    `add_table` holds `<w:tcPr><w:tcW/></w:tcPr><w:p/>`; the result is the XML that
    `cell.width`, `cell.vertical_alignment` and `paragraph.style` would write.
    """
    tc = cell._tc
    tcpr = tc.find(_TCPR)
    tcw = tcpr.find(_TCW) if tcpr is not None else None
    paragraph = tc.find(_P)
    if tcw is None or len(tcpr) != 1 or paragraph is None or len(paragraph):
        cell.width = Twips(width)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell.paragraphs[0]._p.style = style_id
        return
    tcw.set(_TYPE, "dxa")
    tcw.set(_W, str(width))
    xmlorder.insert(tcpr, xmlorder.element("w:vAlign", val="center"))
    ppr = OxmlElement("w:pPr")
    if style_id is not None:
        xmlorder.insert(ppr, xmlorder.element("w:pStyle", val=style_id))
    paragraph.insert(0, ppr)


_TCPR, _TCW, _P = qn("w:tcPr"), qn("w:tcW"), qn("w:p")
_TYPE, _W = qn("w:type"), qn("w:w")
