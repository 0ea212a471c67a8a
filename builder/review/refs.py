"""`zhibiao refs CODE`: everything that uses a competency, course or training room.

Answers the reviewer's question "what else must change if I change this?" before the
change: the carriers with the level they reach, the 培养规格 and course-plan rows, the
specialties linked through 接续 that hold the same competency or course, and the files
that cite the code, each with `file:line:col`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.base.diagnostics import DataPath
from builder.check import build_indexes
from builder.check.context import SpecialtyIndex
from builder.model import Course
from builder.read.corpus import SHARED_SET, Corpus, SpecialtySet, shared_for
from builder.read.locate import compose, locate
from builder.read.yamlsource import decode, read_limited
from builder.view.findings import matches

OWNER_LABELS = {"course": "课程", "internship": "实习任务", "room": "实训室"}
KIND_LABELS = {"competency": "职业能力", "course": "课程", "room": "实训室"}
SHARED_LABEL = "公共基础课程标准"
PLAN_ROW = "人才培养方案"
"""Role of a school plan's course row that stands for the national course."""
SHARED_ROW = "链接公共基础课程标准"
"""Role of a specialty's course-plan row that links to a shared course standard."""


@dataclass(frozen=True, slots=True)
class Place:
    """A place in a standards file; line and column are filled in by `locate_places`."""

    file: str
    path: DataPath
    line: int = 0
    column: int = 0

    def shown(self) -> str:
        """`file:line:col`."""
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


@dataclass(frozen=True, slots=True)
class Usage:
    """One place that uses the code: `role` says how (承载, 培养规格, 支撑课程 …)."""

    role: str
    owner: str
    place: Place
    level: str | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    """The same competency or course in a specialty linked through 接续."""

    specialty: str
    specialty_name: str
    relation: str
    code: str
    text: str
    place: Place
    level: str | None = None


@dataclass(slots=True)
class Target:
    """One thing the code names in one specialty, with everything that uses it."""

    kind: str
    code: str
    specialty: str
    specialty_name: str
    text: str
    defined: Place | None
    level: str | None = None
    scope: str = ""
    """For a shared course standard, or a course-plan row that links to one: where the
    standard applies (its `applies_to`), in words."""
    shared_standard: str = ""
    """For a course-plan row that links to a shared course standard: that standard's title."""
    uses: list[Usage] = field(default_factory=list)
    carries: list[Usage] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)

    def files(self) -> list[str]:
        """Every file that cites the code, the defining file first."""
        seen: dict[str, None] = {}
        if self.defined is not None:
            seen[self.defined.file] = None
        for usage in self.uses:
            seen.setdefault(usage.place.file, None)
        return list(seen)


def find_targets(corpus: Corpus, code: str, specialty: str | None = None) -> list[Target]:
    """Every competency, course and room with this code (in one specialty, if given)."""
    indexes = build_indexes(corpus)
    found: list[Target] = []
    for set_code, entry in corpus.specialties.items():
        if specialty is not None and set_code != specialty:
            continue
        index = indexes[set_code]
        name = entry.specialty.doc.name if entry.specialty else ""
        if entry.is_shared:
            name = SHARED_LABEL
        if code in index.competencies or any((u.key or u.ref.ref) == code for u in index.uses):
            found.append(_competency(entry, index, code, name))
        if code in index.known_courses:
            found.append(_course(entry, index, code, name))
        if any(room.code == code for base in entry.training_bases for room in base.doc.rooms):
            found.append(_room(entry, code, name))
    for target in found:
        target.related = list(_related(corpus, indexes, target))
        if target.kind == "course" and target.specialty == SHARED_SET:
            _shared_links(corpus, target)
    return found


def _shared_links(corpus: Corpus, target: Target) -> None:
    """A shared course standard: its scope, and the course-plan rows of the specialties it
    applies to that link to it (same course code, else same name: `shared_for`)."""
    standard = next(
        (c for c in corpus.specialties[SHARED_SET].courses if c.doc.code == target.code), None
    )
    if standard is None:
        return
    target.scope = scope_text(standard.doc)
    for entry in corpus.specialties.values():
        if entry.specialty is None or all(s.rel != standard.rel for s in entry.shared):
            continue
        spec = entry.specialty
        linked = shared_for(((c.code, c.name) for c in spec.doc.courses), entry.shared)
        for r, row in enumerate(spec.doc.courses):
            match = linked.get(row.code)
            if match is not None and match.rel == standard.rel:
                owner = f"{entry.code} {spec.doc.name} 课程设置 {row.code} {row.name}"
                how = "课程代码相同" if row.code == target.code else "课程名称相同"
                target.uses.append(
                    Usage(SHARED_ROW, owner, Place(spec.rel, ("courses", r)), detail=how)
                )


