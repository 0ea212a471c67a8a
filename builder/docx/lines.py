"""Paragraph rules (borders): the cover lines, the red 版头 separator, the 版记 lines."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_SIDES = ("top", "left", "bottom", "right")
# CT_PPrBase children that come after w:pBdr (schema order).
_AFTER_PBDR = {
    qn(f"w:{tag}")
    for tag in (
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    )
}


def add_rule(
    paragraph: Any, side: str, *, size: int, color: str = "000000", space: int = 1
) -> None:
    """Draw a line on `side` of `paragraph`; `size` is in eighths of a point."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        follower = next((child for child in ppr if child.tag in _AFTER_PBDR), None)
        if follower is not None:
            follower.addprevious(borders)
        else:
            ppr.append(borders)
    line = OxmlElement(f"w:{side}")
    for key, value in (
        ("val", "single"),
        ("sz", str(size)),
        ("space", str(space)),
        ("color", color),
    ):
        line.set(qn(f"w:{key}"), value)
    rank = _SIDES.index(side)
    for existing in borders:
        if _SIDES.index(existing.tag.split("}")[1]) > rank:
            existing.addprevious(line)
            return
    borders.append(line)
