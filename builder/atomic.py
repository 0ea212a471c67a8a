"""Atomic writes: an output file or directory is either the old one or the complete new one."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).chmod(mode)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    write_bytes(target, text.encode("utf-8"))


@contextmanager
def replace_directory(target: Path) -> Iterator[Path]:
    """Yield a fresh staging directory that replaces `target` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target, 0o777)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    try:
        yield staging
        staging.chmod(mode)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.replace(old)
    staging.replace(target)
    shutil.rmtree(old, ignore_errors=True)
