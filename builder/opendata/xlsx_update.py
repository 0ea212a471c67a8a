"""`zhibiao import xlsx BOOK` (no `-o`): bring an edited `export xlsx` workbook back into the YAML.

The hidden sheet `_zhibiao` names the specialty and the digest of every file at export; a
file changed since is refused unless `force` (ZB808). Each table sheet (found by its key
column, whatever its name) is applied by `xlsx_apply`; then every changed document is
dumped with the comment-preserving writer of `zhibiao fmt`, parsed and validated by the
project's own loader. Only when every document is valid are the changed files written, each
atomically; an unchanged document is never rewritten, so an unedited round trip changes no
byte. Problems are diagnostics located by sheet, row and column.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.base.diagnostics import Diagnostic
from builder.base.rules import RULES
from builder.opendata import update_rules as rules
from builder.opendata.loading import load_standards
from builder.opendata.output import write_all
from builder.opendata.xlsx_apply import TableImport
from builder.opendata.xlsx_competencies import apply_competencies
from builder.opendata.xlsx_grid import Workbook
from builder.opendata.xlsx_reader import where
from builder.opendata.xlsx_rows import file_key, fingerprint
from builder.opendata.xlsx_session import Doc, Session
from builder.opendata.xlsx_sheets import KEY_MARK, KEY_SHEET
from builder.opendata.xlsx_tables import tables
from builder.opendata.yaml_edit import unwrap
from builder.project import Project, UsageError
from builder.project.paths import link_inside
from builder.read.corpus import validate
from builder.read.yamlsource import YamlProblem, decode, parse, read_limited
from builder.yamlfmt import make_yaml


@dataclass(slots=True)
class UpdateResult:
    """What the import found and did."""

    problems: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def _key_sheet(book: Workbook) -> tuple[str, dict[str, str]]:
    rows = book.sheet_rows(KEY_SHEET, 10_000)
    if not rows or not rows[0][1] or rows[0][1][0] != KEY_MARK:
        raise UsageError(
            f"工作簿没有 zhibiao export xlsx 写入的隐藏工作表「{KEY_SHEET}」：{book.path}",
            hint="只能导回由 zhibiao export xlsx 导出的工作簿；由手工表格生成职业能力清单请用 -o 指定输出文件。",
        )
    code = ""
    files: dict[str, str] = {}
    for _, cells in rows[1:]:
        if len(cells) > 1 and cells[0] == "专业代码":
            code = cells[1].strip()
        elif len(cells) > 2 and cells[0] == "文件":
            files[cells[1]] = cells[2]
    return code, files


def _load(path: Path) -> tuple[str, Any]:
    text = decode(read_limited(path))
    return text, make_yaml().load(text.replace("\r\n", "\n"))


def update_from_workbook(
    workbook: Path, project: Project, *, force: bool = False, dry_run: bool = False
) -> UpdateResult:
    """Apply the workbook's edits to the specialty's YAML files (see the module)."""
    book = Workbook(workbook)
    try:
        return _update(book, project, force, dry_run)
    finally:
        book.close()


def _update(book: Workbook, project: Project, force: bool, dry_run: bool) -> UpdateResult:
    shown = book.path.as_posix()
    code, recorded = _key_sheet(book)
    corpus = load_standards(project)
    entry = corpus.specialties.get(code)
    if entry is None:
        raise UsageError(
            f"项目中没有专业代码为 {code} 的标准：{project.standards}",
            hint="在导出这个工作簿的项目中导入，或用 zhibiao check 查看标准目录。",
        )
    result = UpdateResult()
    docs: dict[str, Doc] = {}
    for loaded in entry.documents():
        key = file_key(entry, loaded)
        if key not in recorded:
            continue
        if fingerprint(loaded.path) != recorded[key] and not force:
            result.problems.append(
                rules.CHANGED.diag(
                    shown,
                    f"{key} 在导出工作簿之后已被修改",
                    line=1,
                    column=1,
                    hint="重新导出后再把修改抄过去；确认以工作簿为准时加 --force。",
                )
            )
            continue
        try:
            text, data = _load(loaded.path)
        except (OSError, YamlProblem) as exc:  # read a moment ago by the loader
            raise UsageError(f"无法读取 {loaded.rel}：{exc}") from None
        docs[key] = Doc(loaded, key, text, data)
    for key in recorded:
        if key not in docs and not any(p.code == "ZB808" for p in result.problems) and not force:
            result.problems.append(
                rules.MISSING_FILE.diag(
                    shown,
                    f"工作簿中的文件 {key} 在项目中不存在",
                    line=1,
                    column=1,
                    hint="重新导出工作簿；用 --force 跳过这个文件中的行。",
                )
            )
    if result.problems:
        return result
    session = Session(shown, docs, skipped={key for key in recorded if key not in docs})
    result.warnings.extend(_apply(session, book))
    result.warnings.extend(apply_competencies(session, book, project.config))
    result.problems.extend(session.problems)
    result.changes.extend(session.changes)
    if result.problems:
        return result
    texts = _dump_and_validate(session)
    for doc, _ in texts:
        link, _ = link_inside(doc.loaded.path.absolute(), project.root)
        if link is not None:
            session.problems.append(
                RULES["ZB013"].diag(
                    shown,
                    f"{doc.file} 经过符号链接 {link.name}，导入不修改此文件",
                    line=1,
                    column=1,
                    hint="导入只改写项目中的普通文件；请直接编辑链接指向的文件。",
                )
            )
    result.problems.extend(session.problems)
    if result.problems or dry_run:
        return result
    result.written = write_all({doc.loaded.path: text.encode("utf-8") for doc, text in texts})
    return result


def _apply(session: Session, book: Workbook) -> list[Diagnostic]:
    """Apply every table sheet; the warnings about sheets and columns that are missing."""
    warnings: list[Diagnostic] = []
    for title, first in book.duplicates:
        session.problems.append(
            rules.BAD_KEY.diag(
                session.workbook,
                f"工作表「{title}」与「{first}」的隐藏键列相同，是同一张表的两份，无法确定以哪份为准",
                line=1,
                column=1,
                hint="把修改合并到一张工作表中，删除另一张。",
            )
        )
    known = tables()
    session.snapshot(known)
    for table in known:
        if not session.of_kind(table.kind):
            continue
        grid = book.keyed.get(table.id)
        if grid is None:
            if session.originals[table.id]:
                warnings.append(
                    rules.MISSING_SHEET.diag(
                        session.workbook,
                        f"没有「{table.sheet}」工作表（键列表头 {table.key_header}），其内容未导入",
                        line=1,
                        column=1,
                        hint="从导出的工作簿中把这张工作表复制回来，或不必理会（内容保持原样）。",
                    )
                )
            continue
        absent = [c.title for c in table.columns if c.title not in grid.columns]
        if absent:
            warnings.append(
                rules.MISSING_COLUMN.diag(
                    session.workbook,
                    f"{where(grid.title, grid.header)}：没有「{'」「'.join(absent)}」列，这些列未导入",
                    line=grid.header,
                    column=1,
                    hint="列按表头文字识别；恢复原来的表头即可导入这些列。",
                )
            )
        TableImport(session, table, grid).run()
    return warnings


def _dump_and_validate(session: Session) -> list[tuple[Doc, str]]:
    out: list[tuple[Doc, str]] = []
    for doc in session.docs.values():
        if not doc.changed:
            continue
        buffer = io.StringIO()
        make_yaml().dump(doc.data, buffer)
        text = buffer.getvalue()
        if "\r\n" in doc.text:
            text = text.replace("\n", "\r\n")
        if text == doc.text:
            continue
        try:
            parsed = parse(text)
        except YamlProblem as unreadable:  # a value the writer cannot express; no traceback
            session.problems.append(
                rules.INVALID.diag(session.workbook, f"{doc.file}：{unreadable.message}", line=1)
            )
            continue
        model, problems = validate(parsed, doc.file)
        session.problems.extend(_placed(session, doc, problem) for problem in problems)
        if model is not None:
            out.append((doc, text))
    return out


def _placed(session: Session, doc: Doc, problem: Diagnostic) -> Diagnostic:
    """A validation problem of the new YAML, placed at the cell that caused it when known."""
    path = problem.data_path or ()
    value: Any = doc.data
    origin = None
    column: int | None = None
    for step in path:
        value = unwrap(value)
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            break
        found = session.origins.get(id(value))
        if found is not None:
            origin, column = found, None
        elif origin is not None and column is None and isinstance(step, str):
            column = origin.columns.get(step)
    shown_path = "".join(
        f"[{p}]" if isinstance(p, int) else f".{p}" for p in path if not str(p).startswith("\x00")
    ).lstrip(".")
    detail = f"{problem.message}（{doc.file} 中 {shown_path}）" if shown_path else problem.message
    if origin is None:
        return rules.INVALID.diag(session.workbook, f"{doc.file}：{detail}", line=1, column=1)
    return rules.INVALID.diag(
        session.workbook,
        f"{where(origin.sheet, origin.row, column)}：{detail}",
        line=origin.row,
        column=column or 1,
        hint=problem.hint,
    )
