"""Write export outputs atomically; file-system failures become usage errors (exit 2)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from builder.base.atomic import write_bytes
from builder.base.outputs import Written
from builder.project import UsageError


def output_dir(folder: Path) -> Path:
    """Check that `folder` can serve as an output directory (absent or a directory)."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"输出路径不是目录：{folder}", hint="用 -o 指定一个目录。")
    return folder


def write_outputs(files: Mapping[Written, bytes]) -> list[Written]:
    """Write every output file atomically, in order; return what was written, each file with
    the identity of what it holds (`builder.base.outputs.Written`)."""
    write_all({made.path: data for made, data in files.items()})
    return list(files)


_UNSAFE_PART = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\s]+')


def safe_part(text: str) -> str:
    """`text` as one path component: separators, control and reserved characters become `_`,
    and a leading dot is dropped (a set keyed by a name the source gives, or a course name,
    never leaves the output folder)."""
    return _UNSAFE_PART.sub("_", text).lstrip(".") or "_"


def write_all(files: dict[Path, bytes]) -> list[Path]:
    """Write every file atomically, in order; return the paths."""
    for target, data in files.items():
        if target.is_dir():
            raise UsageError(f"输出路径是目录：{target}", hint="用 -o 指定一个文件。")
        try:
            write_bytes(target, data)
        except OSError as exc:
            raise UsageError(f"无法写入 {target}：{exc.strerror or exc}") from None
    return list(files)
