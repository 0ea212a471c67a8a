"""A split site whose portal is unchanged is updated shard by shard (`builder.site.inplace`):
only the changed shards' folders are swapped in, kept shard sources are moved rather than
linked, and a build that fails or stops part way never leaves a shard half written."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from builder.base.atomic import swap_in
from builder.project.loading import open_project
from builder.site.engine import DEFAULT_ENGINE, SiteBuildError, SiteJob
from builder.site.entry import build_site
from builder.site.options import BuildOptions
from builder.site.reuse import FolderMoves
from tests.conftest import REPO

AI, EC = "510209", "730701"
MANIFEST = ".zhibiao-site.json"


# --- the two moves: pure file-system helpers -------------------------------------------------


@pytest.mark.parametrize("exchange", [True, False])
def test_swap_in_puts_the_new_folder_in_place_and_hands_back_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:  # a system without renameat2: two renames
        monkeypatch.setattr("builder.base.atomic._exchange", lambda *_: False)
    target, new = tmp_path / "site" / "a", tmp_path / "staging" / "a"
    target.mkdir(parents=True)
    (target / "old.html").write_text("旧", "utf-8")
    new.mkdir(parents=True)
    (new / "new.html").write_text("新", "utf-8")
    old = swap_in(new, target)
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert old is not None and old.parent == new.parent
    assert [p.name for p in old.iterdir()] == ["old.html"]
    fresh = tmp_path / "staging" / "b"
    fresh.mkdir()
    assert swap_in(fresh, tmp_path / "site" / "b") is None  # nothing was there
    assert (tmp_path / "site" / "b").is_dir() and not fresh.exists()


def test_a_link_in_the_way_is_swapped_out_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("不可改动", "utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a").symlink_to(outside, target_is_directory=True)
    new = tmp_path / "new"
    new.mkdir()
    (new / "index.html").write_text("新", "utf-8")
    old = swap_in(new, tmp_path / "site" / "a")
    assert not (tmp_path / "site" / "a").is_symlink()
    assert old is not None and old.is_symlink()
    assert [p.name for p in outside.iterdir()] == ["keep.txt"]


def test_folder_moves_are_put_back_by_undo(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for name in ("a", "b"):
        (old / name / "docs").mkdir(parents=True)
        (old / name / "docs" / "x.md").write_text(name, "utf-8")
    inode = (old / "a").stat().st_ino
    moves = FolderMoves()
    moves.move(old / "a", new / "shards" / "a")
    moves.move(old / "b", new / "shards" / "b")
    assert not (old / "a").exists() and (new / "shards" / "a").stat().st_ino == inode
    moves.undo()
    assert (old / "a").stat().st_ino == inode
    assert (old / "b" / "docs" / "x.md").read_text("utf-8") == "b"
    assert not (new / "shards" / "a").exists()


def test_a_folder_that_cannot_be_moved_is_linked_and_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "old" / "a").mkdir(parents=True)
    (tmp_path / "old" / "a" / "x.md").write_text("内容", "utf-8")

    def refuse(self: Path, target: Any) -> Path:
        raise OSError("跨文件系统")

    moves = FolderMoves()
    with monkeypatch.context() as patched:
        patched.setattr(Path, "replace", refuse)
        moves.move(tmp_path / "old" / "a", tmp_path / "new" / "a")
    assert (tmp_path / "new" / "a" / "x.md").read_text("utf-8") == "内容"
    assert (tmp_path / "old" / "a" / "x.md").is_file()  # a copy: nothing to put back
    moves.undo()
    assert (tmp_path / "new" / "a" / "x.md").is_file()


# --- end to end ------------------------------------------------------------------------------


def _project(target: Path) -> Path:
    """The two example specialties (without the 电子商务 chain and the shared courses)."""
    chain = shutil.ignore_patterns("530701-*", "330701-*", "公共基础课")
    shutil.copytree(REPO / "standards", target / "standards", ignore=chain)
    for name in ("zhibiao.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, target / name)
    return target


def _build(project: Path, engine: Any = DEFAULT_ENGINE, **more: Any) -> str:
    said: list[str] = []
    options = BuildOptions(
        site_dir=project / "site",
        docx=False,
        open_data=False,
        split="specialty",
        source_date_epoch=1767225600,
        **more,
    )
    outcome = build_site(
        open_project(project / "standards"),
        options,
        report=lambda _: None,
        say=said.append,
        engine=engine,
    )
    assert outcome.published is not None, said
    return "\n".join(said)


def _edit(project: Path, code: str, mark: str) -> None:
    course = sorted((project / "standards").glob(f"{code}-*/courses/*.yaml"))[0]
    text = course.read_text("utf-8")
    assert "description: " in text
    course.write_text(text.replace("description: ", f"description: {mark}", 1), "utf-8")


def _state(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int, bytes]]:
    """Every file under `folder` but those under `skip`: inode, modification time, bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not rel.startswith(skip) and rel != MANIFEST:
            info = path.stat()
            found[rel] = (info.st_ino, info.st_mtime_ns, path.read_bytes())
    return found


def _leftovers(project: Path) -> list[str]:
    """Staging folders next to the site (or a version of it) or the sources that a build
    did not remove."""
    found = [*project.iterdir(), *(project / "build").iterdir(), *(project / "site").iterdir()]
    return [p.name for p in found if p.name.endswith((".new", ".old", ".shards"))]


