"""修订对照表 (.docx): original clause | revised clause | reason, for formal review meetings.

A small self-contained table document made with python-docx; the zip is rewritten with
fixed timestamps and fixed core properties so the same change set gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from builder.diff.display import document_heading, document_object, show_value, trend_note
from builder.diff.model import Action, Change, ChangeSet
from builder.docx import xmlorder
from builder.docx.parts import UNUSED, drop_parts

HEADERS = ("序号", "条目", "原条款", "修订后条款", "修订理由")
WIDTHS_CM = (1.2, 5.5, 7.5, 7.5, 4.0)
_FONT = "宋体"


def _epoch() -> dt.datetime:
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    if stamp and stamp.isdigit():
        return dt.datetime.fromtimestamp(int(stamp), tz=dt.UTC).replace(tzinfo=None)
    return dt.datetime(2000, 1, 1)


def _where(change: Change) -> str:
    parts = [document_heading(change.document)]
    parts.append(change.target or document_object(change.document))
    if change.label:
        parts.append(change.label)
    return " › ".join(parts)


def _clauses(change: Change) -> tuple[str, str]:
    if change.action is Action.ADDED:
        return "（无）", show_value(change.after) if change.after is not None else change.target
    if change.action is Action.REMOVED:
        return show_value(change.before) if change.before is not None else change.target, "（删除）"
    if change.action is Action.RENAMED:
        return (
            f"编码 {change.old_code}",
            f"编码 {change.path[-1].code if change.path else change.document.code}",
        )
    if change.action is Action.MOVED:
        old = " › ".join(s.code for s in change.old_path or ()) or str(change.document.old_file)
        new = " › ".join(s.code for s in change.path) or change.document.file
        return f"位置 {old}", f"位置 {new}"
    return show_value(change.before), show_value(change.after) + trend_note(change)


def _style_run_font(run: Any, size: float) -> None:
    run.font.name = _FONT
    run.font.size = Pt(size)
    fonts = xmlorder.get_or_insert(run._element.get_or_add_rPr(), "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), _FONT)


def _write_cell(cell: Any, text: str, *, bold: bool = False) -> None:
    paragraphs = text.splitlines() or [""]
    cell.text = ""
    first = cell.paragraphs[0]
    for i, line in enumerate(paragraphs):
        paragraph = first if i == 0 else cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold
        _style_run_font(run, 10.5)


def build_document(changes: ChangeSet) -> Any:
    """The python-docx Document of the 修订对照表."""
    doc = Document()
    drop_parts(doc, UNUSED)  # python-docx's blank document: a stale Word 2010 style copy, …
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    heading = doc.add_paragraph()
    run = heading.add_run("修订对照表")
    run.bold = True
    _style_run_font(run, 16)
    intro = doc.add_paragraph()
    _style_run_font(intro.add_run(f"比较：{changes.old_label} → {changes.new_label}"), 10.5)
    table = doc.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for cell, text, width in zip(table.rows[0].cells, HEADERS, WIDTHS_CM, strict=True):
        _write_cell(cell, text, bold=True)
        cell.width = Cm(width)
    for number, change in enumerate(changes.changes, start=1):
        before, after = _clauses(change)
        row = table.add_row().cells
        for cell, text, width in zip(
            row, (str(number), _where(change), before, after, ""), WIDTHS_CM, strict=True
        ):
            _write_cell(cell, text)
            cell.width = Cm(width)
    props = doc.core_properties
    stamp = _epoch()
    props.title = "修订对照表"
    props.author = "zhibiao"
    props.last_modified_by = "zhibiao"
    props.comments = f"{changes.old_label} → {changes.new_label}"
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.language = "zh-CN"
    return doc


def render_docx(changes: ChangeSet) -> bytes:
    """The 修订对照表 as deterministic .docx bytes."""
    raw = io.BytesIO()
    build_document(changes).save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zout.writestr(info, zin.read(item.filename))
    return out.getvalue()
