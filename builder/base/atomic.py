"""Atomic writes: an output file or directory is either the old one or the complete new one.

Files are written to a temporary name in the same directory and renamed over the target.
Directories are built in a staging directory and swapped with the target in one step
(`renameat2(RENAME_EXCHANGE)` on Linux); where the system cannot swap, two renames are
used and a run interrupted between them is repaired by the next one. Outputs get the
usual permissions (0666/0777 minus the umask), not the 0600/0700 of temporary files, so
a published site stays readable by the web server.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        for line in Path("/proc/self/status").read_text("ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path, default: int) -> int:
    """The permissions `target` has now, else those a plain create would give (umask applied).

    Temporary files and folders are created private (0600 / 0700); without this, every file
    rewritten by `zhibiao fmt` and every published site would be readable by its owner only.
    """
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return default & ~mask


def write_bytes(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file in the same directory."""
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target, 0o666)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        tmp.chmod(mode)  # a rewritten file keeps its permissions
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    write_bytes(target, text.encode("utf-8"))


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False when the system cannot (then nothing happened)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return bool(result == 0)


@contextmanager
def replace_directory(target: Path) -> Iterator[Path]:
    """Yield a fresh staging directory that replaces `target` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target, 0o777)
    old = target.with_name(f".{target.name}.old")
    if not target.exists() and old.is_dir():
        old.replace(target)  # an earlier run stopped between its two renames
    staging = target.with_name(f".{target.name}.{secrets.token_hex(6)}.new")
    staging.mkdir(mode=0o777)
    staging.chmod(0o777 & ~_umask())
    try:
        yield staging
        staging.chmod(mode)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if target.exists() and _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous output
        return
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.replace(old)
    staging.replace(target)
    shutil.rmtree(old, ignore_errors=True)


def swap_in(new: Path, target: Path) -> Path | None:
    """Put the finished directory `new` at `target` in one step (two renames where the system
    cannot swap). The previous `target`, if there was one, is left under another name in
    `new`'s folder, which is returned for the caller to remove."""
    if not (target.exists() or target.is_symlink()):
        new.replace(target)
        return None
    if _exchange(new, target):
        return new
    old = new.with_name(f"{new.name}.old")
    target.replace(old)
    new.replace(target)
    return old


def write_set(files: dict[Path, bytes]) -> None:
    """Write several files all or nothing: every one to a temporary name first, then renamed.

    A failure while writing (a full disk, a permission) removes the temporary files and leaves
    every target as it was; only the renames, which need no space, follow the first rename.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            mode = _mode_for(target, 0o666)
            tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(tmp, flags, 0o666)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            tmp.chmod(mode)
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        tmp.replace(target)
