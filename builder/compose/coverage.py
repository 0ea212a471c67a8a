"""Who teaches which 职业能力 at which 学习水平: the data behind the coverage matrix.

Retired documents (废止/被代替) teach nothing any more and are left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from builder.compose.anchors import (
    competency_anchor,
    internship_task_anchor,
    page_path,
    room_anchor,
)
from builder.compose.order import course_order, retired
from builder.config import ProjectConfig
from builder.corpus import SpecialtySet
from builder.model import Competency, CompetencyRef

CarrierKind = Literal["course", "internship", "room"]


@dataclass(frozen=True, slots=True)
class Column:
    """A matrix column: one course, one internship standard or one 实训室."""

    key: str
    header: str
    kind: CarrierKind
    label: str
    target: str


@dataclass(frozen=True, slots=True)
class Use:
    """One place that teaches a competency: the column, a finer label and link, the level."""

    column: Column
    detail: str
    target: str
    level: str


@dataclass(slots=True)
class Coverage:
    """Columns in reading order and every use of every competency of one specialty."""

    config: ProjectConfig
    columns: list[Column] = field(default_factory=list)
    uses: dict[str, list[Use]] = field(default_factory=lambda: defaultdict(list))
    _reached: dict[tuple[str, str], str] | None = field(default=None, repr=False)

    def level(self, code: str, column: Column) -> str:
        """Highest level reached for competency `code` in `column` ("" when not taught).

        Read once the coverage is complete: the first call indexes every use."""
        if self._reached is None:
            found: dict[tuple[str, str], list[str]] = defaultdict(list)
            for used, uses in self.uses.items():
                for use in uses:
                    found[used, use.column.key].append(use.level)
            self._reached = {key: self.best(levels) for key, levels in found.items()}
        return self._reached.get((code, column.key), "")

    def best(self, levels: list[str]) -> str:
        """The highest of several levels by the configured order (unknown levels rank lowest)."""
        if not levels:
            return ""
        return max(levels, key=lambda lv: _rank(self, lv))

    def where(self, code: str) -> list[Use]:
        """Every use of a competency, in column order."""
        order = {c.key: i for i, c in enumerate(self.columns)}
        return sorted(self.uses.get(code, []), key=lambda u: order[u.column.key])


def _rank(cov: Coverage, level: str) -> int:
    rank = cov.config.level_rank(level)
    return -1 if rank is None else rank


_LISTED: dict[int, tuple[object, list[tuple[Competency, str, str]], frozenset[str]]] = {}
"""`competencies()` per competency list (keyed by the document's id, holding the document so
the id cannot be reused): a course page asks for every competency it references."""


def competencies(entry: SpecialtySet) -> list[tuple[Competency, str, str]]:
    """Every competency of the set's list with its 领域 and 任务 names, in list order
    (the caller must not modify the list)."""
    return _listed(entry)[1]


def competency_codes(entry: SpecialtySet) -> frozenset[str]:
    """The codes of every competency of the set's list."""
    return _listed(entry)[2]


def _listed(
    entry: SpecialtySet,
) -> tuple[object, list[tuple[Competency, str, str]], frozenset[str]]:
    if not entry.competencies:
        return (None, [], frozenset())
    doc = entry.competencies[0].doc
    hit = _LISTED.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit
    if len(_LISTED) >= 256:
        _LISTED.clear()
    found = _list_competencies(entry)
    _LISTED[id(doc)] = (doc, found, frozenset(c.code for c, _, _ in found))
    return _LISTED[id(doc)]


def _list_competencies(entry: SpecialtySet) -> list[tuple[Competency, str, str]]:
    found: list[tuple[Competency, str, str]] = []
    seen: set[str] = set()
    for source in entry.competencies[:1]:
        for domain in source.doc.domains:
            for task in domain.tasks:
                for competency in task.competencies:
                    if competency.code not in seen:
                        seen.add(competency.code)
                        found.append((competency, domain.name, task.name))
    return found


def competency_target(entry: SpecialtySet, code: str) -> str | None:
    """Link target of a competency, or None when the specialty has no competency list."""
    if not entry.competencies:
        return None
    return f"{page_path(entry.competencies[0])}#{competency_anchor(code)}"


def coverage(entry: SpecialtySet, config: ProjectConfig) -> Coverage:
    """Collect the columns and uses of one specialty set."""
    cov = Coverage(config)
    for course in course_order(entry):
        if retired(course):
            continue
        doc = course.doc
        target = page_path(course)
        column = Column(f"course:{doc.code}", doc.name, "course", f"{doc.code} {doc.name}", target)
        cov.columns.append(column)
        for module in doc.modules:
            for item in module.items:
                _add(cov, column, item.competencies, f"{item.code} {item.name}", target)
    internships = [i for i in entry.internships if not retired(i)]
    for internship in internships:
        target = page_path(internship)
        title = "岗位实习" if len(internships) == 1 else internship.doc.meta.title
        column = Column(f"internship:{target}", title, "internship", title, target)
        cov.columns.append(column)
        for task in internship.doc.tasks:
            anchor = f"{target}#{internship_task_anchor(task.code)}"
            _add(cov, column, task.competencies, f"实习任务 {task.code} {task.name}", anchor)
    for base in (b for b in entry.training_bases if not retired(b)):
        for room in base.doc.rooms:
            target = f"{page_path(base)}#{room_anchor(room.code)}"
            column = Column(f"room:{target}", room.name, "room", room.name, target)
            cov.columns.append(column)
            _add(cov, column, room.competencies, room.name, target)
    return cov


def _add(
    cov: Coverage, column: Column, refs: list[CompetencyRef], detail: str, target: str
) -> None:
    for ref in refs:
        cov.uses[ref.ref].append(Use(column, detail, target, ref.level))
