"""Putting the shards of a split build in place: reused from a previous output or built."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from builder.project import UsageError
from builder.site.engine import SiteEngine, SiteJob
from builder.site.layout import PORTAL, SHARDS_DIR
from builder.site.reuse import (
    link_tree,
    output_stamp,
    portal_files,
    portal_stamp,
    read_manifest,
    share_identical,
    tree_digest,
    write_manifest,
)

if TYPE_CHECKING:
    from builder.site.pagecache import PageCache
    from builder.site.pipeline import BuildOptions, Prepared, PreparedShard


def install_shards(
    engine: SiteEngine,
    source_dir: Path,
    prepared: Prepared,
    site: Path,
    previous: Sequence[Path],
    options: BuildOptions,
    say: Callable[[str], None],
    portal: str = "",
    pages: PageCache | None = None,
) -> None:
    """Put every shard of a split build under `site/<name>/`: hard-linked from a `previous`
    output (the same site, then other versions) when its sources are unchanged (signed keys
    in `.zhibiao-site.json`), else built, keeping the unchanged pages of its last output
    whose record `pages` holds. `portal` is the key of the portal already in `site`
    (`portal_key`), recorded with a stamp of its files for the next build."""
    manifests = [(root, read_manifest(root)) for root in previous]
    keys = shard_keys(prepared, engine)
    todo: list[SiteJob] = []
    for shard in prepared.shards:
        out = site / shard.name
        if out.exists():
            raise UsageError(
                f"分站点「{shard.name}」与门户站点的同名文件或目录冲突",
                hint="专业代码用作分站点目录名，不能与 mkdocs.yml 中 extra_css、logo 等文件的顶层目录同名。",
            )
        same = _published(manifests, shard.name, keys[shard.name])
        if same is not None:
            link_tree(same[0], out)
        else:
            last = _published(manifests, shard.name)
            todo.append(job(source_dir, shard, out, last, pages))
    build_shards(engine, prepared, todo, options, say, pages, keys)
    share_identical(site, [site / s.name for s in prepared.shards])
    stamped = {PORTAL: (portal, portal_stamp(site, keys))} if portal else {}
    write_manifest(site, keys, stamped)  # stamped again: a copy where links failed differs


PORTAL_KEPT = "门户站点的页面未改动，沿用上次的输出"


def shard_keys(prepared: Prepared, engine: SiteEngine) -> dict[str, str]:
    """Shard name → the key its published output is recorded under: its sources' digest,
    the theme folders' and, for another engine than MkDocs, the engine's name."""
    theme = tree_digest(prepared.theme_dirs)  # once: every shard is built with the same theme
    suffix = f":{engine.name}" if engine.name != "mkdocs" else ""
    return {s.name: f"{s.digest}:{theme}{suffix}" for s in prepared.shards}


def job(
    source_dir: Path,
    shard: PreparedShard,
    out: Path,
    last: tuple[Path, str] | None = None,
    pages: PageCache | None = None,
) -> SiteJob:
    """Building `shard` from its sources under `source_dir` into `out`; with its `last`
    published output (folder, sources key) and that output's page record if `pages` has it."""
    built = SiteJob(source_dir / shard.folder / "mkdocs.yml", out, shard.weight)
    return pages.with_previous(built, last) if pages is not None else built


def build_shards(
    engine: SiteEngine,
    prepared: Prepared,
    todo: Sequence[SiteJob],
    options: BuildOptions,
    say: Callable[[str], None],
    pages: PageCache | None = None,
    keys: Mapping[str, str] | None = None,
) -> None:
    """Say how many shards are regenerated, built and kept, then build `todo`; the page
    records of the shards built go to `pages`, those of every shard in `keys` are kept."""
    reused = len(prepared.shards) - len(todo)
    regenerated = len(prepared.shards) - prepared.kept
    say(
        f"分站点 {len(prepared.shards)} 个：重新生成页面 {regenerated} 个；"
        f"构建 {len(todo)} 个，沿用未改动的 {reused} 个"
    )
    workers = options.jobs or os.cpu_count() or 1
    built = engine.build_many(
        todo,
        epoch=options.source_date_epoch,
        workers=workers,
        on_done=ShardProgress(say),
        project=pages.worker_cache if pages is not None else None,
    )
    kept = sum(int(r.get("kept") or 0) for r in built.values())
    if kept:
        say(f"其中 {kept} 个页面未改动，沿用上次的输出")
    if pages is not None and keys is not None:
        pages.keep(built, todo, keys)
        pages.settle(keys.values())


class ShardProgress:
    """Reports built shards with an estimate of the time left: after the first shard, then
    at most every `every` seconds, and when the last is done."""

    def __init__(
        self,
        say: Callable[[str], None],
        every: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.say = say
        self.every = every
        self.clock = clock
        self.start = clock()
        self.last: float | None = None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if done < total and self.last is not None and now - self.last < self.every:
            return
        self.last = now
        self.say(progress_line(done, total, now - self.start))


def progress_line(done: int, total: int, elapsed: float) -> str:
    """ "已构建分站点 12/70，用时 1 分 5 秒，预计还需 5 分 14 秒" (no estimate at the end)."""
    line = f"已构建分站点 {done}/{total}，用时 {duration(elapsed)}"
    if 0 < done < total:
        line += f"，预计还需 {duration(elapsed / done * (total - done))}"
    return line


def duration(seconds: float) -> str:
    """ "2 分 5 秒", "40 秒"."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    return f"{minutes} 分 {rest} 秒" if minutes else f"{rest} 秒"


def _published(
    manifests: Sequence[tuple[Path, dict[str, tuple[str, str]]]],
    name: str,
    key: str | None = None,
) -> tuple[Path, str] | None:
    """The first published copy of shard `name` unchanged since it was built (from sources
    with this `key`, if given), and the key it was built from."""
    for root, shards in manifests:
        recorded = shards.get(name)
        if recorded is None or (key is not None and recorded[0] != key):
            continue
        if unchanged(root / name, recorded[1]):
            return root / name, recorded[0]
    return None


def unchanged(out: Path, stamp: str) -> bool:
    """Whether the shard output folder `out` (a folder, not a link to one) is the one
    recorded with `stamp`."""
    if out.is_symlink() or not (out / "index.html").is_file():
        return False
    return output_stamp(out) == stamp


def portal_key(source_dir: Path, prepared: Prepared) -> str:
    """The key of the portal's generated sources (its config, docs, theme copy and jieba
    dictionary: everything in the sources folder but the shards), with the theme folders."""
    top = [p for p in sorted(source_dir.iterdir()) if p.name != SHARDS_DIR]
    digest = hashlib.blake2b(digest_size=20)
    digest.update(tree_digest([p for p in top if p.is_dir()], salt="portal").encode())
    digest.update(tree_digest(prepared.theme_dirs).encode())
    for path in top:
        if path.is_file():
            digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def reuse_portal(key: str, site: Path, previous: Sequence[Path]) -> bool:
    """Hard-link the portal from the first `previous` output whose manifest records it
    built from sources with this `key` and unchanged since; False when there is none."""
    for root in previous:
        recorded = read_manifest(root)
        entry = recorded.get(PORTAL)
        shards = set(recorded) - {PORTAL}
        if entry is None or entry[0] != key or not (root / "index.html").is_file():
            continue
        if portal_stamp(root, shards) != entry[1]:
            continue
        for path in portal_files(root, shards):
            dest = site / path.relative_to(root)
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, dest)
            except OSError:
                shutil.copy2(path, dest)
        return True
    return False
