"""Complex fields (PAGE, TOC, PAGEREF) and bookmarks.

python-docx has no field API; a field is `fldChar begin` + `instrText` + `fldChar separate`
+ cached result + `fldChar end`. `w:updateFields` in settings asks Word to refresh them
(the TOC included) when the file is opened.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from builder.docx import xmlorder


def _char(kind: str, *, dirty: bool = False) -> Any:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if dirty:
        element.set(qn("w:dirty"), "true")
    return element


def _run(child: Any) -> Any:
    run = OxmlElement("w:r")
    run.append(child)
    return run


def begin(paragraph: Any, instruction: str, *, dirty: bool = False) -> None:
    """Open a field in `paragraph`: begin mark, instruction, separate mark."""
    p = paragraph._p
    p.append(_run(_char("begin", dirty=dirty)))
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    p.append(_run(text))
    p.append(_run(_char("separate")))


def end(paragraph: Any) -> None:
    """Close the innermost open field in `paragraph`."""
    paragraph._p.append(_run(_char("end")))


def add_field(paragraph: Any, instruction: str, cached: str) -> None:
    """A complete field with its cached result text (e.g. PAGE with "1")."""
    begin(paragraph, instruction)
    paragraph.add_run(cached)
    end(paragraph)


def bookmark(paragraph: Any, name: str, ident: int) -> None:
    """Wrap the whole content of `paragraph` in a bookmark named `name`."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    stop = OxmlElement("w:bookmarkEnd")
    stop.set(qn("w:id"), str(ident))
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else 1, start)
    p.append(stop)


def request_update(document: Any) -> None:
    """Ask Word to update all fields (TOC page numbers) when the document opens."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    xmlorder.insert(settings, xmlorder.element("w:updateFields", val="true"))
