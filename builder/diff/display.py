"""Wording shared by the diff renderers: values, trends, headings, summaries."""

from __future__ import annotations

from typing import Any

from builder.diff.model import Action, Change, ChangeSet, DocumentRef, show_path
from builder.model import KIND_TITLES

TREND_WORDS = {
    "raised": "提高",
    "lowered": "降低",
    "forward": "推进",
    "backward": "回退",
    "supplied": "补充",
    "withdrawn": "改为原文未给出",
    "completed": "节选补全",
    "excerpted": "改为节选",
}
SIDE_WORDS = {"old": "旧版本", "new": "新版本"}
KEY_LABELS = {
    "code": "编码",
    "ref": "职业能力",
    "name": "名称",
    "text": "内容",
    "type": "类型",
    "level": "学习水平",
    "description": "说明",
    "requirements": "内容与要求",
    "hours": "学时",
    "theory_hours": "理论学时",
    "practice_hours": "实践学时",
    "credits": "学分",
    "nature": "课程性质",
    "semesters": "开设学期",
    "elective": "选修",
    "standard": "课程标准文件",
    "weight": "权重（%）",
    "method": "考核方式",
    "post": "岗位",
    "content": "内容与要求",
    "weeks": "周数",
    "months": "月数",
    "functions": "主要功能",
    "area": "面积（㎡）",
    "stations": "工位数",
    "courses": "支撑课程",
    "spec": "技术要求",
    "unit": "单位",
    "quantity": "数量",
    "marks": "标识",
    "arrangement": "组织方式",
    "competencies": "职业能力",
}
"""Names of keys when a whole item (an added or removed one) is shown as text."""
LONG_TEXT = 40
"""Values longer than this (or with line breaks) are shown as blocks, not inline."""


def show_value(value: Any) -> str:
    """A value as reviewers read it: lists joined with 、, None as （无）."""
    if value is None or value == [] or value == "":
        return "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return "、".join(show_value(v) for v in value)
        return "；".join(show_value(v) for v in value)
    if isinstance(value, dict):
        if set(value) == {"type", "text"}:
            return f"【{value['type']}】{value['text']}"
        return "；".join(_pair(k, v) for k, v in value.items() if v not in (None, [], ""))
    return str(value).rstrip("\n")


def _pair(key: str, value: Any) -> str:
    label = KEY_LABELS.get(key, key)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        if all(set(v) == {"ref", "level"} for v in value):
            refs = "、".join(f"{v['ref']}（{v['level']}）" for v in value)
            return f"{label}：{refs}"
        return f"{label}：{len(value)} 项"
    return f"{label}：{show_value(value).strip()}"


def is_long(change: Change) -> bool:
    """True when before/after should be shown as blocks."""
    texts = (show_value(change.before), show_value(change.after))
    return any(len(t) > LONG_TEXT or "\n" in t for t in texts)


def trend_note(change: Change) -> str:
    """`（提高）`, `（+8）`, or empty."""
    if change.trend in TREND_WORDS:
        return f"（{TREND_WORDS[change.trend]}）"
    if change.trend in ("increased", "decreased"):
        delta = change.after - change.before
        text = f"{delta:+g}" if isinstance(delta, float) else f"{delta:+d}"
        return f"（{text}）"
    return ""


def document_heading(doc: DocumentRef) -> str:
    """`课程标准 ZY01《Python程序设计课程标准》`."""
    kind = KIND_TITLES.get(doc.kind, doc.kind)
    code = f" {doc.code}" if doc.kind in ("specialty", "course") else ""
    title = doc.title if "《" in doc.title else f"《{doc.title}》"
    return f"{kind}{code} {title}"


def document_object(doc: DocumentRef) -> str:
    """How a document's own fields are named in a table: `课程 ZY01`, `专业 510209`."""
    if doc.kind == "course":
        return f"课程 {doc.code}"
    if doc.kind == "specialty":
        return f"专业 {doc.code}"
    return KIND_TITLES.get(doc.kind, doc.kind)


def document_event(change: Change) -> str:
    """Sentence for a change of the document itself (no item path)."""
    doc = change.document
    if change.action is Action.ADDED:
        return f"新增文件 {doc.file}"
    if change.action is Action.REMOVED:
        return f"删除文件 {doc.file}"
    if change.action is Action.MOVED:
        return f"文件移动：{doc.old_file} → {doc.file}"
    if change.action is Action.RENAMED:
        where = f"（文件 {doc.old_file} → {doc.file}）" if doc.old_file else ""
        return f"编码变更：{change.old_code} → {doc.code}{where}"
    return ""


def item_event(change: Change) -> str:
    """Sentence for an added/removed/renamed/moved item."""
    target = change.target
    if change.action is Action.ADDED:
        return f"新增 {target}"
    if change.action is Action.REMOVED:
        return f"删除 {target}"
    old = show_path(change.old_path or ())
    if change.action is Action.RENAMED:
        return f"编码变更 {old} → {change.path[-1].code}（内容不变）"
    return f"移动 {old} → {target}"


def summary_line(changes: ChangeSet) -> str:
    """`共 3 处变更：修改 2，删除 1` (or `没有变更`)."""
    counts = changes.counts()
    if not counts:
        head = "没有语义变更"
    else:
        parts = "，".join(f"{Action(a).label} {n}" for a, n in counts.items())
        head = f"共 {len(changes.changes)} 处变更：{parts}"
    if changes.problems:
        head += f"；{len(changes.problems)} 个文件无法读取，未参与比较"
    return head


def also_note(change: Change) -> str:
    """`（同时修改：standards/…/specialty.yaml）` for folded course-plan rows."""
    return f"（同时修改：{'、'.join(change.also)}）" if change.also else ""
