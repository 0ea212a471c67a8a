"""Render the rule registry for `zhibiao rules` (text, JSON, Markdown)."""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping

from builder.base.rules import Rule
from builder.project import UsageError


def render(known: Mapping[str, Rule], code: str | None, fmt: str) -> str:
    """Every rule of `known` (the complete registry, `builder.ruleset.all_rules()`), or one rule,
    in the requested format."""
    rules = list(known.values())
    if code is not None:
        rules = [_find(known, code)]
    if fmt == "json":
        return json.dumps([_as_dict(r) for r in rules], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        if code is not None:
            return _markdown(rules[0], level=2)
        return _markdown_page(rules)
    return "".join(_text(r) for r in rules)


def _find(known: Mapping[str, Rule], key: str) -> Rule:
    """The rule with this code (any case) or name (as `zhibiao rules` prints it)."""
    by_name = {rule.name: rule for rule in known.values()}
    found = known.get(key.upper()) or by_name.get(key.lower())
    if found is None:
        close = difflib.get_close_matches(key.lower(), list(by_name), n=1, cutoff=0.8)
        raise UsageError(
            f"没有规则 {key}",
            hint=f"是否应为「{close[0]}」？" if close else "运行 zhibiao rules 查看全部规则。",
        )
    return found


STAGES = {
    "0": "读取文件（编码、YAML 语法）",
    "1": "数据模型（字段与类型）",
    "2": "引用与唯一性",
    "3": "职业能力覆盖与学习水平",
    "4": "数值规则（学时、学分、占比）",
    "5": "编码体系（专业代码、职业编码、行业代码、文号）",
    "6": "生命周期与元数据",
    "7": "征求意见与审查（审查记录 X.review.yaml）",
    "8": "导入电子表格（zhibiao import xlsx）",
}
"""Groups of codes by their first digit, as described in `builder.base.rules`."""

PAGE_HEAD = """\
# 检查规则一览

<!-- 本页由 `python3 -m builder rules --format markdown > docs/rules.md` 生成，请勿手工修改；
     测试 tests/test_docs.py 检查它是否与代码一致。 -->

`zhibiao check` 报告的每个问题都带有一个规则代码（如 `ZB201`）。下面按检查阶段列出全部规则、
默认严重级别、说明和示例。严重级别可以在 `zhibiao.yaml` 的 `severity` 中按代码调整
（`error`、`warning`、`info` 或 `ignore`），见[检查说明](checks.md)。

*English: every diagnostic code of `zhibiao check`, grouped by stage, with its default severity,
explanation and an example. Generated from the rule registry; do not edit by hand.*

"""


def _markdown_page(rules: list[Rule]) -> str:
    parts = [PAGE_HEAD]
    stage = None
    for rule in rules:
        digit = rule.code[2]
        if digit != stage:
            stage = digit
            parts.append(f"## ZB{digit}xx {STAGES.get(digit, '其他')}\n\n")
        parts.append(_markdown(rule, level=3))
    return "".join(parts).rstrip("\n") + "\n"


def _as_dict(rule: Rule) -> dict[str, str]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.label,
        "summary": rule.summary,
        "explanation": rule.explanation,
        "example": rule.example,
    }


def _text(rule: Rule) -> str:
    lines = [f"{rule.code}  {rule.name}  [{rule.severity.label}]  {rule.summary}"]
    lines += ["    " + line for line in rule.explanation.splitlines()]
    if rule.example:
        lines.append("    示例：")
        lines += ["      " + line for line in rule.example.splitlines()]
    return "\n".join(lines) + "\n\n"


def _markdown(rule: Rule, *, level: int) -> str:
    parts = [
        f"{'#' * level} {rule.code} {rule.name} {{#{rule.code.lower()}}}\n",
        f"**{rule.summary}**（默认级别：{rule.severity.label}）\n",
        _unwrap(rule.explanation) + "\n",
    ]
    if rule.example:
        parts.append(f"```yaml\n{rule.example}\n```\n")
    return "\n".join(parts) + "\n"


def _unwrap(text: str) -> str:
    """Join the lines of each paragraph: a line break between Chinese characters would show
    as a stray space in HTML."""
    paragraphs = []
    for block in text.split("\n\n"):
        joined = ""
        for line in block.splitlines():
            line = line.strip()
            gap = " " if joined and (joined[-1].isascii() or line[:1].isascii()) else ""
            joined += gap + line
        paragraphs.append(joined)
    return "\n\n".join(paragraphs)
