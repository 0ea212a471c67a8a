"""`zhibiao refs`, `rename`, `comments` and `confirm`: impact of a change and public consultation."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from builder.cli.base import CONFIG_OPT, cli
from builder.project import UsageError
from builder.project.loading import open_project

if TYPE_CHECKING:
    from builder.project import Project
    from builder.read.corpus import Corpus, Loaded

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
    help="输出格式",
)
def refs_command(
    code: str, standards: Path | None, specialty: str | None, config_path: Path | None, fmt: str
) -> None:
    """列出使用某个职业能力、课程或实训室的全部地方：承载及其学习水平、培养规格、课程设置、接续专业、引用文件。

    \f
    Everything that uses a competency, course or room code.
    """
    from builder.base.diagnostics import Diagnostics
    from builder.read.corpus import load_corpus
    from builder.review.refs import find_targets, known_codes, locate_places
    from builder.review.refs_render import render_json, render_text

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
    help="编码同时指代多种对象时指定类型",
)
@click.option("-n", "--dry-run", is_flag=True, help="只列出将改动的地方")
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

    \f
    Rename a competency, course or room code everywhere, atomically, keeping comments.
    """
    import sys

    from builder.base.diagnostics import Diagnostics
    from builder.read.corpus import load_corpus, relative
    from builder.report.text import format_line, printable
    from builder.review.refs import KIND_LABELS, set_phrase
    from builder.review.rename import new_errors, new_texts, plan_rename, record_texts, write_all

    project = open_project(standards, config_path)
    base = Path.cwd()
    corpus = load_corpus(project.standards, base, Diagnostics())
    plan = plan_rename(corpus, old, new, specialty=specialty, kind=kind)
    texts = new_texts(plan, base)
    records = record_texts(plan, corpus)
    label = f"{KIND_LABELS[plan.target.kind]} {old} → {new}（{set_phrase(plan.target.specialty)}）"
    for rel, paths in sorted(plan.edits.items()):
        click.echo(f"{printable(str(rel))}: {len(paths)} 处")
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
    write_all({**texts, **records})
    for path in sorted(records):
        click.echo(f"{printable(relative(path, base))}: 审查记录中的位置已更新")
    click.echo(f"{label}：已改动 {len(texts)} 个文件 {plan.count} 处")


@cli.group("comments")
def comments_group() -> None:
    """征求意见：生成意见反馈表、导入返回的反馈表、生成征求意见汇总处理表、复核确认。

    \f
    Public consultation: feedback forms, import, the summary table, confirmations.
    """


def _load(standards: Path | None, config_path: Path | None) -> tuple[Project, Corpus]:
    from builder.base.diagnostics import Diagnostics
    from builder.read.corpus import load_corpus

    project = open_project(standards, config_path)
    return project, load_corpus(project.standards, Path.cwd(), Diagnostics())


def _select(corpus: Corpus, path: Path | None, *, consulting: bool) -> list[Loaded[Any]]:
    """The standards PATH names: one file, or those under a folder (under consultation only
    when `consulting`)."""
    if path is not None and not path.exists():
        raise UsageError(f"路径不存在：{path}")
    chosen: list[Loaded[Any]] = []
    target = path.resolve() if path is not None else None
    for item in corpus.documents:
        where = item.path.resolve()
        if target is None or where == target or target in where.parents:
            chosen.append(item)
    if target is not None and target.is_file() and not chosen:
        raise UsageError(f"不是已加载的标准文件：{path}", hint="先运行 zhibiao check 修正该文件。")
    if consulting and not (target is not None and target.is_file()):
        chosen = [i for i in chosen if i.doc.meta.status == "征求意见稿"]
        if not chosen:
            raise UsageError(
                "没有状态为“征求意见稿”的标准",
                hint="给出具体的标准文件路径，可为任意状态的标准生成反馈表。",
            )
    return chosen


@comments_group.command("form")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("dist/意见反馈表"),
    show_default=True,
    help="输出目录",
)
@STANDARDS_OPT
@CONFIG_OPT
def comments_form(
    path: Path | None, out: Path, standards: Path | None, config_path: Path | None
) -> None:
    """为标准生成意见反馈表（Excel 与 Word），预填条款号与能力、课程等编码。

    PATH 为标准文件（任意状态）或目录（其中的征求意见稿），默认 ./standards。
    """
    from builder.comments.collect import write_forms
    from builder.read.corpus import relative

    project, corpus = _load(standards, config_path)
    items = _select(corpus, path, consulting=True)
    written = write_forms(items, corpus, project.config, out)
    for target in written:
        click.echo(f"已生成 {relative(target, Path.cwd())}")
    click.echo(f"{len(items)} 份标准，{len(written)} 个反馈表文件")


