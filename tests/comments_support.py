"""Helpers for the consultation tests: fill in returned forms as units would."""

from __future__ import annotations

from pathlib import Path

import docx
from openpyxl import load_workbook

FORMS = Path("dist/意见反馈表")
SPECIALTY_FORM = "510209-specialty-意见反馈表"


def fill_xlsx(source: Path, target: Path, unit: str, rows: dict[str, tuple[str, str]]) -> None:
    """Write `unit` and, for each anchor (pre-filled key, or a new key in a blank row),
    a 修改建议 and 理由."""
    book = load_workbook(source)
    sheet = book["意见反馈表"]
    pending = dict(rows)
    for row in sheet.iter_rows():
        label, key = row[0].value, row[1].value
        if label == "提出单位":
            row[1].value = unit
        elif key in pending:
            row[3].value, row[4].value = pending.pop(key)
    for row in sheet.iter_rows():  # anchors the form does not have go into blank rows
        if pending and str(row[0].value or "").isdigit() and not row[1].value:
            key, (proposal, reason) = pending.popitem()
            row[1].value, row[3].value, row[4].value = key, proposal, reason
    assert not pending
    book.save(target)


def fill_docx(source: Path, target: Path, unit: str, rows: dict[str, tuple[str, str]]) -> None:
    """The same for the Word form (head table, then the comment table)."""
    document = docx.Document(str(source))
    head, body = document.tables[0], document.tables[1]
    for row in head.rows:
        if row.cells[0].text == "提出单位":
            row.cells[1].text = unit
    pending = dict(rows)
    for row in body.rows:
        key = row.cells[1].text
        if key in pending:
            row.cells[3].text, row.cells[4].text = pending.pop(key)
    assert not pending
    document.save(str(target))
