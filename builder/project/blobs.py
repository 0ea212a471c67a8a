"""Signed blob stores in the project's cache folder: `.zhibiao/cache/<subdir>/<key><suffix>`.

The Word render cache (`builder.docx.rendercache`) and the site's open-data cache
(`builder.site.datacache`) keep whole output files under a content key. A cached file is
published to readers, so it must not be forged: next to every `<key><suffix>` lies
`<key>.mac`, an HMAC-SHA256 of key and bytes with the key the check cache uses
(`$XDG_CACHE_HOME/zhibiao/cache-key`, outside the repository). An entry whose MAC does not
verify, that is larger than the store's cap or that is not a plain file is ignored (and
produced again, then overwritten).

Pruning: a run that produced every output of its kind records the keys it used in
`used-<scope>.json` (one list per scope, e.g. "export" and "site") and then deletes entries
that no scope's latest full run used. Entries written after the run started are never
deleted (a concurrent run may be about to record them).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from builder.base.atomic import write_bytes, write_text
from builder.project.cache import MAX_RECORD, cache_root, mark_cache_root, read_capped, signing_key
from builder.project.paths import confined

FORMAT = 1
_SCOPE = re.compile(r"^[a-z][a-z0-9-]{0,31}$")


@dataclass(slots=True)
class CacheStats:
    """What one run did with the cache; `rendered` counts outputs produced afresh."""

    hits: int = 0
    rendered: int = 0
    rejected: int = 0
    """Entries present but not trusted (bad MAC, unreadable, oversized)."""
    pruned: int = 0


class BlobCache:
    """One signed blob store, or an inert stand-in when disabled (no folder or no key)."""

    SUBDIR = "blobs"
    SUFFIX = ".bin"
    MAX_ENTRY = 64 * 1024 * 1024
    """A cached entry larger than this is not read (it is produced again)."""

    def __init__(self, folder: Path | None, secret: bytes | None, *, scope: str = "export") -> None:
        if not _SCOPE.match(scope):
            raise ValueError(f"bad cache scope {scope!r}")
        self.folder = folder if secret is not None else None
        self.secret = secret
        self.scope = scope
        self.stats = CacheStats()
        self.used: set[str] = set()
        self.started_ns = time.time_ns()
        self._entry = re.compile(rf"^([0-9a-f]{{32}})({re.escape(self.SUFFIX)}|\.mac)$")

    @classmethod
    def open(
        cls, project_root: Path | None, *, key_file: Path | None = None, scope: str = "export"
    ) -> Self:
        """The store in `<project_root>/.zhibiao/cache/<SUBDIR>/`; disabled (never read nor
        written) when `project_root` is None, the folder is not writable or there is no key.
        A symbolic link on the way (`.zhibiao/cache/<SUBDIR>` -> elsewhere) is a usage
        error, as for the cache folder itself: entries would be written where it points."""
        if project_root is None:
            return cls(None, None, scope=scope)
        root = cache_root(project_root)
        folder = confined(Path(cls.SUBDIR), root, "缓存目录")  # a linked folder would write out
        try:
            mark_cache_root(root)
            folder.mkdir(exist_ok=True)
            writable = os.access(folder, os.W_OK | os.X_OK)
        except OSError:
            writable = False
        secret = signing_key(key_file) if writable else None
        return cls(folder if writable else None, secret, scope=scope)

    @property
    def enabled(self) -> bool:
        """False when the cache is neither read nor written."""
        return self.folder is not None

    def _mac(self, key: str, data: bytes) -> str:
        assert self.secret is not None
        mac = hmac.new(self.secret, key.encode("ascii") + b"\0", hashlib.sha256)
        mac.update(data)
        return mac.hexdigest()

    def has(self, key: str) -> bool:
        """Whether an entry for `key` is present (not whether it is authentic: `load` says)."""
        if self.folder is None:
            return False
        return (self.folder / f"{key}{self.SUFFIX}").is_file() and (
            self.folder / f"{key}.mac"
        ).is_file()

    def load(self, key: str, *, counted: bool = True) -> bytes | None:
        """The cached bytes of `key` when present and authentic; counts the outcome (a hit
        only when `counted`: bookkeeping entries are not outputs)."""
        if self.folder is None:
            return None
        entry = self.folder / f"{key}{self.SUFFIX}"
        if not entry.exists() and not entry.is_symlink():
            return None
        data = read_capped(entry, self.MAX_ENTRY)
        record = read_capped(self.folder / f"{key}.mac", MAX_RECORD)
        try:
            mac = record.decode("ascii").strip() if record is not None else None
        except UnicodeDecodeError:
            mac = None
        if data is None or mac is None:  # oversized, not a plain file, or unreadable
            self.stats.rejected += 1
            return None
        if not hmac.compare_digest(mac, self._mac(key, data)):
            self.stats.rejected += 1
            return None
        self.used.add(key)
        if counted:
            self.stats.hits += 1
        return data

    def store(self, key: str, data: bytes, *, counted: bool = True) -> None:
        """Keep freshly produced bytes (the entry first, then its MAC); counted as made
        unless it is bookkeeping (`counted` false)."""
        if counted:
            self.stats.rendered += 1
        if self.folder is None:
            return
        try:
            write_bytes(self.folder / f"{key}{self.SUFFIX}", data)
            write_text(self.folder / f"{key}.mac", self._mac(key, data) + "\n")
        except OSError:
            self.folder = None  # e.g. the disk filled up: go on without a cache
            return
        self.used.add(key)

    def prune(self) -> None:
        """After a full run: record the keys it used, delete entries no scope uses."""
        if self.folder is None:
            return
        manifest = {"format": FORMAT, "keys": sorted(self.used)}
        try:
            write_text(self.folder / f"used-{self.scope}.json", json.dumps(manifest) + "\n")
        except OSError:
            return
        keep = set(self.used)
        for path in self.folder.glob("used-*.json"):
            keep.update(_manifest_keys(path))
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            found = self._entry.match(entry.name)
            if found is None or found.group(1) in keep:
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime_ns >= self.started_ns:
                    continue  # written by a run that is still going on
                Path(entry.path).unlink()
            except OSError:
                continue
            if found.group(2) == self.SUFFIX:
                self.stats.pruned += 1


def _manifest_keys(path: Path) -> set[str]:
    """The keys a manifest lists; an unreadable one lists none (its entries may go)."""
    try:
        raw = read_capped(path, MAX_RECORD)
        if raw is None:
            return set()
        data = json.loads(raw.decode("utf-8"))
        keys = data["keys"] if data.get("format") == FORMAT else []
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()
    return {key for key in keys if isinstance(key, str)}
