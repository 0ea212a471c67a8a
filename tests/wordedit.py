"""Scripted edits of a Word working copy, as a drafter makes them in Word.

python-docx does not see the text inside content controls (`cell.text` skips `w:sdt`), so
these helpers edit the XML the way Word does: the runs inside a control, a table row
copied or removed, a tracked change written as `w:del` + `w:ins`.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def controls(document: Any, tag: str) -> list[Any]:
    """The content controls tagged `tag` (with or without the row mark)."""
    return [
        sdt
        for sdt in document.element.body.iter(qn("w:sdt"))
        if (found := sdt.find(f"{W}sdtPr/{W}tag")) is not None
        and found.get(qn("w:val")) in (tag, f"{tag}|row")
    ]


def _run(text: str) -> Any:
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    return run


def set_text(sdt: Any, text: str) -> None:
    """Replace what a content control holds by `text` (as typing over it does)."""
    content = sdt.find(qn("w:sdtContent"))
    for child in list(content):
        content.remove(child)
    content.append(_run(text))


def set_field(document: Any, tag: str, text: str, occurrence: int = 0) -> None:
    set_text(controls(document, tag)[occurrence], text)


def tracked(document: Any, tag: str, new: str, *, author: str = "审稿人") -> None:
    """Replace a control's text with track changes on: the old text deleted, `new` inserted."""
    sdt = controls(document, tag)[0]
    content = sdt.find(qn("w:sdtContent"))
    old = "".join(t.text or "" for t in content.iter(qn("w:t")))
    for child in list(content):
        content.remove(child)
    deleted = OxmlElement("w:del")
    inserted = OxmlElement("w:ins")
    for number, element in enumerate((deleted, inserted), start=9001):
        element.set(qn("w:id"), str(number))
        element.set(qn("w:author"), author)
        element.set(qn("w:date"), "2026-12-01T09:00:00Z")
    run = OxmlElement("w:r")
    gone = OxmlElement("w:delText")
    gone.text = old
    gone.set(qn("xml:space"), "preserve")
    run.append(gone)
    deleted.append(run)
    inserted.append(_run(new))
    content.append(deleted)
    content.append(inserted)


def row_of(document: Any, tag: str) -> Any:
    """The table row (`w:tr`) holding the control `tag`."""
    element = controls(document, tag)[0]
    while element.tag != qn("w:tr"):
        element = element.getparent()
    return element


def copy_row(document: Any, tag: str) -> Any:
    """Copy the row of `tag` and paste it below (bookmarks are not copied, as in Word)."""
    row = row_of(document, tag)
    twin = copy.deepcopy(row)
    for mark in list(twin.iter(qn("w:bookmarkStart"))) + list(twin.iter(qn("w:bookmarkEnd"))):
        mark.getparent().remove(mark)
    row.addnext(twin)
    return twin


def blank_row_after(document: Any, tag: str, texts: list[str]) -> Any:
    """Insert an empty row below the row of `tag` (Word's 在下方插入行) and type `texts`."""
    row = row_of(document, tag)
    twin = copy.deepcopy(row)
    for cell, text in zip(twin.iter(qn("w:tc")), texts, strict=False):
        paragraphs = list(cell.iter(qn("w:p")))
        for p in paragraphs[1:]:
            p.getparent().remove(p)
        p = paragraphs[0]
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        if text:
            p.append(_run(text))
    row.addnext(twin)
    return twin


def in_copy(twin: Any, tag: str, text: str) -> None:
    """Set the control `tag` inside a copied row."""
    for sdt in twin.iter(qn("w:sdt")):
        found = sdt.find(f"{W}sdtPr/{W}tag")
        if found is not None and found.get(qn("w:val")) in (tag, f"{tag}|row"):
            set_text(sdt, text)
            return
    raise KeyError(tag)


def delete_row(document: Any, tag: str) -> None:
    row = row_of(document, tag)
    row.getparent().remove(row)


def _revision(name: str, number: int) -> Any:
    element = OxmlElement(name)
    element.set(qn("w:id"), str(number))
    element.set(qn("w:author"), "审稿人")
    element.set(qn("w:date"), "2026-12-01T09:00:00Z")
    return element


def paragraph_of(document: Any, tag: str, occurrence: int = 0) -> Any:
    element = controls(document, tag)[occurrence]
    while element.tag != qn("w:p"):
        element = element.getparent()
    return element


def new_paragraph_after(document: Any, tag: str, text: str, occurrence: int = -1) -> None:
    """Press Enter at the end of the paragraph holding `tag` and type `text` (Word keeps
    the paragraph's style; the new paragraph has no control and no bookmark)."""
    paragraph = paragraph_of(document, tag, occurrence)
    fresh = OxmlElement("w:p")
    style = paragraph.find(qn("w:pPr"))
    if style is not None:
        fresh.append(copy.deepcopy(style))
    fresh.append(_run(text))
    paragraph.addnext(fresh)


def tracked_delete_row(document: Any, tag: str) -> None:
    """Delete the row of `tag` with track changes on (the row stays, marked deleted)."""
    row = row_of(document, tag)
    properties = row.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        row.insert(0, properties)
    properties.append(_revision("w:del", 9101))


def tracked_delete_paragraph(document: Any, tag: str) -> None:
    """Delete a whole list paragraph with track changes on: its runs and its mark."""
    paragraph = paragraph_of(document, tag)
    for t in list(paragraph.iter(qn("w:t"))):
        t.tag = qn("w:delText")
    for run in list(paragraph.iter(qn("w:r"))):
        wrapper = _revision("w:del", 9200 + len(run.getparent()))
        run.addprevious(wrapper)
        wrapper.append(run)
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = OxmlElement("w:pPr")
        paragraph.insert(0, properties)
    marks = properties.find(qn("w:rPr"))
    if marks is None:
        marks = OxmlElement("w:rPr")
        properties.append(marks)
    marks.append(_revision("w:del", 9300))
