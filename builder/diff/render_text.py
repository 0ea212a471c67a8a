"""Terminal rendering of a change set (coloured when the stream is a terminal)."""

from __future__ import annotations

import os
from typing import Protocol, TextIO

import click

from builder.base.escape import terminal_text as _t
from builder.diff.display import (
    SIDE_WORDS,
    also_note,
    document_event,
    document_heading,
    is_long,
    item_event,
    show_value,
    summary_line,
    trend_note,
)
from builder.diff.model import Action, Change, ChangeSet


class _Paint(Protocol):
    def __call__(self, text: str, fg: str | None, bold: bool = False) -> str: ...


_MARK = {
    Action.ADDED: ("+", "green"),
    Action.REMOVED: ("-", "red"),
    Action.RENAMED: ("→", "cyan"),
    Action.MOVED: ("→", "cyan"),
    Action.CHANGED: ("~", "yellow"),
}


def render_text(changes: ChangeSet, *, colour: bool = False) -> str:
    """The change set as indented plain text; ANSI colours when `colour`. Every piece that
    comes from data (values, file names, titles, labels) goes through `terminal_text`: a
    line break or escape in a file name or value never starts a line of its own."""

    def paint(text: str, fg: str | None, bold: bool = False) -> str:
        return click.style(text, fg=fg, bold=bold) if colour else text

    lines = [paint(_t(f"比较 {changes.old_label} → {changes.new_label}"), None, bold=True)]
    specialty = None
    for doc, items in changes.by_document():
        if doc.specialty != specialty:
            specialty = doc.specialty
            lines.append("")
            lines.append(paint(_t(f"专业 {specialty}"), None, bold=True))
        lines.append(f"  {paint(_t(document_heading(doc)), None, bold=True)}  {_t(doc.file)}")
        for change in items:
            mark, fg = _MARK[change.action]
            lines.extend(
                f"    {paint(mark, fg, bold=True)} {text}" if i == 0 else f"      {text}"
                for i, text in enumerate(_describe(change, paint))
            )
    for problem in changes.problems:
        where = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
        side = SIDE_WORDS.get(problem.side, problem.side)
        lines.append(
            paint("!", "red", bold=True)
            + _t(f" {where}: {side}中无法读取，未参与比较：{problem.message}")
        )
    lines.append("")
    lines.append(summary_line(changes))
    return "\n".join(lines) + "\n"


def _describe(change: Change, paint: _Paint) -> list[str]:
    if change.action is not Action.CHANGED:
        return [_t(document_event(change) if not change.path else item_event(change))]
    where = f"{change.target} " if change.path else ""
    head = _t(f"{where}{change.label}")
    before, after = show_value(change.before), show_value(change.after)
    note = _t(trend_note(change) + also_note(change))
    if not is_long(change):
        return [f"{head}：{paint(_t(before), 'red')} → {paint(_t(after), 'green')}{note}"]
    lines = [f"{head}：{note}".rstrip("：") if note else f"{head}："]
    lines.extend(paint(_t(f"- {line}"), "red") for line in before.splitlines() or [""])
    lines.extend(paint(_t(f"+ {line}"), "green") for line in after.splitlines() or [""])
    return lines


def write_text(changes: ChangeSet, stream: TextIO) -> None:
    """Write to `stream`, coloured when it is a terminal and NO_COLOR is unset."""
    colour = stream.isatty() and "NO_COLOR" not in os.environ
    stream.write(render_text(changes, colour=colour))
