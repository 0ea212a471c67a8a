"""The continuity facts of every specialty set of the whole tree (中高本一体化).

Gathered from the whole-tree index (`builder.read.corpus.DocRef.facts`), so they are the same
whether or not the other sets are loaded (the incremental check loads only the sets it
checks again); built once per corpus and shared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from builder.read.chainfacts import ChainFacts
from builder.read.corpus import Corpus
from builder.view.shared import Shared


@dataclass(frozen=True, slots=True)
class ChainMap:
    """Specialty code → its continuity facts; and code → the codes whose 专业教学标准 name it
    as 接续专业."""

    sets: Mapping[str, ChainFacts]
    named_by: Mapping[str, frozenset[str]]


def _build(corpus: Corpus) -> ChainMap:
    sets: dict[str, ChainFacts] = {}
    for ref in sorted(corpus.index.values(), key=lambda r: r.rel):
        sets.setdefault(ref.specialty, ChainFacts()).add(ref.kind, ref.facts)
    named_by: dict[str, set[str]] = {}
    for code, facts in sets.items():
        for follow in facts.continuation:
            named_by.setdefault(follow, set()).add(code)
    return ChainMap(sets, {k: frozenset(v) for k, v in named_by.items()})


_MAPS: Shared[Corpus, ChainMap] = Shared()


def chain_map(corpus: Corpus) -> ChainMap:
    """The continuity facts of `corpus`'s whole tree (built on first use)."""
    return _MAPS.get(corpus, _build)
