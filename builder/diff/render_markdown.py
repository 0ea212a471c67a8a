"""GitHub-flavoured Markdown of a change set: PR comments, step summaries, 修订说明 pages."""

from __future__ import annotations

from builder.base.escape import code_span, line_start, markdown_text
from builder.diff.display import (
    SIDE_WORDS,
    also_note,
    document_event,
    document_heading,
    document_object,
    item_event,
    show_value,
    summary_line,
    trend_note,
)
from builder.diff.model import Action, Change, ChangeSet

_SYMBOL = {
    Action.ADDED: "➕",
    Action.REMOVED: "➖",
    Action.RENAMED: "🔁",
    Action.MOVED: "↪️",
    Action.CHANGED: "✏️",
}


def cell(text: str) -> str:
    """Data text as Markdown for one table cell or list item, on GitHub and on the site:
    no markup, no HTML, no pipes (`builder.base.escape.markdown_text`), line breaks as <br>."""
    return "<br>".join(
        line_start(markdown_text(line)) for line in text.splitlines() if line.strip()
    )


def render_markdown(
    changes: ChangeSet, *, title: str | None = "标准语义差异", level: int = 2
) -> str:
    """The change set as Markdown: a summary line, then one table per document.

    `level` is the heading level of `title` (documents use deeper levels), so the
    site can embed the result in a 修订说明 page.
    """
    h = "#" * level
    out: list[str] = []
    if title:
        out += [f"{h} {title}", ""]
    out += [
        f"比较 {code_span(changes.old_label)} → {code_span(changes.new_label)}："
        f"{cell(summary_line(changes))}。",
        "",
    ]
    specialty = None
    for doc, items in changes.by_document():
        if doc.specialty != specialty:
            specialty = doc.specialty
            out += [f"{h}# 专业 {cell(specialty)}", ""]
        out += [f"{h}## {cell(document_heading(doc))}", "", code_span(doc.file), ""]
        events = [c for c in items if c.action is not Action.CHANGED]
        fields = [c for c in items if c.action is Action.CHANGED]
        for change in events:
            text = document_event(change) if not change.path else item_event(change)
            out.append(f"- {_SYMBOL[change.action]} {cell(text)}")
        if events:
            out.append("")
        if fields:
            out += ["| 对象 | 字段 | 修改前 | 修改后 |", "| --- | --- | --- | --- |"]
            out.extend(_row(change) for change in fields)
            out.append("")
    if changes.problems:
        out += [f"{h}# 无法比较的文件", ""]
        for p in changes.problems:
            where = f"{p.file}:{p.line}:{p.column}" if p.line else p.file
            side = SIDE_WORDS.get(p.side, p.side)
            code = f"\\[{cell(p.code)}\\] " if p.code else ""
            out.append(f"- {code_span(where)}（{cell(side)}）：{code}{cell(p.message)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _row(change: Change) -> str:
    target = change.target or document_object(change.document)
    after = show_value(change.after) + trend_note(change) + also_note(change)
    return (
        f"| {cell(target)} | {cell(change.label or str(change.field))} "
        f"| {cell(show_value(change.before))} | {cell(after)} |"
    )
