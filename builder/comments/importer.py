"""Read returned 意见反馈表 forms (.xlsx sheets, .docx tables) into comment rows.

A form is recognised by its header row (序号 | 章节号或编码 | 原文 | 修改建议 | 理由, with the
usual variants: 条款, 原条文, 修改意见, 修改理由 …) and its head (文件标识, 提出单位). Every
problem is located as file, sheet or table, row.

Returned forms come from outside (any unit may send one): each is measured before it is read
(`builder.project.archive.inspect_office`: sizes, zip bombs, DTDs and entities refused), and a
damaged part is a problem of that form, never an internal error.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.comments.forms import FORM_SHEET, ID_LABEL, UNIT_LABEL
from builder.opendata.xlsx_reader import cell_text
from builder.project import UsageError
from builder.project.archive import inspect_office

COLUMNS: dict[str, tuple[str, ...]] = {
    "anchor": ("章节号或编码", "章节号", "章节", "条款号", "条款", "条目", "位置", "编码"),
    "original": ("原文", "原条文", "原条款", "原内容"),
    "proposal": ("修改建议", "修改意见", "建议修改为", "修改后内容", "意见和建议", "意见"),
    "reason": ("理由", "修改理由", "理由或依据", "说明"),
}
MAX_ROWS = 5000


@dataclass(frozen=True, slots=True)
class FormRow:
    """One filled-in row of a returned form."""

    anchor: str
    original: str
    proposal: str
    reason: str
    where: str
    """工作表「意见反馈表」第 12 行, or 表 2 第 5 行."""


@dataclass(slots=True)
class ReadForm:
    """What one returned file holds."""

    file: Path
    doc_id: str = ""
    unit: str = ""
    rows: list[FormRow] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(where, message) of rows or fields that could not be read."""


def _columns(header: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    cleaned = ["".join(h.split()) for h in header]
    for name, titles in COLUMNS.items():
        for title in titles:
            if title in cleaned:
                found[name] = cleaned.index(title)
                break
    return found if "proposal" in found and "anchor" in found else None


def _take(form: ReadForm, grid: list[list[str]], where: Any) -> bool:
    """Read head and comment rows from a grid of cell texts; False when it is no form."""
    header_at = None
    columns: dict[str, int] = {}
    for index, values in enumerate(grid):
        label = "".join(values[0].split()) if values else ""
        value = next((v for v in values[1:] if v), "")
        if label == ID_LABEL and value:
            form.doc_id = value
        elif label == UNIT_LABEL and value:
            form.unit = value
        found = _columns(values)
        if found is not None:
            header_at, columns = index, found
            break
    if header_at is None:
        return False
    for index in range(header_at + 1, min(len(grid), header_at + 1 + MAX_ROWS)):
        values = grid[index]

        def get(name: str, values: list[str] = values) -> str:
            column = columns.get(name)
            return values[column].strip() if column is not None and column < len(values) else ""

        proposal, reason = get("proposal"), get("reason")
        if not proposal and not reason:
            continue
        if not proposal:
            form.problems.append((where(index), "只填写了理由，没有修改建议"))
            continue
        form.rows.append(FormRow(get("anchor"), get("original"), proposal, reason, where(index)))
    return True


def read_xlsx(path: Path) -> ReadForm:
    """A returned Excel form (the sheet 意见反馈表, else the first sheet with the header)."""
    from openpyxl import load_workbook

    form = ReadForm(path)
    try:
        book = load_workbook(path, data_only=True, read_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        form.problems.append(("", f"无法读取工作簿（{type(exc).__name__}），请另存为 .xlsx"))
        return form
    try:
        names = book.sheetnames
        ordered = [FORM_SHEET] if FORM_SHEET in names else []
        ordered += [n for n in names if n != FORM_SHEET]
        for name in ordered:
            grid = [
                [cell_text(v) for v in row]
                for row, _ in zip(
                    book[name].iter_rows(values_only=True), range(MAX_ROWS), strict=False
                )
            ]

            def where(index: int, name: str = name) -> str:
                return f"工作表「{name}」第 {index + 1} 行"

            if _take(form, grid, where):
                return form
    finally:
        book.close()
    form.problems.append(("", "没有找到含“章节号”“修改建议”列的意见表"))
    return form


def read_docx(path: Path) -> ReadForm:
    """A returned Word form: the head table (文件标识, 提出单位) and the comment table."""
    import docx

    form = ReadForm(path)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        form.problems.append(("", f"无法读取 Word 文件（{type(exc).__name__}），请另存为 .docx"))
        return form
    grids = [
        [[cell.text.strip() for cell in row.cells] for row in table.rows]
        for table in document.tables
    ]
    for paragraph in document.paragraphs:  # a unit may write 提出单位：… as a line
        text = paragraph.text.strip().replace(":", "：")
        if text.startswith(f"{UNIT_LABEL}：") and not form.unit:
            form.unit = text.split("：", 1)[1].strip()
    taken = False
    for number, grid in enumerate(grids, start=1):

        def where(index: int, number: int = number) -> str:
            return f"表 {number} 第 {index + 1} 行"

        if _take(form, grid, where):
            taken = True
    if not taken:
        form.problems.append(("", "没有找到含“章节号”“修改建议”列的意见表"))
    return form


def read_form(path: Path) -> ReadForm:
    """A returned form by its extension (.xlsx or .docx), measured before it is read; a
    hostile or damaged file is a problem of this form (and the others are still read)."""
    suffix = path.suffix.lower()
    if suffix not in {".xlsx", ".xlsm", ".docx"}:
        form = ReadForm(path)
        form.problems.append(("", "只能导入 .xlsx 或 .docx 反馈表（.xls、.doc 请先另存）"))
        return form
    excel = suffix != ".docx"
    what = "无法读取工作簿" if excel else "无法读取 Word 文件"
    try:
        inspect_office(path, what, "请用 Excel、WPS 或 Word 另存后再导入。")
        with warnings.catch_warnings():  # openpyxl warns in English about parts it skips
            warnings.simplefilter("ignore")
            return read_xlsx(path) if excel else read_docx(path)
    except UsageError as refused:
        problem = refused.message + (f"。{refused.hint}" if refused.hint else "")
    except Exception as exc:  # openpyxl and python-docx raise whatever their XML readers raise
        problem = f"{what}（内容损坏：{type(exc).__name__}），请另存为 {suffix}"
    form = ReadForm(path)
    form.problems.append(("", problem))
    return form
