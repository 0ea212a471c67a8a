"""Cache files are measured before they are read: an oversized, linked or special file in a
cache folder is ignored (and rebuilt), never read into memory, never a hang or a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import builder.project.cache as cache_module
from builder.docx.rendercache import MAX_DOCUMENT, DocxCache
from builder.project.cache import CACHE_NAME, MAX_CHECK_CACHE, CheckCache, read_capped
from builder.read.corpus import Corpus
from builder.site.reuse import MANIFEST, read_manifest
from builder.site.sourcekeys import SOURCE_KEY, reusable_sources
from tests.conftest import run_cli
from tests.review_helpers import copy_project


def _sparse(path: Path, size: int) -> None:
    """A file of `size` bytes that takes no disk space (reading it would allocate `size`)."""
    with path.open("wb") as handle:
        handle.truncate(size)


def test_read_capped_refuses_before_reading(tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.write_bytes(b"abc")
    assert read_capped(small, 3) == b"abc"
    assert read_capped(small, 2) is None
    big = tmp_path / "big"
    _sparse(big, 1 << 40)  # one terabyte, sparse
    assert read_capped(big, 1024) is None
    link = tmp_path / "link"
    link.symlink_to(small)
    assert read_capped(link, 1024) is None
    zero = tmp_path / "zero"
    zero.symlink_to("/dev/zero")
    assert read_capped(zero, 1024) is None
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert read_capped(fifo, 1024) is None  # no writer: a plain read would block forever
    assert read_capped(tmp_path / "missing", 1024) is None


@pytest.mark.parametrize("kind", ["oversized", "dev-zero", "fifo"])
def test_hostile_check_cache_is_ignored_and_rebuilt(tmp_path: Path, kind: str) -> None:
    project = copy_project(tmp_path / "p")
    folder = project / ".zhibiao" / "cache"
    folder.mkdir(parents=True)
    target = folder / CACHE_NAME
    if kind == "oversized":
        _sparse(target, MAX_CHECK_CACHE + 1)
    elif kind == "dev-zero":
        target.symlink_to("/dev/zero")
    else:
        os.mkfifo(target)
    cache = CheckCache.open(folder, key_file=tmp_path / "key")
    assert cache.enabled and cache.stats == {} and cache.files == {}
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    result = run_cli(["check"], project, env)
    assert result.exit_code == 0, result.stderr
    assert target.is_file() and not target.is_symlink()
    assert target.stat().st_size < 1024 * 1024  # replaced by a real cache


def test_oversized_cached_document_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DocxCache(tmp_path, b"k" * 32)
    key = "0" * 32
    cache.store(key, b"PK document")
    assert cache.load(key) == b"PK document"
    _sparse(tmp_path / f"{key}.docx", MAX_DOCUMENT + 1)
    fresh = DocxCache(tmp_path, b"k" * 32)
    assert fresh.load(key) is None and fresh.stats.rejected == 1
    (tmp_path / f"{key}.docx").unlink()
    (tmp_path / f"{key}.docx").symlink_to("/dev/zero")
    assert fresh.load(key) is None and fresh.stats.rejected == 2


def test_site_records_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (tmp_path / MANIFEST).symlink_to("/dev/zero")
    assert read_manifest(tmp_path) == {}
    _sparse(tmp_path / SOURCE_KEY, cache_module.MAX_RECORD + 1)
    assert reusable_sources(tmp_path, "key", Corpus(tmp_path)) is None
