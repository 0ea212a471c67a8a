"""Which course, internship task or training room reaches which competency, at what level."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from builder.model import CompetencyRef
from builder.model.sourced import course_key
from builder.read.config import DEFAULT_VOCABULARY, ProjectConfig
from builder.read.corpus import SpecialtySet
from builder.view import view_of
from builder.view.levels import Leveled, Levels, vocabulary_of

LinkSource = Literal["content_item", "internship_task", "training_room"]


@dataclass(frozen=True, slots=True)
class Link:
    """One `{ref, level}` of a document: `item` reaches `competency` at `level`."""

    competency: str
    level: str
    source: LinkSource
    item: str
    course: str | None = None
    vocabulary: str = DEFAULT_VOCABULARY
    """The scale of the carrying document (`builder.view.levels`)."""


def specialty_links(entry: SpecialtySet) -> list[Link]:
    """Every competency link of one specialty, in document order."""
    links: list[Link] = []
    view = view_of(entry)

    def key(ref: CompetencyRef) -> str:
        return view.resolve(ref.ref, ref.scope)[0] or ref.ref

    for course in entry.courses:
        for module in course.doc.modules:
            for content in module.items:
                scale = vocabulary_of(course.doc)
                links.extend(
                    Link(
                        key(ref),
                        ref.level,
                        "content_item",
                        content.code,
                        course_key(course.doc),
                        scale,
                    )
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


def higher(
    first: str, second: str, config: ProjectConfig, vocabulary: str = DEFAULT_VOCABULARY
) -> str:
    """The higher of two levels of one scale (unknown levels rank below known ones; ties
    keep `first`)."""
    levels = Levels(config)
    rank_a = levels.rank(Leveled(first, vocabulary))
    rank_b = levels.rank(Leveled(second, vocabulary))
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
        matrix[key] = (
            higher(matrix[key], link.level, config, link.vocabulary)
            if key in matrix
            else link.level
        )
    return matrix
