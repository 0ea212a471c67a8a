"""The resolved view (`builder.view`): one per set, shared, read-only, dropped with the corpus."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

import builder.ruleset  # noqa: F401  (every rule registered, as in the CLI: ZB7xx too)
from builder.check import build_indexes
from builder.checking.pipeline import run_check
from builder.compose.coverage import competencies
from builder.project.loading import open_project
from builder.view import CorpusView, view_of
from builder.view.corpus import _VIEWS, Lookup, still_valid
from tests.conftest import REPO

SPECIALTY = "510209"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return run_check(open_project(REPO / "standards", REPO / "zhibiao.yaml"), base=REPO).corpus


def test_checks_and_pages_read_the_same_view(corpus) -> None:  # type: ignore[no-untyped-def]
    entry = corpus.specialties[SPECIALTY]
    assert (
        build_indexes(corpus)[SPECIALTY]
        is view_of(entry)
        is CorpusView.of(corpus).specialty(SPECIALTY)
    )
    listed = [c.code for c, _, _ in competencies(entry)]
    assert listed == list(view_of(entry).competencies)
    assert [v.code for v in CorpusView.of(corpus)] == list(corpus.specialties)


def test_the_corpus_view_resolves_a_set_only_when_asked_for(
    corpus, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Composing one specialty of a national tree must not resolve every other set."""
    import builder.view.corpus as module

    resolved: list[str] = []

    def recording(entry):  # type: ignore[no-untyped-def]
        resolved.append(entry.code)
        return view_of(entry)

    monkeypatch.setattr(module, "view_of", recording)
    view = CorpusView(corpus)
    assert (
        view.specialty(SPECIALTY)
        is view.specialty(SPECIALTY)
        is view_of(corpus.specialties[SPECIALTY])
    )
    assert resolved == [SPECIALTY]
    assert [v.code for v in view] == list(corpus.specialties)
    assert sorted(resolved) == sorted(corpus.specialties)


def test_competencies_know_their_domain_and_task(corpus) -> None:  # type: ignore[no-untyped-def]
    view = view_of(corpus.specialties[SPECIALTY])
    for code, defined in view.competencies.items():
        assert defined.competency in defined.task.competencies
        assert defined.task in defined.domain.tasks
        assert defined.competency.code == code
    with pytest.raises(TypeError):
        view.competencies["x"] = view.competencies[code]  # type: ignore[index]


def test_every_use_names_its_carrier_and_carries(corpus) -> None:  # type: ignore[no-untyped-def]
    view = view_of(corpus.specialties[SPECIALTY])
    assert view.uses and all(u.carries for u in view.uses)  # the example has no retired file
    for use in view.uses:
        assert use.ref in use.holder.competencies
    assert {u.owner[0] for u in view.uses} == {"course", "internship", "room"}
    assert sum(len(v) for v in view.carried().values()) == len(view.uses)
    assert view.figures is not None and view.figures.total


def test_lookups_are_recorded_and_replayed(corpus) -> None:  # type: ignore[no-untyped-def]
    view = CorpusView.of(corpus)
    spec = corpus.specialties[SPECIALTY].specialty
    base = str(spec.path.parent.resolve())
    target = next(c.standard for c in spec.doc.courses if c.standard)
    found = view.resolve_path(SPECIALTY, base, target)
    assert found.found is not None and found.found.kind == "course"
    recorded = view.recorded(SPECIALTY)
    assert Lookup("path", f"{base}\0{target}", found.answer()) in recorded
    rows = [x.row() for x in recorded]
    assert still_valid(rows, corpus, {})
    stale = [["path", f"{base}\0{target}", ["doc", "elsewhere"]]]
    assert not still_valid(stale, corpus, {})
    assert not still_valid([["bad"]], corpus, {})


def test_views_are_dropped_with_their_corpus(tmp_path: Path) -> None:
    project = open_project(REPO / "standards", REPO / "zhibiao.yaml")
    gc.collect()  # views of earlier tests' corpora, still waiting for a collection, go now
    before = len(_VIEWS)
    corpus = run_check(project, base=REPO).corpus
    gc.collect()
    CorpusView.of(corpus)
    assert len(_VIEWS) == before + 1
    alive = weakref.ref(corpus)
    del corpus
    gc.collect()
    assert alive() is None, "a module-level cache still holds the checked corpus"
    assert len(_VIEWS) == before