def scope_text(course: Course) -> str:
    """`applies_to` in words: "中职各专业；中等职业学校各专业学生必修的公共基础课程"."""
    scope = course.applies_to
    if scope is None:
        return ""
    parts: list[str] = []
    if scope.levels:
        parts.append("、".join(scope.levels) + ("各专业" if not scope.specialties else ""))
    if scope.specialties:
        parts.append("专业 " + "、".join(scope.specialties))
    text = "的".join(parts) if len(parts) == 2 else parts[0]
    return text + (f"；{scope.note.strip()}" if scope.note and scope.note.strip() else "")


def set_phrase(code: str) -> str:
    """ "专业 510209", or "公共基础课程标准" for the shared set (in messages)."""
    return SHARED_LABEL if code == SHARED_SET else f"专业 {code}"


def set_label(target: Target) -> str:
    """ "510209 人工智能技术应用", or "公共基础课程标准" for the shared set."""
    if target.specialty == SHARED_SET:
        return SHARED_LABEL
    return f"{target.specialty} {target.specialty_name}".strip()


def known_codes(corpus: Corpus) -> set[str]:
    """Every competency, course and room code of the corpus (for suggestions)."""
    codes: set[str] = set()
    for code, index in build_indexes(corpus).items():
        codes |= set(index.competencies) | index.known_courses
        for base in corpus.specialties[code].training_bases:
            codes |= {room.code for room in base.doc.rooms}
    return codes


def _competency(entry: SpecialtySet, index: SpecialtyIndex, code: str, name: str) -> Target:
    defined = index.competencies.get(code)
    target = Target(
        "competency",
        code,
        entry.code,
        name,
        defined.competency.text.strip() if defined else "",
        Place(defined.source.rel, defined.path) if defined else None,
        defined.competency.level if defined else None,
    )
    for use in index.uses:
        if (use.key or use.ref.ref) == code:
            kind, owner = use.owner
            title = _owner_title(entry, kind, owner)
            target.uses.append(
                Usage("承载", title, Place(use.source.rel, use.path), use.ref.level, _item(use))
            )
    if entry.specialty is not None:
        for s, spec in enumerate(entry.specialty.doc.specs):
            for r, ref in enumerate(spec.competencies):
                if ref == code:
                    place = Place(entry.specialty.rel, ("specs", s, "competencies", r))
                    target.uses.append(Usage("培养规格", f"培养规格 {spec.code}", place))
    for plan in entry.plans:  # schools' plans carry the national list's competencies too
        for c, r, course, carried in plan.doc.carrying(code):
            place = Place(plan.rel, ("courses", c, "competencies", r))
            owner = plan.doc.row_label(course, "人才培养方案 课程")
            target.uses.append(Usage("承载", owner, place, carried.level))
    return target


def _item(use: Any) -> str:
    path = use.path
    if use.owner[0] == "course" and len(path) >= 4:
        module = use.source.doc.modules[path[1]]
        return f"{module.items[path[3]].code} {module.items[path[3]].name}"
    return ""


def _owner_title(entry: SpecialtySet, kind: str, code: str) -> str:
    names: dict[str, str] = {}
    if kind == "course":
        names = {c.doc.code: c.doc.name for c in entry.courses}
    elif kind == "internship":
        names = {t.code: t.name for i in entry.internships for t in i.doc.tasks}
    else:
        names = {r.code: r.name for b in entry.training_bases for r in b.doc.rooms}
    name = names.get(code, "")
    return f"{OWNER_LABELS[kind]} {code}" + (f" {name}" if name else "")


