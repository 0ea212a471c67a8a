"""`zhibiao diff`, `fmt` and `new`: the review workflow."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from builder.cli.base import cli
from builder.project import UsageError
from builder.ruleset import open_project


@cli.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="[NEW]", required=False)
@click.option(
    "--standards",
    "standards",
    type=click.Path(path_type=Path),
    help="工作区的标准目录（默认 ./standards）",
)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="配置文件")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("text", "markdown", "json", "docx")),
    default="text",
    show_default=True,
    help="输出格式；docx 为修订对照表，须配合 -o",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="写入文件")
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="把 Markdown 差异追加到该文件（如 $GITHUB_STEP_SUMMARY，上限 1 MiB）",
)
@click.option(
    "--exit-code",
    is_flag=True,
    help="有变更时返回 1（同 git diff）",
)
def diff_command(
    old: str,
    new: str | None,
    standards: Path | None,
    config_path: Path | None,
    fmt: str,
    output: Path | None,
    summary_path: Path | None,
    exit_code: bool,
) -> None:
    """比较两个版本的标准（git 引用或目录；NEW 默认为工作区），按编码列出语义变更。

    \f
    Semantic diff of two versions (git ref or directory; NEW defaults to the working
    tree): documents, competencies, courses, internship, training bases, status.
    """
    from builder.diff.output import write_diff
    from builder.project.paths import chosen

    project = open_project(standards, config_path)
    if output is not None:
        output = chosen(output, project.root, "输出文件")
    if summary_path is not None:
        summary_path = chosen(summary_path, project.root, "摘要文件")
    changes = write_diff(project, old, new, fmt, output, summary_path)
    sys.exit(1 if exit_code and changes else 0)


@cli.command("fmt")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="只列出需要格式化的文件，有则返回 1",
)
def fmt_command(paths: tuple[Path, ...], check_only: bool) -> None:
    """规范化 YAML（键序按数据模型、缩进、编码加引号），保留注释（默认 ./standards）。

    \f
    Normalise standards YAML (key order, indentation, quoted codes) keeping comments.
    """
    from builder.base.diagnostics import Diagnostic
    from builder.project import default_standards
    from builder.read.corpus import place
    from builder.report.text import format_line, printable
    from builder.yamlfmt import format_paths

    targets = list(paths) or [default_standards()]
    for target in targets:
        if not target.exists():
            raise UsageError(f"路径不存在：{target}")
        if not target.is_dir() and target.suffix.lower() not in {".yaml", ".yml"}:
            raise UsageError(f"只处理 .yaml / .yml 文件：{target}")
    result = format_paths(targets, Path.cwd(), check=check_only)
    for rel in result.changed:
        shown = printable(str(rel))  # a file name may hold a line break (a CI log command)
        click.echo(f"{shown}: 需要格式化" if check_only else f"{shown}: 已格式化")
    for d in sorted(place(result.diagnostics, Path.cwd()), key=Diagnostic.sort_key):
        click.echo(format_line(d), err=True)
        if d.hint:
            click.echo(f"    提示：{printable(d.hint)}", err=True)
    verb = "需要格式化" if check_only else "已格式化"
    click.echo(
        f"{verb} {len(result.changed)} 个文件，{result.unchanged} 个文件无需改动"
        + (f"，{len(result.diagnostics)} 个问题" if result.diagnostics else ""),
        err=True,
    )
    failed = result.diagnostics or (check_only and result.changed)
    sys.exit(1 if failed else 0)


@cli.command("migrate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--write", is_flag=True, help="写入改动（默认只打印差异）")
@click.option("--check", "check_only", is_flag=True, help="有文件需要升级时返回 1（用于 CI）")
def migrate_command(paths: tuple[Path, ...], write: bool, check_only: bool) -> None:
    """把按旧版模型写成的文件升级为当前格式，保留注释，逐个文件打印差异（默认 ./standards）。

    \f
    Upgrade files written for an older model shape (docs/migrate.md), comments kept.
    """
    from builder.base.diagnostics import Diagnostic
    from builder.migrate.files import migrate_paths
    from builder.migrate.steps import STEPS
    from builder.project import default_standards
    from builder.project.paths import confined
    from builder.read.corpus import place
    from builder.report.text import format_line

    if write and check_only:
        raise UsageError("--write 与 --check 不能同时使用")
    base = Path.cwd()
    targets = list(paths) or [default_standards()]
    for target in targets:
        if not target.exists():
            raise UsageError(f"路径不存在：{target}")
        confined(target, base, "迁移路径")
        if not target.is_dir() and target.suffix.lower() not in {".yaml", ".yml"}:
            raise UsageError(f"只处理 .yaml / .yml 文件：{target}")
    result = migrate_paths(targets, base, write=write)
    for change in result.changed:
        click.echo(change.diff, nl=False)
    used = {name for change in result.changed for name in change.steps}
    for step in STEPS:
        if step.name in used:
            click.echo(f"{step.name}（{step.label}）：{step.description}", err=True)
    for d in sorted(place(result.diagnostics, base), key=Diagnostic.sort_key):
        click.echo(format_line(d), err=True)
        if d.hint:
            click.echo(f"    提示：{d.hint}", err=True)
    verb = "已升级" if write else "需要升级"
    click.echo(
        f"{verb} {len(result.changed)} 个文件，{result.unchanged} 个文件无需改动"
        + (f"，{len(result.diagnostics)} 个问题" if result.diagnostics else "")
        + ("" if write or not result.changed else "（加 --write 写入）"),
        err=True,
    )
    refused = any(d.code != "ZB017" for d in result.diagnostics)
    sys.exit(1 if refused or (check_only and result.changed) else 0)


@cli.command("new")
@click.argument(
    "kind",
    type=click.Choice(("specialty", "competencies", "course", "internship", "training-base")),
)
@click.option("--specialty", metavar="CODE", help="专业代码，如 510209")
@click.option("--code", help="课程代码（course）或专业代码（specialty）")
@click.option("--name", help="课程名称或专业名称")
@click.option(
    "--level",
    type=click.Choice(("中职", "高职专科", "职业本科")),
    help="层次（默认由专业代码首位判断）",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出文件")
@click.option("--force", is_flag=True, help="覆盖已有文件")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="配置文件")
def new_command(
    kind: str,
    specialty: str | None,
    code: str | None,
    name: str | None,
    level: str | None,
    output: Path | None,
    force: bool,
    config_path: Path | None,
) -> None:
    """生成标准文件骨架（必填字段齐全，“待补充”处待填写），缺少的选项在终端中会询问。

    \f
    Scaffold a standard document; missing options are asked for on a terminal.
    """
    from builder.base.atomic import write_text
    from builder.drafting.scaffold import KINDS, Request, build, render
    from builder.project.paths import chosen, confined

    interactive = sys.stdin.isatty()

    def need(value: str | None, option: str, label: str) -> str:
        if value:
            return value
        if interactive:
            answer: str = click.prompt(label)
            return answer.strip()
        raise UsageError(f"缺少选项 {option}（{label}）", hint="在终端中运行时会逐项询问。")

    project = open_project(None, config_path, missing_ok=True)
    if kind == "specialty":
        spec_code = need(code or specialty, "--code", "专业代码")
        request = Request(
            "specialty", spec_code, name=need(name, "--name", "专业名称"), level=level
        )
    else:
        spec_code = need(specialty, "--specialty", "专业代码")
        course = need(code, "--code", "课程代码") if kind == "course" else None
        asker = (lambda label: str(click.prompt(label)).strip()) if interactive else None
        request = Request(KINDS[kind], spec_code, course, name, level, ask=asker)
    scaffold = build(project, request)
    target = output or scaffold.path
    if output is not None:
        chosen(output, project.root, "输出文件")
    else:
        confined(target.absolute(), project.root, "输出文件")
    if target.exists() and not force:
        raise UsageError(f"文件已存在：{target}", hint="加 --force 覆盖，或用 -o 指定其他文件。")
    write_text(target, render(scaffold, project))
    click.echo(f"已生成 {target}")
    click.echo("下一步：把“待补充”替换为正文，然后运行 zhibiao check。")
