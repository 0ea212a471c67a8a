"""Identity of documents: which fields pair a document of one version with the same
document of another (the diff engine and the lifecycle check, ZB606)."""

from __future__ import annotations

from typing import Any

from builder.model import Course, Specialty


def document_key(doc: Any) -> tuple[str, str, str]:
    """(kind, specialty code, course code or "") — one document per key in a valid tree."""
    if isinstance(doc, Specialty):
        return ("specialty", doc.code, "")
    if isinstance(doc, Course):
        return ("course", doc.specialty, doc.code)
    return (str(doc.kind), str(doc.specialty), "")


IDENTITY_FIELDS = frozenset({"code", "specialty"})
"""Top-level fields that make up a document's key (left out when looking for renames)."""
