"""Small Word documents (forms, the 汇总处理表) written through the DocTree writer."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from builder.compose.doctree import Block, Cell, Heading, Paragraph, Table
from builder.compose.doctree import text_cells as cells
from builder.docx.package import CoreInfo, fixed_time, set_core, to_bytes
from builder.docx.page import setup_section
from builder.docx.profiles import profile_named
from builder.docx.tables import add_table
from builder.docx.template import load_template
from builder.docx.writer import write_blocks


def table_document(
    title: str, blocks: list[Block], *, landscape: bool, subject: str, when: str | None = None
) -> bytes:
    """A one-section document: a title, then `blocks`, in the GB/T 1.1 body style.

    A landscape page is the portrait page turned (as `builder.docx.page.turn_page` does for
    wide tables), and its tables span the whole turned text block."""
    document, _ = load_template(None)
    profile = profile_named("gbt1.1")
    section = document.sections[0]
    setup_section(section, profile)
    width: float | None = None
    if landscape:
        geometry = profile.geometry
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(geometry.height), Mm(geometry.width)
        section.top_margin, section.bottom_margin = Mm(geometry.left), Mm(geometry.right)
        section.left_margin, section.right_margin = Mm(geometry.top), Mm(geometry.bottom)
        width = geometry.height - geometry.top - geometry.bottom
    write_blocks(document, (Heading(1, title),), profile)
    for block in blocks:
        if isinstance(block, Table) and width is not None:
            add_table(document, block, profile, width_mm=width)
        else:
            write_blocks(document, (block,), profile)
    set_core(document, CoreInfo(title=title, subject=subject, when=fixed_time(when)))
    return to_bytes(document)


__all__ = ["Block", "Cell", "Paragraph", "Table", "cells", "table_document"]
