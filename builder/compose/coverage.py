"""Who teaches which 职业能力 at which 学习水平: the data behind the coverage matrix.

Read from the resolved view (`builder.view`), under its policy for retired documents
(废止/被代替): they teach nothing any more and are left out, as the coverage rules do.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from builder.compose.order import course_order
from builder.model import Competency
from builder.read.config import DEFAULT_VOCABULARY, ProjectConfig
from builder.read.corpus import SpecialtySet
from builder.view import Use as ViewUse
from builder.view import carries, view_of
from builder.view.anchors import (
    competency_anchor,
    internship_task_anchor,
    page_path,
    room_anchor,
)
from builder.view.levels import Leveled, Levels

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
    vocabulary: str = DEFAULT_VOCABULARY

    @property
    def reached(self) -> Leveled:
        """The level with the scale of the carrying document."""
        return Leveled(self.level, self.vocabulary)


@dataclass(slots=True)
class Coverage:
    """Columns in reading order and every use of every competency of one specialty."""

    config: ProjectConfig
    columns: list[Column] = field(default_factory=list)
    uses: dict[str, list[Use]] = field(default_factory=lambda: defaultdict(list))
    """Competency key (`builder.view.Defined.key`) → its uses."""
    _reached: dict[tuple[str, str], Leveled] | None = field(default=None, repr=False)

    @property
    def levels(self) -> Levels:
        """The project's scales and mappings (`builder.view.levels`)."""
        return Levels(self.config)

    def reached(self, code: str, column: Column) -> Leveled | None:
        """Highest level reached for competency `code` (its key) in `column`, None when not taught.

        Read once the coverage is complete: the first call indexes every use."""
        if self._reached is None:
            found: dict[tuple[str, str], list[Leveled]] = defaultdict(list)
            for used, uses in self.uses.items():
                for use in uses:
                    found[used, use.column.key].append(use.reached)
            levels = self.levels
            self._reached = {
                key: best for key, items in found.items() if (best := levels.best(items))
            }
        return self._reached.get((code, column.key))

    def level(self, code: str, column: Column) -> str:
        """Highest level reached for competency `code` in `column` ("" when not taught)."""
        found = self.reached(code, column)
        return found.level if found else ""

    def where(self, code: str) -> list[Use]:
        """Every use of a competency, in column order."""
        order = {c.key: i for i, c in enumerate(self.columns)}
        return sorted(self.uses.get(code, []), key=lambda u: order[u.column.key])


def competencies(entry: SpecialtySet) -> list[tuple[Competency, str, str]]:
    """Every competency of the set's list with its 领域 and 任务 names, in list order
    (read from the resolved view, `builder.view`)."""
    return [(c, domain, task) for _, c, domain, task in keyed_competencies(entry)]


def keyed_competencies(entry: SpecialtySet) -> list[tuple[str, Competency, str, str]]:
    """As `competencies`, each with its key first (`builder.view.Defined.key`: the code, or
    "code（scope）" in a list numbered per table or column)."""
    return [
        (d.key, d.competency, d.domain.name, d.task.name)
        for d in view_of(entry).competencies.values()
    ]


def competency_codes(entry: SpecialtySet) -> frozenset[str]:
    """The codes of every competency of the set's list."""
    return frozenset(view_of(entry).competencies)


def competency_target(entry: SpecialtySet, code: str) -> str | None:
    """Link target of a competency, or None when the specialty has no competency list."""
    if not entry.competencies:
        return None
    return f"{page_path(entry.competencies[0])}#{competency_anchor(code)}"


def coverage(entry: SpecialtySet, config: ProjectConfig) -> Coverage:
    """Collect the columns and uses of one specialty set from its resolved view.

    Only carriers in force are columns; the uses of retired ones do not count (the policy
    of `builder.view.retired`, which the coverage rules ZB301/ZB302 apply too)."""
    cov = Coverage(config)
    held: dict[int, list[ViewUse]] = defaultdict(list)
    for use in view_of(entry).uses:
        if use.carries:
            held[id(use.holder if use.owner[0] == "room" else use.source)].append(use)
    for course in course_order(entry):
        if not carries(course):
            continue
        doc = course.doc
        target = page_path(course)
        column = Column(f"course:{doc.code}", doc.name, "course", f"{doc.code} {doc.name}", target)
        cov.columns.append(column)
        for use in held[id(course)]:
            item = use.holder
            _add(cov, column, use, f"{item.code} {item.name}", target)
    internships = [i for i in entry.internships if carries(i)]
    for internship in internships:
        target = page_path(internship)
        title = "岗位实习" if len(internships) == 1 else internship.doc.meta.title
        column = Column(f"internship:{target}", title, "internship", title, target)
        cov.columns.append(column)
        for use in held[id(internship)]:
            task = use.holder
            anchor = f"{target}#{internship_task_anchor(task.code)}"
            _add(cov, column, use, f"实习任务 {task.code} {task.name}", anchor)
    for base in (b for b in entry.training_bases if carries(b)):
        for room in base.doc.rooms:
            target = f"{page_path(base)}#{room_anchor(room.code)}"
            column = Column(f"room:{target}", room.name, "room", room.name, target)
            cov.columns.append(column)
            for use in held[id(room)]:
                _add(cov, column, use, room.name, target)
    return cov


def _add(cov: Coverage, column: Column, use: ViewUse, detail: str, target: str) -> None:
    key = use.key if use.key is not None else use.ref.ref
    cov.uses[key].append(Use(column, detail, target, use.ref.level, use.vocabulary))
