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
from builder.model import Competency, Domain, Task
from builder.opendata import update_rules as rules
from builder.opendata import xlsx_layout as lay
from builder.opendata.xlsx_grid import Workbook
from builder.opendata.xlsx_import import MAX_ROWS, _unprintable
from builder.opendata.xlsx_reader import SheetReader
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
    reader = SheetReader(session.workbook, lay.COMPETENCY_SHEET, config)
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


def _merge(seq: Any, wanted: list[dict[str, Any]], depth: int) -> list[str]:
    _, title, order, titles = LEVELS[depth]
    child = LEVELS[depth + 1][0] if depth + 1 < len(LEVELS) else None
    existing = {str(m.get("code")): m for m in seq if isinstance(m, dict)}
    changes: list[str] = []
    desired: list[Any] = []
    for item in wanted:
        code = str(item["code"])
        mapping: Any = existing.pop(code, None)
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
    changes.extend(f"删除 {title}「{code}」" for code in existing)
    replace_items(seq, desired)
    return changes
