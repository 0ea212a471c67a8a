"""`zhibiao conform`: are schools' 人才培养方案 conforming to their national standard?"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from builder.cli.base import CONFIG_OPT, cli
from builder.project import UsageError
from builder.ruleset import open_project

if TYPE_CHECKING:
    from builder.view.conformrun import ConformRun


@cli.command("conform")
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path))
@CONFIG_OPT
@click.option(
    "--standards",
    "standards",
    type=click.Path(path_type=Path),
    help="国家标准所在的标准目录（默认就近查找 standards/）",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("text", "markdown", "docx")),
    default="text",
    show_default=True,
    help="报告格式：text、markdown（适合 GitHub 步骤摘要）、docx（审查文件，须给 -o）",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="写入文件而不是标准输出")
@click.option(
    "--against",
    metavar="PATH|REF",
    help="对照国家标准的新版本（目录、specialty.yaml 或 git 引用），列出学校须修订的项目",
)
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="把 Markdown 报告追加到该文件（GitHub Actions 中默认 $GITHUB_STEP_SUMMARY）",
)
def conform_command(
    plans: tuple[Path, ...],
    config_path: Path | None,
    standards: Path | None,
    fmt: str,
    output: Path | None,
    against: str | None,
    summary_path: Path | None,
) -> None:
    """审查人才培养方案（文件或目录）是否符合所依据的国家专业教学标准。

    逐项列出达到、未达到、超出和地方化的要求，每份方案一行结论；有方案不符合时退出码为 1。

    \f
    Judge schools' plans against the national standard they follow; exit 1 when one does not conform.
    """
    from builder.base.atomic import write_bytes, write_text
    from builder.project.paths import chosen
    from builder.report import conformance as report
    from builder.review.conforming import conform

    project = open_project(standards, config_path)
    if fmt == "docx" and output is None:
        raise UsageError("--format docx 需要用 -o 指定输出文件", hint="例如 -o 审查报告.docx")
    if output is not None:
        output = chosen(output, project.root, "报告文件")
    if summary_path is not None:
        summary_path = chosen(summary_path, project.root, "摘要文件")
    run = conform(project, plans, against)
    if fmt == "docx":
        assert output is not None
        write_bytes(output, _docx(run, project.config.issuer or None))
        click.echo(report.text(run).rstrip("\n").rpartition("\n")[2])
        click.echo(f"审查报告已写入 {output.as_posix()}")
    else:
        shown = report.markdown(run) if fmt == "markdown" else report.text(run)
        if output is not None:
            write_text(output, shown)
        else:
            sys.stdout.write(shown)
    if summary_path is None and os.environ.get("GITHUB_ACTIONS") == "true":
        step = os.environ.get("GITHUB_STEP_SUMMARY")
        summary_path = Path(step) if step else None
    if summary_path is not None:
        from builder.report.summary import append_summary

        append_summary(summary_path, report.markdown(run))
    sys.exit(0 if run.conforms else 1)


def _docx(run: ConformRun, issuer: str | None) -> bytes:
    """The review file: the report composed as a DocTree, rendered in the 公文 layout."""
    from builder.compose.conformance import compose_report
    from builder.docx.pool import render_one
    from builder.docx.profiles import profile_named

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    today = (
        dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        if epoch.isdigit()
        else dt.datetime.now(dt.UTC).date()
    )
    tree = compose_report(run, issuer=issuer, today=today)
    return render_one((tree, profile_named("gbt9704"), None))
