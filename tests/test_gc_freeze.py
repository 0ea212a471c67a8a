"""Loading a corpus freezes what is alive (`builder.read.corpus.quiet_gc`), so the work
done with it does not rescan it at every collection; `release_frozen` undoes it."""

from __future__ import annotations

import gc
from pathlib import Path

from builder.base.diagnostics import Diagnostics
from builder.read.corpus import load_corpus, release_frozen
from tests.conftest import REPO


def test_a_loaded_corpus_is_frozen_until_released() -> None:
    release_frozen()
    corpus = load_corpus(REPO / "standards", REPO, Diagnostics())
    assert corpus.documents
    frozen = gc.get_freeze_count()
    fields = sum(len(vars(d.doc)) for d in corpus.documents)
    assert frozen > fields  # every document's model and its values among them
    assert gc.isenabled()  # collection goes on for what is made afterwards
    release_frozen()
    assert gc.get_freeze_count() == 0


def test_a_disabled_collector_stays_disabled(tmp_path: Path) -> None:
    gc.disable()
    try:
        load_corpus(REPO / "standards", REPO, Diagnostics())
        assert not gc.isenabled()
    finally:
        gc.enable()
        release_frozen()
