"""`zhibiao fmt`: normalise standards YAML while keeping every comment.

Round-trip with ruamel.yaml; keys follow the order of the data model (unknown keys
last), codes are double-quoted strings, 2-space indentation with `- ` items indented
under their key, no rewrapping of long Chinese lines. Files that do not parse get the
same located diagnostics as `zhibiao check` and are left untouched, as are files where
a code was written as a bare number whose leading zeros YAML has already dropped.

ruamel.yaml resolves plain scalars as `zhibiao check` does (`builder.yamlfmt.resolver`),
and a file is written only when `check` reads the same data from the new text as from the
old (`builder.yamlfmt.meaning`); otherwise fmt refuses, naming the place and the change.
"""

from __future__ import annotations

import io
import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

import builder.read.source_rules  # noqa: F401  (registers ZB0xx)
from builder.base.atomic import write_text
from builder.base.diagnostics import Diagnostic
from builder.base.rules import RULES
from builder.model import KINDS
from builder.project.paths import link_inside
from builder.read.corpus import discover, relative
from builder.read.yamlsource import YamlProblem, decode, parse, read_limited
from builder.yamlfmt.meaning import first_difference
from builder.yamlfmt.normalise import LostDigits, Quoted, normalise
from builder.yamlfmt.resolver import CoreRepresenter, CoreResolver

SCHEMA_LINE = "# yaml-language-server:"
WIDTH = 1_000_000
"""Line width for the emitter: large, so long Chinese lines are never rewrapped."""


def make_yaml() -> YAML:
    """The round-trip YAML instance with the house style (also used by `zhibiao new`)."""
    yaml = YAML()
    yaml.Resolver = CoreResolver
    yaml.Representer = CoreRepresenter
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.allow_unicode = True
    return yaml


@dataclass(frozen=True, slots=True)
class Formatted:
    """The outcome for one file: new text (None when it cannot be formatted) and problems."""

    text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def format_text(text: str, rel: str) -> Formatted:
    """Normalise one file's text; `rel` is the path shown in diagnostics.

    A file with Windows line endings (CRLF) keeps them on every line.
    """
    if "\r\n" not in text:
        return _format_lf(text, rel)
    formatted = _format_lf(text.replace("\r\n", "\n"), rel)
    if formatted.text is None:
        return formatted
    return Formatted(formatted.text.replace("\n", "\r\n"), formatted.diagnostics)


