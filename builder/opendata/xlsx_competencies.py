"""The 职业能力清单 sheet of a returned workbook, merged into the competency list by code.

The sheet is read as `zhibiao import xlsx -o` reads it (`SheetReader`: blank 工作领域/工作任务
cells continue the row above, missing codes are numbered); domains, tasks and competencies
are then matched by code. Fields that differ are set, rows missing from the sheet are
deleted, new codes are added, and `type: 能力` written by the author stays although the sheet
shows the default the same way.
"""

from __future__ import annotations

from typing import Any

from builder.base.diagnostics import Diagnostic
from builder.model import Competency, CompetencyList, Domain, Task, scoped_code
from builder.opendata import update_rules as rules
from builder.opendata import xlsx_layout as lay
from builder.opendata.xlsx_grid import Workbook
from builder.opendata.xlsx_import import MAX_ROWS, _unprintable
from builder.opendata.xlsx_reader import SheetReader, where
from builder.opendata.xlsx_session import Session
from builder.opendata.yaml_edit import drop_key, node, replace_items, set_key, unwrap
from builder.read.config import ProjectConfig

LEVELS: tuple[tuple[str, str, list[str], dict[str, str]], ...] = tuple(
    (key, title, list(model.model_fields), {n: f.title or n for n, f in model.model_fields.items()})
    for key, title, model in (
        ("domains", "工作领域", Domain),
        ("tasks", "工作任务", Task),
        ("competencies", "职业能力", Competency),
    )
)
DEFAULTS = {"type": "能力"}


def apply_competencies(session: Session, book: Workbook, config: ProjectConfig) -> list[Diagnostic]:
    """Merge the sheet into the set's competency list; the warnings (a missing sheet)."""
    docs = session.of_kind("competencies")
    if not docs:
        return []
    doc = docs[0]
    rows = book.sheet_rows(lay.COMPETENCY_SHEET, MAX_ROWS)
    if rows is None:
        return [
            rules.MISSING_SHEET.diag(
                session.workbook,
                f"没有「{lay.COMPETENCY_SHEET}」工作表，职业能力清单未导入",
                line=1,
                column=1,
            )
        ]
    unprintable = _unprintable(session.workbook, lay.COMPETENCY_SHEET, rows)
    if unprintable:
        session.problems.extend(unprintable)
        return []
    levels = _levels(session, doc, book, config)
    if levels is False:
        return []
    reader = SheetReader(session.workbook, lay.COMPETENCY_SHEET, config, levels or None)
    header = reader.find_header(rows)
    tree = reader.read(rows, header) if header is not None else []
    session.problems.extend(reader.diagnostics)
    if reader.diagnostics or not tree:
        return []
    domains = unwrap(doc.data.get("domains"))
    if isinstance(domains, list):
        changes = _merge(domains, tree, 0)
        if changes:
            doc.changed = True
            session.changes.extend(
                f"{doc.file}：{line}（工作表「{lay.COMPETENCY_SHEET}」）" for line in changes
            )
    return []


def _levels(session: Session, doc: Any, book: Workbook, config: ProjectConfig) -> Any:
    """The vocabulary the sheet's levels are read in: the 文件信息 sheet's 水平词表 (written to
    the list's `levels` when it differs), else the list's own; False after a problem."""
    current = doc.data.get("levels")
    label = next(k for k, v in lay.META_FIELDS.items() if v == "levels")
    rows = book.sheet_rows(lay.META_SHEET, 50) or []
    found = next(((n, c) for n, c in rows if c and c[0].strip() == label), None)
    if found is None:
        return current
    number, cells = found
    wanted = cells[1].strip() if len(cells) > 1 else ""
    if wanted and config.vocabulary(wanted) is None:
        declared = "、".join(["学习水平", *config.level_vocabularies])
        session.problems.append(
            rules.BAD_VALUE.diag(
                session.workbook,
                f"{where(lay.META_SHEET, number, 2)}：水平词表「{wanted}」未在 zhibiao.yaml 的 "
                "level_vocabularies 中声明",
                line=number,
                column=2,
                hint=f"已声明的水平词表：{declared}；留空则用 learning_levels。",
            )
        )
        return False
    if (wanted or None) != (str(current) if current is not None else None):
        if wanted:
            set_key(doc.data, "levels", node(wanted), list(CompetencyList.model_fields))
        else:
            drop_key(doc.data, "levels")
        doc.changed = True
        session.changes.append(f"{doc.file}：修改「水平词表」（工作表「{lay.META_SHEET}」）")
    return wanted


def _key(mapping: Any) -> tuple[str, str]:
    """A row's identity in its list: its code within its numbering scope."""
    scope = mapping.get("scope") if isinstance(mapping, dict) else None
    return (str(scope) if scope else "", str(mapping.get("code")))


def _merge(seq: Any, wanted: list[dict[str, Any]], depth: int) -> list[str]:
    _, title, order, titles = LEVELS[depth]
    child = LEVELS[depth + 1][0] if depth + 1 < len(LEVELS) else None
    existing = {_key(m): m for m in seq if isinstance(m, dict)}
    changes: list[str] = []
    desired: list[Any] = []
    for item in wanted:
        key = _key(item)
        code = scoped_code(key[1], key[0] or None)
        mapping: Any = existing.pop(key, None)
        if mapping is None:
            mapping = node(item)
            changes.append(f"新增 {title}「{code}」")
            desired.append(mapping)
            continue
        desired.append(mapping)
        for field in order:
            if field == child or field == "code":
                continue
            if field not in item:
                if field in mapping and DEFAULTS.get(field) != mapping[field]:
                    drop_key(mapping, field)
                    changes.append(f"修改 {title}「{code}」的「{titles[field]}」")
            elif mapping.get(field, DEFAULTS.get(field)) != item[field]:
                set_key(mapping, field, node(item[field]), order)
                changes.append(f"修改 {title}「{code}」的「{titles[field]}」")
        if child is not None:
            inner = unwrap(mapping.get(child))
            if isinstance(inner, list):
                changes.extend(_merge(inner, item[child], depth + 1))
    changes.extend(f"删除 {title}「{scoped_code(c, s or None)}」" for s, c in existing)
    replace_items(seq, desired)
    return changes
