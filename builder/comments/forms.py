"""`zhibiao comments form`: a 意见反馈表 per standard (Excel and Word), anchors pre-filled.

Both forms carry the document's identity (文件标识, e.g. 510209/course/ZJ02) so that
`zhibiao comments import` knows which standard a returned form belongs to, a line for the
unit (提出单位) and a table 序号 | 章节号或编码 | 原文 | 修改建议 | 理由 with one row per anchor
and blank rows for further comments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from builder.comments.anchors import Anchor
from builder.compose.doctree import Paragraph, Table
from builder.compose.doctree import text_cells as cells
from builder.opendata.xlsx_export import workbook_bytes
from builder.opendata.xlsx_style import text_cell

FORM_SHEET = "意见反馈表"
ANCHOR_SHEET = "可引用的位置"
HEADER = ("序号", "章节号或编码", "原文", "修改建议", "理由")
ID_LABEL = "文件标识"
UNIT_LABEL = "提出单位"
INFO_LABELS = (ID_LABEL, "标准名称", "状态", "截止日期", UNIT_LABEL, "联系人", "联系电话")
BLANK_ROWS = 20
ORIGINAL_LIMIT = 300

_FONT = "宋体"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FILL = PatternFill("solid", fgColor="D9D9D9")
_INPUT = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True, slots=True)
class FormInfo:
    """What the head of a form says about the standard."""

    doc_id: str
    title: str
    status: str
    deadline: str


def short(text: str) -> str:
    """原文 as pre-filled: one line, cut at `ORIGINAL_LIMIT` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= ORIGINAL_LIMIT else flat[: ORIGINAL_LIMIT - 1] + "…"


def put(sheet: Any, row: int, column: int, value: str) -> Any:
    """Write text that stays text: a leading = + - @ never becomes a formula, not even once
    a unit edits the cell (the quote prefix, as in `zhibiao export xlsx`)."""
    return text_cell(sheet.cell(row=row, column=column), value)


def form_xlsx(info: FormInfo, anchors: list[Anchor]) -> bytes:
    """The Excel form."""
    book = Workbook()
    sheet = book.active
    sheet.title = FORM_SHEET
    put(sheet, 1, 1, f"《{info.title}》征求意见反馈表").font = Font(name=_FONT, bold=True, size=14)
    values = (info.doc_id, info.title, info.status, info.deadline, "", "", "")
    for offset, (label, value) in enumerate(zip(INFO_LABELS, values, strict=True)):
        row = 2 + offset
        put(sheet, row, 1, label).font = Font(name=_FONT, bold=True)
        cell = put(sheet, row, 2, value)
        if not value:
            cell.fill = _INPUT
    head = 2 + len(INFO_LABELS) + 1
    for column, title in enumerate(HEADER, start=1):
        cell = put(sheet, head, column, title)
        cell.font, cell.fill, cell.border = Font(name=_FONT, bold=True), _FILL, _BORDER
    rows = [(a.key, short(a.text)) for a in anchors] + [("", "")] * BLANK_ROWS
    for number, (key, text) in enumerate(rows, start=1):
        row = head + number
        for column, value in enumerate((str(number), key, text, "", ""), start=1):
            cell = put(sheet, row, column, value)
            cell.border, cell.alignment = _BORDER, _WRAP
            if column >= 4:
                cell.fill = _INPUT
    for letter, width in zip("ABCDE", (8, 16, 60, 40, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(row=head + 1, column=1)
    lookup = book.create_sheet(ANCHOR_SHEET)
    for row, anchor in enumerate(anchors, start=1):
        put(lookup, row, 1, anchor.key)
        put(lookup, row, 2, short(anchor.text))
    lookup.column_dimensions["A"].width = 16
    lookup.column_dimensions["B"].width = 80
    if anchors:
        check = DataValidation(
            type="list",
            formula1=f"='{ANCHOR_SHEET}'!$A$1:$A${len(anchors)}",
            allow_blank=True,
            showErrorMessage=False,
        )
        check.add(f"B{head + 1}:B{head + len(rows)}")
        sheet.add_data_validation(check)
    return workbook_bytes(book, _stamp())


def form_docx(info: FormInfo, anchors: list[Anchor]) -> bytes:
    """The Word form: an information table, then the comment table."""
    # python-docx is imported only when a form is made: a site build whose forms all come
    # from the cache (`builder.site.formcache`) does not need it
    from builder.comments.docxout import table_document

    head = Table(
        caption="",
        header=("项目", "内容"),
        rows=tuple(
            cells(label, value)
            for label, value in zip(
                INFO_LABELS, (info.doc_id, info.title, info.status, info.deadline, "", "", ""),
                strict=True,
            )
        ),
        widths=(1, 4),
    )  # fmt: skip
    rows = [(a.key, short(a.text)) for a in anchors] + [("", "")] * BLANK_ROWS
    body = Table(
        caption="",
        header=HEADER,
        rows=tuple(cells(str(n), key, text, "", "") for n, (key, text) in enumerate(rows, 1)),
        widths=(0.6, 1.4, 4.0, 3.0, 2.0),
    )
    note = Paragraph(
        ("请在“修改建议”“理由”两栏填写意见；“章节号或编码”一栏请保留或从预填的位置中选取。",)
    )
    return table_document(
        f"《{info.title}》征求意见反馈表",
        [head, note, body],
        landscape=True,
        subject="征求意见反馈表",
    )


def _stamp() -> dt.datetime:
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
