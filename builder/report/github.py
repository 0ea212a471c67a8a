"""GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`)."""

from __future__ import annotations

from typing import TextIO

from builder.base.diagnostics import Diagnostic, Severity
from builder.report.text import printable, summary

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a message (as `@actions/core` does), and other control characters."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)


def escape_property(text: str) -> str:
    """Escape a property value (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_annotation(d: Diagnostic) -> str:
    """One workflow command."""
    props = [f"file={escape_property(d.file)}"]
    if d.line:
        props += [f"line={d.line}", f"col={d.column}"]
    props.append(f"title={escape_property(d.code)}")
    message = d.message + (f"\n提示：{d.hint}" if d.hint else "")
    return f"::{_COMMAND[d.severity]} {','.join(props)}::{escape_data(message)}"


def report(diagnostics: list[Diagnostic], files: int, stream: TextIO) -> None:
    """Write one annotation per diagnostic and a plain summary line."""
    for d in diagnostics:
        stream.write(format_annotation(d) + "\n")
    stream.write(summary(diagnostics, files) + "\n")
