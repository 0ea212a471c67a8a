"""SARIF 2.1.0 for code-scanning tools."""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from builder import __version__
from builder.base.diagnostics import Diagnostic, Severity
from builder.base.rules import RULES

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def uri(path: str) -> str:
    """A relative path as a URI reference: SARIF requires non-ASCII characters percent-encoded."""
    return quote(path, safe="/")


def document(diagnostics: list[Diagnostic]) -> dict[str, Any]:
    """The SARIF log as a dict."""
    used = sorted({d.code for d in diagnostics})
    rules = [
        {
            "id": code,
            "name": RULES[code].name,
            "shortDescription": {"text": RULES[code].summary},
            "fullDescription": {"text": RULES[code].explanation or RULES[code].summary},
            "defaultConfiguration": {"level": _LEVEL[RULES[code].severity]},
        }
        for code in used
        if code in RULES
    ]
    results = []
    for d in diagnostics:
        region = {"startLine": d.line, "startColumn": d.column} if d.line else {}
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri(d.file)}}}
        if region:
            location["physicalLocation"]["region"] = region
        text = d.message + (f"（提示：{d.hint}）" if d.hint else "")
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": used.index(d.code),
                "level": _LEVEL[d.severity],
                "message": {"text": text},
                "locations": [location],
            }
        )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "zhibiao",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/zhibiao/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def report(diagnostics: list[Diagnostic], files: int, stream: TextIO) -> None:
    """Write the SARIF log."""
    json.dump(document(diagnostics), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
