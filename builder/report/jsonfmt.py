"""JSON: a list of diagnostic objects with fixed keys."""

from __future__ import annotations

import json
from typing import Any, TextIO

from builder.base.diagnostics import Diagnostic


def as_dict(d: Diagnostic) -> dict[str, Any]:
    """One diagnostic as a JSON object."""
    return {
        "code": d.code,
        "severity": d.severity.label,
        "message": d.message,
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "hint": d.hint,
        "related": [{"file": r.file, "line": r.line, "column": r.column} for r in d.related],
    }


def report(diagnostics: list[Diagnostic], files: int, stream: TextIO) -> None:
    """Write the diagnostics as a JSON array."""
    json.dump([as_dict(d) for d in diagnostics], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
