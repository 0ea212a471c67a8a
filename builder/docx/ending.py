"""The end of a GB/T 9704 公文: the seal place over the 成文日期, and the 版记.

GB/T 9704-2012 7.3.5.1: with a seal (印章), the 成文日期 stands 4 characters in from the
right, the issuer's signature (署名) is centred over the date, and the seal presses both so
that they lie below its centre, its top within one line of the text above. Two empty lines
above the signature leave that place; a bookmark 印章 marks it (nothing visible is added).
7.4: the 版记 (抄送机关, 印发机关和印发日期 between full-width rules, thick first and last)
stands at the foot of the last page, an even page, which carries no page number.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from typing import Any

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt

from builder.docx import xmlorder
from builder.docx.fields import bookmark
from builder.docx.lines import add_rule
from builder.docx.page import bottom_aligned, number_pages, own_part
from builder.docx.profiles import GBT9704

CHAR = 16.0
"""One character of the 3号 body (pt): the unit of GB/T 9704's "右空四字"."""
LINE = 28.95
"""One line of the 22-line grid (pt)."""
DATE_RIGHT = 4
"""成文日期 右空四字 (characters)."""
SEAL_LINES = 2
"""Empty lines left above the signature for the upper half of the seal."""
SEAL_BOOKMARK = "印章"
SEAL_BOOKMARK_ID = 970_400


def text_width(text: str) -> float:
    """Width of `text` in characters: full-width 1, half-width (Arabic numerals) ½."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "FW" else 0.5 for ch in text)


def signature_indents(signers: Sequence[str], date: str) -> tuple[list[float], float]:
    """Right indents (characters) of each signature line and of the date: the date 4
    characters in from the right, each signature centred over it; a signature wider than
    the room moves the date left so that the pair stays centred and nothing leaves the
    text block."""
    date_w = text_width(date)
    widest = max((text_width(s) for s in signers), default=0.0)
    centre = DATE_RIGHT + date_w / 2
    centre = max(centre, widest / 2)  # a very long name keeps the block inside the margin
    date_indent = centre - date_w / 2
    return [centre - text_width(s) / 2 for s in signers], date_indent


def add_signature(document: Any, signers: Sequence[str], date: str) -> None:
    """署名 (one line per issuing body) centred over the 成文日期, with the seal place above."""
    indents, date_indent = signature_indents(signers, date)
    first = True
    for signer, indent in zip(signers, indents, strict=True):
        paragraph = _right(document, signer, indent)
        if first:
            paragraph.paragraph_format.space_before = Pt(LINE * SEAL_LINES)
            _bookmark(paragraph, SEAL_BOOKMARK)
            first = False
    paragraph = _right(document, date, date_indent)
    if first:  # no signer: the seal place is above the date
        paragraph.paragraph_format.space_before = Pt(LINE * SEAL_LINES)
        _bookmark(paragraph, SEAL_BOOKMARK)


def _right(document: Any, text: str, indent: float) -> Any:
    paragraph = document.add_paragraph(text, "公文署名")
    paragraph.paragraph_format.right_indent = Pt(CHAR * indent)
    # no extra space between the Chinese and the Arabic numerals of a date: the width the
    # centring assumes is the width printed
    properties = paragraph._p.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        xmlorder.replace(properties, xmlorder.element(tag, val="0"))
    return paragraph


def _bookmark(paragraph: Any, name: str) -> None:
    """The seal place's bookmark, with an id the heading bookmarks (numbered from 1 as the
    writer meets headings, also after the signature) never reach."""
    bookmark(paragraph, name, SEAL_BOOKMARK_ID)


def add_record(document: Any, copy_to: Sequence[str], printer: str, printed: str) -> None:
    """版记 on a section of its own that starts on an even page, without page numbers, its
    last rule at the foot of the text block (GB/T 9704 7.4, 7.5): an empty line of exact
    height fills the page above it (the section is also bottom-aligned for Word, but
    LibreOffice ignores that)."""
    section = document.add_section(WD_SECTION.EVEN_PAGE)
    section.different_first_page_header_footer = False
    number_pages(
        section, fmt="decimal", start=None
    )  # numbering continues: "even" is the page number's
    bottom_aligned(section)
    for footer in (section.footer, section.even_page_footer):
        for paragraph in own_part(footer, GBT9704.roles.page_number).paragraphs:
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
    lines = [f"抄送：{'，'.join(copy_to)}。"] if copy_to else []
    spacer = document.add_paragraph(style="公文版记")
    geometry = GBT9704.geometry
    height = Mm(geometry.height - geometry.top - geometry.bottom).pt
    wrapped = sum(record_lines(text) for text in lines)
    wrapped += record_lines(f"{printer}\u3000{printed}印发")
    _exact(spacer, height - RECORD_LINE * wrapped - RECORD_SLACK)
    if lines:
        cc = document.add_paragraph(lines[0], "公文版记")
        _exact(cc, RECORD_LINE)
        add_rule(cc, "top", size=8)
        add_rule(cc, "bottom", size=6)
    line = document.add_paragraph(style="公文版记")
    _exact(line, RECORD_LINE)
    line.paragraph_format.tab_stops.add_tab_stop(
        Mm(geometry.text_width) - Pt(28), WD_TAB_ALIGNMENT.RIGHT
    )
    line.add_run(f"{printer}\t{printed}印发")
    if not lines:
        add_rule(line, "top", size=8)
    add_rule(line, "bottom", size=8)


RECORD_FONT = 14.0
"""4号 (pt), the 版记's size."""
RECORD_WIDTH: float = Mm(GBT9704.geometry.text_width).pt - 2 * RECORD_FONT
"""The 版记's line: the text block less one character each side (GB/T 9704 7.4.2)."""


def record_lines(text: str) -> int:
    """How many lines `text` takes in the 版记 (a 4号 line is about 29 characters)."""
    return max(1, math.ceil(text_width(text) * RECORD_FONT / float(RECORD_WIDTH)))


RECORD_LINE = 28.0
"""Height of one 版记 line (pt): a 4号 line on the 3号 grid."""
RECORD_SLACK = 8.0
"""Room left for the rules' own width and spacing, so the last rule stays on the page."""


def _exact(paragraph: Any, height: float) -> None:
    """An exact line height in points, independent of the document grid."""
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(height)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
