"""The resolved view of one specialty set: what its documents define and how they use it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from builder.corpus import Loaded, SpecialtySet
from builder.diagnostics import DataPath
from builder.model import Competency, CompetencyRef, Domain, Task
from builder.view.figures import Figures, figures
from builder.view.retired import carries
from builder.view.shared import Shared

CarrierKind = Literal["course", "internship", "room"]


@dataclass(frozen=True, slots=True)
class Defined:
    """A competency, where it is defined, and the 工作领域 and 工作任务 it belongs to."""

    competency: Competency
    source: Loaded[Any]
    path: DataPath
    domain: Domain
    task: Task


@dataclass(frozen=True, slots=True)
class Use:
    """One place that addresses a competency, with the level it reaches there.

    `owner` names the carrier, e.g. ("course", "ZY03"), ("internship", task code) or
    ("room", room code); `holder` is the model object that holds the reference (the
    course's content item, the internship task, the room). `carries` is False when the
    carrying document is retired (see `builder.view.retired`): such a use is read but
    does not count as teaching the competency.
    """

    ref: CompetencyRef
    source: Loaded[Any]
    path: DataPath
    owner: tuple[CarrierKind, str]
    holder: Any
    carries: bool = True


@dataclass(frozen=True, slots=True)
class SpecialtyView:
    """Everything the checks and the pages read about one specialty set, resolved once.

    Read-only: the mappings are proxies and the sequences tuples.
    """

    code: str
    """The specialty code of the set."""
    competencies: Mapping[str, Defined]
    """Code → first definition, in list order (the linked 职业能力清单 first)."""
    uses: tuple[Use, ...]
    """Every competency reference of the set's course standards, internship tasks and
    training rooms, in file order, retired carriers included (see `Use.carries`)."""
    planned_courses: frozenset[str]
    course_standards: frozenset[str]
    course_names: Mapping[str, str]
    """Course name → code (the plan's names first, then the standards')."""
    has_plan: bool
    figures: Figures | None
    """The plan's hours and shares (`builder.view.figures`), None without a plan."""
    _carried: Mapping[str, tuple[Use, ...]] = field(repr=False)

    @property
    def known_courses(self) -> frozenset[str]:
        """Course codes that a reference may name."""
        return self.planned_courses | self.course_standards

    def resolve_course(self, reference: str) -> str | None:
        """The course code a reference names: a code, or an exact course name."""
        if reference in self.planned_courses or reference in self.course_standards:
            return reference
        return self.course_names.get(reference)

    def carrying(self, code: str) -> tuple[Use, ...]:
        """The uses of competency `code` that carry it (retired carriers left out)."""
        return self._carried.get(code, ())

    def carried(self) -> Mapping[str, tuple[Use, ...]]:
        """Competency code → its carrying uses, for every competency that has one."""
        return self._carried

    def retired_uses(self, code: str) -> list[Use]:
        """The uses of competency `code` in retired documents (they do not carry it)."""
        return [u for u in self.uses if u.ref.ref == code and not u.carries]


_VIEWS: Shared[SpecialtySet, SpecialtyView] = Shared()


def view_of(entry: SpecialtySet) -> SpecialtyView:
    """The view of `entry`, resolved on first use and shared by every later caller (the
    checks, each page and the Word file of the set read the same one); it is dropped
    with the set."""
    return _VIEWS.get(entry, specialty_view)


def specialty_view(entry: SpecialtySet) -> SpecialtyView:
    """Resolve one specialty set (afresh: `view_of` shares the result)."""
    competencies: dict[str, Defined] = {}
    for source in entry.competencies:
        for d, domain in enumerate(source.doc.domains):
            for t, task in enumerate(domain.tasks):
                for c, competency in enumerate(task.competencies):
                    path = ("domains", d, "tasks", t, "competencies", c)
                    competencies.setdefault(
                        competency.code, Defined(competency, source, path, domain, task)
                    )
    uses = _uses(entry)
    carried: dict[str, list[Use]] = {}
    for use in uses:
        if use.carries:
            carried.setdefault(use.ref.ref, []).append(use)
    planned: frozenset[str] = frozenset()
    names: dict[str, str] = {}
    spec = entry.specialty
    if spec is not None:
        planned = frozenset(c.code for c in spec.doc.courses)
        names = {c.name: c.code for c in spec.doc.courses}
    for course in entry.courses:
        names.setdefault(course.doc.name, course.doc.code)
    return SpecialtyView(
        code=entry.code,
        competencies=MappingProxyType(competencies),
        uses=tuple(uses),
        planned_courses=planned,
        course_standards=frozenset(c.doc.code for c in entry.courses),
        course_names=MappingProxyType(names),
        has_plan=spec is not None,
        figures=figures(spec.doc) if spec is not None else None,
        _carried=MappingProxyType({k: tuple(v) for k, v in carried.items()}),
    )


def _uses(entry: SpecialtySet) -> list[Use]:
    uses: list[Use] = []
    for course in entry.courses:
        live = carries(course)
        for m, module in enumerate(course.doc.modules):
            for i, item in enumerate(module.items):
                for r, ref in enumerate(item.competencies):
                    path: DataPath = ("modules", m, "items", i, "competencies", r)
                    owner: tuple[CarrierKind, str] = ("course", course.doc.code)
                    uses.append(Use(ref, course, path, owner, item, live))
    for internship in entry.internships:
        live = carries(internship)
        for t, task in enumerate(internship.doc.tasks):
            for r, ref in enumerate(task.competencies):
                path = ("tasks", t, "competencies", r)
                uses.append(Use(ref, internship, path, ("internship", task.code), task, live))
    for base in entry.training_bases:
        live = carries(base)
        for o, room in enumerate(base.doc.rooms):
            for r, ref in enumerate(room.competencies):
                path = ("rooms", o, "competencies", r)
                uses.append(Use(ref, base, path, ("room", room.code), room, live))
    return uses
