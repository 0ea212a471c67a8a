"""`zhibiao import docx`: a Word working copy (填写稿) read back into its YAML."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from builder.cli.base import CONFIG_OPT
from builder.cli.exchange import import_group
from builder.model.meta import STATUS_ORDER
from builder.project import Project
from builder.project.paths import chosen
from builder.ruleset import open_project


@import_group.command("docx")
@click.argument("document", type=click.Path(path_type=Path))
@CONFIG_OPT
@click.option("--write", is_flag=True, help="把改动写入标准文件（默认只列出改动）")
@click.option(
    "--force",
    is_flag=True,
    help="标准文件在导出填写稿后又被修改过时，仍以填写稿为准导入；--new 时覆盖已有文件",
)
@click.option(
    "--comments",
    "comments_to",
    type=click.Path(path_type=Path),
    help="意见稿（带批注的副本）写到这里，默认与填写稿同目录的 …-意见.docx",
)
@click.option(
    "--new",
    "new",
    type=click.Path(path_type=Path),
    help="导入不是由职标生成的、已发布的专业教学标准（国家 2025 版式），写成这个新的 YAML 文件",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="--new 的导入报告格式",
)
@click.option("--dry-run", is_flag=True, help="--new 时只报告读出的内容，不写文件")
@click.option("--version", "version", help="--new 时原文没有版本（如「2025年版」）才用的版本")
@click.option(
    "--status",
    type=click.Choice(list(STATUS_ORDER)),
    help="--new 时原文没有状态（「发布」「送审稿」等）才用的状态",
)
def import_docx_command(
    document: Path,
    config_path: Path | None,
    write: bool,
    force: bool,
    comments_to: Path | None,
    new: Path | None,
    output_format: str,
    dry_run: bool,
    version: str | None,
    status: str | None,
) -> None:
    """读取交回的 Word 填写稿，把改动写回对应的标准文件（YAML），问题写成批注；
    或用 --new 把已发布的专业教学标准（国家 2025 版式）导入为新的 YAML。

    \f
    Read a returned working copy (zhibiao export docx --editable) back into its YAML,
    or bring in a published standard in the national layout with --new.
    """
    from builder.drafting.importing import import_docx
    from builder.report import text

    project = open_project(None, config_path)
    document = chosen(document, project.root, "填写稿" if new is None else "Word 文件")
    if new is not None:
        given = {"version": version or "", "status": status or ""}
        _national(document, new, project, force, dry_run, given, output_format)
        return
    result = import_docx(document, project, write=write, force=force, comments_to=comments_to)
    diagnostics = result.diagnostics(document.as_posix())
    for diagnostic in diagnostics:
        click.echo(text.format_line(diagnostic), err=True)
        if diagnostic.hint:
            click.echo(f"  提示：{diagnostic.hint}", err=True)
    changes = result.changes
    for parts, value in changes.edits.items():
        click.echo(f"修改 {_path(parts)}：{_shown(value)}")
    for parts in changes.removals:
        click.echo(f"删除 {_path(parts)}")
    for addition in changes.additions:
        code = addition.value.get("code") if isinstance(addition.value, dict) else None
        click.echo(
            f"新增 {_path(addition.into)}（{code or _shown(addition.value)}，{addition.where}）"
        )
    if result.comments is not None:
        click.echo(f"意见稿（批注）：{result.comments}", err=True)
    if result.failed():
        click.echo(f"{document}：有错误，未写入任何标准文件", err=True)
        sys.exit(1)
    if result.after is None:
        click.echo(f"{document}：没有需要导入的改动")
    elif result.written:
        click.echo(f"已写入 {result.source}")
    else:
        click.echo(f"未写入 {result.source}：确认以上改动后加 --write 写入")


def _national(
    document: Path,
    new: Path,
    project: Project,
    force: bool,
    dry_run: bool,
    given: dict[str, str],
    output_format: str,
) -> None:
    """`import docx FILE --new OUT.yaml`: the report, the diagnostics, exit 1 on errors."""
    from builder.drafting.national_import import import_national
    from builder.drafting.national_report import as_json, table
    from builder.report import text

    result = import_national(document, new, project, write=not dry_run, force=force, given=given)
    shown = document.as_posix()
    if output_format == "json":
        click.echo(json.dumps(as_json(result, shown), ensure_ascii=False, indent=2))
    else:
        for diagnostic in result.diagnostics(shown):
            click.echo(text.format_line(diagnostic), err=True)
            if diagnostic.hint:
                click.echo(f"  提示：{diagnostic.hint}", err=True)
        for line in table(result):
            click.echo(line)
    if result.failed():
        click.echo(f"{shown}：有错误，未写入 {new.as_posix()}", err=True)
        sys.exit(1)
    if result.written:
        click.echo(f"已写入 {new.as_posix()}（请运行 zhibiao check 核对）", err=True)
    else:
        click.echo(f"未写入 {new.as_posix()}（--dry-run）", err=True)


def _path(parts: tuple[Any, ...]) -> str:
    from builder.drafting.values import render_path

    return render_path(parts)


def _shown(value: Any) -> str:
    if value is None:
        return "（删除此项）"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"
