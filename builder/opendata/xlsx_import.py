"""`zhibiao import xlsx`: build a 职业能力清单 YAML from a spreadsheet.

The sheet layout is in `xlsx_layout` (and docs/opendata.md); problems are reported as
diagnostics located by sheet, row and column, and nothing is written while any remain.
The YAML starts with the schema modeline, is checked by the project's own loader before it
is written atomically, and an existing file is only replaced with `force`.
"""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml

from builder.base.diagnostics import Diagnostic
from builder.base.hints import did_you_mean
from builder.model import CompetencyList
from builder.model.meta import Status
from builder.opendata import import_rules as rules
from builder.opendata import xlsx_layout as lay
from builder.opendata.output import write_all
from builder.opendata.xlsx_reader import HEADER_SCAN, SheetReader, cell_text, where
from builder.project import UsageError
from builder.project.archive import inspect_office
from builder.project.loading import load_config
from builder.read.config import ProjectConfig
from builder.read.configfile import find_config
from builder.read.corpus import validate
from builder.read.yamlparse import UNPRINTABLE, describe_char, is_plain_text
from builder.read.yamlsource import YamlProblem, parse

_SPECIALTY_DIR = re.compile(r"^(\d{6})(?:-|$)")


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Command-line choices; None means "take it from the workbook"."""

    sheet: str | None = None
    specialty: str | None = None
    title: str | None = None
    version: str | None = None
    force: bool = False


@dataclass(slots=True)
class ImportResult:
    """What happened: diagnostics (nothing written) or the number of competencies written."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    competencies: int = 0
    document: CompetencyList | None = None


MAX_ROWS = 100_000
"""Rows read from a sheet; a longer sheet is refused (a competency list has a few hundred)."""
EXCEL_ROWS = 1_048_576
"""Rows of an Excel sheet; row numbers beyond are never read."""
MAX_COLUMNS = 64
"""Columns read from a sheet; cells further right are ignored."""
_EXACT_META = frozenset({"title", "specialty_name"})
"""文件信息 values kept exactly (text); the others are codes and words, stripped."""
_NOT_A_WORKBOOK = "请另存为 Excel 工作簿（.xlsx）后再导入。"


def _open(path: Path) -> Any:
    """The workbook, read-only (rows are streamed), after its zip has been measured."""
    from openpyxl import load_workbook

    if not path.is_file():
        raise UsageError(f"工作簿不存在：{path}")
    inspect_office(path, "无法读取工作簿", _NOT_A_WORKBOOK)
    try:
        with warnings.catch_warnings():  # openpyxl warns in English about parts it ignores
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises whatever its XML and zip readers raise
        raise _unreadable(f"工作簿：{path}", exc) from None


def _unreadable(what: str, exc: Exception) -> UsageError:
    return UsageError(
        f"无法读取{what}（内容损坏或不是 Excel 工作簿：{type(exc).__name__}）",
        hint=_NOT_A_WORKBOOK,
    )


def _rows(sheet: Any, limit: int = MAX_ROWS) -> list[tuple[int, list[str]]]:
    """The first `limit` rows as text.

    With the default limit a sheet with data after row `MAX_ROWS` is refused; empty rows after
    it are read (a far-away last row is not silently dropped) up to Excel's last row.
    """
    rows: list[tuple[int, list[str]]] = []
    last = EXCEL_ROWS if limit >= MAX_ROWS else limit
    try:
        with warnings.catch_warnings():  # openpyxl warns in English about what it skips
            warnings.simplefilter("ignore")
            for number, values in enumerate(
                sheet.iter_rows(max_row=last, max_col=MAX_COLUMNS, values_only=True), start=1
            ):
                if number <= limit:
                    rows.append((number, [cell_text(value) for value in values]))
                elif limit < MAX_ROWS:
                    break
                elif any(cell_text(value) for value in values):  # empty rows are skipped
                    raise UsageError(
                        f"工作表「{sheet.title}」超过 {MAX_ROWS} 行，拒绝读取",
                        hint="职业能力清单通常只有几百行；请删除多余的行后再导入。",
                    )
    except UsageError:
        raise
    except Exception as exc:  # a malformed sheet part surfaces while its rows are streamed
        raise _unreadable(f"工作表「{sheet.title}」", exc) from None
    return rows


