"""One build at a time per output: a lock beside the site and source folders, and the
staging folders a killed build left behind removed by the next one.

The lock is `flock` on `.lock-<digest of the folder's path>` in the project's build folder
(ignored by git, like the sources it holds), so it is released by the system when a build is
killed; a second `zhibiao build` into the same folder stops at once
with a Chinese message instead of racing the first. Staging folders (`.<name>.<hex>.new`)
and temporary files (`.<name>.<hex>.tmp`) of the folder are removed while the lock is held,
so they can only belong to a build that is no longer running.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

from builder.base.oserrors import os_reason
from builder.project import UsageError

_STAGING = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{12}\.(?:new|tmp)$")


@contextlib.contextmanager
def exclusive(
    lock_dir: Path, folders: Sequence[Path], what: str = "zhibiao build"
) -> Iterator[None]:
    """Hold the build lock of every folder (in a fixed order) for the block; `what` names
    the command in the message a second one gets."""
    with contextlib.ExitStack() as stack:
        for folder in sorted({Path(os.path.abspath(f)) for f in folders}):  # noqa: PTH100
            stack.enter_context(_locked(lock_dir, folder, what))
            remove_stale(folder)
            remove_stale_inside(folder)  # versions and aliases are staged inside the site
        yield


@contextlib.contextmanager
def _locked(lock_dir: Path, folder: Path, what: str) -> Iterator[None]:
    digest = hashlib.sha256(os.fsencode(folder)).hexdigest()[:16]
    lock = lock_dir / f".lock-{digest}"
    try:
        lock_dir.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(lock, flags, 0o666)
    except OSError as exc:
        raise UsageError(f"无法创建构建锁 {lock}：{os_reason(exc)}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise UsageError(
                    f"另一个 {what} 正在写入 {folder}，不能同时进行",
                    hint="等它结束后再运行；或用 -d 指定另一个输出目录。",
                ) from None
            raise
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_stale(folder: Path) -> list[Path]:
    """Remove the staging folders and temporary files an interrupted build left beside `folder`."""
    removed: list[Path] = []
    try:
        entries = list(folder.parent.iterdir())
    except OSError:
        return removed
    for path in entries:
        found = _STAGING.match(path.name)
        if found is None or found.group("name") != folder.name:
            continue
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def remove_stale_inside(folder: Path) -> list[Path]:
    """Remove staging folders and temporary files left directly inside `folder`."""
    try:
        entries = list(folder.iterdir()) if folder.is_dir() and not folder.is_symlink() else []
    except OSError:
        return []
    removed: list[Path] = []
    for path in entries:
        if _STAGING.match(path.name) is None:
            continue
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed
