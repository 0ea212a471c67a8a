"""Incremental split builds: keep a shard's published output when its sources did not change.

Each shard's generated sources (its `mkdocs.yml`, every docs file, its jieba dictionary) are
hashed together with the tool and engine versions and the theme overrides. The published
site records those keys in `.zhibiao-site.json` with a stamp of each shard's output (paths, sizes,
times, inodes), signed with the same key as the check cache (kept outside the repository):
a manifest copied in from elsewhere is never trusted, and a shard whose output was edited
after the build is built again. On
the next build a shard whose key is unchanged is kept: left where it is when only shards
change (`builder.site.inplace`), else hard-linked from the previous output into a staging
folder where everything else is built fresh, and the whole site is then swapped in at once.

The build date (`SOURCE_DATE_EPOCH`) is not part of the key: an unchanged shard keeps the
sitemap dates of the build that last changed it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

from builder.base.atomic import write_bytes
from builder.project.cache import MAX_RECORD, fingerprint, read_capped, seal, signing_key, unseal
from builder.site.layout import PORTAL

MANIFEST = ".zhibiao-site.json"
FORMAT = 2
_ENGINE_PACKAGES = ("mkdocs", "mkdocs-material", "jieba", "Markdown", "pymdown-extensions")


@functools.cache
def engine_versions() -> str:
    """The installed versions of the engine's packages, as one string."""
    found = []
    for name in _ENGINE_PACKAGES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found)


