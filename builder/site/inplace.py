"""Updating a published split site shard by shard, when its portal stays as it is.

The general way to publish (`builder.site.pipeline`) builds a whole new site in a staging
folder, hard-linking every kept shard from the old one, and swaps it in at once; removing
the old copy then unlinks every file again. For one edited course at a thousand
specialties that is some 140,000 links and as many unlinks, most of the build. When the
portal's output is reused (same key, its files unchanged since: `reuse_portal`) and the
site holds the same shards, only the changed shards need to move: each is built beside
the site (`.<site>.<token>.shards/<name>/`) and, once every one of them built cleanly,
swapped with its published folder in one rename (`builder.base.atomic.swap_in`). The
manifest (`.zhibiao-site.json`) is written last.

What this gives up: until the swaps the published site is untouched (a failed build
leaves it as it was), but during them, a rename per changed shard, a reader can see one
changed shard new and another still old, each whole. A run stopped between the swaps
leaves shards that no longer match their manifest entry (key and output stamp); the next
build builds them again.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from builder.base.atomic import swap_in
from builder.site.engine import SiteEngine, SiteJob
from builder.site.install import (
    PORTAL_KEPT,
    build_shards,
    job,
    shard_keys,
    unchanged,
)
from builder.site.layout import PORTAL
from builder.site.reuse import portal_stamp, read_manifest, share_identical, write_manifest

if TYPE_CHECKING:
    from builder.site.pagecache import PageCache
    from builder.site.pipeline import BuildOptions, Prepared


def update_in_place(
    engine: SiteEngine,
    source_dir: Path,
    prepared: Prepared,
    site: Path,
    options: BuildOptions,
    say: Callable[[str], None],
    portal: str,
    pages: PageCache | None = None,
) -> bool:
    """Bring the published split `site` up to date by replacing only its changed shards;
    False, with nothing done, unless its portal was built from sources with the key
    `portal` and is unchanged since, and it has exactly the shards of `prepared`."""
    recorded = read_manifest(site)
    names = {s.name for s in prepared.shards}
    entry = recorded.get(PORTAL)
    if not portal or entry is None or entry[0] != portal or set(recorded) != names | {PORTAL}:
        return False
    if site.is_symlink() or not (site / "index.html").is_file():
        return False
    if portal_stamp(site, names) != entry[1]:
        return False
    say(PORTAL_KEPT)
    keys = shard_keys(prepared, engine)
    staging = site.with_name(f".{site.name}.{secrets.token_hex(6)}.shards")
    todo: list[SiteJob] = []
    kept: dict[str, tuple[str, str]] = {PORTAL: entry}
    for shard in prepared.shards:
        key, stamp = recorded[shard.name]
        same = unchanged(site / shard.name, stamp)
        if key == keys[shard.name] and same:
            kept[shard.name] = (key, stamp)
        else:
            last = (site / shard.name, key) if same else None
            todo.append(job(source_dir, shard, staging / shard.name, last, pages))
    staging.mkdir()
    try:
        build_shards(engine, prepared, todo, options, say, pages, keys)
        share_identical(site, [j.site_dir for j in todo])
        for built in todo:  # the old folder lands in `staging`, removed below
            swap_in(built.site_dir, site / built.site_dir.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    write_manifest(site, {k: v for k, v in keys.items() if k not in kept}, kept)
    return True
