"""Every filled field of the model reaches the exported Word documents.

The composed trees already carry every field (test_compose_fields); this checks that the
Word renderer prints them too: cover, 前言, headers, body and tables, in both profiles.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from builder.compose import compose_document
from builder.docx.export import render_trees
from tests.compose_models import CONFIG
from tests.test_compose_fields import CORPORA, not_in


def docx_text(data: bytes) -> str:
    """All text of a .docx: body paragraphs and tables, then headers and footers."""
    document = docx.Document(io.BytesIO(data))
    parts = [Paragraph(p, document).text for p in document.element.body.iter(qn("w:p"))]
    for section in document.sections:
        for part in (section.header, section.even_page_header, section.first_page_header):
            parts.extend(p.text for p in part.paragraphs)
    return "\n".join(parts)


GBT9704_ONLY = ("meta.copy_to", "meta.printed_by", "meta.printed_on")
"""The 版记 fields: a GB/T 9704 公文 prints them; a GB/T 1.1 standard has no 版记."""


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_every_filled_field_is_exported(name: str) -> None:
    corpus = CORPORA[name]()
    lost = {}
    gongwen = 0
    for item in corpus.documents:
        tree = compose_document(item, corpus, CONFIG)
        [output] = render_trees([tree], CONFIG)
        paths = not_in(item, docx_text(output.data))
        if CONFIG.docx.profiles[item.doc.kind] != "gbt9704":
            paths = [p for p in paths if not p.startswith(GBT9704_ONLY)]
        else:
            gongwen += 1
        lost[item.rel] = paths
    assert {rel: paths for rel, paths in lost.items() if paths} == {}
    assert gongwen, "the corpus holds a GB/T 9704 document, whose 版记 is checked"
