"""`zhibiao export …` and `zhibiao import …`: Word, CASE, JSON and Excel."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from builder.cli.base import CONFIG_OPT, STANDARDS_ARG, F, cli, jobs_option, no_cache_option
from builder.project import Project
from builder.project.paths import chosen
from builder.ruleset import open_project

if TYPE_CHECKING:
    from builder.docx.export import ExportResult
    from builder.docx.rendercache import DocxCache

T = TypeVar("T")


def _open_data_export(
    path: Path | None, config_path: Path | None, export: Callable[[Project], T]
) -> T:
    """Run one open-data export; a corpus with errors stops it with the located report (exit 1)."""
    from builder.opendata import console
    from builder.opendata.loading import ExportBlocked

    try:
        return export(open_project(path, config_path))
    except ExportBlocked as exc:
        console.blocked(exc)


def _output(path: Path, project: Project, what: str = "输出目录") -> Path:
    """An output path from the command line: anywhere the user likes, but never through a
    symbolic link inside the project (`builder.project.paths.chosen`)."""
    return chosen(path, project.root, what)


@cli.group("export")
def export_group() -> None:
    """导出标准（CASE 1.1、开放数据集、Excel 等）。

    \f
    Export the standards to other formats.
    """


@export_group.command("case")
@STANDARDS_ARG
@CONFIG_OPT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("dist/case"),
    show_default=True,
    help="输出目录",
)
@click.option(
    "--base-uri",
    help="uri 的前缀（默认取 site.url + /ims/case/v1p1，未配置时用 urn:uuid:）",
)
def export_case_command(
    path: Path | None, config_path: Path | None, output: Path, base_uri: str | None
) -> None:
    """导出 1EdTech CASE 1.1 CFPackage（每份标准文件一个 JSON）。

    \f
    Export one CASE 1.1 CFPackage (JSON) per standard document.
    """
    from builder.opendata import console
    from builder.opendata.case import export_case

    result = _open_data_export(
        path,
        config_path,
        lambda project: export_case(project, _output(output, project), base_uri),
    )
    console.skipped(result.skipped)
    click.echo(f"已写入 {len(result.files)} 个文件到 {output}")


@export_group.command("json")
@STANDARDS_ARG
@CONFIG_OPT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("dist/opendata/zhibiao-dataset.json"),
    show_default=True,
    help="输出文件（同目录写入 dataset.schema.json）",
)
def export_json_command(path: Path | None, config_path: Path | None, output: Path) -> None:
    """导出全部标准的规范化数据集（JSON，附 JSON Schema）。

    \f
    Export one normalised JSON dataset of all standards, with its JSON Schema.
    """
    from builder.opendata.dataset import export_dataset

    written = _open_data_export(
        path, config_path, lambda project: export_dataset(project, _output(output, project))
    )
    for target in written:
        click.echo(f"已写入 {target.path}")


@export_group.command("xlsx")
@STANDARDS_ARG
@CONFIG_OPT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("dist/xlsx"),
    show_default=True,
    help="输出目录（每个专业一个工作簿）",
)
def export_xlsx_command(path: Path | None, config_path: Path | None, output: Path) -> None:
    """导出 Excel 工作簿：职业能力清单、课程设置、能力—课程矩阵。

    \f
    Export one Excel workbook per specialty: competencies, course plan, matrix.
    """
    from builder.opendata.xlsx_export import export_xlsx

    written = _open_data_export(
        path, config_path, lambda project: export_xlsx(project, _output(output, project))
    )
    for target in written:
        click.echo(f"已写入 {target.path}")


def _word_options(default_out: str) -> Callable[[F], F]:
    """The options `export docx` and `export pdf` share (output folder, template, notice,
    --force, the render cache, workers)."""

    def apply(function: F) -> F:
        for option in reversed(
            (
                STANDARDS_ARG,
                CONFIG_OPT,
                click.option(
                    "-o",
                    "--output",
                    "out_dir",
                    type=click.Path(path_type=Path),
                    default=Path(default_out),
                    show_default=True,
                    help="输出目录",
                ),
                click.option(
                    "--reference-docx",
                    type=click.Path(path_type=Path),
                    help="参考模板，沿用其中同名样式",
                ),
                click.option(
                    "--notice",
                    type=click.Path(path_type=Path),
                    help="发文通知（YAML），另生成带附件的公文",
                ),
                click.option(
                    "--force",
                    is_flag=True,
                    help="检查有错误也导出校对稿，有错误的文件标注“未通过检查”",
                ),
                no_cache_option("Word 渲染缓存 .zhibiao/cache/docx"),
                jobs_option("渲染文档"),
            )
        ):
            function = option(function)
        return function

    return apply


@dataclass(frozen=True, slots=True)
class _WordJob:
    """What `export docx` / `export pdf` were asked for, paths checked against the project."""

    project: Project
    out_dir: Path
    reference_docx: Path | None
    notice: Path | None
    cache: DocxCache


def _word_job(
    path: Path | None,
    config_path: Path | None,
    out_dir: Path,
    reference_docx: Path | None,
    notice: Path | None,
    no_cache: bool,
) -> _WordJob:
    from builder.docx.rendercache import DocxCache

    project = open_project(path, config_path)
    return _WordJob(
        project,
        _output(out_dir, project),
        chosen(reference_docx, project.root, "参考模板") if reference_docx else None,
        chosen(notice, project.root, "发文通知") if notice else None,
        DocxCache.open(None if no_cache else project.root),
    )


@export_group.command("docx")
@_word_options("dist/docx")
@click.option(
    "--toc-pages",
    type=click.Choice(("auto", "always", "never")),
    help="用 LibreOffice 排版一次，把目次页码写进文件（默认取 zhibiao.yaml 的 docx.toc_pages，即 auto）",
)
@click.option(
    "--editable",
    is_flag=True,
    help="导出填写稿：每项内容带内容控件，交回后用 zhibiao import docx 导入（见 docs/drafting.md）",
)
def export_docx_command(
    path: Path | None,
    config_path: Path | None,
    out_dir: Path,
    reference_docx: Path | None,
    notice: Path | None,
    force: bool,
    no_cache: bool,
    jobs: int | None,
    toc_pages: str | None,
    editable: bool,
) -> None:
    """每份标准文件导出一个 Word 文档（.docx），先做检查，有错误则不导出。

    \f
    Export one .docx per standard document; the standards are checked first.
    Unchanged documents are taken from the render cache (.zhibiao/cache/docx).
    """
    from builder.checking.pipeline import run_check
    from builder.docx.export import export_project

    job = _word_job(path, config_path, out_dir, reference_docx, notice, no_cache)
    result = export_project(
        job.project,
        job.out_dir,
        check=run_check,
        reference_docx=job.reference_docx,
        notice=job.notice,
        force=force,
        cache=job.cache,
        jobs=jobs,
        toc_pages=toc_pages,
        editable=editable,
    )
    _report_export(result, job.cache)


@export_group.command("pdf")
@_word_options("dist/pdf")
def export_pdf_command(
    path: Path | None,
    config_path: Path | None,
    out_dir: Path,
    reference_docx: Path | None,
    notice: Path | None,
    force: bool,
    no_cache: bool,
    jobs: int | None,
) -> None:
    """每份标准文件导出一个 PDF/A 文件（经 LibreOffice 排版，嵌入字体，目次带页码），用于印发和存档。

    \f
    Export one PDF/A per standard document through LibreOffice (needs soffice and pdftotext).
    """
    from builder.checking.pipeline import run_check
    from builder.docx.pdf import export_pdf

    job = _word_job(path, config_path, out_dir, reference_docx, notice, no_cache)
    result = export_pdf(
        job.project,
        job.out_dir,
        check=run_check,
        reference_docx=job.reference_docx,
        notice=job.notice,
        force=force,
        cache=job.cache,
        jobs=jobs,
    )
    _report_export(result, job.cache)


def _report_export(result: ExportResult, cache: DocxCache) -> None:
    """Diagnostics, refusal (exit 1) or the --force warning, the files written."""
    from builder import report

    if result.check.failed():
        report.select("text")(result.check.diagnostics, result.check.files, sys.stderr)
    if not result.written:
        click.echo(
            "检查发现错误，未导出；修正后重试，或用 --force 导出校对稿",
            err=True,
        )
        sys.exit(1)
    if result.check.failed():
        click.echo(
            f"警告：检查未通过，已按 --force 导出；{len(result.forced)} 个有错误的文件"
            "标注为“未通过检查”，不得作为正式文本印发",
            err=True,
        )
    for written in result.written:
        click.echo(str(written))
    if cache.enabled:
        stats = cache.stats
        click.echo(f"缓存命中 {stats.hits} 个，重新生成 {stats.rendered} 个")
    click.echo(f"已写入 {len(result.written)} 个文件")


@cli.group("import")
def import_group() -> None:
    """从其他格式导入标准（Excel 等）。

    \f
    Import standards from other formats.
    """


@import_group.command("xlsx")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="由手工表格生成职业能力清单时，要写入的 YAML；不写时把导出的工作簿导回标准",
)
@CONFIG_OPT
@click.option("--sheet", default=None, help="工作表名（默认「职业能力清单」；仅用于 -o）")
@click.option("--specialty", help="专业代码（默认取「文件信息」或输出目录名；仅用于 -o）")
@click.option("--title", help="文件名称（默认取「文件信息」；仅用于 -o）")
@click.option("--version", "version", help="版本，如 2025（默认取「文件信息」；仅用于 -o）")
@click.option(
    "--force",
    is_flag=True,
    help="覆盖已有文件（-o）；导回时：YAML 在导出后改过也以工作簿为准",
)
@click.option("--dry-run", is_flag=True, help="导回时只列出改动，不写文件")
def import_xlsx_command(
    workbook: Path,
    output: Path | None,
    config_path: Path | None,
    sheet: str | None,
    specialty: str | None,
    title: str | None,
    version: str | None,
    force: bool,
    dry_run: bool,
) -> None:
    """导入 Excel：把 export xlsx 导出、改过的工作簿导回标准 YAML（只写改动），
    或用 -o 由工作表（工作领域｜工作任务｜职业能力｜学习水平）生成职业能力清单 YAML。

    \f
    Bring an edited workbook back into the YAML, or build a competency list with -o.
    """
    from builder.opendata import console
    from builder.opendata.xlsx_import import ImportOptions, import_xlsx

    if output is None:
        _return_workbook(workbook, config_path, force, dry_run)
        return
    output = _output(output, open_project(None, config_path, missing_ok=True), "输出文件")
    options = ImportOptions(sheet, specialty, title, version, force)
    result = import_xlsx(workbook, output, options, config_path)
    if result.diagnostics:
        console.problems(result.diagnostics, 1)
    click.echo(f"已写入 {output}：{result.competencies} 项职业能力")


def _return_workbook(workbook: Path, config_path: Path | None, force: bool, dry_run: bool) -> None:
    """`import xlsx BOOK`: apply the workbook's edits, report them, or the problems (exit 1)."""
    from builder import report
    from builder.opendata import console
    from builder.opendata.xlsx_update import update_from_workbook

    result = _open_data_export(
        None,
        config_path,
        lambda project: update_from_workbook(workbook, project, force=force, dry_run=dry_run),
    )
    if result.warnings:
        report.select("text")(result.warnings, 1, sys.stderr)
    if result.problems:
        console.problems(result.problems, 1)
    for line in result.changes:
        click.echo(line)
    if not result.changes:
        click.echo("工作簿与标准一致，没有需要写入的改动")
    elif dry_run:
        click.echo(f"共 {len(result.changes)} 处改动（--dry-run，未写入文件）")
    else:
        click.echo(f"共 {len(result.changes)} 处改动，已写入 {len(result.written)} 个文件")
