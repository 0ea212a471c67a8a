"""Package parts a written document does not keep from the file it was made from.

`stylesWithEffects` is Word 2010's second copy of styles.xml. A document whose styles
Zhibiao changed (every named style is added or redefined) would carry a stale copy, which
Word treats as a mismatch to repair; without the part, Word reads styles.xml alone
(ECMA-376 Part 1 §11.3.12 makes styles.xml the document's style definitions; the copy is
a Microsoft extension described in [MS-DOCX]). A template's thumbnail shows the template, not
the document. Custom XML and web settings of python-docx's blank document are unused.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
STALE = frozenset({STYLES_WITH_EFFECTS, RT.THUMBNAIL})
"""Parts that describe the source file and would be wrong in the document written from it."""
UNUSED = STALE | {RT.CUSTOM_XML, RT.WEB_SETTINGS}
"""Everything python-docx's blank document has that a generated document does not need."""


def drop_parts(document: Any, reltypes: frozenset[str] = STALE) -> None:
    """Remove the relationships (document and package level) of `reltypes`; parts no
    longer referenced are not written when the document is saved."""
    for rels in (document.part.rels, document.part.package.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in reltypes]:
            del rels[rid]
