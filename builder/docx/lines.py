"""Paragraph rules (borders): the cover lines, the red 版头 separator, the 版记 lines."""

from __future__ import annotations

from typing import Any

from builder.docx import xmlorder


def add_rule(
    paragraph: Any, side: str, *, size: int, color: str = "000000", space: int = 1
) -> None:
    """Draw a line on `side` of `paragraph`; `size` is in eighths of a point."""
    borders = xmlorder.get_or_insert(paragraph._p.get_or_add_pPr(), "w:pBdr")
    line = xmlorder.element(f"w:{side}", val="single", sz=str(size), space=str(space), color=color)
    xmlorder.replace(borders, line)