def _format_lf(text: str, rel: str) -> Formatted:
    try:
        before = parse(text)
    except YamlProblem as problem:
        rule = RULES[problem.code]
        return Formatted(
            None,
            [
                rule.diag(
                    rel,
                    problem.message,
                    line=problem.line,
                    column=problem.column,
                    hint=problem.hint,
                )
            ],
        )
    yaml = make_yaml()
    try:
        data = _load(yaml, text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return Formatted(None, [_unsupported(rel, line, column)])
    except (ValueError, TypeError, OverflowError):  # a scalar ruamel cannot build
        return Formatted(None, [_unsupported(rel)])
    if data is None:
        return Formatted(text)
    quoted: set[tuple[str | int, ...]] = set()
    kind = data.get("kind") if hasattr(data, "get") else None
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is not None:
        changes = list(normalise(data, model))
        lost = [item for item in changes if isinstance(item, LostDigits)]
        if lost:
            return Formatted(None, [_lost(rel, item.path, item.written) for item in lost])
        quoted = {item.path for item in changes if isinstance(item, Quoted)}
    out = io.StringIO()
    try:
        yaml.dump(data, out)
    except (YAMLError, ValueError, TypeError, OverflowError):
        return Formatted(None, [_unsupported(rel)])
    result = _schema_line_first(out.getvalue())
    try:
        after = parse(result)
    except YamlProblem:
        return Formatted(None, [_unsupported(rel)])
    difference = first_difference(before, after, frozenset(quoted))
    if difference is not None:
        return Formatted(
            None,
            [
                RULES["ZB001"].diag(
                    rel,
                    f"格式化会改变此处的含义：{difference.describe()}，fmt 未修改此文件",
                    path=difference.path,
                    hint="给这个值加引号（文本）或改写为 YAML 1.2 的标准写法，再运行 zhibiao fmt。",
                )
            ],
        )
    return Formatted(result)


_TAB_BEFORE_END = re.compile(r"[ \t]*\t[ \t]*(?=#|\r?$)", re.MULTILINE)


def _load(yaml: YAML, text: str) -> Any:
    """Round-trip load; ruamel.yaml refuses a tab before a comment or at the end of a line
    (libyaml accepts both), so on failure it is retried with those tabs as spaces (the
    meaning check afterwards catches a tab that was content)."""
    with warnings.catch_warnings():  # e.g. a reused anchor name: English text, harmless here
        warnings.simplefilter("ignore")
        try:
            return yaml.load(text)
        except YAMLError:
            detabbed = _TAB_BEFORE_END.sub(lambda m: m.group().replace("\t", " "), text)
            if detabbed == text:
                raise
            return make_yaml().load(detabbed)


def _unsupported(rel: str, line: int = 1, column: int = 1) -> Diagnostic:
    return RULES["ZB001"].diag(
        rel,
        "fmt 无法在保持含义不变的前提下重写此文件（zhibiao check 能读取它），未修改此文件",
        line=line,
        column=column,
        hint="常见原因：值或注释前的 Tab、特殊的多行写法；请在此处手工调整后再运行 zhibiao fmt。",
    )


def _lost(rel: str, path: tuple[str | int, ...], written: str) -> Diagnostic:
    return RULES["ZB102"].diag(
        rel,
        f"编码写成了不带引号的数字 {written}，YAML 已把它读成数字，fmt 无法确定原意，未修改此文件",
        path=path,
        hint=f'手工改为带引号的字符串，例如 "{written}"，然后再运行 zhibiao fmt。',
    )


def _schema_line_first(text: str) -> str:
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith("%"):
        return text  # a comment above a directive would be dropped by the next run
    schema = [i for i, line in enumerate(lines) if line.startswith(SCHEMA_LINE)]
    if schema and schema[0] != 0:
        lines.insert(0, lines.pop(schema[0]))
    return "".join(lines)


@dataclass(slots=True)
class FmtResult:
    """What `zhibiao fmt` did to a set of files."""

    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """Every YAML file named or found under the given paths, sorted, no duplicates."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(discover(path))
        else:
            found.add(path)
    return sorted(found)


def format_paths(paths: Iterable[Path], base: Path, *, check: bool) -> FmtResult:
    """Format the files under `paths`; with `check`, only report which would change.

    Nothing is written through a symbolic link inside `base` (the working folder): a linked
    file is left alone (its target is formatted under its own name when it is among the
    files), and one that leads out of `base` is reported (ZB013), as `zhibiao check` does.
    """
    result = FmtResult()
    for path in yaml_files(paths):
        rel = relative(path, base)
        refused = _through_link(path, base, rel)
        if refused is not None:
            if refused is not _SKIP:
                result.diagnostics.append(refused)
            continue
        original = read_to_rewrite(path, rel)
        if isinstance(original, Diagnostic):
            result.diagnostics.append(original)
            continue
        formatted = format_text(original, rel)
        result.diagnostics.extend(formatted.diagnostics)
        if formatted.text is None or formatted.text == original:
            result.unchanged += formatted.text is not None
            continue
        result.changed.append(rel)
        if not check:
            write_text(path, formatted.text)
    return result


_SKIP: Diagnostic = RULES["ZB013"].diag("", "")


def _through_link(path: Path, base: Path, rel: str) -> Diagnostic | None:
    """None when `path` may be written; `_SKIP` for a link to a file inside `base`; else
    the ZB013 diagnostic of a link that leads out of it."""
    link, _ = link_inside(path.absolute(), base)
    if link is None:
        return None
    real, inside = os.path.realpath(link), os.path.realpath(base)
    if link == path.absolute() and (real == inside or real.startswith(inside + os.sep)):
        return _SKIP
    try:
        target = str(link.readlink())
    except OSError:
        target = real
    return RULES["ZB013"].diag(
        rel,
        f"经过符号链接 {relative(link, base)}（指向 {target}），fmt 不修改此文件",
        line=1,
        column=1,
        hint="fmt 只改写项目中的普通文件；请删除该符号链接，或直接格式化它指向的文件。",
    )


def read_to_rewrite(path: Path, rel: str) -> str | Diagnostic:
    """The text of a file a command may rewrite (`fmt`, `migrate`), or why it cannot be read:
    the reading problem at its place (ZB0xx), or ZB010 when the file cannot be opened."""
    try:
        return decode(read_limited(path))
    except YamlProblem as problem:
        return RULES[problem.code].diag(
            rel, problem.message, line=problem.line or 1, column=problem.column or 1
        )
    except OSError as exc:
        message = f"无法读取文件：{exc.strerror or exc}"
        return RULES["ZB010"].diag(rel, message, line=1, column=1)
