"""Registry of diagnostic codes: every code has a name, default severity and docs.

Codes are grouped by stage: ZB0xx reading files, ZB1xx schema, ZB2xx references,
ZB3xx coverage and levels, ZB4xx numeric rules, ZB5xx code systems, ZB6xx lifecycle.
`zhibiao rules` prints this registry; the explanation is the rule's documentation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from builder.base.diagnostics import DataPath, Diagnostic, Location, Severity

CheckFunction = Callable[[Any, "Rule"], Iterator[Diagnostic]]
"""A check: (`builder.check.context.CheckContext`, its rule) → diagnostics. The context is
typed where the checks are written; this registry sits below them and does not import it."""
F = TypeVar("F", bound=CheckFunction)


@dataclass(frozen=True, slots=True)
class Rule:
    """A diagnostic code with its documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    example: str = ""

    def diag(
        self,
        file: str,
        message: str,
        *,
        path: DataPath | None = None,
        line: int = 0,
        column: int = 0,
        hint: str | None = None,
        related: tuple[Location, ...] = (),
    ) -> Diagnostic:
        """Create a diagnostic of this rule at its default severity."""
        return Diagnostic(
            code=self.code,
            severity=self.severity,
            message=message,
            file=file,
            line=line,
            column=column,
            hint=hint,
            data_path=path,
            related=related,
        )


RULES: dict[str, Rule] = {}
CHECKS: list[tuple[Rule, CheckFunction]] = []


def declare(
    code: str, name: str, severity: Severity, summary: str, explanation: str, example: str = ""
) -> Rule:
    """Register a code that is produced by a stage rather than a check function."""
    if code in RULES:
        raise ValueError(f"duplicate rule code {code}")
    rule = Rule(code, name, severity, summary, _dedent(explanation), example.strip("\n"))
    RULES[code] = rule
    return rule


def check(
    code: str, name: str, severity: Severity, summary: str, example: str = ""
) -> Callable[[F], F]:
    """Register a check function; its docstring is the rule's explanation."""

    def register(function: F) -> F:
        rule = declare(code, name, severity, summary, function.__doc__ or "", example)
        CHECKS.append((rule, function))
        return function

    return register


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text) if text else ""
