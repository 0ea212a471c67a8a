"""Which course, internship task or training room reaches which competency, at what level."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from builder.config import ProjectConfig
from builder.corpus import SpecialtySet
from builder.model import CompetencyRef
from builder.view import view_of

LinkSource = Literal["content_item", "internship_task", "training_room"]


@dataclass(frozen=True, slots=True)
class Link:
    """One `{ref, level}` of a document: `item` reaches `competency` at `level`."""

    competency: str
    level: str
    source: LinkSource
    item: str
    course: str | None = None


def specialty_links(entry: SpecialtySet) -> list[Link]:
    """Every competency link of one specialty, in document order."""
    links: list[Link] = []
    view = view_of(entry)

    def key(ref: CompetencyRef) -> str:
        return view.resolve(ref.ref, ref.scope)[0] or ref.ref

    for course in entry.courses:
        for module in course.doc.modules:
            for content in module.items:
                links.extend(
                    Link(key(ref), ref.level, "content_item", content.code, course.doc.code)
                    for ref in content.competencies
                )
    for internship in entry.internships:
        for task in internship.doc.tasks:
            links.extend(
                Link(key(ref), ref.level, "internship_task", task.code) for ref in task.competencies
            )
    for base in entry.training_bases:
        for room in base.doc.rooms:
            links.extend(
                Link(key(ref), ref.level, "training_room", room.code) for ref in room.competencies
            )
    return links


def higher(first: str, second: str, config: ProjectConfig) -> str:
    """The higher of two 学习水平 (unknown levels rank below known ones; ties keep `first`)."""
    rank_a = config.level_rank(first)
    rank_b = config.level_rank(second)
    a = -1 if rank_a is None else rank_a
    b = -1 if rank_b is None else rank_b
    return second if b > a else first


def course_matrix(entry: SpecialtySet, config: ProjectConfig) -> dict[tuple[str, str], str]:
    """(course code, competency code) → the highest level any content item of the course reaches."""
    matrix: dict[tuple[str, str], str] = {}
    for link in specialty_links(entry):
        if link.course is None:
            continue
        key = (link.course, link.competency)
        matrix[key] = higher(matrix[key], link.level, config) if key in matrix else link.level
    return matrix
