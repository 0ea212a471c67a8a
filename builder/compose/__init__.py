"""Compose model documents into renderer-neutral `DocTree`s (pure functions, no I/O).

The site renderer (`builder.site`) and the Word exporter render the same trees, so
numbering, headings, tables, anchors and cross-references are decided here once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from builder.compose.competencies import compose_competencies
from builder.compose.course import compose_course
from builder.compose.doctree import DocTree
from builder.compose.internship import compose_internship
from builder.compose.order import documents
from builder.compose.schoolplan import compose_plan
from builder.compose.specialty import compose_specialty
from builder.compose.training_base import compose_training_base
from builder.read.config import ProjectConfig
from builder.read.corpus import AnyDoc, Corpus, Loaded, SpecialtySet
from builder.view.anchors import page_path

__all__ = ["compose_corpus", "compose_document", "compose_sets", "page_path"]

_COMPOSERS: dict[str, Callable[[Any, Corpus, ProjectConfig], DocTree]] = {
    "specialty": compose_specialty,
    "competencies": compose_competencies,
    "course": compose_course,
    "internship": compose_internship,
    "training_base": compose_training_base,
    "plan": compose_plan,
}


def compose_document(item: Loaded[AnyDoc], corpus: Corpus, config: ProjectConfig) -> DocTree:
    """The whole document `item` in reading order, with literal numbering and links."""
    return _COMPOSERS[item.kind](item, corpus, config)


def compose_corpus(corpus: Corpus, config: ProjectConfig) -> list[DocTree]:
    """Every document of the corpus, specialty by specialty in code order.

    Within a specialty: 专业教学标准, 职业能力清单, 课程标准 (in course-plan order),
    岗位实习标准, 实训基地建设标准 (documents in force before retired ones), then the schools'
    人才培养方案. When two documents would share a page (only possible in
    a corpus that fails its checks, e.g. two lists for one specialty), the first one wins.
    """
    return compose_sets(corpus, config, corpus.specialties.values())


def compose_sets(
    corpus: Corpus, config: ProjectConfig, entries: Iterable[SpecialtySet]
) -> list[DocTree]:
    """The documents of some specialty sets of `corpus`, as `compose_corpus` orders them."""
    trees: list[DocTree] = []
    pages: set[str] = set()
    for entry in entries:
        for item in documents(entry):
            path = page_path(item)
            if path not in pages:
                pages.add(path)
                trees.append(compose_document(item, corpus, config))
    return trees
