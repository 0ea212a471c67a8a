"""`zhibiao migrate` over files: confined to the project, never through a symbolic link,
each file written atomically, a unified diff per changed file."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from builder.base.atomic import write_text
from builder.base.diagnostics import Diagnostic
from builder.base.rules import RULES
from builder.migrate import Migrated, migrate_text
from builder.migrate.rules import UNDECIDED
from builder.project.paths import link_inside
from builder.read.corpus import relative
from builder.yamlfmt import read_to_rewrite, yaml_files


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file that migrate changes (or would change): its path, diff and steps."""

    rel: str
    diff: str
    steps: tuple[str, ...]


@dataclass(slots=True)
class MigrateResult:
    """What `zhibiao migrate` found in a set of files."""

    changed: list[FileChange] = field(default_factory=list)
    unchanged: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)


def unified(rel: str, old: str, new: str) -> str:
    """The unified diff of one file (a/… b/… as git prints it)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{rel}", f"b/{rel}"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _refused_link(path: Path, base: Path, rel: str) -> Diagnostic | None:
    link, _ = link_inside(path.absolute(), base)
    if link is None:
        return None
    return RULES["ZB013"].diag(
        rel,
        f"经过符号链接 {relative(link, base)}，migrate 不修改此文件",
        line=1,
        column=1,
        hint="migrate 只改写项目中的普通文件；请对符号链接指向的文件本身运行 zhibiao migrate。",
    )


def migrate_paths(paths: Iterable[Path], base: Path, *, write: bool) -> MigrateResult:
    """Migrate the YAML files under `paths` (inside `base`); with `write`, write them."""
    result = MigrateResult()
    for path in yaml_files(paths):
        rel = relative(path, base)
        refused = _refused_link(path, base, rel)
        if refused is not None:
            result.diagnostics.append(refused)
            continue
        original = read_to_rewrite(path, rel)
        if isinstance(original, Diagnostic):
            result.diagnostics.append(original)
            continue
        done = migrate_text(original)
        result.diagnostics.extend(_problems(done, rel))
        if done.text is None or done.text == original:
            result.unchanged += done.text is not None
            continue
        steps = tuple(dict.fromkeys(change.step for change in done.changes))
        result.changed.append(FileChange(rel, unified(rel, original, done.text), steps))
        if write:
            write_text(path, done.text)
    return result


def _problems(done: Migrated, rel: str) -> list[Diagnostic]:
    found = [
        UNDECIDED.diag(rel, f"migrate 未改动此处：{item.reason}", path=item.path)
        for item in done.undecided
    ]
    if done.refused is not None:
        rule = RULES["ZB001"]
        if done.refused_at:
            found.append(rule.diag(rel, done.refused, path=done.refused_at))
        else:
            found.append(rule.diag(rel, done.refused, line=1, column=1))
    return found
