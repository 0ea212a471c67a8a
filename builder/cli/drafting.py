"""`zhibiao import docx`: a Word working copy (填写稿) read back into its YAML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from builder.cli.base import CONFIG_OPT
from builder.cli.exchange import import_group
from builder.project.paths import chosen
from builder.ruleset import open_project


@import_group.command("docx")
@click.argument("document", type=click.Path(path_type=Path))
@CONFIG_OPT
@click.option("--write", is_flag=True, help="把改动写入标准文件（默认只列出改动）")
@click.option(
    "--force",
    is_flag=True,
    help="标准文件在导出填写稿后又被修改过时，仍以填写稿为准导入",
)
@click.option(
    "--comments",
    "comments_to",
    type=click.Path(path_type=Path),
    help="意见稿（带批注的副本）写到这里，默认与填写稿同目录的 …-意见.docx",
)
def import_docx_command(
    document: Path,
    config_path: Path | None,
    write: bool,
    force: bool,
    comments_to: Path | None,
) -> None:
    """读取交回的 Word 填写稿，把改动写回对应的标准文件（YAML），问题写成批注。

    \f
    Read a returned working copy (zhibiao export docx --editable) back into its YAML.
    """
    from builder.drafting.importing import import_docx
    from builder.report import text

    project = open_project(None, config_path)
    document = chosen(document, project.root, "填写稿")
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


def _path(parts: tuple[Any, ...]) -> str:
    from builder.drafting.values import render_path

    return render_path(parts)


def _shown(value: Any) -> str:
    if value is None:
        return "（删除此项）"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"
