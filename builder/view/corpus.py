"""The view of the whole loaded tree: every specialty set resolved, and the lookups across sets.

A specialty set's checks and pages read other sets only through the `CorpusView` lookups
below. Each lookup is recorded under the set that asked (`Lookup`: what was asked and what
the answer was), as Sphinx's `BuildEnvironment.note_dependency` does: the caches of the
incremental check and of the split site keep these records with a set's results and reuse
them only while every recorded lookup still gives the same answer (`still_valid`).
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from builder.read.chainfacts import ChainFacts
from builder.read.corpus import SHARED_SET, Corpus, DocRef, Loaded, SpecialtySet, terms_cover
from builder.view.chain import chain_map
from builder.view.shared import Shared
from builder.view.specialty import SpecialtyView, view_of

Answer = tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Target:
    """Where a path reference leads: the resolved path, the document there (None when none
    loaded), whether a file there failed to load, whether any file exists there."""

    resolved: str
    found: DocRef | None
    failed: bool
    exists: bool

    def answer(self) -> Answer:
        """The comparable summary recorded for the lookup."""
        if self.found is not None:
            ref = self.found
            return (
                "doc",
                self.resolved,
                ref.rel,
                ref.kind,
                ref.specialty,
                ref.code or "",
                *ref.shared,
            )
        state = "failed" if self.failed else "file" if self.exists else "absent"
        return (state, self.resolved)


def resolve_target(corpus: Corpus, base: str, target: str) -> Target:
    """`Target` of `target` from the resolved folder `base`, from the whole-tree index of
    `corpus` (the disk is asked only about a path the tree does not know)."""
    resolved = corpus.resolve_reference(base, target)
    found = corpus.index.get(resolved)
    failed = resolved in corpus.failed_paths
    exists = found is not None or failed or os.path.isfile(resolved)  # noqa: PTH113
    return Target(resolved, found, failed, exists)


def specialty_codes(corpus: Corpus) -> frozenset[str]:
    """The codes of every 专业教学标准 of the whole tree."""
    return frozenset(r.specialty for r in corpus.index.values() if r.kind == "specialty")


def _all_shared(corpus: Corpus) -> tuple[DocRef, ...]:
    found = [r for r in corpus.index.values() if r.kind == "course" and r.specialty == SHARED_SET]
    return tuple(sorted(found, key=lambda ref: ref.rel))


_SHARED: Shared[Corpus, tuple[DocRef, ...]] = Shared()
"""The shared course standards of each corpus's whole tree, found once (every specialty
asks: scanning the index each time made the lookups quadratic in the tree)."""


def shared_courses(corpus: Corpus, code: str, level: str | None) -> tuple[DocRef, ...]:
    """The shared course standards of the whole tree that apply to specialty `code` of
    level `level`, in path order (from the index: loaded or not)."""
    return tuple(
        r for r in _SHARED.get(corpus, _all_shared) if terms_cover(r.shared[1:], code, level)
    )


def _shared_answer(refs: tuple[DocRef, ...]) -> Answer:
    return tuple("\x1f".join((r.rel, r.code or "", *r.shared)) for r in refs)


def replay(lookup: Lookup, corpus: Corpus, broken: Mapping[str, frozenset[str]]) -> Answer | bool:
    """The answer `lookup` would get now, from the whole-tree facts of `corpus` (its index
    and failed paths; no document need be loaded). False, which never matches, for a
    lookup that reads loaded documents (`specialty`, `number`) or the disk (a path the
    tree does not hold): those are asked again."""
    if lookup.kind == "path":
        base, _, target = lookup.query.partition("\0")
        now = resolve_target(corpus, base, target)
        if now.found is None and not now.failed:
            return False  # answered by the disk (a missing file, a path outside the tree)
        return now.answer()
    if lookup.kind == "specialties":
        return tuple(sorted(specialty_codes(corpus)))
    if lookup.kind == "claims":
        return tuple(sorted(broken.get(lookup.query, frozenset())))
    if lookup.kind == "chain":
        return _chain_answer(chain_map(corpus).sets.get(lookup.query))
    if lookup.kind == "shared":
        code, _, level = lookup.query.partition("\0")
        return _shared_answer(shared_courses(corpus, code, level or None))
    if lookup.kind == "named-by":
        return tuple(sorted(chain_map(corpus).named_by.get(lookup.query, frozenset())))
    return False


def _chain_answer(facts: ChainFacts | None) -> Answer:
    return None if facts is None else (facts.summary(),)


def still_valid(rows: Iterable[Any], corpus: Corpus, broken: Mapping[str, frozenset[str]]) -> bool:
    """True when every recorded lookup (`Lookup.row` form) still gets its recorded answer;
    False too when a row is malformed."""
    try:
        lookups = [Lookup.from_row(row) for row in rows]
    except (TypeError, ValueError):
        return False
    return all(replay(lookup, corpus, broken) == lookup.answer for lookup in lookups)


@dataclass(frozen=True, slots=True)
class Lookup:
    """One question a specialty set asked about the rest of the tree, and its answer.

    `kind` names the question (`path`, `specialties`, `claims`, `chain`, `named-by`,
    `shared`, `number`, `specialty`);
    `query` its argument; `answer` a plain, comparable summary of what was found.
    """

    kind: str
    query: str
    answer: Answer

    def row(self) -> list[Any]:
        """A JSON-ready form (for the caches)."""
        return [self.kind, self.query, None if self.answer is None else list(self.answer)]

    @classmethod
    def from_row(cls, row: Any) -> Lookup:
        """The inverse of `row`; raises ValueError/TypeError on a malformed row."""
        kind, query, answer = row
        if not isinstance(kind, str) or not isinstance(query, str):
            raise TypeError("malformed lookup")
        return cls(kind, query, None if answer is None else tuple(str(a) for a in answer))


class CorpusView:
    """Every specialty set of a corpus, resolved once when first asked for, and the recorded
    lookups across sets.

    `corpus.index`, `failed_paths` and `broken` describe the whole tree even when the
    corpus holds only some sets (the incremental check), so the lookups are answered the
    same whether or not the other sets are loaded.
    """

    def __init__(self, corpus: Corpus, broken: Mapping[str, frozenset[str]] | None = None):
        self._corpus = weakref.ref(corpus)
        self.broken: Mapping[str, frozenset[str]] = broken or {}
        self._sets: dict[str, SpecialtyView] = {}  # resolved on first use: composing
        # one specialty of a national tree must not resolve all of them
        self.lookups: dict[str, set[Lookup]] = {}
        self._numbers: dict[str, Loaded[Any]] | None = None

    @property
    def corpus(self) -> Corpus:
        """The corpus viewed (held weakly: the view is dropped with it)."""
        corpus = self._corpus()
        if corpus is None:
            raise ReferenceError("the corpus of this view is gone")
        return corpus

    @classmethod
    def of(cls, corpus: Corpus, broken: Mapping[str, frozenset[str]] | None = None) -> CorpusView:
        """The view of `corpus`, built on first use and shared by every later caller
        (the corpus must not change once loaded); `broken` (`check.claims`), when given,
        replaces the claims of the failed files."""
        view = _VIEWS.get(corpus, cls)
        if broken is not None:
            view.broken = broken
        return view

    def __iter__(self) -> Iterator[SpecialtyView]:
        return (self.specialty(code) for code in list(self.corpus.specialties))

    def specialty(self, code: str) -> SpecialtyView:
        """The view of the set `code` (which must be loaded), resolved on first use."""
        found = self._sets.get(code)
        if found is None:
            found = self._sets[code] = view_of(self.corpus.specialties[code])
        return found

    # Lookups across sets: each is recorded under `asker`, the code of the asking set.

    def note(self, asker: str, kind: str, query: str, answer: Answer) -> None:
        """Record that set `asker` read `answer` for `query` (for a new kind of lookup)."""
        self.lookups.setdefault(asker, set()).add(Lookup(kind, query, answer))

    def recorded(self, asker: str) -> list[Lookup]:
        """Every lookup set `asker` made so far, in a stable order."""
        return sorted(self.lookups.get(asker, ()), key=lambda x: (x.kind, x.query))

    def resolve_path(self, asker: str, base: str, target: str) -> Target:
        """Where the reference `target` (relative to the resolved folder `base`) leads."""
        found = resolve_target(self.corpus, base, target)
        self.note(asker, "path", f"{base}\0{target}", found.answer())
        return found

    def specialty_codes(self, asker: str) -> frozenset[str]:
        """The codes of every 专业教学标准 of the tree."""
        codes = specialty_codes(self.corpus)
        self.note(asker, "specialties", "", tuple(sorted(codes)))
        return codes

    def claims(self, asker: str, code: str) -> frozenset[str]:
        """The kinds of the failed files that claim specialty `code` (`check.claims`)."""
        found = frozenset(self.broken.get(code, frozenset()))
        self.note(asker, "claims", code, tuple(sorted(found)))
        return found

    def chain(self, asker: str, code: str) -> ChainFacts | None:
        """The continuity facts of set `code` (`builder.read.chainfacts`), None when the tree
        holds no document of it; read from the whole-tree index, loaded or not."""
        found = chain_map(self.corpus).sets.get(code)
        self.note(asker, "chain", code, _chain_answer(found))
        return found

    def named_by(self, asker: str, code: str) -> frozenset[str]:
        """The codes of the sets whose 专业教学标准 name `code` as a 接续专业."""
        found = chain_map(self.corpus).named_by.get(code, frozenset())
        self.note(asker, "named-by", code, tuple(sorted(found)))
        return found

    def shared_courses(self, asker: str, code: str, level: str | None) -> tuple[DocRef, ...]:
        """The shared course standards (`Course.applies_to`) that apply to specialty `code`
        of level `level`; what is recorded is each one's path, code, name and applicability,
        so a change to any of them examines again every set that asked."""
        found = shared_courses(self.corpus, code, level)
        self.note(asker, "shared", f"{code}\0{level or ''}", _shared_answer(found))
        return found

    def other_set(
        self, asker: str, code: str, summary: Callable[[SpecialtySet], tuple[str, ...]]
    ) -> SpecialtySet | None:
        """The set `code` (None when absent); `summary` says which of its facts are read,
        and is recorded as the answer."""
        entry = self.corpus.specialties.get(code)
        self.note(asker, "specialty", code, None if entry is None else summary(entry))
        return entry

    def by_number(
        self, asker: str, number: str, summary: Callable[[Loaded[Any]], tuple[str, ...]]
    ) -> Loaded[Any] | None:
        """The first document whose 标准编号 or 文号 is `number` (None when there is none)."""
        if self._numbers is None:
            self._numbers = _numbers(self.corpus.documents)
        found = self._numbers.get(number)
        self.note(asker, "number", number, None if found is None else summary(found))
        return found


_VIEWS: Shared[Corpus, CorpusView] = Shared()


def _numbers(documents: Iterable[Loaded[Any]]) -> dict[str, Loaded[Any]]:
    """标准编号 and 文号 → the first document (in load order) that bears it."""
    found: dict[str, Loaded[Any]] = {}
    for item in documents:
        meta = item.doc.meta
        for number in (meta.standard_no, meta.doc_no):
            if number:
                found.setdefault(number, item)
    return found
