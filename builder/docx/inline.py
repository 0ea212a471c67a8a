"""Inline runs: plain text and links (printed as text), line breaks kept."""

from __future__ import annotations

from typing import Any

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
                run = paragraph.add_run(line)
                if bold:
                    run.bold = True
