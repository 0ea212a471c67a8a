"""Identity of documents: which fields pair a document of one version with the same
document of another (the diff engine and the lifecycle check, ZB606)."""

from __future__ import annotations

from typing import Any

from builder.corpus import SHARED_SET
from builder.model import Course, Plan, Specialty


def document_key(doc: Any) -> tuple[str, str, str]:
    """(kind, specialty code, course code, or school and grade of a 人才培养方案, or "") —
    one document per key in a valid tree (several schools' plans for one code coexist)."""
    if isinstance(doc, Specialty):
        return ("specialty", doc.code, "")
    if isinstance(doc, Course):
        if doc.applies_to is not None:  # shared: one per course and applicability
            scope = "、".join([*doc.applies_to.levels, *doc.applies_to.specialties])
            return ("course", SHARED_SET, f"{doc.code}（{scope}）")
        return ("course", doc.specialty or SHARED_SET, doc.code)
    if isinstance(doc, Plan):
        return ("plan", doc.specialty, plan_identity(doc))
    return (str(doc.kind), str(doc.specialty), "")


def plan_identity(doc: Plan) -> str:
    """A plan's identity within its specialty: the school, and the grade when given."""
    return f"{doc.school} {doc.grade}" if doc.grade else doc.school


IDENTITY_FIELDS = frozenset({"code", "specialty"})
"""Top-level fields that make up a document's key (left out when looking for renames)."""
