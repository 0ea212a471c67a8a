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


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_every_filled_field_is_exported(name: str) -> None:
    corpus = CORPORA[name]()
    lost = {}
    for item in corpus.documents:
        tree = compose_document(item, corpus, CONFIG)
        [output] = render_trees([tree], CONFIG)
        lost[item.rel] = not_in(item, docx_text(output.data))
    assert {rel: paths for rel, paths in lost.items() if paths} == {}
