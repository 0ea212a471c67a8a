"""Stable identifiers: UUIDv5 from stable keys such as `510209/competency/1-2-3`."""

from __future__ import annotations

import uuid

from builder.model import Course
from builder.read.corpus import applies_terms

NAMESPACE = uuid.UUID("12ff1401-47fb-51de-a2a9-482780a58202")
"""Fixed project namespace (= uuid5(NAMESPACE_URL, "https://zhibiao.invalid/opendata/case")).

Never change it: every identifier ever published is derived from it.
"""


def course_document(doc: Course) -> str:
    """The course part of a course standard's document key: its code, and for a standard
    shared by several specialties also where it applies (two may share a code)."""
    terms = applies_terms(doc)
    return f"{doc.code}@{'、'.join(terms)}" if terms else doc.code


def uid(key: str) -> str:
    """The UUIDv5 of `key` in the project namespace, lower-case 8-4-4-4-12."""
    return str(uuid.uuid5(NAMESPACE, key))


def document_key(specialty: str, kind: str, course: str | None = None) -> str:
    """Key of a standard document: `510209/document/competencies`, `…/document/course/ZY03`."""
    if kind == "course":
        return f"{specialty}/document/course/{course}"
    return f"{specialty}/document/{kind}"


def domain_key(specialty: str, code: str) -> str:
    """Key of a 工作领域."""
    return f"{specialty}/domain/{code}"


def task_key(specialty: str, code: str) -> str:
    """Key of a 工作任务."""
    return f"{specialty}/task/{code}"


def competency_key(specialty: str, code: str) -> str:
    """Key of a 职业能力."""
    return f"{specialty}/competency/{code}"


def spec_key(specialty: str, code: str) -> str:
    """Key of a 培养规格 item."""
    return f"{specialty}/spec/{code}"


def course_key(specialty: str, code: str) -> str:
    """Key of a course (课程), shared by the course plan and the course standard."""
    return f"{specialty}/course/{code}"


def module_key(specialty: str, course: str, code: str) -> str:
    """Key of a 教学模块 of a course standard."""
    return f"{specialty}/course/{course}/module/{code}"


def content_key(specialty: str, course: str, code: str) -> str:
    """Key of a 学习内容 item of a course standard."""
    return f"{specialty}/course/{course}/content/{code}"


def association_key(kind: str, origin: str, destination: str) -> str:
    """Key of an association between two keyed nodes."""
    return f"association/{kind}/{origin}/{destination}"
