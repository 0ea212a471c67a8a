"""Render cache of the Word export: `.zhibiao/cache/docx/<key>.docx`, one file per document.

The key hashes everything the bytes of one document depend on: the tool (the check
cache's `fingerprint()` plus python-docx, lxml and zlib versions), `SOURCE_DATE_EPOCH`,
the bytes of the reference template (the bundled one when none is given), the layout
profile and a canonical serialization of the DocTree (`canonical`: every dataclass field,
recursively, with type names). Rendering is deterministic, so a hit gives exactly the
bytes a fresh render would.

A cached file is published to readers, so it must not be forged: next to every
`<key>.docx` lies `<key>.mac`, an HMAC-SHA256 of key and bytes with the key the check
cache uses (`$XDG_CACHE_HOME/zhibiao/cache-key`, outside the repository). An entry whose
MAC does not verify is ignored and rendered again (and overwritten).

Pruning: a full export (`zhibiao export docx`, a site build that exports every document) records
the keys it used in `used-<scope>.json` (one list per scope: "export", "site") and then
deletes entries that no scope's latest full export used. Entries written after the run
started are never deleted (a concurrent run may be about to record them); renders of a
partial export (`render_trees`, `export_trees`) are stored but never prune.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
import re
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.base.atomic import write_bytes, write_text
from builder.project.cache import (
    MAX_RECORD,
    cache_root,
    fingerprint,
    mark_cache_root,
    read_capped,
    signing_key,
)

FORMAT = 1
SUBDIR = "docx"
MAX_DOCUMENT = 64 * 1024 * 1024
"""A cached document larger than this is not read (it is rendered again)."""
_ENTRY = re.compile(r"^([0-9a-f]{32})\.(docx|mac)$")
_SCOPE = re.compile(r"^[a-z][a-z0-9-]{0,31}$")


_SHAPES: dict[type, tuple[str, tuple[str, ...]]] = {}
"""Qualified name and field names of every dataclass met so far."""


def canonical(value: Any) -> Any:
    """`value` as JSON data that tells every distinct value apart.

    Dataclasses become objects tagged with their qualified type name, holding every field
    (`dataclasses.fields`, declaration order); tuples and lists become arrays; strings,
    integers, booleans, None and floats stay as they are (JSON keeps `1` and `1.0` and
    `true` apart). Anything else raises `TypeError`, so a new kind of field cannot be
    silently left out of the key.
    """
    kind = type(value)
    if kind is str or value is None or kind is bool or kind is int:
        return value
    if kind is tuple or kind is list:
        return [canonical(item) for item in value]
    shape = _SHAPES.get(kind)
    if shape is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(item.name for item in dataclasses.fields(value))
        shape = _SHAPES[kind] = (f"{kind.__module__}.{kind.__qualname__}", names)
    if shape is not None:
        node: dict[str, Any] = {"@": shape[0]}
        for name in shape[1]:
            node[name] = canonical(getattr(value, name))
        return node
    if isinstance(value, (tuple, list)):
        return [canonical(item) for item in value]
    if isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return {"@": "float", "repr": repr(value)}
        return value
    raise TypeError(f"cannot key a {type(value).__name__} value")


def _tool() -> str:
    """The check cache's tool fingerprint plus what else shapes the bytes of a .docx."""
    from importlib.metadata import version

    versions = (version("python-docx"), version("lxml"), zlib.ZLIB_RUNTIME_VERSION)
    return f"{fingerprint()}:{versions!r}"


@dataclass(slots=True)
class CacheStats:
    """What one run did with the cache; `rendered` counts documents rendered afresh."""

    hits: int = 0
    rendered: int = 0
    rejected: int = 0
    """Entries present but not trusted (bad MAC, unreadable)."""
    pruned: int = 0


class DocxCache:
    """The render cache of one project, or an inert stand-in when disabled."""

    def __init__(self, folder: Path | None, secret: bytes | None, *, scope: str = "export") -> None:
        if not _SCOPE.match(scope):
            raise ValueError(f"bad cache scope {scope!r}")
        self.folder = folder if secret is not None else None
        self.secret = secret
        self.scope = scope
        self.tool = _tool() if self.folder is not None else ""
        self.stats = CacheStats()
        self.used: set[str] = set()
        self.started_ns = time.time_ns()

    @classmethod
    def open(
        cls, project_root: Path | None, *, key_file: Path | None = None, scope: str = "export"
    ) -> DocxCache:
        """The cache in `<project_root>/.zhibiao/cache/docx/`; disabled (never read nor
        written) when `project_root` is None, the folder is not writable or there is no key."""
        if project_root is None:
            return cls(None, None, scope=scope)
        root = cache_root(project_root)
        folder = root / SUBDIR
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

    def key(self, tree: Any, profile: Any, template: str) -> str:
        """The key of one document: tool, epoch, template digest, profile and tree."""
        parts = [
            FORMAT,
            self.tool,
            os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
            template,
            canonical(profile),
            canonical(tree),
        ]
        text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    def _mac(self, key: str, data: bytes) -> str:
        assert self.secret is not None
        mac = hmac.new(self.secret, key.encode("ascii") + b"\0", hashlib.sha256)
        mac.update(data)
        return mac.hexdigest()

    def load(self, key: str) -> bytes | None:
        """The cached bytes of `key` when present and authentic; counts the outcome."""
        if self.folder is None:
            return None
        document = self.folder / f"{key}.docx"
        if not document.exists() and not document.is_symlink():
            return None
        data = read_capped(document, MAX_DOCUMENT)
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
        self.stats.hits += 1
        return data

    def store(self, key: str, data: bytes) -> None:
        """Keep freshly rendered bytes (the document first, then its MAC)."""
        self.stats.rendered += 1
        if self.folder is None:
            return
        try:
            write_bytes(self.folder / f"{key}.docx", data)
            write_text(self.folder / f"{key}.mac", self._mac(key, data) + "\n")
        except OSError:
            self.folder = None  # e.g. the disk filled up: go on exporting without a cache
            return
        self.used.add(key)

    def prune(self) -> None:
        """After a full export: record the keys it used, delete entries no scope uses."""
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
            found = _ENTRY.match(entry.name)
            if found is None or found.group(1) in keep:
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime_ns >= self.started_ns:
                    continue  # written by a run that is still going on
                Path(entry.path).unlink()
            except OSError:
                continue
            if found.group(2) == "docx":
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
