"""What reading the files of an unchanged folder gave, reused from the last build.

`zhibiao build` loads every document of the tree to compose the site, but after one edit
all but a few files are as they were. Reading a file (bytes → YAML → data → JSON text,
`builder.read.parallel.parse_task`) costs more than validating the JSON text into a model,
so what reading gave is kept per top-level folder of the standards directory (one
specialty, as a rule): one signed blob (`builder.project.blobs`) per folder, keyed by the
tool's fingerprint and every file's path and content hash. The hashes come from the check
that ran just before (`CheckResult.digests`, mostly from the check cache's stat table), so
an unchanged folder is neither read nor parsed again; a folder with an edited, added or
removed file is read again (in worker processes when there are many files), and the
others are taken from their blobs.

A folder with an edited file need not be read whole again either: an index blob names
each folder's latest entry, and the files of an edited folder whose hash is the one that
entry lists are taken from it (only for a handful of edited folders, `PARTIAL_LIMIT`, so
that a tree with many edits is still read as a stream); only the edited files are read.

Only plain results are kept: a folder holding a symbolic link, a file that could not be
read, or data that JSON cannot carry is simply read again every time. A blob is used only
when it lists exactly the folder's files with the hashes asked for, so a stale or
mislabelled entry is never read in place of a file. A hit gives the `Parsed` a fresh read
would (without the stat, which only the check cache uses): `tests/test_parsed_cache.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from builder.project.blobs import BlobCache
from builder.project.cache import fingerprint
from builder.read.parallel import Parsed, Task, parse_all, parse_task
from builder.read.sources import Source

FORMAT = 1
PARTIAL_LIMIT = 64
"""At most this many edited folders take their unchanged files from their last entry."""


class ParsedCache(BlobCache):
    """Per folder: what reading its files gave (`Parsed` without the stat)."""

    SUBDIR = "parsed"
    SUFFIX = ".json"
    _latest: dict[str, str] | None = None

    def latest(self) -> dict[str, str]:
        """Folder name → key of its latest entry (the signed index; not counted as a hit)."""
        if self._latest is None:
            self._latest = _load_index(self)
        return self._latest

    def remember_latest(self, latest: dict[str, str]) -> None:
        """Keep the index for the next run when it changed (not counted as made)."""
        if not self.enabled:
            return
        if latest != self.latest() or not self.has(_index_key()):
            index = json.dumps(latest, ensure_ascii=False).encode("utf-8")
            self.store(_index_key(), index, counted=False)
        else:
            self.used.add(_index_key())  # kept by the prune that follows
        self._latest = latest


def folder_of(path: str, root: str) -> str:
    """The top-level folder under the standards directory `root` of a discovered file's
    `path` (`Source.path`); "" for a file directly in it."""
    prefix = root.rstrip(os.sep) + os.sep
    if not path.startswith(prefix):
        return ""
    head, sep, _ = path[len(prefix) :].partition(os.sep)
    return head if sep else ""


def _key(name: str, members: Sequence[Source], digests: Mapping[str, str]) -> str | None:
    """The key of a folder's blob; None when a member is a link or its hash is unknown."""
    if any(s.link or s.rel not in digests for s in members):
        return None
    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps([FORMAT, fingerprint(), name], ensure_ascii=False).encode())
    for source in members:
        digest.update(f"\0{source.rel}\0{digests[source.rel]}".encode())
    return digest.hexdigest()


def _plain(parsed: Parsed) -> bool:
    return (
        parsed.problem is None
        and parsed.payload is not None
        and parsed.data is None
        and parsed.kind is not None
    )


def _encode(members: Sequence[Source], found: Sequence[Parsed]) -> bytes:
    rows = [[s.rel, p.digest, p.kind, p.payload] for s, p in zip(members, found, strict=True)]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _rows(blob: bytes | None) -> list[Any] | None:
    """The rows of an entry, when it is a JSON list."""
    if blob is None:
        return None
    try:
        rows: Any = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return rows if isinstance(rows, list) else None


def _parsed(row: Any, digests: Mapping[str, str], rel: str | None = None) -> Parsed | None:
    """A row's `Parsed`, when it is well formed, names `rel` (if given) and carries the hash
    its file has now."""
    if not (isinstance(row, list) and len(row) == 4 and all(isinstance(v, str) for v in row)):
        return None
    name, digest, kind, payload = row
    if (rel is not None and name != rel) or digests.get(name) != digest:
        return None
    return Parsed(digest, kind, payload, None, None, None)


def _decode(
    blob: bytes | None, members: Sequence[Source], digests: Mapping[str, str]
) -> list[Parsed] | None:
    """The `Parsed` of each member from a blob, when it lists exactly these files with
    these hashes; None otherwise."""
    rows = _rows(blob)
    if rows is None or len(rows) != len(members):
        return None
    found = [_parsed(row, digests, s.rel) for s, row in zip(members, rows, strict=True)]
    return None if any(p is None for p in found) else [p for p in found if p is not None]


