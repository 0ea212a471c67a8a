"""Reporters: diagnostics → text, JSON, GitHub annotations, SARIF or Markdown; no reporter decides exit codes."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TextIO

from builder.base.diagnostics import Diagnostic
from builder.report import github, jsonfmt, markdown, sarif, text

Reporter = Callable[[list[Diagnostic], int, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": jsonfmt.report,
    "github": github.report,
    "sarif": sarif.report,
    "markdown": markdown.report,
}


def select(name: str) -> Reporter:
    """Reporter by name; `auto` picks `github` inside GitHub Actions, else `text`."""
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return REPORTERS[name]
