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

FORMATS = ("auto", "text", "json", "github", "sarif")
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
def check_command(
    path: Path | None, config_path: Path | None, fmt: str, strict: bool, output: Path | None
) -> None:
    """检查标准目录（默认 ./standards）：模式、引用、覆盖、数值规则、编码。

    Check a standards directory: schema, references, coverage, numeric rules, codes.
    """
    import io

    from builder import report
    from builder.atomic import write_text
    from builder.checking import run_check

    result = run_check(open_project(path, config_path))
    reporter = report.select(fmt)
    if output is not None:
        buffer = io.StringIO()
        reporter(result.diagnostics, result.files, buffer)
        try:
            write_text(output, buffer.getvalue())
        except OSError as exc:
            raise UsageError(f"无法写入报告文件 {output}：{exc.strerror or exc}") from None
    else:
        reporter(result.diagnostics, result.files, sys.stdout)
    sys.exit(1 if result.failed(strict=strict) else 0)


@cli.command("schema")
@click.option(
    "--check", "check_only", is_flag=True, help="只检查是否与模型一致，不写入 / only detect drift."
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="输出目录 / output directory.",
)
def schema_command(check_only: bool, folder: Path) -> None:
    """由数据模型生成 JSON Schema（schemas/*.json）。

    Generate the JSON Schemas from the pydantic models; --check exits 1 on drift.
    """
    from builder import schema

    if check_only:
        stale = schema.drift(folder)
        for name in stale:
            click.echo(f"{folder / name}: 与数据模型不一致，请运行 zhibiao schema / out of date")
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
    """列出全部检查规则及说明和示例 / list every diagnostic code."""
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
