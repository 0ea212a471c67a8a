"""`zhibiao check`, `schema` and `rules`: validate the standards and explain the rules."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from builder.cli.base import (
    CONFIG_OPT,
    FORMAT_OPT,
    STANDARDS_ARG,
    cli,
    jobs_option,
    no_cache_option,
)
from builder.project import UsageError
from builder.ruleset import open_project


@cli.command("check")
@STANDARDS_ARG
@CONFIG_OPT
@FORMAT_OPT
@click.option("--strict", is_flag=True, help="有警告也返回 1")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="写入文件而不是标准输出",
)
@click.option(
    "--base",
    "base_ref",
    metavar="REF",
    help="与基线版本（git 引用或目录）比较状态变更（ZB606）",
)
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="把完整 Markdown 报告追加到该文件（--format github 时默认 $GITHUB_STEP_SUMMARY）",
)
@no_cache_option("检查缓存 .zhibiao/cache")
@jobs_option("解析文件")
def check_command(
    path: Path | None,
    config_path: Path | None,
    fmt: str,
    strict: bool,
    output: Path | None,
    base_ref: str | None,
    summary_path: Path | None,
    no_cache: bool,
    jobs: int | None,
) -> None:
    """检查标准目录（默认 ./standards）：模式、引用、覆盖、数值规则、编码、生命周期。

    \f
    Check a standards directory: schema, references, coverage, numeric rules, codes, lifecycle.
    Unchanged specialty sets are taken from the cache (.zhibiao/cache).
    """
    import io
    import os
    from contextlib import ExitStack

    from builder import report
    from builder.base.atomic import write_text
    from builder.checking.incremental import run_check_cached
    from builder.diff.renames import find_renames
    from builder.project.cache import CheckCache, cache_root
    from builder.project.paths import chosen

    project = open_project(path, config_path)
    if output is not None:
        output = chosen(output, project.root, "报告文件")
    if summary_path is not None:
        summary_path = chosen(summary_path, project.root, "摘要文件")
    with ExitStack() as stack:
        baseline = None
        if base_ref is not None:
            from builder.diff.gitref import open_side

            baseline = open_side(base_ref, project, stack).corpus
        use_cache = not no_cache and baseline is None  # a base version is not part of the key
        cache = CheckCache.open(cache_root(project.root) if use_cache else None)
        result = run_check_cached(
            project,
            cache,
            baseline=baseline,
            rename_finder=find_renames,
            jobs=jobs or None,
            show_progress=None,
        )
    if result.files == 0:
        raise UsageError(
            f"标准目录 {project.standards} 中没有任何 .yaml 标准文件",
            hint="检查路径是否正确；新项目可用 zhibiao new specialty 生成第一份标准。",
        )
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    diagnostics = result.diagnostics
    if fmt == "github" and base_ref is not None:
        from builder.diff.gitref import changed_files

        touched = changed_files(project, base_ref)
        diagnostics = sorted(diagnostics, key=lambda d: d.file not in touched)
    reporter = report.select(fmt)
    if output is not None:
        buffer = io.StringIO()
        reporter(diagnostics, result.files, buffer)
        try:
            write_text(output, buffer.getvalue())
        except OSError as exc:
            raise UsageError(f"无法写入报告文件 {output}：{exc.strerror or exc}") from None
    else:
        reporter(diagnostics, result.files, sys.stdout)
    if summary_path is None and fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        summary_path = Path(os.environ["GITHUB_STEP_SUMMARY"])
    if summary_path is not None:
        from builder.report.markdown import render
        from builder.report.summary import append_summary

        append_summary(summary_path, render(result.diagnostics, result.files))
        suspects = [(d.file, d.line, d.message) for d in result.diagnostics if d.code == "ZB708"]
        if suspects:  # reviewers act on these: list them apart from the full report
            from builder.comments.suspect import summary_markdown

            append_summary(summary_path, summary_markdown(suspects))
    sys.exit(1 if result.failed(strict=strict) else 0)


@cli.command("schema")
@click.option("--check", "check_only", is_flag=True, help="只检查是否与模型一致，不写入")
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path),
    help="输出目录（默认项目根目录下的 schemas/）",
)
def schema_command(check_only: bool, folder: Path | None) -> None:
    """由数据模型生成 JSON Schema（schemas/*.json）。

    \f
    Generate the JSON Schemas from the pydantic models; --check exits 1 on drift.
    """
    from builder import schema
    from builder.project import default_schemas

    given = folder
    folder = folder or default_schemas()
    if check_only:
        stale = schema.drift(folder)
        for name in stale:
            shown = (folder / name).as_posix()
            if (folder / name).is_file():
                click.echo(f"{shown}: 与数据模型不一致，请运行 zhibiao schema")
            else:
                click.echo(f"{shown}: 文件不存在，请运行 zhibiao schema")
        if stale:
            sys.exit(1)
        click.echo(f"{folder}: 与数据模型一致")
        return
    from builder.project.paths import chosen, confined

    home = default_schemas().absolute().parent  # the project root (or the working folder)
    if given is not None:
        chosen(given, home, "输出目录")
    else:
        confined(folder.absolute(), home, "输出目录")
    changed = schema.write(folder)
    click.echo(f"已写入 {len(changed)} 个文件到 {folder}")


@cli.command("rules")
@click.argument("code", required=False)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("text", "json", "markdown")),
    default="text",
    show_default=True,
)
def rules_command(code: str | None, fmt: str) -> None:
    """列出全部检查规则及说明和示例；CODE 可为代码（ZB201）或名称（dangling-competency）。

    \f
    List every diagnostic code, or one rule by code or name.
    """
    from builder.report.rulesdoc import render
    from builder.ruleset import all_rules

    click.echo(render(all_rules(), code, fmt), nl=False)
