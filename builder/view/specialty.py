"""The resolved view of one specialty set: what its documents define and how they use it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Literal

from builder.base.diagnostics import DataPath
from builder.model import Competency, CompetencyRef, Domain, Task, scope_parts, scoped_code
from builder.model.sourced import course_key
from builder.read.corpus import Loaded, SpecialtySet
from builder.view.figures import Figures, figures
from builder.view.levels import Leveled, vocabulary_of
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
    key: str = ""
    """The competency's key: its code, or "code（scope）" when the list numbers per table or
    column (`Domain.scope`, `Competency.scope`)."""
    scope: tuple[str, ...] = ()
    vocabulary: str = ""

    @property
    def required(self) -> Leveled:
        """The level the list requires, with its scale."""
        return Leveled(self.competency.level, self.vocabulary)


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
    key: str | None = None
    """The key of the competency the reference resolves to (see `Defined.key`); None when
    it names no competency or, in a list numbered per scope, more than one."""
    candidates: tuple[str, ...] = ()
    """The keys the reference could mean when it is ambiguous."""
    vocabulary: str = ""

    @property
    def reached(self) -> Leveled:
        """The level reached here, with the scale of the carrying document."""
        return Leveled(self.ref.level, self.vocabulary)


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
    by_code: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    """Bare code → the keys of the competencies numbered with it, in list order."""

    def resolve(self, code: str, scope: str | None = None) -> tuple[str | None, tuple[str, ...]]:
        """The key a reference means, and the candidates when it is ambiguous or unknown."""
        return _resolve(self.competencies, self.by_code, code, scope)

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
        return [u for u in self.uses if u.key == code and not u.carries]


_VIEWS: Shared[SpecialtySet, SpecialtyView] = Shared()


def view_of(entry: SpecialtySet) -> SpecialtyView:
    """The view of `entry`, resolved on first use and shared by every later caller (the
    checks, each page and the Word file of the set read the same one); it is dropped
    with the set."""
    return _VIEWS.get(entry, specialty_view)


def specialty_view(entry: SpecialtySet) -> SpecialtyView:
    """Resolve one specialty set (afresh: `view_of` shares the result)."""
    competencies: dict[str, Defined] = {}
    by_code: dict[str, list[str]] = {}
    for source in entry.competencies:
        vocabulary = vocabulary_of(source.doc)
        for d, domain in enumerate(source.doc.domains):
            for t, task in enumerate(domain.tasks):
                for c, competency in enumerate(task.competencies):
                    path = ("domains", d, "tasks", t, "competencies", c)
                    scope = _parts(domain.scope, competency.scope)
                    key = scoped_code(competency.code, *scope)
                    if key not in competencies:
                        by_code.setdefault(competency.code, []).append(key)
                    competencies.setdefault(
                        key,
                        Defined(competency, source, path, domain, task, key, scope, vocabulary),
                    )
    codes = {code: tuple(keys) for code, keys in by_code.items()}
    uses = [_resolved(use, competencies, codes) for use in _uses(entry)]
    carried: dict[str, list[Use]] = {}
    for use in uses:
        if use.carries and use.key is not None:
            carried.setdefault(use.key, []).append(use)
    planned: frozenset[str] = frozenset()
    names: dict[str, str] = {}
    spec = entry.specialty
    if spec is not None:
        planned = frozenset(c.code for c in spec.doc.courses)
        names = {c.name: c.code for c in spec.doc.courses}
    for course in entry.courses:
        names.setdefault(course.doc.name, course_key(course.doc))
    return SpecialtyView(
        code=entry.code,
        competencies=MappingProxyType(competencies),
        uses=tuple(uses),
        planned_courses=planned,
        course_standards=frozenset(course_key(c.doc) for c in entry.courses),
        course_names=MappingProxyType(names),
        has_plan=spec is not None,
        figures=figures(spec.doc) if spec is not None else None,
        _carried=MappingProxyType({k: tuple(v) for k, v in carried.items()}),
        by_code=MappingProxyType(codes),
    )


def _parts(*scopes: str | None) -> tuple[str, ...]:
    """The scope names of a definition, each split at "/" as a reference's scope is
    ("五级/初级工" is matched by "五级", "初级工" or "五级/初级工")."""
    return tuple(p.strip() for s in scope_parts(*scopes) for p in s.split("/") if p.strip())


def _resolve(
    competencies: Mapping[str, Defined],
    by_code: Mapping[str, tuple[str, ...]],
    code: str,
    scope: str | None,
) -> tuple[str | None, tuple[str, ...]]:
    if scope is None and code in competencies:
        return code, (code,)
    keys = by_code.get(code, ())
    if scope is not None:
        wanted = {part.strip() for part in scope.split("/") if part.strip()}
        keys = tuple(k for k in keys if wanted <= set(competencies[k].scope))
    if len(keys) == 1:
        return keys[0], keys
    return None, keys


def _resolved(
    use: Use, competencies: Mapping[str, Defined], by_code: Mapping[str, tuple[str, ...]]
) -> Use:
    key, candidates = _resolve(competencies, by_code, use.ref.ref, use.ref.scope)
    return replace(use, key=key, candidates=candidates)


def _uses(entry: SpecialtySet) -> list[Use]:
    uses: list[Use] = []
    for course in entry.courses:
        live = carries(course)
        for m, module in enumerate(course.doc.modules):
            for i, item in enumerate(module.items):
                for r, ref in enumerate(item.competencies):
                    path: DataPath = ("modules", m, "items", i, "competencies", r)
                    owner: tuple[CarrierKind, str] = ("course", course_key(course.doc))
                    uses.append(
                        Use(
                            ref,
                            course,
                            path,
                            owner,
                            item,
                            live,
                            vocabulary=vocabulary_of(course.doc),
                        )
                    )
    for internship in entry.internships:
        live = carries(internship)
        for t, task in enumerate(internship.doc.tasks):
            for r, ref in enumerate(task.competencies):
                path = ("tasks", t, "competencies", r)
                owner = ("internship", task.code)
                uses.append(
                    Use(
                        ref,
                        internship,
                        path,
                        owner,
                        task,
                        live,
                        vocabulary=vocabulary_of(internship.doc),
                    )
                )
    for base in entry.training_bases:
        live = carries(base)
        for o, room in enumerate(base.doc.rooms):
            for r, ref in enumerate(room.competencies):
                path = ("rooms", o, "competencies", r)
                owner = ("room", room.code)
                vocabulary = vocabulary_of(base.doc)
                uses.append(Use(ref, base, path, owner, room, live, vocabulary=vocabulary))
    return uses