def _index_key() -> str:
    text = json.dumps([FORMAT, fingerprint(), "index"])
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _load_index(cache: ParsedCache) -> dict[str, str]:
    """Folder name → key of its latest entry, from the signed index blob."""
    blob = cache.load(_index_key(), counted=False) if cache.has(_index_key()) else None
    try:
        index = json.loads(blob.decode("utf-8")) if blob is not None else {}
    except (UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(index, dict):
        return {}
    return {k: v for k, v in index.items() if isinstance(k, str) and isinstance(v, str)}


def _unchanged_rows(blob: bytes | None, digests: Mapping[str, str]) -> dict[str, Parsed]:
    """The rows of an older entry whose file still has the hash it had then."""
    found: dict[str, Parsed] = {}
    for row in _rows(blob) or []:
        parsed = _parsed(row, digests)
        if parsed is not None:
            found[row[0]] = parsed
    return found


def _partial(
    cache: ParsedCache,
    missed: Sequence[str],
    keys: Mapping[str, str | None],
    digests: Mapping[str, str],
) -> dict[str, dict[str, Parsed]]:
    """For each edited folder (a few), its files unchanged since its latest entry."""
    if not cache.enabled or not missed or len(missed) > PARTIAL_LIMIT:
        return {}
    index = cache.latest()
    found: dict[str, dict[str, Parsed]] = {}
    for name in missed:
        old = index.get(name)
        if old is not None and old != keys[name] and cache.has(old):
            # a hit is a folder not read at all: this one is read in part
            found[name] = _unchanged_rows(cache.load(old, counted=False), digests)
    return found


def parse_cached(
    root: Path,
    sources: Sequence[Source],
    tasks: Sequence[Task],
    digests: Mapping[str, str],
    cache: ParsedCache,
    *,
    jobs: int | None = 1,
    advance: Callable[[], None] | None = None,
) -> Iterator[Parsed]:
    """What reading each source under the standards directory `root` (as discovered,
    `find_sources`) gives, in order: unchanged folders from `cache`, the rest read afresh
    (`parse_all`) and stored for next time. `digests` maps a source's `rel` to its content
    hash as the check saw it; a file whose bytes changed since is read again and not
    stored. The cache is pruned to the folders of this run once all is read.

    A stream: a folder's entry is read when its first file comes, and what a folder being
    read afresh gave is held only until its last file, so a national tree is never in
    memory as text all at once. A folder whose entry vanished or broke in between is read
    in this process."""
    groups: dict[str, list[int]] = {}
    for i, source in enumerate(sources):
        groups.setdefault(folder_of(source.path, str(root)), []).append(i)
    keys: dict[str, str | None] = {}
    cached: set[str] = set()
    for name, indices in groups.items():
        key = _key(name, [sources[i] for i in indices], digests) if cache.enabled else None
        keys[name] = key
        if key is not None and cache.has(key):
            cached.add(name)
    last = {name: indices[-1] for name, indices in groups.items()}
    owner = [""] * len(sources)
    for name, indices in groups.items():
        for i in indices:
            owner[i] = name
    missed = [n for n in groups if n not in cached and keys[n] is not None]
    partial = _partial(cache, missed, keys, digests)
    kept = {i for n, rows in partial.items() for i in groups[n] if sources[i].rel in rows}
    fresh = parse_all(
        [tasks[i] for i in range(len(sources)) if owner[i] not in cached and i not in kept],
        jobs=jobs,
        advance=advance,
    )
    taken: dict[str, Iterator[Parsed] | None] = {}
    made: dict[str, list[Parsed]] = {}
    for i in range(len(sources)):
        name = owner[i]
        if name in cached:
            if name not in taken:
                members = [sources[j] for j in groups[name]]
                key = keys[name]
                assert key is not None
                hit = _decode(cache.load(key), members, digests)
                taken[name] = iter(hit) if hit is not None else None
            entries = taken[name]
            if entries is not None:
                parsed = next(entries)
            else:  # present but not authentic or not these files: read here, store again
                parsed = parse_task(tasks[i])
                made.setdefault(name, []).append(parsed)
            if advance is not None:
                advance()
        elif i in kept:  # unchanged in an edited folder: from the folder's last entry
            parsed = partial[name][sources[i].rel]
            made.setdefault(name, []).append(parsed)
            if advance is not None:
                advance()
        else:
            parsed = next(fresh)
            made.setdefault(name, []).append(parsed)
        if i == last[name]:
            taken.pop(name, None)
            found = made.pop(name, None)
            key = keys[name]
            if found is not None and key is not None:
                members = [sources[j] for j in groups[name]]
                if all(
                    _plain(p) and p.digest == digests[m.rel]
                    for m, p in zip(members, found, strict=True)
                ):
                    cache.store(key, _encode(members, found))
        yield parsed
    cache.remember_latest({n: k for n, k in keys.items() if k is not None and cache.has(k)})
    cache.prune()
