"""The site's open-data cache: a specialty's workbook and CASE packages are reused while its
documents and the settings are unchanged, and a cached build equals an uncached one.

The site build stores them per specialty (`builder.site.datacache`); these tests call
`open_data` as the build does, on a copy of the example standards.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.opendata.loading import load_standards
from builder.project.loading import open_project
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus
from builder.site.datacache import DataCache, pack, unpack
from builder.site.opendata import DataFile, open_data
from tests.conftest import examples

REPO = Path(__file__).resolve().parent.parent
SECRET = b"d" * 32
EDITED = Path("510209-人工智能技术应用") / "courses" / "zh01.yaml"


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "standards", root / "standards")
    shutil.copy(REPO / "zhibiao.yaml", root / "zhibiao.yaml")
    return root


def _load(root: Path) -> tuple[Corpus, ProjectConfig]:
    project = open_project(root / "standards")
    return load_standards(project, root), project.config


def _cache(folder: Path) -> DataCache:
    folder.mkdir(exist_ok=True)
    return DataCache(folder, SECRET, scope="site")


def _with_data(corpus: Corpus) -> int:
    """How many specialties get a workbook (those with documents of the standard)."""
    return sum(1 for entry in corpus.specialties.values() if any(entry.documents()))


def _edit(root: Path) -> None:
    path = root / "standards" / EDITED
    text = path.read_text(encoding="utf-8")
    assert "description: |\n" in text
    path.write_text(text.replace("description: |\n", "description: |\n  修订后的说明。\n", 1))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[DataFile]]:
    """A project, its cache folder filled by one build, and the files of that build."""
    root = _project(tmp_path_factory.mktemp("data"))
    corpus, config = _load(root)
    cache = _cache(root / "cache")
    files = open_data(corpus, config, cache)
    assert cache.stats.rendered == _with_data(corpus) > 1
    assert cache.stats.hits == 0
    return root, files


def test_a_second_build_reuses_every_specialty_and_equals_an_uncached_one(
    built: tuple[Path, list[DataFile]],
) -> None:
    root, first = built
    corpus, config = _load(root)
    cache = _cache(root / "cache")
    again = open_data(corpus, config, cache)
    assert (cache.stats.hits, cache.stats.rendered) == (_with_data(corpus), 0)
    assert again == first == open_data(corpus, config)


def test_an_edit_rebuilds_that_specialty_alone(
    built: tuple[Path, list[DataFile]], tmp_path: Path
) -> None:
    root = tmp_path / "edited"
    shutil.copytree(built[0], root)
    _edit(root)
    corpus, config = _load(root)
    cache = _cache(root / "cache")
    files = open_data(corpus, config, cache)
    assert (cache.stats.rendered, cache.stats.hits) == (1, _with_data(corpus) - 1)
    assert files == open_data(corpus, config)
    changed = {f.path for f in files} - {f.path for f in built[1]} | {
        f.path for f, g in zip(files, built[1], strict=True) if f != g
    }
    assert changed, "the edit must show in the data files"
    assert all("510209" in path or "dataset" in path for path in changed), changed


def test_other_settings_rebuild_everything(built: tuple[Path, list[DataFile]]) -> None:
    root, _ = built
    corpus, config = _load(root)
    moved = config.model_copy(
        update={"site": config.site.model_copy(update={"url": "https://data.example.cn/"})}
    )
    cache = _cache(root / "cache")
    assert cache.settings(moved) != cache.settings(config)
    files = open_data(corpus, moved, DataCache(root / "cache", SECRET, scope="other"))
    assert files == open_data(corpus, moved)  # the CASE identifiers carry the new address


def test_a_forged_entry_is_not_published(
    built: tuple[Path, list[DataFile]], tmp_path: Path
) -> None:
    root = tmp_path / "forged"
    shutil.copytree(built[0], root)
    for entry in (root / "cache").glob("*.bin"):
        blob = entry.read_bytes()
        entry.write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))  # one bit of one byte
    corpus, config = _load(root)
    cache = _cache(root / "cache")
    files = open_data(corpus, config, cache)
    assert cache.stats.rejected == _with_data(corpus)
    assert files == built[1]


def test_unused_entries_are_pruned(built: tuple[Path, list[DataFile]], tmp_path: Path) -> None:
    root = tmp_path / "pruned"
    shutil.copytree(built[0], root)
    before = {p.name for p in (root / "cache").glob("*.bin")}
    _edit(root)
    corpus, config = _load(root)
    open_data(corpus, config, _cache(root / "cache"))
    after = {p.name for p in (root / "cache").glob("*.bin")}
    assert len(after) == len(before) and len(after - before) == 1


_text = st.text(st.characters(codec="utf-8"), max_size=20)


@given(st.lists(st.tuples(_text, _text, st.binary(max_size=64)), max_size=5))
@settings(max_examples=examples(200))
def test_pack_and_unpack_are_inverse(files: list[tuple[str, str, bytes]]) -> None:
    assert unpack(pack(files)) == files


@pytest.mark.parametrize(
    "blob",
    [b"", b"no header", b'[["a", "b", 5]]\nabc', b'[["a", "b", 1]]\nabc', b'{"a": 1}\n',
     b'[["a", "b", -1]]\n', b'[["a", 1, 0]]\n', b"\xff\n", b'[["a"]]\n'],
)  # fmt: skip
def test_a_malformed_blob_is_a_miss(blob: bytes) -> None:
    assert unpack(blob) is None
