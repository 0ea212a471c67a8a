"""Split-site source keys come from the lookups composing recorded, not from a hand-kept list:
a shard's sources are reused while what its pages read from other specialties is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.checking.pipeline import run_check
from builder.compose import compose_sets
from builder.compose.across import KINDS
from builder.project.loading import open_project
from builder.read.corpus import Corpus
from builder.site.reuse import link_tree
from builder.site.sourcekeys import reusable_sources, shard_lookups, write_source_key
from builder.view import CorpusView
from tests.compose_models import CONFIG

AI, EC = "510209", "730701"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _spec(project: Path, code: str) -> Path:
    return next((project / "standards").glob(f"{code}-*/specialty.yaml"))


def _corpus(project: Path) -> Corpus:
    return run_check(open_project(project / "standards"), base=project).corpus


def _shard(project: Path, folder: Path) -> Corpus:
    """Compose the 人工智能技术应用 shard and record its sources' key with its lookups."""
    corpus = _corpus(project)
    compose_sets(corpus, CONFIG, [corpus.specialties[AI]])
    folder.mkdir(exist_ok=True)
    (folder / "page.md").write_text("页面", "utf-8")
    write_source_key(folder, "k", 1, shard_lookups(corpus, [AI]))
    return corpus


@pytest.fixture
def project(example_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    _edit(_spec(example_project, AI), 'code: "310203"', f'code: "{EC}"')  # 接续专业: 电子商务
    return example_project


def test_composing_records_what_it_reads_elsewhere(project: Path, tmp_path: Path) -> None:
    corpus = _shard(project, tmp_path / "shard")
    read = [x for x in CorpusView.of(corpus).recorded(AI) if x.kind in KINDS]
    assert [(x.kind, x.query) for x in read if x.kind == "specialty"] == [
        ("specialty", "080717T"),
        ("specialty", EC),
    ]
    assert reusable_sources(tmp_path / "shard", "k", corpus) is not None
    assert reusable_sources(tmp_path / "shard", "other key", corpus) is None


def test_a_fact_read_from_another_specialty_invalidates_the_shard(
    project: Path, tmp_path: Path
) -> None:
    _shard(project, tmp_path / "shard")
    _edit(_spec(project, EC), "name: 电子商务", "name: 电子商务（修订）")  # not read by AI
    assert reusable_sources(tmp_path / "shard", "k", _corpus(project)) is not None
    _edit(_spec(project, EC), 'code: "73"', 'code: "72"')  # its 专业大类: another shard
    assert reusable_sources(tmp_path / "shard", "k", _corpus(project)) is None


def test_a_named_specialty_that_appears_invalidates_the_shard(
    project: Path, tmp_path: Path
) -> None:
    _shard(project, tmp_path / "shard")
    spec = _spec(project, EC)
    _edit(spec, f'code: "{EC}"', 'code: "080717T"')  # now the other 接续专业 is in the corpus
    assert reusable_sources(tmp_path / "shard", "k", _corpus(project)) is None


def test_kept_sources_are_trusted_by_stamp_and_otherwise_read(
    project: Path, tmp_path: Path
) -> None:
    """A shard's sources are checked by their stamp (path, size, modification time, inode;
    kept by hard links), and read again only when it differs: an edit is always caught."""
    corpus = _shard(project, tmp_path / "shard")
    linked = tmp_path / "linked"
    link_tree(tmp_path / "shard", linked)
    assert reusable_sources(linked, "k", corpus) is not None  # the next build's staging
    page = tmp_path / "shard" / "page.md"
    page.write_text("页面", "utf-8")  # same bytes, new modification time: read, still equal
    assert reusable_sources(tmp_path / "shard", "k", corpus) is not None
    page.write_text("改过", "utf-8")  # same size, other bytes
    assert reusable_sources(tmp_path / "shard", "k", corpus) is None
    (tmp_path / "shard" / "page.md").write_text("页面", "utf-8")
    (tmp_path / "shard" / "extra.md").write_text("", "utf-8")  # a file added
    assert reusable_sources(tmp_path / "shard", "k", corpus) is None
