"""Text and JSON output of `zhibiao refs`."""

from __future__ import annotations

import json
from typing import Any

from builder.base.escape import terminal_text
from builder.review.refs import KIND_LABELS, SHARED_LABEL, Place, Related, Target, Usage, set_label


def render_text(code: str, targets: list[Target]) -> str:
    """The impact list for a terminal (control characters in names and file names as `\\xNN`)."""
    lines: list[str] = []
    for target in targets:
        head = f"{KIND_LABELS[target.kind]} {target.code}（{set_label(target)}）"
        lines.append(head + (f"：{_one_line(target.text)}" if target.text else ""))
        if target.level:
            lines.append(f"  要求的学习水平：{target.level}")
        if target.shared_standard:
            lines.append(f"  采用{SHARED_LABEL}：《{target.shared_standard}》")
        if target.scope:
            lines.append(f"  适用范围：{target.scope}")
        if target.defined is not None:
            lines.append(f"  定义：{target.defined.shown()}")
        else:
            lines.append("  定义：未找到（只有引用）")
        _section(lines, "使用处", target.uses)
        _section(
            lines, "承载的能力与支撑" if target.kind != "competency" else "承载", target.carries
        )
        if target.related:
            lines.append(f"  接续专业中的同一内容（{len(target.related)} 处）：")
            lines.extend(_related_line(r) for r in target.related)
        files = target.files()
        lines.append(f"  引用它的文件（{len(files)} 个）：")
        lines.extend(f"    {f}" for f in files)
        lines.append("")
    total = sum(len(t.uses) for t in targets)
    lines.append(f"编码 {code}：{len(targets)} 个对象，{total} 处使用")
    return "\n".join(terminal_text(line) for line in lines) + "\n"


def _section(lines: list[str], title: str, usages: list[Usage]) -> None:
    if not usages:
        return
    lines.append(f"  {title}（{len(usages)} 处）：")
    for usage in usages:
        parts = [usage.role, usage.owner]
        if usage.detail:
            parts.append(usage.detail)
        if usage.level:
            parts.append(f"学习水平 {usage.level}")
        lines.append(f"    {'  '.join(parts)}  {usage.place.shown()}")


def _related_line(related: Related) -> str:
    level = f"  学习水平 {related.level}" if related.level else ""
    return (
        f"    {related.relation} {related.specialty} {related.specialty_name}："
        f"{related.code} {_one_line(related.text)}{level}  {related.place.shown()}"
    )


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:59] + "…"


def render_json(code: str, targets: list[Target]) -> str:
    """The impact list as JSON (stable keys)."""
    payload = {
        "code": code,
        "targets": [
            {
                "kind": t.kind,
                "code": t.code,
                "specialty": t.specialty,
                "specialty_name": t.specialty_name,
                "text": t.text,
                "level": t.level,
                "scope": t.scope or None,
                "shared_standard": t.shared_standard or None,
                "defined": _place(t.defined),
                "uses": [_usage(u) for u in t.uses],
                "carries": [_usage(u) for u in t.carries],
                "related": [_related(r) for r in t.related],
                "files": t.files(),
            }
            for t in targets
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"file": place.file, "line": place.line, "column": place.column}


def _usage(usage: Usage) -> dict[str, Any]:
    return {
        "role": usage.role,
        "owner": usage.owner,
        "level": usage.level,
        "detail": usage.detail,
        **_place(usage.place),  # type: ignore[dict-item]
    }


def _related(related: Related) -> dict[str, Any]:
    return {
        "specialty": related.specialty,
        "specialty_name": related.specialty_name,
        "relation": related.relation,
        "code": related.code,
        "text": related.text,
        "level": related.level,
        **_place(related.place),  # type: ignore[dict-item]
    }
