"""`zhibiao fmt`: normalise standards YAML while keeping every comment.

Round-trip with ruamel.yaml; keys follow the order of the data model (unknown keys
last), codes are double-quoted strings, 2-space indentation with `- ` items indented
under their key, no rewrapping of long Chinese lines. Files that do not parse get the
same located diagnostics as `zhibiao check` and are left untouched, as are files where
a code was written as a bare number whose leading zeros YAML has already dropped.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

import builder.source_rules  # noqa: F401  (registers ZB0xx)
from builder.atomic import write_text
from builder.corpus import discover, relative
from builder.diagnostics import Diagnostic
from builder.model import KINDS
from builder.rules import RULES
from builder.yamlfmt.normalise import normalise
from builder.yamlsource import YamlProblem, decode, parse

SCHEMA_LINE = "# yaml-language-server:"
WIDTH = 1_000_000
"""Line width for the emitter: large, so long Chinese lines are never rewrapped."""


def make_yaml() -> YAML:
    """The round-trip YAML instance with the house style (also used by `zhibiao new`)."""
    yaml = YAML()
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
        parse(text)
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
        data = yaml.load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        return Formatted(
            None, [RULES["ZB001"].diag(rel, f"YAML 语法错误：{exc}", line=line, column=column)]
        )
    if data is None:
        return Formatted(text)
    model = KINDS.get(data.get("kind")) if hasattr(data, "get") else None
    if model is not None:
        lost = list(normalise(data, model))
        if lost:
            return Formatted(None, [_lost(rel, item.path, item.written) for item in lost])
    out = io.StringIO()
    yaml.dump(data, out)
    result = _schema_line_first(out.getvalue())
    return Formatted(result)


def _lost(rel: str, path: tuple[str | int, ...], written: str) -> Diagnostic:
    return RULES["ZB102"].diag(
        rel,
        f"编码写成了不带引号的数字 {written}，YAML 已把它读成数字，fmt 无法确定原意，未修改此文件",
        path=path,
        hint=f'手工改为带引号的字符串，例如 "{written}"，然后再运行 zhibiao fmt。',
    )


def _schema_line_first(text: str) -> str:
    lines = text.splitlines(keepends=True)
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
    """Format the files under `paths`; with `check`, only report which would change."""
    result = FmtResult()
    for path in yaml_files(paths):
        rel = relative(path, base)
        try:
            original = decode(path.read_bytes())
        except YamlProblem as problem:
            result.diagnostics.append(
                RULES[problem.code].diag(
                    rel, problem.message, line=problem.line, column=problem.column
                )
            )
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
