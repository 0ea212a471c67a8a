"""The output folder of `zhibiao build`: refused when replacing it would delete more than a site."""

from __future__ import annotations

from pathlib import Path

from builder.project import UsageError
from builder.project.paths import chosen, confined


def site_target(site_dir: Path | None, root: Path) -> Path:
    """The resolved output folder: `-d` (inside the project, no link on the way), else
    `site/` in the project root."""
    if site_dir is not None:
        return chosen(site_dir, root, "输出目录").resolve()
    return confined(Path("site"), root, "输出目录").resolve()


def guard_site_dir(site_dir: Path, root: Path, standards: Path) -> None:
    """Refuse an output folder whose replacement would delete something that is not a site:
    a plain file, the project, its standards, the working directory or a folder of other files.
    """
    shown = site_dir.as_posix()
    if site_dir.exists() and not site_dir.is_dir():
        raise UsageError(f"输出目录 {shown} 是一个文件，已拒绝", hint="用 -d 指定一个目录。")
    keep = [root, standards, Path.cwd()]
    if any(path.resolve().is_relative_to(site_dir) for path in keep):
        raise UsageError(
            f"输出目录 {shown} 包含项目、标准目录或当前目录，构建会把它整个替换掉，已拒绝",
            hint="用 -d 指定项目中的一个子目录，如 site 或 public。",
        )
    is_site = any((site_dir / name).is_file() for name in ("index.html", "versions.json"))
    if site_dir.is_dir() and any(site_dir.iterdir()) and not is_site:
        raise UsageError(
            f"输出目录 {shown} 已有文件，但不是站点（没有 index.html），构建会删除其中的全部内容，已拒绝",
            hint="换一个输出目录，或先手工清空它。",
        )
