"""The no-op build: `zhibiao build` with nothing changed neither checks, renders nor runs the
engine, and leaves the published site alone.

After every published build a *build record* is written next to the build, in the project's
cache folder (`.zhibiao/cache/site/<digest of the output folder>.json`, never inside the
published site). It holds

- the key of every input: each file under the standards folder (path and content hash),
  `zhibiao.yaml`, the root `mkdocs.yml`, the theme override folders and the files the root
  config names (logo, extra CSS/JS), the Word reference template, the 修订说明 text, every
  option that changes the output (version, aliases, title, downloads, open data, split mode,
  build date, output folder, working directory for the diagnostics' paths), the tool
  fingerprint (version and package bytes) and the versions of the engine's packages;
- the stamp of the published output (every file's path, size, modification time and inode,
  `builder.site.reuse.output_stamp`), so a site edited or deleted by hand is built again;
- the diagnostics and file count the check reported, printed again on a no-op;
- the facts of the two configuration files that name further inputs (`builder.site.noop`),
  so the next build can check its inputs before loading any configuration.

A file whose size, modification time, ctime and inode are those recorded is not read again
(files modified within a second of the last scan are hashed anyway, as in the check cache).
The record is signed with the check cache's key, kept outside the repository: a record
copied in from elsewhere is ignored and the build runs in full.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from builder.base.atomic import write_bytes
from builder.base.diagnostics import Diagnostic
from builder.project.cache import (
    RACY_NS,
    decode_diagnostic,
    encode_diagnostic,
    fingerprint,
    mark_cache_root,
    read_capped,
    seal,
    signing_key,
    unseal,
)

FORMAT = 1
RECORD_DIR = "site"
MAX_BUILD_RECORD = 64 * 1024 * 1024
"""A build record larger than this is ignored (a national corpus records ~30,000 files)."""
MAX_HASHED = 32 * 1024 * 1024
"""A larger input file (the check refuses YAML over 5 MB) is keyed by its stat, not read."""
_PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "jieba",
    "Markdown",
    "pymdown-extensions",
    "python-docx",
    "zensical",
)


@functools.cache
def package_versions() -> str:
    """Versions of the packages that shape the published site (engine, theme, search, Word)."""
    found = []
    for name in _PACKAGES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found)


def record_path(cache_dir: Path, site_dir: Path) -> Path:
    """Where the record of the build into `site_dir` lives."""
    digest = hashlib.sha256(os.fsencode(os.path.abspath(site_dir))).hexdigest()[:24]  # noqa: PTH100
    return cache_dir / RECORD_DIR / f"{digest}.json"


@dataclass(slots=True)
class BuildRecord:
    """What the last published build into one output folder was made from."""

    key: str
    files: dict[str, str]
    """Input name → "size mtime ctime inode digest"."""
    scanned: int
    stamp: str = ""
    forced: bool = False
    checked: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    facts: Any = None
    """What the configuration files said the inputs depend on (`builder.site.noop.Facts`)."""


@dataclass(frozen=True, slots=True)
class Inputs:
    """The key of a build's inputs, and the file table that goes into its record."""

    key: str
    files: dict[str, str]
    scanned: int


def _walk(folder: Path) -> Iterable[Path]:
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            yield Path(root) / name


def _hash_file(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _name(path: Path, root: Path) -> str:
    """A path relative to the project root when inside it (a project exported from git to a
    temporary folder keeps its names), else absolute."""
    full = os.path.abspath(path)  # noqa: PTH100
    rel = os.path.relpath(full, os.path.abspath(root))  # noqa: PTH100
    return full if rel == ".." or rel.startswith("../") else rel


def input_files(
    root: Path, standards: Path, singles: Iterable[Path], folders: Iterable[Path]
) -> dict[str, Path]:
    """Name → path of every input file: all files under `standards` (`s:` + relative path),
    each of `singles` and every file under `folders` (named relative to the project `root`)."""
    found: dict[str, Path] = {}
    if standards.is_dir():
        for path in _walk(standards):
            found["s:" + path.relative_to(standards).as_posix()] = path
    for path in singles:
        found["f:" + _name(path, root)] = path
    for folder in folders:
        top = _name(folder, root)
        found["d:" + top] = folder  # an absent folder is an input too
        if folder.is_dir():
            for path in _walk(folder):
                found[f"d:{top}/{path.relative_to(folder).as_posix()}"] = path
    return found


def fingerprint_inputs(
    files: dict[str, Path], settings: Any, previous: BuildRecord | None
) -> Inputs:
    """The key of `files` (contents, hashed unless their stat is the recorded one) and the
    JSON-able `settings`, with the tool fingerprint and the packages' versions."""
    scanned = time.time_ns()
    known = previous.files if previous is not None else {}
    racy_after = (previous.scanned if previous is not None else 0) - RACY_NS
    table: dict[str, str] = {}
    digest = hashlib.blake2b(digest_size=20)
    head = [FORMAT, fingerprint(), package_versions(), settings]
    digest.update(json.dumps(head, ensure_ascii=False, sort_keys=True).encode())
    for name in sorted(files):
        path = files[name]
        try:
            info = path.stat()
        except OSError:
            digest.update(f"\0{name}\0-".encode())
            continue
        if not path.is_file():
            digest.update(f"\0{name}\0dir".encode())
            continue
        prefix = f"{info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino} "
        entry = known.get(name, "")
        if entry.startswith(prefix) and info.st_mtime_ns < racy_after:
            content = entry[len(prefix) :]
        elif info.st_size > MAX_HASHED:  # keyed by its stat: never read, still noticed
            content = f"stat:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"
        else:
            try:
                content = _hash_file(path)
            except OSError:
                digest.update(f"\0{name}\0unreadable".encode())
                continue
        table[name] = prefix + content
        if path.is_symlink():  # a link reads like its target, but some readers skip links
            content = f"{content}@{path.readlink()}"
        digest.update(f"\0{name}\0{content}".encode())
    return Inputs(digest.hexdigest(), table, scanned)


def read_record(path: Path) -> BuildRecord | None:
    """The record at `path`, or None when absent, damaged or not signed with our key."""
    data = read_capped(path, MAX_BUILD_RECORD)
    body = unseal(signing_key(), data) if data is not None else None
    if body is None:
        return None
    try:
        raw = json.loads(body)
        if raw.get("format") != FORMAT:
            return None
        files = {str(k): str(v) for k, v in raw["files"].items()}
        return BuildRecord(
            key=str(raw["key"]),
            files=files,
            scanned=int(raw["scanned"]),
            stamp=str(raw["stamp"]),
            forced=bool(raw["forced"]),
            checked=int(raw["checked"]),
            diagnostics=[decode_diagnostic(row) for row in raw["diagnostics"]],
            facts=raw.get("facts"),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def write_record(path: Path, record: BuildRecord) -> None:
    """Store `record` signed (silently skipped when no key or the folder cannot be written)."""
    secret = signing_key()
    if secret is None:
        return
    body = {
        "format": FORMAT,
        "key": record.key,
        "files": record.files,
        "scanned": record.scanned,
        "stamp": record.stamp,
        "forced": record.forced,
        "checked": record.checked,
        "diagnostics": [encode_diagnostic(d) for d in record.diagnostics],
        "facts": record.facts,
    }
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        mark_cache_root(path.parent.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, seal(secret, data))
    except OSError:
        return


def forget(path: Path) -> None:
    """Drop the record (the site is about to be replaced, or the build failed)."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        return
