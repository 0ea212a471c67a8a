"""The check cache under `.zhibiao/cache/`: what each file held, what each specialty set produced.

One JSON file, rewritten atomically after a run that changed anything:

- `stats`: display path → size, mtime, ctime, inode and content hash, so unchanged files
  need not even be read (entries modified within a second of the scan are not trusted);
- `files`: content hash → what loading the file gave (kind, specialty set, course code,
  reference targets; or the located diagnostics of a file that failed to load);
- `sets`: key of a specialty set's inputs → the diagnostics the checks produced for it.

Every key includes the tool fingerprint (version and the bytes of the package), so a new
tool version starts afresh. The file is authenticated with an HMAC whose key lives
outside the repository (`$XDG_CACHE_HOME/zhibiao/cache-key`): a cache file committed to
the repository, or damaged on disk, fails verification and is ignored, so a pull request
cannot smuggle results into a reviewer's check.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
import time
from pathlib import Path
from typing import Any

import builder
from builder.base.atomic import write_bytes, write_text
from builder.base.diagnostics import Diagnostic, Location, Severity

FORMAT = 2
CACHE_NAME = "check.json"
RACY_NS = 1_000_000_000
"""Files modified this close to a scan are hashed again next time (their mtime may repeat)."""

Stat = tuple[int, int, int, int]

MAX_CHECK_CACHE = 256 * 1024 * 1024
"""A check cache larger than this is ignored (and rebuilt) without being read."""
MAX_RECORD = 16 * 1024 * 1024
"""Cap for the small cache records: manifests, source keys, MACs, the signing key."""


@functools.cache
def fingerprint() -> str:
    """Identity of the running tool: version, interpreter, libraries and package bytes
    (computed once per process: every cache key and every shard key includes it)."""
    digest = hashlib.blake2b(digest_size=16)
    versions = (builder.__version__, sys.version, *_versions("pydantic", "PyYAML"), FORMAT)
    digest.update(repr(versions).encode())
    package = Path(builder.__file__).parent
    for folder, dirs, files in sorted(os.walk(package)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".json")):
                info = (Path(folder) / name).stat()
                digest.update(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns};".encode())
    return digest.hexdigest()


def _versions(*names: str) -> list[str]:
    """Installed versions of the libraries that shape what is read, without importing them
    (`zhibiao build` with nothing to do never loads them)."""
    from importlib import metadata

    found = []
    for name in names:
        try:
            found.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            found.append("-")
    return found


def default_key_file() -> Path:
    """Where the HMAC key lives: the user's cache folder, never the repository."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zhibiao" / "cache-key"


def cache_root(project_root: Path) -> Path:
    """The project's cache folder, `.zhibiao/cache/` (check and docx caches live in it).

    A committed symbolic link on the way (`.zhibiao/cache -> ../..`) is a usage error
    (`builder.project.paths`): the cache markers would otherwise be written outside the project."""
    from builder.project.paths import confined

    return confined(Path(".zhibiao") / "cache", project_root, "缓存目录")


def read_capped(path: Path, limit: int) -> bytes | None:
    """The bytes of a cache file, or None when it is missing, not a regular file (a link,
    a FIFO, a device), or larger than `limit`: its size is taken before anything is read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        try:
            data = handle.read(limit + 1)
        except OSError:
            return None
    return data if len(data) <= limit else None


def mark_cache_root(folder: Path) -> None:
    """Create `folder` with a `.gitignore` (ignore everything) and a `CACHEDIR.TAG`.

    Raises `OSError` when the folder cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / ".gitignore").exists():
        write_text(folder / ".gitignore", "# 由 zhibiao 自动创建 / created by zhibiao\n*\n")
        write_text(
            folder / "CACHEDIR.TAG",
            "Signature: 8a477f597d28d172789f06886806bc55\n# zhibiao cache\n",
        )


def seal(secret: bytes, body: bytes) -> bytes:
    """A signed record: the HMAC-SHA256 of `body` (hex), a newline, then `body`."""
    return hmac.new(secret, body, hashlib.sha256).hexdigest().encode() + b"\n" + body


def unseal(secret: bytes | None, record: bytes) -> bytes | None:
    """The body of a record made by `seal` with this key; None when it does not verify."""
    if secret is None:
        return None
    mac, _, body = record.partition(b"\n")
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest().encode()
    return body if hmac.compare_digest(mac, expected) else None


def signing_key(key_file: Path | None = None) -> bytes | None:
    """The HMAC key that signs local caches (created on first use), None when unavailable."""
    return _secret(key_file or default_key_file())


