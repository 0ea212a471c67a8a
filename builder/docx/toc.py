"""目次 / 目录: a TOC field pre-filled with entries whose page numbers are PAGEREF fields.

Word rebuilds the whole field on open (`w:updateFields`); LibreOffice shows the cached
entries and computes each PAGEREF from the heading bookmarks, so the printed TOC has
page numbers even where the TOC is never updated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from builder.docx import fields
from builder.docx.profiles import Profile


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


def link_builtin_styles(document: Any, profile: Profile, depth: int) -> None:
    """Make Word's own "toc 1…" styles (used when it rebuilds the TOC) follow the profile.

    Each is (re)defined as based on the profile's entry style, so a rebuilt TOC looks like
    the pre-filled one and follows a user template's entry styles.
    """
    styles = document.styles.element
    by_name = {
        style.find(qn("w:name")).get(qn("w:val")): style for style in styles.findall(qn("w:style"))
    }
    for level in range(1, depth + 1):
        base = by_name[entry_style(profile, level)].get(qn("w:styleId"))
        style = by_name.get(f"toc {level}")
        if style is None:
            style = OxmlElement("w:style")
            style.set(qn("w:type"), "paragraph")
            style.set(qn("w:styleId"), f"TOC{level}")
            name = OxmlElement("w:name")
            name.set(qn("w:val"), f"toc {level}")
            style.append(name)
            styles.append(style)
        for child in list(style):
            if child.tag != qn("w:name"):
                style.remove(child)
        based = OxmlElement("w:basedOn")
        based.set(qn("w:val"), base)
        priority = OxmlElement("w:uiPriority")
        priority.set(qn("w:val"), "39")
        style.extend([based, priority])


def add_toc(document: Any, entries: list[Entry], profile: Profile, *, depth: int) -> None:
    """Title and the TOC field with one paragraph per entry (no instructions to the reader:
    page numbers are filled at export, `builder.docx.tocpages`, or by Word on open)."""
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
    fields.request_update(document)
    link_builtin_styles(document, profile, depth)