def _texts(folder: Path) -> str:
    return "".join(p.read_text("utf-8") for p in sorted(folder.rglob("*.html")))


class FailingEngine:
    """Builds the shards it is given, then fails as MkDocs does on a warning."""

    name = "mkdocs"

    def build(self, config_file: Path, site_dir: Path, *, epoch: int | None = None) -> Any:
        return DEFAULT_ENGINE.build(config_file, site_dir, epoch=epoch)

    def serve(self, config_file: Path, address: str) -> Any:
        raise AssertionError("not served")

    def build_many(self, sites: list[SiteJob], **kwargs: Any) -> None:
        DEFAULT_ENGINE.build_many(sites, **kwargs)
        raise SiteBuildError("模拟：分站点构建失败")


@pytest.mark.slow
def test_an_edit_swaps_in_its_shard_and_leaves_the_rest_of_the_site_alone(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _build(project)
    site, sources = project / "site", project / "build/site-src/shards"
    before = _state(site, skip=(f"{EC}/",))
    folders = {p: p.stat().st_ino for p in (site, site / AI, site / EC, sources / AI)}

    _edit(project, EC, "修订后：")
    said = _build(project)
    assert "门户站点的页面未改动，沿用上次的输出" in said
    assert "重新生成页面 1 个；构建 1 个，沿用未改动的 1 个" in said
    assert _state(site, skip=(f"{EC}/",)) == before  # the portal and the other shard as they were
    for kept in (site, site / AI, sources / AI):  # the same folders: nothing copied or relinked
        assert kept.stat().st_ino == folders[kept], kept
    assert (site / EC).stat().st_ino != folders[site / EC]
    assert "修订后：" in _texts(site / EC)
    assert _leftovers(project) == []

    again = _build(project)  # and the manifest written last vouches for what is there now
    assert "站点已是最新" in again


@pytest.mark.slow
def test_a_failed_shard_build_leaves_the_published_site_as_it_was(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _build(project)
    site = project / "site"
    before = _state(site)
    manifest = (site / MANIFEST).read_bytes()
    _edit(project, EC, "修订后：")
    with pytest.raises(SiteBuildError):
        _build(project, FailingEngine())
    assert _state(site) == before and (site / MANIFEST).read_bytes() == manifest
    assert _leftovers(project) == []
    said = _build(project)
    assert "构建 1 个，沿用未改动的 1 个" in said and "修订后：" in _texts(site / EC)


@pytest.mark.slow
def test_a_build_stopped_between_two_swaps_is_mended_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path / "p")
    _build(project)
    _edit(project, AI, "甲修订：")
    _edit(project, EC, "乙修订：")
    calls: list[Path] = []

    def stop_after_the_first(new: Path, target: Path) -> Path | None:
        calls.append(target)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return swap_in(new, target)

    with monkeypatch.context() as patched:
        patched.setattr("builder.site.inplace.swap_in", stop_after_the_first)
        with pytest.raises(KeyboardInterrupt):
            _build(project)
    site = project / "site"
    first, second = (t.name for t in calls)
    assert "修订：" in _texts(site / first) and "修订：" not in _texts(site / second)
    assert _leftovers(project) == []

    said = _build(project)  # the swapped shard no longer matches its manifest entry
    assert "构建 2 个，沿用未改动的 0 个" in said
    clean = tmp_path / "clean"
    shutil.copytree(project / "standards", clean / "standards")
    for name in ("zhibiao.yaml", "mkdocs.yml"):
        shutil.copy(project / name, clean / name)
    _build(clean)
    built, expected = _state(site), _state(clean / "site")
    assert sorted(built) == sorted(expected)
    assert [n for n in built if built[n][2] != expected[n][2]] == []


@pytest.mark.slow
def test_preparing_that_fails_puts_the_kept_sources_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    _build(project)
    kept = project / "build/site-src/shards" / AI
    inode, files = kept.stat().st_ino, _state(kept)
    _edit(project, EC, "修订后：")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("模拟：组合页面时出错")

    with monkeypatch.context() as patched:
        patched.setattr("builder.site.pipeline.compose_sets", broken)
        with pytest.raises(RuntimeError):
            _build(project)
    assert kept.stat().st_ino == inode and _state(kept) == files
    assert _leftovers(project) == []
    said = _build(project)  # still reused: only the edited specialty is composed again
    assert "重新生成页面 1 个；构建 1 个，沿用未改动的 1 个" in said


@pytest.mark.slow
def test_a_version_is_updated_in_place_and_its_alias_follows(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _build(project, version="2026", aliases=("latest",))
    root = project / "site"
    kept = (root / "2026" / AI).stat().st_ino
    _edit(project, EC, "修订后：")
    said = _build(project, version="2026", aliases=("latest",))
    assert "门户站点的页面未改动" in said and "构建 1 个，沿用未改动的 1 个" in said
    assert (root / "2026" / AI).stat().st_ino == kept
    for folder in (root / "2026", root / "latest"):
        assert "修订后：" in _texts(folder / EC)
    assert _state(root / "latest") == _state(root / "2026")  # the alias is the version
    assert _leftovers(project) == []
