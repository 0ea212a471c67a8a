"""Reading order of the documents of one specialty (shared by pages, nav and the matrix)."""

from __future__ import annotations

from typing import Any

from builder.model import Course
from builder.model.sourced import course_key
from builder.read.corpus import Loaded, SpecialtySet
from builder.view.retired import retired

__all__ = ["course_order", "current_first", "documents", "retired"]


def current_first(items: list[Loaded[Any]]) -> list[Loaded[Any]]:
    """Documents in force first, retired ones after them (each group in file order)."""
    return sorted(items, key=retired)


def course_order(entry: SpecialtySet) -> list[Loaded[Course]]:
    """Course standards in the order of the specialty's course plan, then by code."""
    plan = [c.code for c in entry.specialty.doc.courses] if entry.specialty else []
    rank = {code: i for i, code in enumerate(plan)}
    return sorted(entry.courses, key=lambda c: (rank.get(c.doc.code, len(rank)), course_key(c.doc)))


def documents(entry: SpecialtySet) -> list[Loaded[Any]]:
    """专业教学标准, 职业能力清单, 课程标准 (plan order), 岗位实习标准, 实训基地建设标准, then
    the schools' 人才培养方案 (in file order)."""
    found: list[Loaded[Any]] = []
    if entry.specialty is not None:
        found.append(entry.specialty)
    found.extend(current_first(list(entry.competencies)))
    found.extend(course_order(entry))
    found.extend(current_first(list(entry.internships)))
    found.extend(current_first(list(entry.training_bases)))
    found.extend(current_first(list(entry.plans)))
    return found