def _walk(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            yield Path(root) / name


def tree_digest(folders: Iterable[Path], *, salt: str = "", skip: str = "") -> str:
    """A hash of every file (relative path and bytes) under `folders`, plus `salt`; a file
    called `skip` at the top of a folder is left out."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT};{fingerprint()};{engine_versions()};{salt}".encode())
    for folder in folders:
        digest.update(f"\0dir:{folder.name}\0".encode())
        if not folder.is_dir():
            continue
        for path in _walk(folder):
            rel = path.relative_to(folder).as_posix()
            if rel == skip:
                continue
            digest.update(f"\0{rel}\0{path.stat().st_size}\0".encode())
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


def output_stamp(folder: Path, *, skip: str = "") -> str:
    """A cheap identity of a built shard: every file's path, size, modification time and
    inode. A file edited or replaced after the build changes it; hard links keep it. A file
    called `skip` at the top of the folder is left out.

    The files are those `os.walk` lists, in its order with sorted names (a link to a folder
    is not followed); plain strings instead of `Path` objects, since a no-op build stats
    every published file (`builder.site.noop`)."""
    digest = hashlib.blake2b(digest_size=16)
    _stamp_folder(os.fspath(folder), "", digest, skip)
    return digest.hexdigest()


def _stamp_folder(folder: str, prefix: str, digest: Any, skip: str = "") -> None:
    files: list[str] = []
    folders: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                (folders if is_dir else files).append(entry.name)
    except OSError:  # as os.walk: an unreadable folder lists nothing
        return
    for name in sorted(files):
        if not prefix and name == skip:
            continue
        info = os.stat(os.path.join(folder, name))  # noqa: PTH116, PTH118
        digest.update(
            f"{prefix}{name}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\0".encode()
        )
    for name in sorted(folders):
        path = os.path.join(folder, name)  # noqa: PTH118
        if not os.path.islink(path):  # noqa: PTH114
            _stamp_folder(path, f"{prefix}{name}/", digest)


def portal_files(root: Path, shards: Collection[str]) -> Iterator[Path]:
    """Every file of the portal at `root`: all but the shard folders and the manifest."""
    for top, dirs, names in os.walk(root):
        here = Path(top)
        if here == root:
            dirs[:] = [d for d in dirs if d not in shards]
            names = [n for n in names if n != MANIFEST]
        dirs.sort()
        for name in sorted(names):
            yield here / name


def portal_stamp(root: Path, shards: Collection[str]) -> str:
    """The stamp of the portal's files (path, size, modification time, inode of each)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in portal_files(root, shards):
        info = path.stat()
        rel = path.relative_to(root).as_posix()
        digest.update(f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\0".encode())
    return digest.hexdigest()


def published_stamp(site: Path) -> str:
    """The stamp a build record keeps of the published `site` (`builder.site.noop`).

    For a split site whose signed manifest matches its portal and every shard, the digest of
    the manifest; otherwise (no manifest, a shard or the portal changed, an unsplit or
    versioned site) the stamp of every file (`output_stamp`). Both look at every file."""
    manifest = read_manifest(site)
    try:
        if PORTAL in manifest:
            shards = set(manifest) - {PORTAL}
            same = portal_stamp(site, shards) == manifest[PORTAL][1] and all(
                not (site / name).is_symlink() and output_stamp(site / name) == manifest[name][1]
                for name in sorted(shards)
            )
            if same:
                return _manifest_digest(manifest)
        return output_stamp(site)
    except OSError:  # e.g. a link to nothing put there by hand: not the site that was built
        return ""


def built_stamp(site: Path) -> str:
    """`published_stamp` of a site this build just published, without looking at its files
    again when its manifest (just written) holds the stamps of the shards and portal, as
    this build made or checked them."""
    manifest = read_manifest(site)
    return _manifest_digest(manifest) if PORTAL in manifest else output_stamp(site)


def _manifest_digest(manifest: Mapping[str, tuple[str, str]]) -> str:
    text = json.dumps(sorted(manifest.items()), ensure_ascii=False)
    return "manifest:" + hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def read_manifest(root: Path) -> dict[str, tuple[str, str]]:
    """Shard name → (sources key, output stamp) of the published site at `root`; empty when
    absent or not trusted."""
    record = read_capped(root / MANIFEST, MAX_RECORD)  # size taken before reading
    body = unseal(signing_key(), record) if record is not None else None
    if body is None:
        return {}
    try:
        data = json.loads(body)
        shards = data["shards"] if data.get("format") == FORMAT else {}
        return {str(k): (str(v[0]), str(v[1])) for k, v in shards.items()}
    except (ValueError, AttributeError, TypeError, KeyError, IndexError):
        return {}


def write_manifest(
    root: Path, keys: Mapping[str, str], stamped: Mapping[str, tuple[str, str]] | None = None
) -> None:
    """Record the sources key and output stamp of every shard of the site at `root`, and
    the entries of `stamped` (name → key and stamp computed by the caller, as the portal's)
    as given (not written when no signing key can be stored)."""
    secret = signing_key()
    if secret is None:
        return
    shards = {name: [key, output_stamp(root / name)] for name, key in sorted(keys.items())}
    shards.update((name, list(entry)) for name, entry in (stamped or {}).items())
    body = json.dumps({"format": FORMAT, "shards": shards}).encode()
    write_bytes(root / MANIFEST, seal(secret, body))


def link_tree(source: Path, target: Path) -> None:
    """Recreate `source` at `target` with hard links (copies where links are impossible).

    Outputs are only ever replaced by renaming new files over them, never edited in place,
    so two published trees may share files safely. Folders without files are not made
    (plain strings: a split build links thousands of files per shard it keeps)."""
    top, out = os.fspath(source), os.fspath(target)
    for folder, dirs, files in os.walk(top):
        dirs.sort()
        if not files:
            continue
        rel = os.path.relpath(folder, top)
        dest = out if rel == os.curdir else os.path.join(out, rel)  # noqa: PTH118
        os.makedirs(dest, exist_ok=True)  # noqa: PTH103
        for name in sorted(files):
            here, there = os.path.join(folder, name), os.path.join(dest, name)  # noqa: PTH118
            try:
                os.link(here, there)
            except OSError:
                shutil.copy2(here, there)


class FolderMoves:
    """Folders moved whole from a tree about to be replaced into the one replacing it: one
    rename instead of a link per file (and later an unlink per file). `undo` puts them back
    when the new tree is abandoned, so a failed build does not lose them."""

    def __init__(self) -> None:
        self.moves: list[tuple[Path, Path]] = []

    def move(self, source: Path, target: Path) -> None:
        """Move the folder `source` to `target` (linked file by file where it cannot be)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            source.replace(target)
        except OSError:
            link_tree(source, target)
            return
        self.moves.append((source, target))

    @contextmanager
    def undone_on_failure(self) -> Iterator[None]:
        """`undo` if the block fails (inside the block that abandons the new tree, so the
        folders go back before it is removed)."""
        try:
            yield
        except BaseException:
            self.undo()
            raise

    def undo(self) -> None:
        """Move every folder back where it was (as far as the system lets)."""
        for source, target in reversed(self.moves):
            try:
                target.replace(source)
            except OSError:
                continue
        self.moves.clear()


def share_identical(reference: Path, folders: Iterable[Path], subdir: str = "assets") -> int:
    """Hard-link files under `<folder>/<subdir>` to the identical file under `reference/<subdir>`.

    Every shard carries the same theme assets (≈ 2.5 MB); linking them keeps a site of a
    thousand shards from holding a thousand copies on disk. Returns the number of files linked."""
    base = reference / subdir
    if not base.is_dir():
        return 0
    known: dict[str, tuple[int, bytes]] = {}
    for path in _walk(base):
        known[path.relative_to(base).as_posix()] = (path.stat().st_size, path.read_bytes())
    linked = 0
    for folder in folders:
        for path in _walk(folder / subdir) if (folder / subdir).is_dir() else ():
            rel = path.relative_to(folder / subdir).as_posix()
            same = known.get(rel)
            if same is None or same[0] != path.stat().st_size or path.samefile(base / rel):
                continue
            if path.read_bytes() != same[1]:
                continue
            temp = path.with_name(f".{path.name}.link")
            try:
                os.link(base / rel, temp)
                temp.replace(path)
                linked += 1
            except OSError:
                temp.unlink(missing_ok=True)
    return linked
