"""目次 / 目录: a TOC field pre-filled with entries whose page numbers are PAGEREF fields.

Word rebuilds the whole field on open (`w:updateFields`); LibreOffice shows the cached
entries and computes each PAGEREF from the heading bookmarks, so the printed TOC has
page numbers even where the TOC is never updated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Mm

from builder.docx import fields
from builder.docx.profiles import Profile

TOC_NOTE = "注：目次为 Word 域，打开文档时自动更新页码；如未更新，请右键单击目次并选择“更新域”。"


@dataclass(frozen=True, slots=True)
class Entry:
    """A heading that appears in the table of contents."""

    text: str
    level: int
    bookmark: str


def entry_style(profile: Profile, level: int) -> str:
    """The style of a pre-filled TOC line at `level` (1-based)."""
    if profile.heading_style == "gongwen":
        return f"公文目录{min(level, 2)}"
    return f"标准目次{min(level, 3)}"


def add_toc(document: Any, entries: list[Entry], profile: Profile, *, depth: int) -> None:
    """Title, the TOC field with one paragraph per entry, and the update note."""
    title = "目\u3000\u3000次" if profile.heading_style == "standard" else "目\u3000\u3000录"
    document.add_paragraph(title, profile.roles.front_title)
    instruction = f'TOC \\o "1-{depth}" \\h \\z \\u'
    right = Mm(profile.geometry.text_width)
    if not entries:
        paragraph = document.add_paragraph(style=entry_style(profile, 1))
        fields.begin(paragraph, instruction)
        paragraph.add_run("（打开文档时更新目次）")
        fields.end(paragraph)
    for index, entry in enumerate(entries):
        paragraph = document.add_paragraph(style=entry_style(profile, entry.level))
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            right, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        if index == 0:
            fields.begin(paragraph, instruction)
        paragraph.add_run(entry.text)
        paragraph.add_run("\t")
        fields.add_field(paragraph, f"PAGEREF {entry.bookmark} \\h", "")
        if index == len(entries) - 1:
            fields.end(paragraph)
    document.add_paragraph(TOC_NOTE, "目录说明")
    fields.request_update(document)
