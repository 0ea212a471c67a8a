"""Numeric rules on partial data: decide what can be decided, say what was skipped.

A plan where some rows give hours and others do not (a national standard), or that is an
excerpt (`{节选: [...]}`: its sum is not the plan's total), is neither silently passed nor
guessed at. ZB401–ZB404 (builder/check/numeric.py) judge the
figures they have; here, for the figures they lack:

- ZB411: a violation that holds whatever the missing hours are (the known rows already
  exceed a maximum, or a share cannot reach its minimum because no row without hours could
  raise it) is reported;
- ZB410 (info): a rule that cannot be decided names itself and the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from builder.base.diagnostics import Diagnostic, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext
from builder.check.lifecycle import PLACEHOLDER
from builder.model import Specialty
from builder.model.sourced import is_excerpt, is_not_given
from builder.model.specialty import PlannedCourse
from builder.read.config import LevelRules, Range
from builder.read.corpus import Loaded
from builder.view.figures import Figures, figures

SHARES: tuple[tuple[str, str, str, Callable[[PlannedCourse], bool]], ...] = (
    ("ZB402", "public_share", "公共基础课学时占比", lambda c: c.nature == "公共基础"),
    ("ZB403", "elective_share", "选修课学时占比", lambda c: c.elective),
)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What can be said of one rule on one plan."""

    rule: str
    label: str
    violated: str = ""
    skipped: str = ""


def _pct(value: float) -> str:
    return f"{value:.1%}"


def _bounds(bounds: Range) -> str:
    low = f"{bounds.min:.1%}" if bounds.min is not None else None
    high = f"{bounds.max:.1%}" if bounds.max is not None else None
    if low and high:
        return f"{low}–{high}"
    return f"≥ {low}" if low else f"≤ {high}"


def _missing(spec: Specialty) -> str:
    """Why the rows do not give the figure: "课程设置原文未给出", "3 门课程没有学时" …"""
    rows = spec.courses
    if is_not_given(rows):
        return "课程设置原文未给出"
    if is_excerpt(rows):
        return "课程设置是节选"
    if not rows:
        return "课程设置没有课程"
    lacking = sum(1 for c in rows if c.hours is None)
    return f"{lacking} 门课程没有学时"


def _undeclared(spec: Specialty) -> str:
    return f"{_missing(spec)}，hours_plan 中也没有声明相应的数字"


def _total(spec: Specialty, rules: LevelRules, found: Figures | None) -> Verdict | None:
    bounds = rules.total_hours
    if bounds is None or (found is not None and found.total is not None):
        return None
    verdict = Verdict("ZB401", "总学时")
    known = [c.hours for c in spec.courses if c.hours is not None]
    if known and bounds.max is not None and sum(known) > bounds.max:
        return Verdict(
            "ZB401",
            "总学时",
            violated=f"已给出学时的课程合计 {sum(known)} 学时，已超过要求的 {bounds.describe()}",
        )
    return Verdict(verdict.rule, verdict.label, skipped=_undeclared(spec))


def _share(
    spec: Specialty,
    bounds: Range,
    code: str,
    label: str,
    counts: Callable[[PlannedCourse], bool],
) -> Verdict:
    """A share of the rows' hours: decided when no row without hours could move it across
    the bound (rows without hours only add to the total, or only add to the part)."""
    rows = spec.courses
    known = [c for c in rows if c.hours is not None]
    unknown = [c for c in rows if c.hours is None]
    whole = sum(c.hours or 0 for c in known)
    part = sum(c.hours or 0 for c in known if counts(c))
    if whole > 0 and known and not is_not_given(rows) and not is_excerpt(rows):
        share = part / whole
        if bounds.min is not None and share < bounds.min and not any(map(counts, unknown)):
            return Verdict(
                code,
                label,
                violated=f"已给出学时的课程中占 {_pct(share)}，其余课程不属于此类，"
                f"不论其学时多少占比只会更低，要求 {_bounds(bounds)}",
            )
        if bounds.max is not None and share > bounds.max and all(map(counts, unknown)):
            return Verdict(
                code,
                label,
                violated=f"已给出学时的课程中占 {_pct(share)}，其余课程都属于此类，"
                f"不论其学时多少占比只会更高，要求 {_bounds(bounds)}",
            )
    return Verdict(code, label, skipped=_undeclared(spec))


