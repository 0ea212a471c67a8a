"""Render the rule registry for `zhibiao rules` (text, JSON, Markdown)."""

from __future__ import annotations

import json

import builder.checking
import builder.opendata.import_rules  # noqa: F401  (ZB8xx: import xlsx)
from builder.project import UsageError
from builder.rules import RULES, Rule


def render(code: str | None, fmt: str) -> str:
    """Every rule, or one rule, in the requested format."""
    rules = [RULES[c] for c in sorted(RULES)]
    if code is not None:
        if code.upper() not in RULES:
            raise UsageError(
                f"没有规则 {code} / unknown rule", hint="运行 zhibiao rules 查看全部规则。"
            )
        rules = [RULES[code.upper()]]
    if fmt == "json":
        return json.dumps([_as_dict(r) for r in rules], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return "".join(_markdown(r) for r in rules)
    return "".join(_text(r, full=code is not None or True) for r in rules)


def _as_dict(rule: Rule) -> dict[str, str]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.label,
        "summary": rule.summary,
        "explanation": rule.explanation,
        "example": rule.example,
    }


def _text(rule: Rule, *, full: bool) -> str:
    lines = [f"{rule.code}  {rule.name}  [{rule.severity.label}]  {rule.summary}"]
    if full:
        lines += ["    " + line for line in rule.explanation.splitlines()]
        if rule.example:
            lines.append("    示例：")
            lines += ["      " + line for line in rule.example.splitlines()]
    return "\n".join(lines) + "\n\n"


def _markdown(rule: Rule) -> str:
    parts = [
        f"## {rule.code} {rule.name} {{#{rule.code.lower()}}}\n",
        f"**{rule.summary}**（默认级别：{rule.severity.label}）\n",
        rule.explanation + "\n",
    ]
    if rule.example:
        parts.append(f"```yaml\n{rule.example}\n```\n")
    return "\n".join(parts) + "\n"
