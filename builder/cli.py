"""Command line: parse options, call one pipeline function, map the result to an exit code.

Exit codes: 0 clean, 1 problems found (errors, or warnings with --strict), 2 usage or
configuration error, 3 internal error (the traceback is saved to a file, never printed).
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path

import click

from builder import __version__
from builder.project import UsageError, open_project

FORMATS = ("auto", "text", "json", "github", "sarif", "markdown")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="zhibiao")
def cli() -> None:
    """职标 Zhibiao：以代码方式编写、检查和发布职业教育标准。

    Write, check and publish Chinese vocational-education standards as code.
    """


@cli.command("check")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="配置文件（默认就近查找 zhibiao.yaml）/ config file.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="输出格式 / output format.",
)
@click.option("--strict", is_flag=True, help="有警告也返回 1 / fail on warnings too.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="写入文件而不是标准输出 / write the report to a file.",
)
@click.option(
    "--base",
    "base_ref",
    metavar="REF",
    help="与基线版本（git 引用或目录）比较状态变更（ZB606）/ compare lifecycle with a base.",
)
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="把完整 Markdown 报告追加到该文件（--format github 时默认 $GITHUB_STEP_SUMMARY）"
    " / append a Markdown report (capped at 1 MiB).",
)
def check_command(
    path: Path | None,
    config_path: Path | None,
    fmt: str,
    strict: bool,
    output: Path | None,
    base_ref: str | None,
    summary_path: Path | None,
) -> None:
    """检查标准目录（默认 ./standards）：模式、引用、覆盖、数值规则、编码、生命周期。

    Check a standards directory: schema, references, coverage, numeric rules, codes, lifecycle.
    """
    import io
    import os
    from contextlib import ExitStack

    from builder import report
    from builder.atomic import write_text
    from builder.checking import run_check

    project = open_project(path, config_path)
    with ExitStack() as stack:
        baseline = None
        if base_ref is not None:
            from builder.diff.gitref import open_side

            baseline = open_side(base_ref, project, stack).corpus
        result = run_check(project, baseline=baseline)
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
    sys.exit(1 if result.failed(strict=strict) else 0)


@cli.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="[NEW]", required=False)
@click.option(
    "--standards",
    "standards",
    type=click.Path(path_type=Path),
    help="工作区的标准目录（默认 ./standards）/ standards directory of the working tree.",
)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="配置文件 / config.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("text", "markdown", "json", "docx")),
    default="text",
    show_default=True,
    help="输出格式；docx 为修订对照表，须配合 -o / output format.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="写入文件 / write to a file.")
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="把 Markdown 差异追加到该文件（如 $GITHUB_STEP_SUMMARY，上限 1 MiB）"
    " / append the Markdown diff to a step summary.",
)
@click.option(
    "--exit-code",
    is_flag=True,
    help="有变更时返回 1（同 git diff）/ exit 1 when there are changes.",
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

    Semantic diff of two versions (git ref or directory; NEW defaults to the working
    tree): documents, competencies, courses, internship, training bases, status.
    """
    from builder.diff.output import write_diff

    changes = write_diff(open_project(standards, config_path), old, new, fmt, output, summary_path)
    sys.exit(1 if exit_code and changes else 0)


@cli.command("fmt")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="只列出需要格式化的文件，有则返回 1 / list files that would change, exit 1.",
)
def fmt_command(paths: tuple[Path, ...], check_only: bool) -> None:
    """规范化 YAML（键序按数据模型、缩进、编码加引号），保留注释（默认 ./standards）。

    Normalise standards YAML (key order, indentation, quoted codes) keeping comments.
    """
    from builder.corpus import place
    from builder.diagnostics import Diagnostic
    from builder.project import default_standards
    from builder.report.text import format_line
    from builder.yamlfmt import format_paths

    targets = list(paths) or [default_standards()]
    for target in targets:
        if not target.exists():
            raise UsageError(f"路径不存在：{target}")
        if not target.is_dir() and target.suffix.lower() not in {".yaml", ".yml"}:
            raise UsageError(f"只处理 .yaml / .yml 文件：{target}")
    result = format_paths(targets, Path.cwd(), check=check_only)
    for rel in result.changed:
        click.echo(f"{rel}: 需要格式化 / would reformat" if check_only else f"{rel}: 已格式化")
    for d in sorted(place(result.diagnostics, Path.cwd()), key=Diagnostic.sort_key):
        click.echo(format_line(d), err=True)
        if d.hint:
            click.echo(f"    提示：{d.hint}", err=True)
    verb = "需要格式化" if check_only else "已格式化"
    click.echo(
        f"{verb} {len(result.changed)} 个文件，{result.unchanged} 个文件无需改动"
        + (f"，{len(result.diagnostics)} 个问题" if result.diagnostics else ""),
        err=True,
    )
    failed = result.diagnostics or (check_only and result.changed)
    sys.exit(1 if failed else 0)


