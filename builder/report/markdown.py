"""Markdown report of diagnostics: the complete list for a GitHub step summary or a PR."""

from __future__ import annotations

from typing import TextIO

from builder.base.diagnostics import Diagnostic, Severity
from builder.base.escape import line_start, markdown_text
from builder.report.text import summary

_ICON = {Severity.ERROR: "❌ 错误", Severity.WARNING: "⚠️ 警告", Severity.INFO: "ℹ️ 提示"}


def _cell(text: str) -> str:
    """Values quoted in messages are data: text, never Markdown, HTML or images."""
    return "<br>".join(
        line_start(markdown_text(line)) for line in text.splitlines() if line.strip()
    )


def render(diagnostics: list[Diagnostic], files: int, *, title: str = "标准检查报告") -> str:
    """A heading, the counts line and one table row per diagnostic (errors first)."""
    out = [f"## {title}", "", f"{summary(diagnostics, files)}。", ""]
    if not diagnostics:
        return "\n".join(out)
    out += [
        "GitHub 每个步骤最多显示 10 条同级注释，下表列出全部问题。",
        "",
        "| 级别 | 代码 | 位置 | 问题 | 提示 |",
        "| --- | --- | --- | --- | --- |",
    ]
    ordered = sorted(diagnostics, key=lambda d: (-d.severity, *d.sort_key()))
    for d in ordered:
        where = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
        out.append(
            f"| {_ICON[d.severity]} | {_cell(d.code)} | {_cell(where)} | {_cell(d.message)} "
            f"| {_cell(d.hint or '')} |"
        )
    return "\n".join(out) + "\n"


def report(diagnostics: list[Diagnostic], files: int, stream: TextIO) -> None:
    """Reporter interface: write the Markdown report."""
    stream.write(render(diagnostics, files))
