"""What every check receives: the corpus, the config and lookup tables built once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from builder.catalog import Catalog
from builder.config import ProjectConfig
from builder.corpus import Corpus, Loaded, SpecialtySet
from builder.diagnostics import DataPath
from builder.model import Competency, CompetencyRef


@dataclass(frozen=True, slots=True)
class Defined:
    """A competency and where it is defined."""

    competency: Competency
    source: Loaded[Any]
    path: DataPath


@dataclass(frozen=True, slots=True)
class Use:
    """One place that addresses a competency, with the level it reaches there.

    `owner` names the course, internship or room, e.g. ("course", "ZY03").
    """

    ref: CompetencyRef
    source: Loaded[Any]
    path: DataPath
    owner: tuple[str, str]


@dataclass(slots=True)
class SpecialtyIndex:
    """Lookup tables of one specialty set."""

    competencies: dict[str, Defined] = field(default_factory=dict)
    uses: list[Use] = field(default_factory=list)
    planned_courses: set[str] = field(default_factory=set)
    course_standards: set[str] = field(default_factory=set)
    course_names: dict[str, str] = field(default_factory=dict)
    has_plan: bool = False

    @property
    def known_courses(self) -> set[str]:
        """Course codes that a reference may name."""
        return self.planned_courses | self.course_standards

    def resolve_course(self, reference: str) -> str | None:
        """The course code a reference names: a code, or an exact course name."""
        if reference in self.known_courses:
            return reference
        return self.course_names.get(reference)


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Read-only input of every check."""

    corpus: Corpus
    config: ProjectConfig
    catalog: Catalog
    indexes: dict[str, SpecialtyIndex]
    baseline: Corpus | None = None
    """The base version (`zhibiao check --base REF`), for rules that compare versions."""
    broken: dict[str, frozenset[str]] = field(default_factory=dict)
    """Specialty code → kinds of the files that claim it but failed to load (see `claims`)."""

    def sets(self) -> list[tuple[SpecialtySet, SpecialtyIndex]]:
        """All specialty sets in code order with their index."""
        return [(s, self.indexes[code]) for code, s in self.corpus.specialties.items()]

    def incomplete(self, code: str) -> bool:
        """True when a course, internship, training-base or competency file of specialty
        `code` failed to load: coverage cannot be judged until it is fixed."""
        return bool(self.broken.get(code, frozenset()) - {"specialty"})

    def specialty_broken(self, code: str) -> bool:
        """True when the specialty standard of `code` exists but failed to load."""
        return "specialty" in self.broken.get(code, frozenset())
