"""Inline runs: plain text and links (printed as text), line breaks kept."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from builder.doctree import Inline, Link


def inline_text(content: tuple[Inline, ...]) -> str:
    """The plain text of a run sequence."""
    return "".join(item.text if isinstance(item, Link) else item for item in content)


def add_inlines(paragraph: Any, content: tuple[Inline, ...], *, bold: bool = False) -> None:
    """Append runs for `content`; a newline inside the text becomes a line break."""
    for item in content:
        text = item.text if isinstance(item, Link) else item
        for index, line in enumerate(text.split("\n")):
            if index:
                paragraph.add_run().add_break()
            if line:
                run = paragraph.add_run()
                _add_text(run, line)
                if bold:
                    run.bold = True


_CODE_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")
"""A hyphen inside a code or date (1-2-3, 4-04-05-05, 2026-03-18): never a line break there."""


def _add_text(run: Any, text: str) -> None:
    """Text of a run with non-breaking hyphens inside codes, so "2-1-1" is not split as
    "2-" / "1-1" at a line end (python-docx reads them back as "-")."""
    for index, part in enumerate(_CODE_HYPHEN.split(text)):
        if index:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            element = OxmlElement("w:t")
            element.text = part
            element.set(qn("xml:space"), "preserve")
            run._r.append(element)
