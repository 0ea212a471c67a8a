"""Semantic checks over the loaded corpus; each module registers rules with `@check`."""

from __future__ import annotations

from builder.base.diagnostics import Diagnostic, Severity
from builder.base.rules import CHECKS
from builder.check import (
    classification,
    codes,
    conform,
    confusables,
    continuity,
    coverage,
    disclosure,
    lifecycle,
    numeric,
    partial,
    plan,
    references,
    scopes,
    shared,
    vocabulary,
)
from builder.check.context import CheckContext
from builder.check.index import build_indexes
from builder.read.config import ProjectConfig

__all__ = ["MODULES", "CheckContext", "apply_severity", "build_indexes", "run_checks"]
MODULES = (
    classification,
    codes,
    conform,
    confusables,
    continuity,
    coverage,
    disclosure,
    lifecycle,
    numeric,
    partial,
    plan,
    references,
    scopes,
    shared,
    vocabulary,
)
"""The check modules: importing this package registers every rule they declare (ZB2xx–ZB6xx,
ZB507–ZB511, ZB901–ZB913); `builder.ruleset` adds the modules of the other stages."""


def run_checks(ctx: CheckContext) -> list[Diagnostic]:
    """Run every registered check, in code order."""
    found: list[Diagnostic] = []
    for rule, function in sorted(CHECKS, key=lambda pair: pair[0].code):
        found.extend(function(ctx, rule))
    return found


def apply_severity(diagnostics: list[Diagnostic], config: ProjectConfig) -> list[Diagnostic]:
    """Apply the per-code severity overrides of the config; `ignore` drops the diagnostic."""
    result: list[Diagnostic] = []
    for diagnostic in diagnostics:
        override = config.severity.get(diagnostic.code)
        if override == "ignore":
            continue
        if override is not None:
            from dataclasses import replace

            diagnostic = replace(diagnostic, severity=Severity.parse(override))
        result.append(diagnostic)
    return result
