"""Stable ASCII anchors and site-relative page paths of every document.

Anchors and paths are derived from codes, never from Chinese text, so deep links survive
edits of titles and look the same in every build.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from builder.model import CompetencyList, Course, Internship, Plan, Specialty, TrainingBase
from builder.model.sourced import course_key
from builder.read.corpus import Loaded, applies_terms, set_code
from builder.view.identity import plan_identity

_UNSAFE = re.compile(r"[^a-z0-9]+")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def ascii_id(text: str) -> str:
    """A lower-case ASCII id for any code: "1-2-3" → "1-2-3", "M1.2" → "m1-2".

    Text with characters outside ASCII gets a short hash suffix so that two different
    codes never share an id.
    """
    base = _UNSAFE.sub("-", text.lower()).strip("-")
    if text.isascii() and base:
        return base
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{base}-{digest}" if base else f"x{digest}"


def file_name(code: str) -> str:
    """A file name for a code: kept as written when it is plain ASCII (ZY03), else an id."""
    return code if _SAFE_NAME.match(code) else ascii_id(code)


def competency_anchor(code: str) -> str:
    """Anchor of a 职业能力 on the competency page: "1-2-3" → "c-1-2-3"."""
    return f"c-{ascii_id(code)}"


def domain_anchor(code: str) -> str:
    """Anchor of a 工作领域: "1" → "d-1"."""
    return f"d-{ascii_id(code)}"


def task_anchor(code: str) -> str:
    """Anchor of a 工作任务: "1-2" → "t-1-2"."""
    return f"t-{ascii_id(code)}"


def room_anchor(code: str) -> str:
    """Anchor of a 实训室 clause: "R1" → "room-r1"."""
    return f"room-{ascii_id(code)}"


def internship_task_anchor(code: str) -> str:
    """Anchor of an 实习任务 row: "T2" → "task-t2"."""
    return f"task-{ascii_id(code)}"


def section_anchor(number: str) -> str:
    """Anchor of a numbered clause: "5.1" → "sec-5-1"."""
    return f"sec-{ascii_id(number)}"


def specialty_code(item: Loaded[Any]) -> str:
    """The specialty a document belongs to."""
    return set_code(item.doc)


def page_path(item: Loaded[Any]) -> str:
    """Site-relative Markdown path of a document's page, e.g. "510209/courses/ZY03.md"."""
    folder = file_name(specialty_code(item))
    doc = item.doc
    if isinstance(doc, Specialty):
        return f"{folder}/specialty.md"
    if isinstance(doc, CompetencyList):
        return f"{folder}/competencies.md"
    if isinstance(doc, Course):
        return f"{folder}/courses/{file_name(course_key(doc))}{_scope_suffix(doc)}.md"
    if isinstance(doc, Internship):
        return f"{folder}/{_named('internship', item.path.stem)}.md"
    if isinstance(doc, TrainingBase):
        return f"{folder}/{_named('training-base', item.path.stem)}.md"
    if isinstance(doc, Plan):  # several schools' plans per code: the school keeps pages apart
        school = hashlib.sha1(plan_identity(doc).encode("utf-8")).hexdigest()[:6]
        return f"{folder}/plans/{ascii_id(item.path.stem.replace('_', '-'))}-{school}.md"
    raise TypeError(f"not a standard document: {type(doc).__name__}")


def _scope_suffix(doc: Course) -> str:
    """ "" for a specialty's own course standard; for a shared one (`applies_to`), a short
    digest of where it applies, so that the 中职 and the 高职专科 standards of one course
    keep separate pages."""
    terms = applies_terms(doc)
    if not terms:
        return ""
    scope = "\n".join(terms)
    return "-" + hashlib.sha1(scope.encode("utf-8")).hexdigest()[:6]


def _named(default: str, stem: str) -> str:
    """ "internship" → "internship", "internship-2019" → as is, "实习" → "internship-<id>"."""
    name = ascii_id(stem.replace("_", "-"))
    if name == default or (name.startswith(f"{default}-") and stem.isascii()):
        return name
    return f"{default}-{name}"


def doc_id(item: Loaded[Any]) -> str:
    """Stable identity of a document across builds, e.g. "510209/course/ZY03"."""
    path = page_path(item).removesuffix(".md")
    folder, _, rest = path.partition("/")
    if isinstance(item.doc, Course):
        return f"{folder}/course/{course_key(item.doc)}{_scope_suffix(item.doc)}"
    return f"{folder}/{rest.replace('-', '_')}"
