"""Find the standards files of a tree and name them, without a system call per name.

A national repository holds tens of thousands of files; `Path.resolve()` costs one
`lstat` per path component, so real paths and display paths are derived from the
resolved root instead. Only files that are themselves symbolic links are resolved.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

REVIEW_SUFFIXES = (".review.yaml", ".review.yml")
"""Review records (`builder.comments`) live next to the standards but are not standards."""


class Source(NamedTuple):
    """One standards file (paths as text: a `Path` per file costs more than the walk)."""

    path: str
    """As discovered: `root/sub`."""
    rel: str
    """Shown in messages: relative to the base folder when inside it, POSIX style; a linked
    file is shown under its own name, not its target's."""
    real: str
    """Resolved path (symbolic links followed)."""
    link: bool
    """The file itself is a symbolic link."""
    home: str
    """Where the file is: its folder resolved, the file itself (a link) not followed.
    References in the file are relative to this folder."""


def _walk(root: str, sub: str, found: list[tuple[list[str], bool]]) -> None:
    """Collect `(parts, is_link)` of YAML files; hidden entries skipped, links to folders not followed."""
    folder = f"{root}{os.sep}{sub}" if sub else root
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    prefix = sub.split("/") if sub else []
    folders = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                folders.append(name)
        elif name.endswith((".yaml", ".yml")) and not name.endswith(REVIEW_SUFFIXES):
            found.append(([*prefix, name], entry.is_symlink()))
    for name in folders:
        _walk(root, f"{sub}/{name}" if sub else name, found)


def find_sources(root: Path, base: Path) -> list[Source]:
    """Every `*.yaml`/`*.yml` file under `root`, in `Path` order (part by part)."""
    found: list[tuple[list[str], bool]] = []
    _walk(str(root), "", found)
    found.sort(key=lambda item: item[0])
    root_text = str(root).rstrip(os.sep) or os.sep
    root_real = str(root.resolve()).rstrip(os.sep)
    root_abs = os.path.abspath(root).rstrip(os.sep)  # noqa: PTH100  (lexical, links kept)
    base_abs = os.path.abspath(base)  # noqa: PTH100
    base_prefix = base_abs.rstrip(os.sep) + os.sep
    sources = []
    for parts, link in found:
        # Text paths throughout: building a `Path` per file costs more than the walk itself.
        sub = os.sep.join(parts)  # noqa: PTH118
        path = f"{root_text}{os.sep}{sub}"
        home = f"{root_real}{os.sep}{sub}"
        real = resolve_text(path) if link else home
        shown = f"{root_abs}{os.sep}{sub}"
        if shown.startswith(base_prefix):
            rel = shown[len(base_prefix) :].replace(os.sep, "/")
        else:
            rel = _outside(path, shown, base_abs)
        if not rel.isascii():
            rel = _printable(rel)
        sources.append(Source(path, rel, real, link, home))
    return sources


def _outside(path: str, shown: str, base_abs: str) -> str:
    """A file outside `base`: given as absolute, as it was given; given as relative, the
    shortest relative path (`../x.yaml` rather than `../../510209-…/x.yaml`)."""
    if os.path.isabs(path):  # noqa: PTH117
        return Path(path).as_posix()
    try:
        return Path(os.path.relpath(shown, base_abs)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def resolve_text(path: str) -> str:
    """The target of a link; the link itself when it loops or cannot be followed."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # "Symlink loop" is a RuntimeError before Python 3.13
        return str(Path(path).absolute())


def _printable(name: str) -> str:
    """A display name that can be written as UTF-8: undecodable bytes become `\\xNN`."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name
