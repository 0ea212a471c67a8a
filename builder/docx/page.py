"""Page setup per section: size, margins, text grid, page-number footers, running headers."""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from builder.docx import xmlorder
from builder.docx.fields import add_field
from builder.docx.profiles import Profile


def setup_section(section: Any, profile: Profile) -> None:
    """Apply the profile's A4 geometry and text grid to `section`."""
    geometry = profile.geometry
    section.page_width, section.page_height = Mm(geometry.width), Mm(geometry.height)
    section.top_margin, section.bottom_margin = Mm(geometry.top), Mm(geometry.bottom)
    section.left_margin, section.right_margin = Mm(geometry.left), Mm(geometry.right)
    section.header_distance, section.footer_distance = Mm(geometry.header), Mm(geometry.footer)
    section.gutter = Mm(0)
    grid = xmlorder.get_or_insert(section._sectPr, "w:docGrid")
    for attr in ("w:type", "w:linePitch", "w:charSpace"):
        grid.attrib.pop(qn(attr), None)
    if profile.line_pitch is None:
        grid.set(qn("w:linePitch"), "312")  # no type: no grid, lines keep their own height
    else:
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(profile.line_pitch))


def number_pages(section: Any, *, fmt: str = "decimal", start: int | None = 1) -> None:
    """Set the page-number format (`decimal`, `upperRoman`) and restart value of `section`."""
    element = xmlorder.element("w:pgNumType", fmt=fmt)
    if start is not None:
        element.set(qn("w:start"), str(start))
    xmlorder.replace(section._sectPr, element)


def own_part(story: Any, style: str) -> Any:
    """Give a section's header or footer a part of its own (not linked to the previous
    section); a paragraph in it whose style is not defined gets `style`.

    python-docx makes a new part from its own header/footer XML, whose paragraph names the
    style ids "Header"/"Footer"; the reference template need not define them (a user's
    template may call them anything), and Word reports a style reference to nothing."""
    story.is_linked_to_previous = False
    defined = {
        element.get(_STYLE_ID)
        for element in story.part._document_part.styles.element.iterchildren(_STYLE)
    }
    for paragraph in story.paragraphs:
        if paragraph._p.style is not None and paragraph._p.style not in defined:
            paragraph.style = style
    return story


_STYLE, _STYLE_ID = qn("w:style"), qn("w:styleId")


def add_page_numbers(section: Any, profile: Profile) -> None:
    """Odd pages: number at the right; even pages: at the left (GB/T 9704 7.5)."""
    before, _, after = profile.page_number.partition("{}")
    indent = Pt(profile.number_indent_pt)
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = own_part(footer, profile.roles.page_number).paragraphs[0]
        paragraph.style = profile.roles.page_number
        paragraph.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = indent
        else:
            paragraph.paragraph_format.left_indent = indent
        if before:
            paragraph.add_run(before)
        add_field(paragraph, "PAGE", "1")
        if after:
            paragraph.add_run(after)


def add_running_header(section: Any, profile: Profile, text: str) -> None:
    """The document number (and draft status) at the outer top corner of every page."""
    for header, align in (
        (section.header, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_header, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = own_part(header, profile.roles.header).paragraphs[0]
        paragraph.style = profile.roles.header
        paragraph.alignment = align
        if text:
            paragraph.add_run(text)


def blank_first_page(section: Any, profile: Profile) -> None:
    """No header or footer on the first page of `section` (a cover)."""
    section.different_first_page_header_footer = True
    own_part(section.first_page_header, profile.roles.header)
    own_part(section.first_page_footer, profile.roles.page_number)


def bottom_aligned(section: Any) -> None:
    """Align the section's text to the bottom of the page (the 版记 of a 公文)."""
    xmlorder.replace(section._sectPr, xmlorder.element("w:vAlign", val="bottom"))


def turn_page(document: Any, profile: Profile, *, landscape: bool) -> float:
    """Start a new section, landscape or back to portrait, numbering continued.

    A landscape page is the portrait page turned: the same text block lies across it
    (GB/T 9704 §8 places wide tables this way). Returns the new text width in mm.
    """
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    number_pages(section, fmt="decimal", start=None)
    geometry = profile.geometry
    if not landscape:
        setup_section(section, profile)
        section.orientation = WD_ORIENT.PORTRAIT
        return geometry.text_width
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(geometry.height), Mm(geometry.width)
    section.top_margin, section.bottom_margin = Mm(geometry.left), Mm(geometry.right)
    section.left_margin, section.right_margin = Mm(geometry.top), Mm(geometry.bottom)
    return geometry.height - geometry.top - geometry.bottom
