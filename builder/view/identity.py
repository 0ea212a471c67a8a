"""Identity of documents: which fields pair a document of one version with the same
document of another (the diff engine and the lifecycle check, ZB606)."""

from __future__ import annotations

from typing import Any

from builder.model import Course, Plan, Specialty
from builder.model.sourced import SHARED_SET, course_key, specialty_key


def document_key(doc: Any) -> tuple[str, str, str]:
    """(kind, specialty code, course code, or school and grade of a 人才培养方案, or "") —
    one document per key in a valid tree (several schools' plans for one code coexist). A
    document whose source gives no specialty code is keyed by the name it gives instead
    (`specialty_key`)."""
    if isinstance(doc, Specialty):
        return ("specialty", doc.code, "")
    if isinstance(doc, Course):
        if doc.applies_to is not None:  # shared: one per course and applicability
            scope = "、".join([*doc.applies_to.levels, *doc.applies_to.specialties])
            return ("course", SHARED_SET, f"{course_key(doc)}（{scope}）")
        return ("course", specialty_key(doc), course_key(doc))
    if isinstance(doc, Plan):
        return ("plan", doc.specialty, plan_identity(doc))
    return (str(doc.kind), specialty_key(doc), "")


def plan_identity(doc: Plan) -> str:
    """A plan's identity within its specialty: the school, and the grade when given."""
    return f"{doc.school} {doc.grade}" if doc.grade else doc.school


IDENTITY_FIELDS = frozenset({"code", "specialty"})
"""Top-level fields that make up a document's key (left out when looking for renames)."""
