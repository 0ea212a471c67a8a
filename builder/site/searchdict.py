"""jieba user dictionary generated from the data, so whole course names and competency
terms become single search tokens (Material's search cuts Chinese with jieba at build time;
the browser only matches whole tokens and their prefixes)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from builder.read.corpus import SpecialtySet

# Material cuts only runs of Han characters with jieba (`\p{script: Han}+`), so only
# Han-only words can ever apply: "Python程序设计" contributes "程序设计".
_HAN_RUN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF]+")


def _names(entries: Iterable[SpecialtySet]) -> Iterator[str]:
    for entry in entries:
        if entry.specialty is not None:
            doc = entry.specialty.doc
            yield doc.name
            yield from (c.name for c in doc.courses)
            yield from doc.career.posts
            yield from (o.name for o in doc.career.occupations)
        for source in entry.competencies:
            for domain in source.doc.domains:
                yield domain.name
                yield from (task.name for task in domain.tasks)
        for course in entry.courses:
            yield course.doc.name
        for internship in entry.internships:
            yield from (task.name for task in internship.doc.tasks)
            yield from internship.doc.conditions.posts
        for base in entry.training_bases:
            yield from (room.name for room in base.doc.rooms)


def search_terms(entries: Iterable[SpecialtySet]) -> list[str]:
    """Domain terms (course, 领域, 任务, room, post names …) as Han-only words of ≥ 2 characters."""
    terms: set[str] = set()
    for name in _names(entries):
        terms.update(run for run in _HAN_RUN.findall(name) if len(run) >= 2)
    return sorted(terms)


def jieba_user_dict(entries: Iterable[SpecialtySet]) -> str:
    """The dictionary file for the pages of `entries` (specialty sets): one word per line;
    jieba then picks a frequency that keeps it whole."""
    return "".join(f"{term}\n" for term in search_terms(entries))
