"""`zhibiao refs`, `rename`, `comments` and `confirm`: impact of a change and public consultation."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from builder.cli.base import CONFIG_OPT, cli
from builder.project import UsageError, open_project

STANDARDS_OPT = click.option(
    "--standards",
    "standards",
    type=click.Path(path_type=Path),
    help="标准目录（默认 ./standards）/ standards directory.",
)
SPECIALTY_OPT = click.option(
    "--specialty", metavar="CODE", help="只看这个专业（专业代码）/ only this specialty."
)


@cli.command("refs")
@click.argument("code")
@STANDARDS_OPT
@SPECIALTY_OPT
@CONFIG_OPT
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="输出格式 / output format.",
)
def refs_command(
    code: str, standards: Path | None, specialty: str | None, config_path: Path | None, fmt: str
) -> None:
    """列出使用某个职业能力、课程或实训室的全部地方：承载及其学习水平、培养规格、课程设置、接续专业、引用文件。

    Everything that uses a competency, course or room code.
    """
    from builder.corpus import load_corpus
    from builder.diagnostics import Diagnostics
    from builder.refs import find_targets, known_codes, locate_places
    from builder.refs_render import render_json, render_text

    project = open_project(standards, config_path)
    corpus = load_corpus(project.standards, Path.cwd(), Diagnostics())
    targets = find_targets(corpus, code, specialty)
    if not targets:
        close = difflib.get_close_matches(code, sorted(known_codes(corpus)), n=3)
        where = f"专业 {specialty} 中" if specialty else "标准目录中"
        raise UsageError(
            f"{where}没有编码为「{code}」的职业能力、课程或实训室",
            hint=f"是否应为：{'、'.join(close)}？"
            if close
            else "用 zhibiao refs 查询能力编码（如 1-2-3）、课程代码或实训室编号。",
        )
    targets = locate_places(targets, Path.cwd())
    click.echo((render_json if fmt == "json" else render_text)(code, targets), nl=False)


@cli.command("rename")
@click.argument("old")
@click.argument("new")
@STANDARDS_OPT
@SPECIALTY_OPT
@click.option(
    "--kind",
    type=click.Choice(("competency", "course", "room")),
    help="编码同时指代多种对象时指定类型 / which kind of code.",
)
@click.option("-n", "--dry-run", is_flag=True, help="只列出将改动的地方 / only list the changes.")
@CONFIG_OPT
def rename_command(
    old: str,
    new: str,
    standards: Path | None,
    specialty: str | None,
    kind: str | None,
    dry_run: bool,
    config_path: Path | None,
) -> None:
    """把职业能力、课程或实训室的编码在全部文件中一次改掉（保留注释与格式；全部写入或都不写）。

    Rename a competency, course or room code everywhere, atomically, keeping comments.
    """
    import sys

    from builder.corpus import load_corpus
    from builder.diagnostics import Diagnostics
    from builder.refs import KIND_LABELS
    from builder.rename import new_errors, new_texts, plan_rename, write_all
    from builder.report.text import format_line

    project = open_project(standards, config_path)
    base = Path.cwd()
    corpus = load_corpus(project.standards, base, Diagnostics())
    plan = plan_rename(corpus, old, new, specialty=specialty, kind=kind)
    texts = new_texts(plan, base)
    label = f"{KIND_LABELS[plan.target.kind]} {old} → {new}（专业 {plan.target.specialty}）"
    for rel, paths in sorted(plan.edits.items()):
        click.echo(f"{rel}: {len(paths)} 处")
    if dry_run:
        click.echo(f"{label}：将改动 {len(texts)} 个文件 {plan.count} 处（未写入）")
        return
    added = new_errors(project, texts, old, new)
    if added:
        for diagnostic in added:
            click.echo(format_line(diagnostic), err=True)
        click.echo(
            f"{label}：改名后 zhibiao check 会多出 {len(added)} 个错误，未写入任何文件", err=True
        )
        sys.exit(1)
    write_all(texts)
    click.echo(f"{label}：已改动 {len(texts)} 个文件 {plan.count} 处")