def _pick_sheet(book: Any, name: str | None, file: str) -> tuple[Any, list[Diagnostic]]:
    if name is not None:
        if name in book.sheetnames:
            return book[name], []
        message = f"工作表「{name}」不存在"
    elif lay.COMPETENCY_SHEET in book.sheetnames:
        return book[lay.COMPETENCY_SHEET], []
    else:
        for sheet in book.worksheets:
            rows = _rows(sheet, HEADER_SCAN)
            if any(lay.DOMAIN in (c.strip() for c in cells) for _, cells in rows):
                return sheet, []
        message = f"没有「{lay.COMPETENCY_SHEET}」工作表，也没有含「{lay.DOMAIN}」表头的工作表"
    hint = f"工作簿中的工作表：{'、'.join(book.sheetnames)}；用 --sheet 指定。"
    return None, [rules.SHEET.diag(file, message, line=1, column=1, hint=hint)]


def _meta(book: Any) -> tuple[dict[str, str], dict[str, int]]:
    """Values of the 文件信息 sheet by meaning, and the row each came from."""
    values: dict[str, str] = {}
    rows: dict[str, int] = {}
    if lay.META_SHEET not in book.sheetnames:
        return values, rows
    for number, cells in _rows(book[lay.META_SHEET], HEADER_SCAN * 5):
        label = cells[0].strip() if cells else ""
        if label in lay.META_FIELDS and len(cells) > 1 and cells[1]:
            key = lay.META_FIELDS[label]
            values[key] = cells[1] if key in _EXACT_META else cells[1].strip()
            rows[key] = number
    return values, rows


def _levels(book: Any, file: str, config: ProjectConfig) -> tuple[str | None, list[Diagnostic]]:
    """The 水平词表 named in 文件信息 (None: learning_levels); a problem when undeclared."""
    info, rows = _meta(book)
    name = info.get("levels") or None
    if name is None or config.vocabulary(name) is not None:
        return name, []
    row = rows["levels"]
    declared = "、".join(["学习水平", *config.level_vocabularies]) or "学习水平"
    return None, [
        rules.META.diag(
            file,
            f"{where(lay.META_SHEET, row, 2)}：水平词表「{name}」未在 zhibiao.yaml 的 level_vocabularies 中声明",
            line=row,
            column=2,
            hint=did_you_mean(name, list(config.level_vocabularies))
            or f"已声明的水平词表：{declared}；留空则用 learning_levels。",
        )
    ]


