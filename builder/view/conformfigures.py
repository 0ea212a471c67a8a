"""Hours of a school's plan against its national standard: course hours (ZB906), total
hours (ZB907) and shares (ZB908), with the level's floors from `numeric_rules` (教职成〔2019〕13号
by default) and the standard's own declared figures."""

from __future__ import annotations

from collections.abc import Iterator

from builder.base.diagnostics import DataPath
from builder.model import Plan, Specialty
from builder.read.config import LevelRules, ProjectConfig, Range, share_text, show_number
from builder.view.figures import Figures, figures
from builder.view.findings import Finding, Status, match, row_quoted

__all__ = ["course_hours", "plan_figures"]


def course_hours(plan: Plan, standard: Specialty) -> Iterator[Finding]:
    for course in standard.courses:
        hit = match(plan, course) if course.hours is not None else None
        if hit is None or hit[1].hours is None or course.hours is None:
            continue
        i, row = hit
        have, need = hit[1].hours, course.hours
        status: Status = "not_met" if have < need else "exceeded" if have > need else "met"
        yield Finding(
            "ZB906",
            status,
            "课程学时",
            f"{course.code} {course.name}",
            f"≥ {need}",
            str(have),
            f"课程{row_quoted(row)}{have} 学时，国家标准中 {course.code}「{course.name}」为 {need} 学时",
            ("courses", i, "hours"),
            ""
            if status != "not_met"
            else "课程学时可以高于国家标准，不能低于；补足学时或说明合并开设的课程。",
        )


def _own_total(standard: Specialty) -> int | None:
    if standard.totals is not None:
        return standard.totals.hours
    return standard.hours_plan.total_hours if standard.hours_plan is not None else None


def plan_figures(plan: Plan, standard: Specialty, config: ProjectConfig) -> Iterator[Finding]:
    level = plan.level or standard.level
    rules = config.numeric_rules.levels.get(level)
    basis = f"规则来源：{config.numeric_rules.source_for(level)}（{level}）及国家专业教学标准"
    mine = figures(plan)
    yield _total(mine, rules, _own_total(standard), basis)
    declared = standard.hours_plan
    for label, key in (
        ("公共基础课学时占比", "public"),
        ("选修课学时占比", "elective"),
        ("实践性教学学时占比", "practice"),
    ):
        bounds: Range | None = getattr(rules, f"{key}_share", None) if rules else None
        own = getattr(declared, f"{key}_share", None) if declared is not None else None
        share = getattr(mine, key) if mine is not None else None
        yield _share(label, share, bounds, own, mine, basis)


def _total(mine: Figures | None, rules: LevelRules | None, own: int | None, basis: str) -> Finding:
    bounds = rules.total_hours if rules is not None else None
    wanted = [bounds.describe()] if bounds is not None else []
    if own is not None:
        wanted.append(f"不低于国家标准的 {own}")
    required = "，且".join(wanted) or "—"
    path: DataPath = mine.path if mine is not None else ("courses",)
    if mine is None or mine.total is None:
        return Finding(
            "ZB907",
            "undecided",
            "总学时",
            "课程设置合计",
            required,
            "未给出",
            "本方案的课程没有全部给出学时，也没有声明 hours_plan.total_hours，总学时无法判定",
            path,
        )
    total = mine.total
    low = (bounds is not None and not bounds.contains(total)) or (own is not None and total < own)
    return Finding(
        "ZB907",
        "not_met" if low else "met",
        "总学时",
        "课程设置合计",
        required,
        str(total),
        f"总学时 {total}，要求 {required}",
        path,
        basis if low else "",
    )


def _share(
    label: str,
    share: float | None,
    bounds: Range | None,
    own: float | None,
    mine: Figures | None,
    basis: str,
) -> Finding:
    wanted = [bounds.describe_share(share)] if bounds is not None else []
    if own is not None:
        wanted.append(f"不低于国家标准的 {share_text(own, share)}")
    required = "，且".join(wanted) or "—"
    path: DataPath = mine.path if mine is not None else ("courses",)
    if share is None:
        return Finding(
            "ZB908", "undecided", "学时占比", label, required, "未给出", f"{label}无法判定", path
        )
    fails = (bounds is not None and not bounds.contains(share)) or (own is not None and share < own)
    edge = bounds.min if bounds is not None and bounds.min is not None else own
    shown = show_number(share, edge, scale=100)
    return Finding(
        "ZB908",
        "not_met" if fails else "met",
        "学时占比",
        label,
        required,
        f"{shown}%",
        f"{label} {shown}%，要求 {required}",
        path,
        basis if fails else "",
    )
