"""Where the tool may read and write: inside the project, never through a symbolic link in it.

A standards repository takes pull requests from many units. A committed symbolic link
(`.zhibiao/cache -> ../..`, `site -> /var/www`, `dist/docx -> ~/.ssh`) or a path value in
`zhibiao.yaml` / `mkdocs.yml` (`../../etc`) must never make a command write, or publish,
outside the project. Every path that comes from configuration or from the CLI is checked
here before it is used. The policy:

- `confined`: paths from configuration files and the defaults (`site/`, `.zhibiao/cache`,
  `dist/…`, `theme.custom_dir`, `docx.reference_docx`) must lie inside the project, after
  `..` is applied, and no existing component inside the project may be a symbolic link.
- `chosen`: a path the user typed on the command line (`-o DIR`, `--site-dir`,
  `--changelog`) may lie outside the project (the user asked for it), but the part of it
  that lies inside the project must not contain a symbolic link either: a link planted in
  the repository does not become a way out because a user named a folder under it.
  Symbolic links outside the project (the user's own machine) are followed.

A refused path is a `UsageError` (exit 2) that names it, in Chinese.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from builder.project import UsageError

__all__ = ["chosen", "confined", "link_inside"]


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _roots(root: Path) -> tuple[str, str]:
    """The project folder as written (links kept, `..` applied) and resolved."""
    return os.path.abspath(root), os.path.realpath(root)  # noqa: PTH100


def link_inside(path: Path, root: Path) -> tuple[Path | None, str]:
    """(the first symbolic link inside the project that `path` goes through, or None;
    the real location `path` stands for: links outside the project followed, the rest
    of the path, which does not exist yet, appended)."""
    absolute = os.path.abspath(path)  # noqa: PTH100  (lexical: `..` applied, links kept)
    _, root_real = _roots(root)
    current = os.sep
    parts = Path(absolute).parts[1:]
    for i, part in enumerate(parts):
        candidate = os.path.join(current, part)  # noqa: PTH118
        try:
            info = os.lstat(candidate)
        except OSError:  # does not exist (yet): nothing below it can be a link
            return None, os.path.join(current, *parts[i:])  # noqa: PTH118
        if stat.S_ISLNK(info.st_mode):
            if _within(current, root_real):
                return Path(candidate), candidate
            candidate = os.path.realpath(candidate)
        current = candidate
    return None, current


def _refuse_link(path: Path, link: Path, what: str) -> UsageError:
    try:
        target = str(link.readlink())
    except OSError:
        target = "?"
    return UsageError(
        f"{what} {path.as_posix()} 经过项目中的符号链接 {link.as_posix()}（指向 {target}），已拒绝",
        hint="仓库中的符号链接不能作为读写位置；请删除该链接，或换一个不经过链接的路径。",
    )


def confined(path: Path, root: Path, what: str) -> Path:
    """`path` (relative paths are relative to `root`) if it lies inside the project `root`
    without going through a symbolic link there; else a `UsageError` naming it."""
    full = path if path.is_absolute() else root / path
    link, real = link_inside(full, root)
    if link is not None:
        raise _refuse_link(path, link, what)
    _, root_real = _roots(root)
    if not _within(real, root_real):
        raise UsageError(
            f"{what} {path.as_posix()} 在项目目录之外，已拒绝",
            hint="配置中的路径只能指向项目目录（zhibiao.yaml 所在目录）之内，且不能含 .. 越出项目。",
        )
    return full


def chosen(path: Path, root: Path, what: str) -> Path:
    """A path the user gave on the command line: anywhere, but never through a symbolic
    link inside the project `root`; else a `UsageError` naming it."""
    link, _ = link_inside(path, root)
    if link is not None:
        raise _refuse_link(path, link, what)
    return path
