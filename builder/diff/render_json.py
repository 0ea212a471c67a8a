"""JSON of a change set: one object per change with fixed keys (stable for scripts)."""

from __future__ import annotations

import json
from typing import Any

from builder.diff.model import Change, ChangeSet, Step

FORMAT_VERSION = 1


def _step(step: Step) -> dict[str, Any]:
    return {"type": step.type, "code": step.code, "label": step.label, "name": step.name}


def change_dict(change: Change) -> dict[str, Any]:
    """One change as a JSON object."""
    doc = change.document
    return {
        "action": change.action.value,
        "specialty": doc.specialty,
        "document": {
            "kind": doc.kind,
            "code": doc.code,
            "title": doc.title,
            "file": doc.file,
            "old_file": doc.old_file,
        },
        "path": [_step(s) for s in change.path],
        "target": change.target,
        "field": change.field,
        "label": change.label,
        "before": change.before,
        "after": change.after,
        "trend": change.trend,
        "old_code": change.old_code,
        "old_path": [_step(s) for s in change.old_path] if change.old_path is not None else None,
        "also": list(change.also),
    }


def as_dict(changes: ChangeSet) -> dict[str, Any]:
    """The whole change set as a JSON-compatible dict."""
    return {
        "format": FORMAT_VERSION,
        "old": changes.old_label,
        "new": changes.new_label,
        "summary": {"total": len(changes.changes), **changes.counts()},
        "changes": [change_dict(c) for c in changes.changes],
        "problems": [
            {
                "side": p.side,
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "code": p.code,
                "message": p.message,
            }
            for p in changes.problems
        ],
    }


def render_json(changes: ChangeSet) -> str:
    """Indented JSON text with a trailing newline."""
    return json.dumps(as_dict(changes), ensure_ascii=False, indent=2) + "\n"
