"""The site build's cache of what reading each folder gave (`builder.site.parsedcache`):
reading through it gives exactly what a fresh read gives, whatever was edited, added,
removed or forged in between, and only changed folders are read again.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.read.parallel import Parsed, Task, content_hash, parse_all
from builder.read.sources import Source, find_sources
from builder.site import parsedcache
from builder.site.parsedcache import ParsedCache, _encode, _key, folder_of, parse_cached

REPO = Path(__file__).resolve().parent.parent
SECRET = b"p" * 32
AI = "510209-人工智能技术应用"


def _tree(tmp: Path) -> Path:
    root = tmp / "standards"
    shutil.copytree(REPO / "standards", root)
    return root


def _cache(root: Path) -> ParsedCache:
    folder = root.parent / "parsed"
    folder.mkdir(exist_ok=True)
    return ParsedCache(folder, SECRET, scope="site")


def _digests(sources: list[Source]) -> dict[str, str]:
    """The content hashes the check would hand over."""
    found = {}
    for source in sources:
        found[source.rel] = content_hash(Path(source.path).read_bytes())
    return found


def _tasks(root: Path, sources: list[Source]) -> list[Task]:
    return [Task(s.path, s.real, s.link, str(root.resolve())) for s in sources]


def _read(root: Path, cache: ParsedCache) -> tuple[list[Parsed], list[Parsed]]:
    """(through the cache, fresh), without the stat only the check cache uses."""
    sources = find_sources(root, root.parent)
    tasks = _tasks(root, sources)
    cached = parse_cached(root, sources, tasks, _digests(sources), cache)
    fresh = [p._replace(stat=None) for p in parse_all(tasks)]
    return [p._replace(stat=None) for p in cached], fresh


def _folders(root: Path) -> int:
    return len({folder_of(s.path, str(root)) for s in find_sources(root, root.parent)})


def test_a_second_read_takes_every_folder_from_the_cache(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    first = _cache(root)
    cached, fresh = _read(root, first)
    assert cached == fresh
    assert first.stats.hits == 0 and first.stats.rendered == _folders(root) > 1
    second = _cache(root)
    cached, fresh = _read(root, second)
    assert cached == fresh
    assert second.stats.hits == _folders(root) and second.stats.rendered == 0


def test_an_edit_reads_only_the_edited_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path)
    _read(root, _cache(root))
    edited = next((root / AI / "courses").glob("*.yaml"))
    text = edited.read_text("utf-8")
    edited.write_text(text.replace("description: |\n", "description: |\n  改过的说明。\n", 1))
    read: list[str] = []

    def counted(tasks: Any, **kwargs: Any) -> Any:
        read.extend(t.path for t in tasks)
        return parse_all(tasks, **kwargs)

    monkeypatch.setattr(parsedcache, "parse_all", counted)
    cache = _cache(root)
    cached, fresh = _read(root, cache)
    assert cached == fresh
    assert any("改过的说明" in (p.payload or "") for p in cached)
    assert cache.stats.rendered == 1 and cache.stats.hits == _folders(root) - 1
    assert read == [str(edited)]  # the folder's other files come from its last entry
    # without the index of each folder's last entry (or with a forged one), the whole
    # edited folder is read
    index = root.parent / "parsed" / f"{parsedcache._index_key()}.json"
    for damage in (lambda: index.write_bytes(b'{"x": "0"}'), index.unlink):
        damage()
        read.clear()
        edited.write_text(edited.read_text("utf-8") + "\n# 又改了\n", "utf-8")
        cached, fresh = _read(root, _cache(root))
        assert cached == fresh
        folder = sorted(str(p) for p in (root / AI).rglob("*.yaml"))
        assert sorted(read) == folder


def test_a_forged_or_mislabelled_entry_is_read_again(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    _read(root, _cache(root))
    folder = root.parent / "parsed"
    sources = find_sources(root, root.parent)
    members = [s for s in sources if folder_of(s.path, str(root)) == AI]
    key = _key(AI, members, _digests(sources))
    assert key is not None and (folder / f"{key}.json").is_file()
    # bytes changed without the signing key: the MAC no longer verifies
    blob = (folder / f"{key}.json").read_bytes()
    (folder / f"{key}.json").write_bytes(blob.replace("人工智能".encode(), "伪造内容".encode()))
    cache = _cache(root)
    cached, fresh = _read(root, cache)
    assert cached == fresh
    assert cache.stats.rejected == 1 and cache.stats.rendered == 1
    # a correctly signed entry that lists other files under this key is not used either
    others = [s for s in sources if s not in members][: len(members)]
    wrong = [Parsed("0" * 32, "course", "{}", None, None, None) for _ in others]
    signer = _cache(root)
    signer.store(key, _encode(others, wrong))
    cache = _cache(root)
    cached, fresh = _read(root, cache)
    assert cached == fresh
    assert cache.stats.rendered == 1  # read again, and stored under its key once more


def test_a_folder_with_a_broken_file_is_read_every_time(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / AI / "broken.yaml").write_text("kind: course\nname: [unclosed\n", encoding="utf-8")
    _read(root, _cache(root))
    cache = _cache(root)
    cached, fresh = _read(root, cache)
    assert cached == fresh
    assert any(p.problem is not None for p in cached)
    assert cache.stats.rendered == 0 and cache.stats.hits == _folders(root) - 1


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["edit", "add", "remove", "rename", "move", "same"]),
            st.integers(min_value=0, max_value=10_000),
            st.text(alphabet="能力课程标准abc 12：", min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_cached_equals_fresh_after_any_edits(
    tmp_path: Path, steps: list[tuple[str, int, str]]
) -> None:
    """Property: after any sequence of edits, added, removed, renamed and moved files
    (rewriting a file with its own bytes included), reading through the cache gives what a
    fresh read gives, and an unchanged folder is never read again."""
    work = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
    work.mkdir()
    root = work / "standards"
    for name in ("510209-人工智能技术应用", "460401-电气自动化服务与管理"):
        if (REPO / "standards" / name).is_dir():
            shutil.copytree(REPO / "standards" / name, root / name)
    if not root.is_dir():
        shutil.copytree(REPO / "standards", root)
    cache = _cache(root)
    _read(root, cache)
    for action, pick, text in steps:
        files = sorted(root.rglob("*.yaml"))
        target = files[pick % len(files)]
        if action == "edit":
            target.write_text(target.read_text("utf-8") + f"\n# {text}\n", encoding="utf-8")
        elif action == "add":
            shutil.copy(target, target.with_name(f"copy{pick}.yaml"))
        elif action == "remove" and len(files) > 1:
            target.unlink()
        elif action == "rename":
            target.rename(target.with_name(f"renamed{pick}.yaml"))
        elif action == "move":
            folders = sorted(p for p in root.iterdir() if p.is_dir())
            other = folders[pick % len(folders)]
            target.rename(other / f"moved{pick}.yaml")
        elif action == "same":
            target.write_bytes(target.read_bytes())
        cache = _cache(root)
        cached, fresh = _read(root, cache)
        assert cached == fresh
        assert cache.stats.hits + cache.stats.rendered <= _folders(root)
    settled = _cache(root)
    assert _read(root, settled)[0] == _read(root, _cache(root))[1]
    assert settled.stats.rendered == 0


def test_the_reading_is_a_stream_one_folder_at_a_time(tmp_path: Path) -> None:
    """A national tree is never held as text all at once: a folder's entry is read when its
    first file is asked for, not before."""
    root = _tree(tmp_path)
    _read(root, _cache(root))
    cache = _cache(root)
    sources = find_sources(root, root.parent)
    stream = parse_cached(root, sources, _tasks(root, sources), _digests(sources), cache)
    assert cache.stats.hits == 0
    next(stream)
    assert cache.stats.hits == 1
    rest = list(stream)
    assert len(rest) == len(sources) - 1 and cache.stats.hits == _folders(root)