@cli.command("new")
@click.argument(
    "kind",
    type=click.Choice(("specialty", "competencies", "course", "internship", "training-base")),
)
@click.option("--specialty", metavar="CODE", help="专业代码，如 510209 / specialty code.")
@click.option("--code", help="课程代码（course）或专业代码（specialty）/ course or specialty code.")
@click.option("--name", help="课程名称或专业名称 / course or specialty name.")
@click.option(
    "--level",
    type=click.Choice(("中职", "高职专科", "职业本科")),
    help="层次（默认由专业代码首位判断）/ education level.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出文件 / output file.")
@click.option("--force", is_flag=True, help="覆盖已有文件 / overwrite an existing file.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="配置文件 / config.")
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

    Scaffold a standard document; missing options are asked for on a terminal.
    """
    from builder.atomic import write_text
    from builder.scaffold import KINDS, Request, build, render

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
    if target.exists() and not force:
        raise UsageError(f"文件已存在：{target}", hint="加 --force 覆盖，或用 -o 指定其他文件。")
    write_text(target, render(scaffold, project))
    click.echo(f"已生成 {target}")
    click.echo("下一步：把“待补充”替换为正文，然后运行 zhibiao check。")


@cli.command("schema")
@click.option(
    "--check", "check_only", is_flag=True, help="只检查是否与模型一致，不写入 / only detect drift."
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path),
    help="输出目录（默认项目根目录下的 schemas/）/ output directory.",
)
def schema_command(check_only: bool, folder: Path | None) -> None:
    """由数据模型生成 JSON Schema（schemas/*.json）。

    Generate the JSON Schemas from the pydantic models; --check exits 1 on drift.
    """
    from builder import schema
    from builder.project import default_schemas

    folder = folder or default_schemas()
    if check_only:
        stale = schema.drift(folder)
        for name in stale:
            shown = (folder / name).as_posix()
            if (folder / name).is_file():
                click.echo(f"{shown}: 与数据模型不一致，请运行 zhibiao schema / out of date")
            else:
                click.echo(f"{shown}: 文件不存在，请运行 zhibiao schema / missing")
        if stale:
            sys.exit(1)
        click.echo(f"{folder}: 与数据模型一致 / up to date")
        return
    changed = schema.write(folder)
    click.echo(f"已写入 {len(changed)} 个文件 / wrote {len(changed)} file(s) to {folder}")


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

    List every diagnostic code, or one rule by code or name.
    """
    from builder.rulesdoc import render

    click.echo(render(code, fmt), nl=False)


@cli.group("export")
def export_group() -> None:
    """导出标准（CASE 1.1、开放数据集、Excel 等）。

    Export the standards to other formats.
    """


STANDARDS_ARG = click.argument("path", required=False, type=click.Path(path_type=Path))
CONFIG_OPT = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="配置文件（默认就近查找 zhibiao.yaml）/ config file.",
)


@export_group.command("case")
@STANDARDS_ARG
@CONFIG_OPT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("dist/case"),
    show_default=True,
    help="输出目录 / output directory.",
)
@click.option(
    "--base-uri",
    help="uri 的前缀（默认取 site.url + /ims/case/v1p1，未配置时用 urn:uuid:）/ base of every uri.",
)
def export_case_command(
    path: Path | None, config_path: Path | None, output: Path, base_uri: str | None
) -> None:
    """导出 1EdTech CASE 1.1 CFPackage（每份标准文件一个 JSON）。

    Export one CASE 1.1 CFPackage (JSON) per standard document.
    """
    from builder.opendata import console
    from builder.opendata.case import export_case
    from builder.opendata.loading import ExportBlocked

    try:
        result = export_case(open_project(path, config_path), output, base_uri)
    except ExportBlocked as exc:
        console.blocked(exc)
    console.skipped(result.skipped)
    click.echo(f"已写入 {len(result.files)} 个文件到 {output} / wrote {len(result.files)} file(s)")


@export_group.command("json")
@STANDARDS_ARG
@CONFIG_OPT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("dist/opendata/zhibiao-dataset.json"),
    show_default=True,
    help="输出文件（同目录写入 dataset.schema.json）/ output file.",
)
def export_json_command(path: Path | None, config_path: Path | None, output: Path) -> None:
    """导出全部标准的规范化数据集（JSON，附 JSON Schema）。

    Export one normalised JSON dataset of all standards, with its JSON Schema.
    """
    from builder.opendata import console
    from builder.opendata.dataset import export_dataset
    from builder.opendata.loading import ExportBlocked

    try:
        written = export_dataset(open_project(path, config_path), output)
    except ExportBlocked as exc:
        console.blocked(exc)
    for target in written:
        click.echo(f"已写入 {target} / wrote {target}")


@export_group.command("xlsx")
@STANDARDS_ARG
@CONFIG_OPT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("dist/xlsx"),
    show_default=True,
    help="输出目录（每个专业一个工作簿）/ output directory.",
)
def export_xlsx_command(path: Path | None, config_path: Path | None, output: Path) -> None:
    """导出 Excel 工作簿：职业能力清单、课程设置、能力—课程矩阵。

    Export one Excel workbook per specialty: competencies, course plan, matrix.
    """
    from builder.opendata import console
    from builder.opendata.loading import ExportBlocked
    from builder.opendata.xlsx_export import export_xlsx

    try:
        written = export_xlsx(open_project(path, config_path), output)
    except ExportBlocked as exc:
        console.blocked(exc)
    for target in written:
        click.echo(f"已写入 {target} / wrote {target}")


@export_group.command("docx")
@STANDARDS_ARG
@CONFIG_OPT
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("dist/docx"),
    show_default=True,
    help="输出目录 / output directory.",
)
@click.option(
    "--reference-docx",
    type=click.Path(path_type=Path),
    help="参考模板，沿用其中同名样式 / reference .docx whose named styles are used.",
)
@click.option(
    "--notice",
    type=click.Path(path_type=Path),
    help="发文通知（YAML），另生成带附件的公文 / issuing notice file.",
)
def export_docx_command(
    path: Path | None,
    config_path: Path | None,
    out_dir: Path,
    reference_docx: Path | None,
    notice: Path | None,
) -> None:
    """每份标准文件导出一个 Word 文档（.docx），先做检查，有错误则不导出。

    Export one .docx per standard document; the standards are checked first.
    """
    from builder import report
    from builder.docx.export import export_project

    result = export_project(
        open_project(path, config_path), out_dir, reference_docx=reference_docx, notice=notice
    )
    if not result.written:
        report.select("text")(result.check.diagnostics, result.check.files, sys.stderr)
        click.echo("检查发现错误，未导出 / not exported: fix the errors first", err=True)
        sys.exit(1)
    for written in result.written:
        click.echo(str(written))
    click.echo(f"已写入 {len(result.written)} 个文件 / wrote {len(result.written)} file(s)")


@cli.group("import")
def import_group() -> None:
    """从其他格式导入标准（Excel 等）。

    Import standards from other formats.
    """


@import_group.command("xlsx")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="要写入的职业能力清单 YAML / competencies YAML to write.",
)
@CONFIG_OPT
@click.option("--sheet", default=None, help="工作表名（默认「职业能力清单」）/ sheet name.")
@click.option("--specialty", help="专业代码（默认取「文件信息」或输出目录名）/ specialty code.")
@click.option("--title", help="文件名称（默认取「文件信息」）/ document title.")
@click.option("--version", "version", help="版本，如 2025（默认取「文件信息」）/ version.")
@click.option("--force", is_flag=True, help="覆盖已有文件 / overwrite an existing file.")
def import_xlsx_command(
    workbook: Path,
    output: Path,
    config_path: Path | None,
    sheet: str | None,
    specialty: str | None,
    title: str | None,
    version: str | None,
    force: bool,
) -> None:
    """由 Excel 工作表（工作领域｜工作任务｜职业能力｜学习水平）生成职业能力清单 YAML。

    Build a competency-list YAML from a spreadsheet.
    """
    from builder.opendata import console
    from builder.opendata.xlsx_import import ImportOptions, import_xlsx

    options = ImportOptions(sheet, specialty, title, version, force)
    result = import_xlsx(workbook, output, options, config_path)
    if result.diagnostics:
        console.problems(result.diagnostics, 1)
    click.echo(
        f"已写入 {output}：{result.competencies} 项职业能力 / wrote {result.competencies} competencies"
    )


@cli.command("build")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="配置文件（默认就近查找 zhibiao.yaml）/ config file.",
)
@click.option(
    "--force", is_flag=True, help="检查有错误也发布，每页显示警告 / publish despite errors."
)
@click.option("--version", "version", help="构建到 site/<版本>/ 并更新 versions.json / version.")
@click.option(
    "--alias", "aliases", multiple=True, help="版本别名，如 latest，可多次 / version alias."
)
@click.option("--title", help="版本选择器中的名称（默认同版本号）/ title in the selector.")
@click.option(
    "--from-git", "ref", help="从 git 标签或提交构建，不改动工作区 / build a git tag or commit."
)
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(path_type=Path),
    help="输出目录（默认项目根目录下的 site/）/ output directory.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="检查结果的输出格式 / diagnostics format.",
)
@click.option("--no-docx", is_flag=True, help="不生成 Word 下载 / skip the Word downloads.")
@click.option(
    "--changelog",
    type=click.Path(path_type=Path, dir_okay=False),
    help="修订说明页面（Markdown 文件）/ changelog page (Markdown).",
)
def build_command(
    path: Path | None,
    config_path: Path | None,
    force: bool,
    version: str | None,
    aliases: tuple[str, ...],
    title: str | None,
    ref: str | None,
    site_dir: Path | None,
    fmt: str,
    no_docx: bool,
    changelog: Path | None,
) -> None:
    """检查标准并生成文档站点（mkdocs，严格模式）；有错误时拒绝发布。

    Check the standards and build the documentation site; refuses to publish on errors.
    """
    from builder.site.pipeline import BuildOptions
    from builder.site.run import read_changelog, run_build

    if aliases and version is None:
        raise click.UsageError("--alias 需要与 --version 一起使用 / --alias needs --version")
    options = BuildOptions(
        site_dir=Path("site"),
        force=force,
        version=version,
        aliases=aliases,
        title=title,
        docx=not no_docx,
        changelog=read_changelog(changelog),
    )
    sys.exit(run_build(path, config_path, site_dir, options, fmt=fmt, ref=ref))


@cli.command("serve")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="配置文件（默认就近查找 zhibiao.yaml）/ config file.",
)
@click.option(
    "-a",
    "--dev-addr",
    "address",
    default="127.0.0.1:8000",
    show_default=True,
    help="预览地址 host:port / preview address.",
)
def serve_command(path: Path | None, config_path: Path | None, address: str) -> None:
    """本地预览站点，修改标准文件后自动刷新 / live preview for authors."""
    from builder.site.run import run_serve

    sys.exit(run_serve(path, config_path, address))


def main() -> None:
    """Entry point of the `zhibiao` console script."""
    try:
        cli.main(standalone_mode=False, prog_name="zhibiao")
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.Abort:
        click.echo("已中止 / aborted", err=True)
        sys.exit(2)
    except UsageError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(2)
    except OSError as exc:  # an output path that cannot be written, a disk that is full …
        from builder.project import os_error_message

        click.echo(f"error: {os_error_message(exc)}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("已中断 / interrupted", err=True)
        sys.exit(130)
    except Exception:
        with tempfile.NamedTemporaryFile(
            "w", prefix="zhibiao-", suffix=".log", delete=False
        ) as log:
            traceback.print_exc(file=log)
        click.echo(f"内部错误，请报告此问题；详细信息已写入 {log.name} / internal error", err=True)
        sys.exit(3)