def _secret(key_file: Path) -> bytes | None:
    """The HMAC key, created on first use; None when it cannot be stored."""
    key = read_capped(key_file, MAX_RECORD)
    if key is not None and len(key) >= 32:
        return key
    try:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(key_file, secrets.token_bytes(32))
        key_file.chmod(0o600)
        return read_capped(key_file, MAX_RECORD)
    except OSError:
        return None


def encode_diagnostic(d: Diagnostic, *, anonymous: bool = False) -> list[Any]:
    """A diagnostic as JSON data; `anonymous` leaves the file out (it is bound on reading)."""
    return [
        d.code,
        int(d.severity),
        d.message,
        "" if anonymous else d.file,
        d.line,
        d.column,
        d.hint,
        list(d.data_path) if d.data_path is not None else None,
        [[r.file, r.line, r.column] for r in d.related],
    ]


def decode_diagnostic(row: list[Any], file: str | None = None) -> Diagnostic:
    """The inverse of `encode_diagnostic`; raises on malformed rows."""
    code, severity, message, name, line, column, hint, path, related = row
    if not (isinstance(code, str) and isinstance(message, str) and isinstance(line, int)):
        raise ValueError("malformed diagnostic")
    return Diagnostic(
        code=code,
        severity=Severity(severity),
        message=message,
        file=file if file is not None else str(name),
        line=line,
        column=int(column),
        hint=str(hint) if hint is not None else None,
        data_path=tuple(path) if path is not None else None,
        related=tuple(Location(str(f), int(ln), int(col)) for f, ln, col in related),
    )


class CheckCache:
    """The cache of one project, or an inert stand-in when it is disabled."""

    def __init__(self, folder: Path | None, tool: str, secret: bytes | None) -> None:
        self.folder = folder
        self.tool = tool
        self.secret = secret
        self.stats: dict[str, str] = {}
        self.files: dict[str, Any] = {}
        self.sets: dict[str, list[list[Any]]] = {}
        self.scanned_ns = time.time_ns()
        self.previous_scan = 0

    @classmethod
    def open(cls, folder: Path | None, *, key_file: Path | None = None) -> CheckCache:
        """Load the cache in `folder` (None: disabled); anything unreadable is ignored."""
        tool = fingerprint()
        secret = signing_key(key_file) if folder is not None else None
        cache = cls(folder if secret is not None else None, tool, secret)
        if cache.folder is not None:
            cache._load()
        return cache

    @property
    def enabled(self) -> bool:
        """False when there is no folder or no key: nothing is read or written."""
        return self.folder is not None

    def _load(self) -> None:
        assert self.folder is not None and self.secret is not None
        try:
            record = read_capped(self.folder / CACHE_NAME, MAX_CHECK_CACHE)
            body = unseal(self.secret, record) if record is not None else None
            if body is None:
                return
            data = json.loads(body)
            if data.get("format") != FORMAT or data.get("tool") != self.tool:
                return
            stats, files, sets = data["stats"], data["files"], data["sets"]
            if not (isinstance(stats, dict) and isinstance(files, dict) and isinstance(sets, dict)):
                return
            self.stats, self.files, self.sets = stats, files, sets
            self.previous_scan = int(data["scanned"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return

    def digest(self, rel: str, stat: Stat) -> str | None:
        """The content hash recorded for `rel` if its stat is unchanged (and not racy)."""
        entry = self.stats.get(rel)
        prefix = f"{stat[0]} {stat[1]} {stat[2]} {stat[3]} "
        if not isinstance(entry, str) or not entry.startswith(prefix):
            return None
        if stat[1] >= self.previous_scan - RACY_NS:
            return None
        digest = entry[len(prefix) :]
        return digest if len(digest) == 32 else None

    @staticmethod
    def stat_entry(stat: Stat, digest: str) -> str:
        """The `stats` form of one file: size, mtime, ctime, inode and hash."""
        return f"{stat[0]} {stat[1]} {stat[2]} {stat[3]} {digest}"

    def save(self, stats: dict[str, str], files: dict[str, Any], sets: dict[str, Any]) -> None:
        """Replace the cache with exactly these entries (what the run used), if anything changed."""
        if self.folder is None or self.secret is None:
            return
        if stats == self.stats and files == self.files and sets == self.sets:
            return
        body = json.dumps(
            {
                "format": FORMAT,
                "tool": self.tool,
                "scanned": self.scanned_ns,
                "stats": stats,
                "files": files,
                "sets": sets,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        try:
            mark_cache_root(self.folder)
            write_bytes(self.folder / CACHE_NAME, seal(self.secret, body))
        except OSError:
            return  # a read-only checkout still gets its check, just not a cache
