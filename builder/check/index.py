"""The per-specialty lookup tables the checks share: the resolved view (`builder.view`)."""

from __future__ import annotations

from builder.read.corpus import Corpus
from builder.view import CorpusView, SpecialtyView


def build_indexes(corpus: Corpus) -> dict[str, SpecialtyView]:
    """One resolved view per specialty code (the same objects compose reads)."""
    view = CorpusView.of(corpus)
    return {code: view.specialty(code) for code in corpus.specialties}