def _document(
    tree: list[dict[str, Any]], book: Any, file: str, output: Path, options: ImportOptions
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    info, rows = _meta(book)
    problems: list[Diagnostic] = []

    def bad(key: str, message: str, hint: str) -> None:
        row = rows.get(key)
        text = f"{where(lay.META_SHEET, row, 2)}：{message}" if row else message
        problems.append(
            rules.META.diag(file, text, line=row or 1, column=2 if row else 1, hint=hint)
        )

    folder = _SPECIALTY_DIR.match(output.resolve().parent.name)
    specialty = options.specialty or info.get("specialty") or (folder.group(1) if folder else "")
    if not specialty:
        bad(
            "specialty", "无法确定专业代码", "用 --specialty 指定，或在「文件信息」中填写专业代码。"
        )
    version = options.version or info.get("version", "")
    if not version:
        bad("version", "缺少版本", "用 --version 指定（如 2025），或在「文件信息」中填写版本。")
    status = info.get("status", "草案")
    if status not in get_args(Status):
        bad("status", f"状态「{status}」无效", f"可用取值：{'、'.join(get_args(Status))}")
    name = info.get("specialty_name", "")
    fallback = f"{name}专业职业能力清单" if name else "职业能力清单"
    title = options.title or info.get("title") or fallback
    if problems:
        return None, problems
    meta: dict[str, Any] = {"title": title}
    if info.get("standard_no"):
        meta["standard_no"] = info["standard_no"]
    meta.update({"version": version, "status": status})
    data: dict[str, Any] = {"kind": "competencies", "meta": meta, "specialty": specialty}
    if info.get("levels"):
        data["levels"] = info["levels"]
    data["domains"] = tree
    return data, []


class _Dumper(yaml.SafeDumper):
    """Block style with indented lists, as the hand-written standards are."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_BREAKS = frozenset("\r\x85\u2028\u2029")


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """Text that YAML 1.2 would read as a number or boolean (`1e10`, `.NaN`) is quoted."""
    if _BREAKS.intersection(value):
        style: str | None = '"'  # escaped (\\N, \\L, \\r), never read back as a line break
    else:
        style = None if is_plain_text(value) else "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def modeline(output: Path, config_path: Path | None) -> str:
    """`# yaml-language-server: $schema=…` relative to the output file."""
    if config_path is not None:
        schema = config_path.resolve().parent / "schemas" / "competencies.schema.json"
        relative = Path(os.path.relpath(schema, output.resolve().parent)).as_posix()
    else:
        relative = "../../schemas/competencies.schema.json"
    return f"# yaml-language-server: $schema={relative}\n"


def render_yaml(data: dict[str, Any], output: Path, config_path: Path | None, source: str) -> str:
    """The YAML text: modeline, a provenance comment, then the document."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )
    return f"{modeline(output, config_path)}# 由 {source} 导入（zhibiao import xlsx）。\n{body}"


def _unprintable(file: str, title: str, rows: list[tuple[int, list[str]]]) -> list[Diagnostic]:
    """ZB015 for every cell holding a character YAML, Word and Excel's XML cannot keep."""
    found: list[Diagnostic] = []
    for number, cells in rows:
        for column, text in enumerate(cells, start=1):
            bad = UNPRINTABLE.search(text)
            if bad:
                found.append(
                    rules.UNPRINTABLE.diag(
                        file,
                        f"{where(title, number, column)}：含有不允许的字符 {describe_char(bad.group())}",
                        line=number,
                        column=column,
                        hint="删除单元格中的不可见字符（常见于从其他系统导出的数据）。",
                    )
                )
    return found


def import_xlsx(
    workbook: Path, output: Path, options: ImportOptions, config_path: Path | None = None
) -> ImportResult:
    """Read the workbook and write the competency list; diagnostics instead when it has problems."""
    if output.is_dir():
        raise UsageError(f"输出路径是目录：{output}", hint="用 -o 指定要写入的 YAML 文件。")
    if output.exists() and not options.force:
        raise UsageError(
            f"文件已存在：{output}", hint="确认要覆盖时加 --force；或用 -o 指定另一个文件。"
        )
    if config_path is None:
        config_path = find_config(output.resolve().parent)
    config = load_config(config_path) if config_path else ProjectConfig()
    file = workbook.as_posix()
    book = _open(workbook)
    try:
        return _import(book, file, workbook, output, options, config, config_path)
    finally:
        book.close()


def _import(
    book: Any,
    file: str,
    workbook: Path,
    output: Path,
    options: ImportOptions,
    config: ProjectConfig,
    config_path: Path | None,
) -> ImportResult:
    sheet, problems = _pick_sheet(book, options.sheet, file)
    if sheet is None:
        return ImportResult(problems)
    rows = _rows(sheet)
    unprintable = _unprintable(file, sheet.title, rows)
    if lay.META_SHEET in book.sheetnames and sheet.title != lay.META_SHEET:
        unprintable += _unprintable(file, lay.META_SHEET, _rows(book[lay.META_SHEET], 50))
    if unprintable:
        return ImportResult(unprintable)
    levels, problems = _levels(book, file, config)
    if problems:
        return ImportResult(problems)
    reader = SheetReader(file, sheet.title, config, levels)
    header = reader.find_header(rows)
    tree = reader.read(rows, header) if header is not None else []
    if header is not None and not tree and not reader.diagnostics:
        reader.problem(rules.EMPTY, header + 1, None, "表头下没有任何职业能力")
    if reader.diagnostics:
        return ImportResult(sorted(reader.diagnostics, key=Diagnostic.sort_key))
    data, problems = _document(tree, book, file, output, options)
    if data is None:
        return ImportResult(problems)
    text = render_yaml(data, output, config_path, workbook.name)
    try:
        parsed = parse(text)
    except YamlProblem as exc:  # cannot happen after `_unprintable`; never a traceback
        return ImportResult([rules.UNPRINTABLE.diag(file, exc.message, line=1, column=1)])
    doc, invalid = validate(parsed, output.as_posix())
    if doc is None or not isinstance(doc, CompetencyList):
        return ImportResult(invalid)
    write_all({output: text.encode("utf-8")})
    count = sum(len(t.competencies) for d in doc.domains for t in d.tasks)
    return ImportResult([], count, doc)
