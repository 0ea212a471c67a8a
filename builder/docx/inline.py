"""Inline runs: plain text and links (printed as text), line breaks kept.

In the editable copy (`builder.docx.marks.editable`) every `Field` becomes a content
control (`w:sdt`) tagged with its YAML path; otherwise a field is text like any other."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from builder.compose.doctree import Field, Inline, Link, merged
from builder.docx.marks import META_ROOT, editing, field_control, front_name, open_paragraph


def inline_text(content: tuple[Inline, ...]) -> str:
    """The plain text of a run sequence."""
    return "".join(item.text if isinstance(item, Link) else item for item in content)


def add_inlines(
    paragraph: Any, content: tuple[Inline, ...], *, bold: bool = False, mark: str = ""
) -> None:
    """Append runs for `content`; a newline inside the text becomes a line break.

    Runs are appended to the `<w:p>` directly: the XML is what `paragraph.add_run()`,
    `run.add_break()` and `run.bold = True` write (a paragraph made here never holds a
    `<w:sectPr>` runs would have to precede), without python-docx's schema-ordered
    insertion, which dominated table-heavy exports. `mark` names the paragraph's bookmark
    in the editable copy (`builder.docx.marks.open_paragraph`)."""
    p = paragraph._p
    marking = editing() and any(_shown(item) is not None for item in content)
    if marking and not mark:
        paths = [f.path for f in map(_shown, content) if f is not None]
        if all(path.startswith(META_ROOT) for path in paths):
            mark = front_name(paths)  # a line of metadata (the 征求意见 notice, 参考文献)
    end = open_paragraph(p, mark) if marking else None
    for item in content if marking else merged(content):
        text = item.text if isinstance(item, Link) else item
        shown = _shown(item)
        target = field_control(p, shown) if marking and shown is not None else p
        for index, line in enumerate(text.split("\n")):
            if index:
                brk = OxmlElement("w:r")
                brk.append(OxmlElement("w:br"))
                target.append(brk)
            if line:
                run = OxmlElement("w:r")
                if bold:
                    rpr = OxmlElement("w:rPr")
                    rpr.append(OxmlElement("w:b"))
                    run.append(rpr)
                _append_text(run, line)
                target.append(run)
    if end is not None:
        p.append(end)


def _shown(item: Inline) -> Field | None:
    """The field `item` shows (its text, or a link's), None for plain text."""
    text = item.text if isinstance(item, Link) else item
    return text if isinstance(text, Field) and text.path else None


_CODE_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")
"""A hyphen inside a code or date (1-2-3, 4-04-05-05, 2026-03-18): never a line break there."""


_SPACE = qn("xml:space")


def _append_text(r: Any, text: str) -> None:
    """Text of a run with non-breaking hyphens inside codes, so "2-1-1" is not split as
    "2-" / "1-1" at a line end (python-docx reads them back as "-")."""
    for index, part in enumerate(_CODE_HYPHEN.split(text)):
        if index:
            r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            element = OxmlElement("w:t")
            element.text = part
            element.set(_SPACE, "preserve")
            r.append(element)
