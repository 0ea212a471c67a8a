"""The project on disk: where its config and standards live (`Project`), and the error that
stops a command (`UsageError`). Loading `zhibiao.yaml` is `builder.project.loading`.

This module stays light (no pydantic, no YAML): `zhibiao build` with nothing to do decides
before the configuration is loaded (`builder.site.unchanged`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from builder.base.oserrors import os_reason
from builder.read.configfile import CONFIG_NAME

if TYPE_CHECKING:
    from builder.read.config import ProjectConfig


class UsageError(Exception):
    """The tool cannot proceed (bad config, missing directory): exit code 2."""

    def __init__(
        self,
        message: str,
        *,
        file: str = "",
        line: int = 0,
        column: int = 0,
        hint: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
        self.code = code

    def render(self) -> str:
        """`file:line:col: error: message` plus the hint, for the terminal."""
        where = self.file
        if self.file and self.line:
            where = f"{self.file}:{self.line}:{self.column}"
        label = f"error[{self.code}]" if self.code else "error"
        head = f"{where}: {label}: {self.message}" if where else f"{label}: {self.message}"
        return head + (f"\n  提示：{self.hint}" if self.hint else "")


@dataclass(frozen=True, slots=True)
class Project:
    """Where the standards and the config live."""

    root: Path
    standards: Path
    config: ProjectConfig
    config_path: Path | None


def default_standards(start: Path | None = None) -> Path:
    """The standards directory used when none is given: `./standards`, or, when run from a
    folder inside a project, the `standards/` of the nearest parent that has one."""
    return _nearest("standards", start)


def default_schemas(start: Path | None = None) -> Path:
    """The project's `schemas/` folder, found the same way as `default_standards`."""
    return _nearest("schemas", start)


def _nearest(name: str, start: Path | None) -> Path:
    """`./name`, or `name` in the nearest parent folder that has it.

    The search stops at the first folder holding `zhibiao.yaml` (the project root), whose
    `name` is returned even when it does not exist yet. The path is relative to the working
    directory where possible, so messages stay short.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / name
        if candidate.is_dir() or (folder / CONFIG_NAME).is_file():
            if folder == here:
                return Path(name)
            try:
                return Path(os.path.relpath(candidate, here))
            except ValueError:  # another drive on Windows
                return candidate
    return Path(name)


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def os_error_message(exc: OSError) -> str:
    """`无法访问 路径：原因` for an input/output error, the reason in Chinese where known."""
    name = exc.filename2 if exc.filename2 is not None else exc.filename
    reason = os_reason(exc)
    if name is None:
        return f"无法完成文件读写：{reason}"
    return f"无法访问 {display_path(Path(os.fsdecode(name)))}：{reason}"