@comments_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--standard",
    "standard_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="反馈表没有“文件标识”时，指定它所属的标准文件",
)
@click.option("--unit", help="反馈表没有填写提出单位时使用的单位名称")
@STANDARDS_OPT
@CONFIG_OPT
def comments_import(
    files: tuple[Path, ...],
    standard_path: Path | None,
    unit: str | None,
    standards: Path | None,
    config_path: Path | None,
) -> None:
    """导入各单位返回的意见反馈表（.xlsx、.docx），写入标准旁的审查记录 X.review.yaml。

    指向不存在位置的意见照样导入（位置按原样保留）并逐行报告；有这样的行或无法导入的反馈表时返回 1。
    """
    import sys

    from builder.comments.collect import import_forms
    from builder.report.text import printable

    project, corpus = _load(standards, config_path)
    for file in files:
        if not file.is_file():
            raise UsageError(f"文件不存在：{file}")
    standard = _select(corpus, standard_path, consulting=False)[0] if standard_path else None
    report = import_forms(project, corpus, list(files), standard=standard, unit=unit)
    for shown, where, message in report.problems:
        click.echo(printable(f"{shown}: {where + '：' if where else ''}{message}"), err=True)
    for row in report.unresolved:
        click.echo(
            printable(
                f"{row.file}: {row.where}：章节号或编码「{row.anchor}」在标准中不存在（已导入，请核对）"
            ),
            err=True,
        )
    for record, count in sorted(report.added.items()):
        click.echo(printable(f"{record}: 新增 {count} 条意见"))
    total = sum(report.added.values())
    click.echo(
        f"导入 {len(report.units)} 个单位的 {total} 条意见"
        + (f"，{report.duplicates} 条已导入过" if report.duplicates else "")
        + (f"，{len(report.unresolved)} 条位置不存在" if report.unresolved else "")
        + (f"，{len(report.problems)} 个问题" if report.problems else ""),
        err=True,
    )
    sys.exit(1 if report.unresolved or report.problems else 0)


@comments_group.command("report")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("dist/征求意见汇总处理表"),
    show_default=True,
    help="输出目录",
)
@STANDARDS_OPT
@CONFIG_OPT
def comments_report(
    path: Path | None, out: Path, standards: Path | None, config_path: Path | None
) -> None:
    """生成征求意见汇总处理表（Word：序号、章节号、原文、修改后内容、理由、提出单位、处理意见），
    并按提出单位和处理结果统计。PATH 为标准文件或目录（其中有审查记录的标准）。
    """
    import sys

    from builder.base.atomic import write_bytes
    from builder.comments.collect import form_name
    from builder.comments.report import report_docx, summary_text
    from builder.comments.store import existing_record, load_review
    from builder.read.corpus import relative
    from builder.report.text import printable

    _, corpus = _load(standards, config_path)
    written = 0
    for item in _select(corpus, path, consulting=False):
        record_path = existing_record(item.path)
        if record_path is None:
            continue
        shown = relative(record_path, Path.cwd())
        loaded = load_review(record_path, shown)
        if loaded.record is None:
            for problem in loaded.problems:
                click.echo(printable(f"{shown}: {problem.message}"), err=True)
            sys.exit(1)
        meta = item.doc.meta
        name = form_name(item).replace("意见反馈表", "征求意见汇总处理表") + ".docx"
        target = out / name
        if target.is_symlink():
            raise UsageError(f"输出文件是符号链接，不通过链接写入：{target}")
        write_bytes(target, report_docx(meta.title, loaded.record, when=meta.issued_on))
        text = summary_text(meta.title, loaded.record)
        click.echo("".join(printable(line) + "\n" for line in text.splitlines()), nl=False)
        click.echo(f"已生成 {relative(target, Path.cwd())}")
        written += 1
    if not written:
        raise UsageError(
            "没有找到审查记录（X.review.yaml）", hint="先用 zhibiao comments import 导入意见。"
        )


@comments_group.command("confirm")
@click.argument("code")
@click.option("--specialty", metavar="CODE", required=True, help="专业代码")
@click.option("--by", "by", required=True, help="复核人")
@click.option("--on", "on", help="复核日期 YYYY-MM-DD（默认今天）")
@click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="只确认这些承载文件（可重复）",
)
@STANDARDS_OPT
@CONFIG_OPT
def comments_confirm(
    code: str,
    specialty: str,
    by: str,
    on: str | None,
    files: tuple[Path, ...],
    standards: Path | None,
    config_path: Path | None,
) -> None:
    """复核确认：职业能力修改后，确认承载它的课程、实习任务、实训室、培养规格仍然成立（ZB708）。

    在每个承载文件的审查记录中记下复核人、日期和该能力当前的指纹。
    """
    import datetime as dt

    from builder.comments.collect import confirm
    from builder.report.text import printable

    when = on or dt.date.today().isoformat()
    try:
        dt.date.fromisoformat(when)
    except ValueError:
        raise UsageError(f"日期格式错误：{when}", hint="写成 YYYY-MM-DD。") from None
    if not by.strip():
        raise UsageError("复核人不能为空")
    project, corpus = _load(standards, config_path)
    only = {str(f) for f in files} if files else None
    done = confirm(project, corpus, code, specialty, by.strip(), when, only)
    for rel in done:
        click.echo(printable(f"{rel}: 已确认职业能力 {code}"))
