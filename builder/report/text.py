"""Plain text: `path:line:col: severity[CODE] message`, hints indented below, then a summary."""

from __future__ import annotations

from typing import TextIO

import click

from builder.base.diagnostics import Diagnostic, Severity
from builder.base.escape import terminal_text

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def printable(text: str) -> str:
    """`text` with control characters escaped (`\\x1b`): values from standards files may
    carry terminal escape sequences, which must not reach a terminal or a CI log."""
    return terminal_text(text)


def format_line(d: Diagnostic) -> str:
    """The grep-able first line of a diagnostic."""
    where = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
    return printable(f"{where}: {d.severity.label}[{d.code}] {d.message}")


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    """Counts line, e.g. `检查了 12 个文件：2 个错误，1 个警告`."""
    errors = sum(1 for d in diagnostics if d.severity == Severity.ERROR)
    warnings = sum(1 for d in diagnostics if d.severity == Severity.WARNING)
    notes = len(diagnostics) - errors - warnings
    if not diagnostics:
        return f"检查了 {files} 个文件：没有发现问题"
    counts = f"检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告"
    return counts + (f"，{notes} 条提示" if notes else "")


def report(diagnostics: list[Diagnostic], files: int, stream: TextIO) -> None:
    """Write every diagnostic and a summary line (coloured when the stream is a terminal)."""
    colour = stream.isatty() and "NO_COLOR" not in __import__("os").environ
    for d in diagnostics:
        line = format_line(d)
        if colour:
            head, _, rest = line.partition(f"{d.severity.label}[")
            line = (
                head
                + click.style(f"{d.severity.label}[{d.code}]", fg=_COLOURS[d.severity], bold=True)
                + rest[len(d.code) + 1 :]
            )
        stream.write(line + "\n")
        if d.hint:
            stream.write(f"    提示：{printable(d.hint)}\n")
        for other in d.related:
            where = f"{other.file}:{other.line}:{other.column}" if other.line else other.file
            stream.write(f"    相关：{printable(where)}\n")
    stream.write(summary(diagnostics, files) + "\n")
