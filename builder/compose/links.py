"""Inline links between documents of one specialty (courses, competencies, related standards)."""

from __future__ import annotations

from typing import Any

from builder.compose.coverage import competency_codes, competency_target
from builder.compose.doctree import Inline, Link
from builder.compose.meta import specialty_label
from builder.compose.text import book_title
from builder.model import CompetencyRef, scoped_code
from builder.model.sourced import course_key, is_not_given
from builder.read.corpus import Corpus, Loaded, SpecialtySet, shared_for
from builder.view import view_of
from builder.view.anchors import page_path


def specialty_set(corpus: Corpus, code: str) -> SpecialtySet:
    """The set of a specialty code (an empty one when the corpus has none)."""
    return corpus.specialties.get(code) or SpecialtySet(code)


def resolve_course(entry: SpecialtySet, reference: str) -> str:
    """The course code a reference names: a code, or an exact course name (as the checks do)."""
    plan = entry.specialty.doc.courses if entry.specialty is not None else []
    if any(c.code == reference for c in plan) or any(
        course_key(c.doc) == reference for c in entry.courses
    ):
        return reference
    for planned in plan:
        if planned.name == reference:
            return planned.code
    for standard in entry.courses:
        if standard.doc.name == reference:
            return course_key(standard.doc)
    return reference


def course_standard(entry: SpecialtySet, code: str) -> Loaded[Any] | None:
    """The course standard with this course code, if the specialty has one: its own, else
    a shared one (`Course.applies_to`) that the plan row of this code names by code or
    name (`builder.read.corpus.shared_for`)."""
    own = next((c for c in entry.courses if course_key(c.doc) == code), None)
    if own is not None or entry.specialty is None or not entry.shared:
        return own
    rows = [(c.code, c.name) for c in entry.specialty.doc.courses]
    return shared_for(rows, entry.shared).get(code)


def course_name(entry: SpecialtySet, code: str) -> str | None:
    """Course name from the standard or the course plan."""
    standard = course_standard(entry, code)
    if standard is not None:
        name: str = standard.doc.name
        return name
    if entry.specialty is not None:
        for planned in entry.specialty.doc.courses:
            if planned.code == code:
                return planned.name
    return None


def course_ref(entry: SpecialtySet, reference: str, *, with_code: bool = True) -> Inline:
    """ "ZY03 机器学习应用" as a link when the course has a standard, plain text otherwise.

    `reference` is a course code or a course name from the plan (resolved as the checks do).
    """
    code = resolve_course(entry, reference)
    name = course_name(entry, code)
    text = (f"{code} {name}" if with_code else name) if name else code
    standard = course_standard(entry, code)
    return Link(text, page_path(standard)) if standard is not None else text


def competency_ref(entry: SpecialtySet, code: str, text: str | None = None) -> Inline:
    """A competency code as a link to its anchor on the competency list (plain text when the
    list does not define it, so a dangling reference never becomes a broken link)."""
    target = competency_target(entry, code)
    shown = text or code
    defined = code in competency_codes(entry)
    return Link(shown, target) if target and defined else shown


def competency_use(entry: SpecialtySet, ref: CompetencyRef) -> Inline:
    """A reference as written, "1-1-1（掌握）" or "1.1.1（四级）（B）" with its scope, linked to
    the competency it resolves to (`builder.view`: the scope decides between equal codes)."""
    written = scoped_code(ref.ref, ref.scope)
    key = view_of(entry).resolve(ref.ref, ref.scope)[0]
    return competency_ref(entry, key or written, f"{written}（{ref.level}）")


def document_ref(item: Loaded[Any]) -> Link:
    """《title》 linking to a document page."""
    return Link(book_title(item.doc.meta.title), page_path(item))


def related_documents(entry: SpecialtySet, exclude: Loaded[Any] | None = None) -> list[Link]:
    """Links to the other documents of the specialty, in a fixed order."""
    found: list[Loaded[Any]] = []
    if entry.specialty is not None:
        found.append(entry.specialty)
    found.extend(entry.competencies)
    found.extend(entry.internships)
    found.extend(entry.training_bases)
    return [document_ref(item) for item in found if item is not exclude]


def applies_to(entry: SpecialtySet, code: str, name: str | None) -> tuple[Inline, ...]:
    """ "适用专业：人工智能技术应用（510209）。", linked to the specialty standard when present.

    The document's own `specialty_name` wins over the name in the specialty standard: it is
    what the source says (e.g. "计算机应用技术等专业"). Nothing when the source gives neither
    a code nor a name.
    """
    standard = entry.specialty
    shown = name or (standard.doc.name if standard is not None else None)
    if is_not_given(code) and not shown:
        return ()  # the source names no specialty (e.g. a 国家职业技能标准): nothing to say
    label = specialty_label(code, shown)
    target: Inline = Link(label, page_path(standard)) if standard is not None else label
    return ("适用专业：", target, "。")
