"""The `zhibiao diff` pipeline: load both sides, compare, write the chosen format."""

from __future__ import annotations

import sys
from pathlib import Path

from builder.base.atomic import write_bytes, write_text
from builder.diff import run_diff
from builder.diff.model import ChangeSet
from builder.diff.render_json import render_json
from builder.diff.render_markdown import render_markdown
from builder.diff.render_text import render_text
from builder.diff.render_text import write_text as write_terminal
from builder.project import Project, UsageError


def write_diff(
    project: Project,
    old: str,
    new: str | None,
    fmt: str,
    output: Path | None,
    summary: Path | None,
) -> ChangeSet:
    """Compare `old` with `new` and write the result to `output` (or stdout) and `summary`."""
    if fmt == "docx" and output is None:
        raise UsageError("--format docx 需要用 -o 指定输出文件", hint="例如 -o 修订对照表.docx")
    changes = run_diff(project, old, new)
    if fmt == "docx":
        from builder.diff.render_docx import render_docx

        assert output is not None
        write_bytes(output, render_docx(changes))
    elif output is not None:
        write_text(output, _render(changes, fmt))
    elif fmt == "text":
        write_terminal(changes, sys.stdout)
    else:
        sys.stdout.write(_render(changes, fmt))
    if summary is not None:
        from builder.report.summary import append_summary

        append_summary(summary, render_markdown(changes))
    return changes


def _render(changes: ChangeSet, fmt: str) -> str:
    if fmt == "json":
        return render_json(changes)
    if fmt == "markdown":
        return render_markdown(changes)
    return render_text(changes)
