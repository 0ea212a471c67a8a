"""What every check receives: the corpus, the config and lookup tables built once."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from builder.read.catalog import Catalog
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, SpecialtySet
from builder.view import CorpusView, Defined, SpecialtyView, Use

SpecialtyIndex = SpecialtyView
"""The former name of the per-set lookup tables: the resolved view (`builder.view`)."""
__all__ = ["CheckContext", "Defined", "RenameFinder", "SpecialtyIndex", "Use"]


RenameFinder = Callable[[Corpus, Corpus, Sequence[str]], Mapping[str, str]]
"""(baseline, corpus, learning levels) → old code → new code."""


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Read-only input of every check."""

    corpus: Corpus
    config: ProjectConfig
    catalog: Catalog
    indexes: dict[str, SpecialtyIndex]
    baseline: Corpus | None = None
    """The base version (`zhibiao check --base REF`), for rules that compare versions."""
    rename_finder: RenameFinder | None = None
    """Finds the codes renamed from `baseline` (the semantic diff, given by the caller: the
    checks do not import the diff package)."""
    broken: dict[str, frozenset[str]] = field(default_factory=dict)
    """Specialty code → kinds of the files that claim it but failed to load (see `claims`)."""

    @property
    def view(self) -> CorpusView:
        """The resolved view of the corpus (shared with compose, built once)."""
        return CorpusView.of(self.corpus, self.broken)

    def sets(self) -> list[tuple[SpecialtySet, SpecialtyIndex]]:
        """All specialty sets in code order with their index."""
        return [(s, self.indexes[code]) for code, s in self.corpus.specialties.items()]

    def incomplete(self, code: str) -> bool:
        """True when a course, internship, training-base or competency file of specialty
        `code` failed to load: coverage cannot be judged until it is fixed. A school's plan
        that failed to load leaves the standard's own rules running."""
        return bool(self.view.claims(code, code) - {"specialty", "plan"})

    def specialty_broken(self, code: str) -> bool:
        """True when the specialty standard of `code` exists but failed to load."""
        return "specialty" in self.view.claims(code, code)