def _practice(spec: Specialty, bounds: Range) -> Verdict:
    """实践学时占比 when every row has hours but some lack practice hours: the share lies
    between the stated practice hours and those plus the hours of the rows that lack them."""
    rows = spec.courses
    label = "实践性教学学时占比"
    complete = rows and not is_not_given(rows) and not is_excerpt(rows)
    if complete and all(c.hours is not None for c in rows):
        whole = sum(c.hours or 0 for c in rows)
        low = sum(c.practice_hours or 0 for c in rows)
        high = low + sum(c.hours or 0 for c in rows if c.practice_hours is None)
        if whole > 0 and bounds.min is not None and high / whole < bounds.min:
            return Verdict(
                "ZB404",
                label,
                violated=f"即使没有实践学时的课程全部按实践计，也只占 {_pct(high / whole)}，"
                f"要求 {_bounds(bounds)}",
            )
        if whole > 0 and bounds.max is not None and low / whole > bounds.max:
            return Verdict(
                "ZB404",
                label,
                violated=f"已给出的实践学时已占 {_pct(low / whole)}，要求 {_bounds(bounds)}",
            )
        lacking = sum(1 for c in rows if c.practice_hours is None)
        return Verdict("ZB404", label, skipped=f"{lacking} 门课程没有实践学时")
    return Verdict("ZB404", label, skipped=_undeclared(spec))


def verdicts(spec: Specialty, rules: LevelRules) -> list[Verdict]:
    """What ZB401–ZB404 could not judge on `spec`, decided where possible."""
    found = figures(spec)
    out: list[Verdict] = []
    total = _total(spec, rules, found)
    if total is not None:
        out.append(total)
    for code, name, label, counts in SHARES:
        bounds: Range | None = getattr(rules, name)
        share = getattr(found, name.removesuffix("_share"), None) if found else None
        if bounds is not None and share is None:
            out.append(_share(spec, bounds, code, label, counts))
    if rules.practice_share is not None and (found is None or found.practice is None):
        out.append(_practice(spec, rules.practice_share))
    return out


def _plans(ctx: CheckContext) -> Iterator[tuple[Loaded[Specialty], Verdict]]:
    for entry, _ in ctx.sets():
        if entry.specialty is None:
            continue
        rules = ctx.config.numeric_rules.levels.get(entry.specialty.doc.level)
        rows = entry.specialty.doc.courses
        if rows and all(c.name == PLACEHOLDER for c in rows):
            continue  # the skeleton of `zhibiao new`: nothing written yet (ZB605 says so)
        if rules is not None:
            for verdict in verdicts(entry.specialty.doc, rules):
                yield entry.specialty, verdict


@check(
    "ZB410",
    "numeric-rule-skipped",
    Severity.INFO,
    "数值规则因数据不全未检查",
    "courses:\n  - {code: GG01, name: 思想政治, nature: 公共基础}   # 没有学时\n"
    "# 没有 hours_plan：ZB401 总学时无法判定",
)
def numeric_rule_skipped(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程设置缺少学时（原文未给出、只给部分课程的学时），又没有在 hours_plan 中声明总学时或占比时，
    ZB401–ZB404 中无法判定的规则不会悄悄跳过：每条跳过的规则报告一条提示，说明是哪条规则、为什么。
    其余能判定的规则照常检查（一门课程没有学时不会关掉全部学时规则），不论缺少的数字是多少都必然违反的
    情况见 ZB411。"""
    skipped: dict[str, tuple[Loaded[Specialty], dict[str, list[str]]]] = {}
    for spec, verdict in _plans(ctx):
        if verdict.skipped:
            reasons = skipped.setdefault(spec.rel, (spec, {}))[1]
            reasons.setdefault(verdict.skipped, []).append(f"{verdict.rule}（{verdict.label}）")
    for spec, reasons in skipped.values():
        text = "；".join(f"{'、'.join(rules)}：{why}" for why, rules in reasons.items())
        yield rule.diag(
            spec.rel,
            f"未检查 {text}",
            path=("courses",),
            hint="原文给出学时安排时写入 hours_plan（total_hours、public_share 等）。",
        )


@check(
    "ZB411",
    "numeric-rule-violated-anyway",
    Severity.ERROR,
    "部分学时已足以判定违反数值规则",
    "courses:\n  - {code: GG01, name: 思想政治, nature: 公共基础, hours: 100}\n"
    "  - {code: ZY01, name: 程序设计, nature: 专业核心, hours: 900}\n"
    "  - {code: ZY02, name: 数据库, nature: 专业核心}   # 没有学时，公共基础课占比只会更低",
)
def numeric_rule_violated_anyway(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """部分课程没有学时时，若不论缺少的学时是多少都必然违反 ZB401–ZB404 的规定（已给出学时之和已超过
    总学时上限；公共基础课或选修课占比已低于下限，而没有学时的课程都不属于该类，只会使占比更低；
    各课程都有学时、部分缺实践学时，即使把它们全算作实践也达不到实践占比下限），照样报告。"""
    for spec, verdict in _plans(ctx):
        if verdict.violated:
            yield rule.diag(
                spec.rel,
                f"{verdict.rule}（{verdict.label}）：{verdict.violated}",
                path=("courses",),
                hint=f"规则来源：{ctx.config.numeric_rules.profile}；"
                "阈值可在 zhibiao.yaml 的 numeric_rules 中按层次调整。",
            )
