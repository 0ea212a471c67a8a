"""Terminal output shared by the export and import commands."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from builder.base.diagnostics import Diagnostic
from builder.opendata.loading import ExportBlocked
from builder.report import text


def blocked(exc: ExportBlocked) -> NoReturn:
    """Report why nothing was exported and exit 1."""
    text.report(exc.diagnostics, exc.files, sys.stderr)
    click.echo("有文件无法读取或不符合模式，未导出任何内容", err=True)
    sys.exit(1)


def problems(diagnostics: list[Diagnostic], files: int) -> NoReturn:
    """Report import problems and exit 1."""
    text.report(diagnostics, files, sys.stderr)
    click.echo("未写入任何文件", err=True)
    sys.exit(1)


def skipped(lines: list[str]) -> None:
    """Warn about references that could not be exported (dangling codes)."""
    for line in lines:
        click.echo(f"warning: {line}", err=True)
    if lines:
        click.echo(
            f"跳过了 {len(lines)} 个无法解析的引用，请运行 zhibiao check 查看",
            err=True,
        )
