"""Build the per-specialty lookup tables that the checks share."""

from __future__ import annotations

from builder.check.context import Defined, SpecialtyIndex, Use
from builder.corpus import Corpus, SpecialtySet


def build_indexes(corpus: Corpus) -> dict[str, SpecialtyIndex]:
    """One index per specialty code."""
    return {code: _index(entry) for code, entry in corpus.specialties.items()}


def _index(entry: SpecialtySet) -> SpecialtyIndex:
    index = SpecialtyIndex()
    _index_competencies(entry, index)
    if entry.specialty:
        index.has_plan = True
        index.planned_courses = {c.code for c in entry.specialty.doc.courses}
        index.course_names = {c.name: c.code for c in entry.specialty.doc.courses}
    for course in entry.courses:
        index.course_names.setdefault(course.doc.name, course.doc.code)
    _index_courses(entry, index)
    _index_internships(entry, index)
    _index_rooms(entry, index)
    return index


def _index_competencies(entry: SpecialtySet, index: SpecialtyIndex) -> None:
    for source in entry.competencies:
        for d, domain in enumerate(source.doc.domains):
            for t, task in enumerate(domain.tasks):
                for c, competency in enumerate(task.competencies):
                    path = ("domains", d, "tasks", t, "competencies", c)
                    index.competencies.setdefault(
                        competency.code, Defined(competency, source, path)
                    )


def _index_courses(entry: SpecialtySet, index: SpecialtyIndex) -> None:
    for course in entry.courses:
        index.course_standards.add(course.doc.code)
        for m, module in enumerate(course.doc.modules):
            for i, item in enumerate(module.items):
                for r, ref in enumerate(item.competencies):
                    path = ("modules", m, "items", i, "competencies", r)
                    index.uses.append(Use(ref, course, path, ("course", course.doc.code)))


def _index_internships(entry: SpecialtySet, index: SpecialtyIndex) -> None:
    for internship in entry.internships:
        for t, task in enumerate(internship.doc.tasks):
            for r, ref in enumerate(task.competencies):
                path = ("tasks", t, "competencies", r)
                index.uses.append(Use(ref, internship, path, ("internship", task.code)))


def _index_rooms(entry: SpecialtySet, index: SpecialtyIndex) -> None:
    for base in entry.training_bases:
        for o, room in enumerate(base.doc.rooms):
            for r, ref in enumerate(room.competencies):
                path = ("rooms", o, "competencies", r)
                index.uses.append(Use(ref, base, path, ("room", room.code)))
