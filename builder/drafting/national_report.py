"""The report of a national-layout import: one row per element, as a table or as JSON."""

from __future__ import annotations

from typing import Any

from builder.drafting.national_found import ASSIGNED, NO_PLACE, NOT_GIVEN, READ, UNREAD
from builder.drafting.national_import import NationalResult
from builder.report.text import printable


def summary(result: NationalResult) -> dict[str, int]:
    entries = result.found.entries
    return {
        "read": sum(e.status == READ for e in entries),
        "not_given": sum(e.status == NOT_GIVEN for e in entries),
        "unread": sum(e.status == UNREAD for e in entries),
        "no_place": sum(e.status == NO_PLACE for e in entries),
        "assigned_codes": sum(1 for path in result.found.assigned if path.endswith(".code")),
    }


def table(result: NationalResult) -> list[str]:
    """The report as a Markdown table (项目｜状态｜位置｜说明) and a summary line."""
    lines = ["| 项目 | 模型路径 | 状态 | 位置 | 说明 |", "|---|---|---|---|---|"]
    other_meta = [
        e for e in result.found.entries if e.status == NO_PLACE and e.path.startswith("meta.")
    ]
    for entry in result.found.entries:
        if entry in other_meta:
            continue
        cells = (entry.title, entry.path, entry.status, entry.where or "—", entry.detail or "")
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if other_meta:  # one row for the metadata the layout has no place for (JSON lists each)
        names = "、".join(e.title for e in other_meta)
        detail = f"国家版式中没有固定位置，未读取：{names}"
        lines.append(f"| 其他元数据 | meta.* | {NO_PLACE} | — | {_cell(detail)} |")
    counts = summary(result)
    lines.append(
        f"{READ} {counts['read']} 项，{NOT_GIVEN} {counts['not_given']} 项，"
        f"{UNREAD} {counts['unread']} 项，{NO_PLACE} {counts['no_place']} 项；"
        f"{ASSIGNED} {counts['assigned_codes']} 个"
    )
    return lines


def _cell(text: str) -> str:
    return printable(text).replace("|", "｜").replace("\n", " ")


def as_json(result: NationalResult, shown: str) -> dict[str, Any]:
    """The report as data: elements, diagnostics, counts, the output and whether it was written."""
    return {
        "file": shown,
        "output": result.output.as_posix(),
        "written": result.written,
        "summary": summary(result),
        "elements": [
            {
                "path": e.path,
                "title": e.title,
                "status": e.status,
                "where": e.where,
                "detail": e.detail,
            }
            for e in result.found.entries
        ],
        "assigned": dict(result.found.assigned),
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity.label,
                "message": d.message,
                "file": d.file,
                "hint": d.hint,
            }
            for d in result.diagnostics(shown)
        ],
    }