def _course(entry: SpecialtySet, index: SpecialtyIndex, code: str, name: str) -> Target:
    standard = next((c for c in entry.courses if c.doc.code == code), None)
    row = None
    if entry.specialty is not None:
        row = next((i for i, c in enumerate(entry.specialty.doc.courses) if c.code == code), None)
    title = next((n for n, c in index.course_names.items() if c == code), "")
    defined = Place(standard.rel, ()) if standard else None
    if defined is None and entry.specialty is not None and row is not None:
        defined = Place(
            entry.specialty.rel, ("courses", row)
        )  # a planned course without a standard
    target = Target("course", code, entry.code, name, title or code, defined)
    course_name = title or None
    if entry.specialty is not None and row is not None:
        place = Place(entry.specialty.rel, ("courses", row))
        target.uses.append(Usage("课程设置", "专业教学标准 课程设置", place))

    def names(value: str) -> bool:
        return value == code or (course_name is not None and value == course_name)

    for course in entry.courses:
        for field_name, role in (("prerequisites", "先修课程"), ("followups", "后续课程")):
            for i, value in enumerate(getattr(course.doc, field_name)):
                if names(value):
                    place = Place(course.rel, (field_name, i))
                    owner = f"课程 {course.doc.code} {course.doc.name}"
                    target.uses.append(Usage(role, owner, place))
    for base in entry.training_bases:
        for o, room in enumerate(base.doc.rooms):
            for i, value in enumerate(room.courses):
                if names(value):
                    place = Place(base.rel, ("rooms", o, "courses", i))
                    target.uses.append(Usage("支撑课程", f"实训室 {room.code} {room.name}", place))
    for internship in entry.internships:
        for p, phase in enumerate(internship.doc.schedule):
            if phase.course is not None and names(phase.course):
                place = Place(internship.rel, ("schedule", p, "course"))
                target.uses.append(Usage("实习安排", f"{phase.type}", place))
    national = None
    if entry.specialty is not None and row is not None:
        national = entry.specialty.doc.courses[row]
    for plan in entry.plans:  # schools' plans: rows standing for the national course
        for r, planned in enumerate(plan.doc.rows()):
            if (
                planned.code == code
                or planned.maps_to == code
                or (national is not None and matches(planned, national))
            ):
                owner = plan.doc.row_label(planned)
                target.uses.append(Usage(PLAN_ROW, owner, Place(plan.rel, ("courses", r))))
    if standard is None and national is not None and entry.shared:
        linked = shared_for([(national.code, national.name)], entry.shared).get(code)
        if linked is not None:
            target.defined = Place(linked.rel, ())
            target.scope = scope_text(linked.doc)
            target.shared_standard = linked.doc.meta.title
    for use in index.uses:
        if use.owner == ("course", code):
            place = Place(use.source.rel, use.path)
            target.carries.append(
                Usage("承载", f"职业能力 {use.ref.ref}", place, use.ref.level, _item(use))
            )
    return target


def _room(entry: SpecialtySet, code: str, name: str) -> Target:
    for base in entry.training_bases:
        for o, room in enumerate(base.doc.rooms):
            if room.code != code:
                continue
            target = Target(
                "room", code, entry.code, name, room.name, Place(base.rel, ("rooms", o))
            )
            for r, ref in enumerate(room.competencies):
                place = Place(base.rel, ("rooms", o, "competencies", r))
                target.carries.append(Usage("承载", f"职业能力 {ref.ref}", place, ref.level))
            for c, course in enumerate(room.courses):
                place = Place(base.rel, ("rooms", o, "courses", c))
                target.carries.append(Usage("支撑课程", f"课程 {course}", place))
            return target
    raise LookupError(code)  # find_targets checked that the room exists


def _linked(corpus: Corpus, code: str) -> Iterator[tuple[SpecialtySet, str]]:
    """Specialty sets linked to `code` through 接续, with the direction in words."""
    entry = corpus.specialties[code]
    onward = {c.code for c in entry.specialty.doc.continuation} if entry.specialty else set()
    for other_code, other in corpus.specialties.items():
        if other_code == code or other.specialty is None:
            continue
        if other_code in onward:
            yield other, "接续专业"
        elif any(c.code == code for c in other.specialty.doc.continuation):
            yield other, "以本专业为接续专业"


def _related(
    corpus: Corpus, indexes: dict[str, SpecialtyIndex], target: Target
) -> Iterator[Related]:
    for other, relation in _linked(corpus, target.specialty):
        assert other.specialty is not None
        name = other.specialty.doc.name
        if target.kind == "competency" and target.text:
            for code, defined in indexes[other.code].competencies.items():
                if defined.competency.text.strip() == target.text:
                    place = Place(defined.source.rel, defined.path)
                    yield Related(
                        other.code, name, relation, code, target.text, place,
                        defined.competency.level,
                    )  # fmt: skip
        elif target.kind == "course":
            for r, row in enumerate(other.specialty.doc.courses):
                if row.name == target.text or row.code == target.code:
                    place = Place(other.specialty.rel, ("courses", r))
                    yield Related(other.code, name, relation, row.code, row.name, place)


def locate_places(targets: list[Target], base: Path) -> list[Target]:
    """Fill in line and column of every place (each file composed once)."""
    roots: dict[str, Any] = {}

    def fix(place: Place) -> Place:
        if place.file not in roots:
            try:
                roots[place.file] = compose(decode(read_limited(base / place.file)))
            except Exception:  # changed or unreadable since loading: keep the file name
                roots[place.file] = None
        position = locate(roots[place.file], place.path)
        return Place(place.file, place.path, position.line, position.column)

    for target in targets:
        if target.defined is not None:
            target.defined = fix(target.defined)
        target.uses = [_moved(u, fix(u.place)) for u in target.uses]
        target.carries = [_moved(u, fix(u.place)) for u in target.carries]
        target.related = [_moved_related(r, fix(r.place)) for r in target.related]
    return targets


def _moved(usage: Usage, place: Place) -> Usage:
    return Usage(usage.role, usage.owner, place, usage.level, usage.detail)


def _moved_related(related: Related, place: Place) -> Related:
    return Related(
        related.specialty, related.specialty_name, related.relation, related.code,
        related.text, place, related.level,
    )  # fmt: skip
