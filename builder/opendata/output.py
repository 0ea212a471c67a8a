"""Write export outputs atomically; file-system failures become usage errors (exit 2)."""

from __future__ import annotations

import re
from pathlib import Path

from builder.atomic import write_bytes
from builder.project import UsageError


def output_dir(folder: Path) -> Path:
    """Check that `folder` can serve as an output directory (absent or a directory)."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"输出路径不是目录：{folder}", hint="用 -o 指定一个目录。")
    return folder


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
