"""Numeric rules: hours, shares and credits (profile from 教职成〔2019〕13号, configurable)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from builder.check.context import CheckContext
from builder.config import LevelRules, Range
from builder.corpus import Loaded
from builder.diagnostics import DataPath, Diagnostic, Severity
from builder.model import Specialty
from builder.model.common import AssessmentPart
from builder.rules import Rule, check

WEEKS_PER_MONTH = 52 / 12


def _plans(ctx: CheckContext) -> Iterator[tuple[Loaded[Specialty], LevelRules, int]]:
    for entry, _ in ctx.sets():
        if entry.specialty is None:
            continue
        rules = ctx.config.numeric_rules.levels.get(entry.specialty.doc.level)
        total = sum(c.hours for c in entry.specialty.doc.courses)
        if rules is not None and total > 0:
            yield entry.specialty, rules, total


def _share_check(
    ctx: CheckContext,
    rule: Rule,
    pick: Callable[[LevelRules], Range | None],
    label: str,
    part: Callable[[Specialty], int],
) -> Iterator[Diagnostic]:
    for spec, rules, total in _plans(ctx):
        bounds = pick(rules)
        if bounds is None:
            continue
        share = part(spec.doc) / total
        if not bounds.contains(share):
            yield rule.diag(
                spec.rel,
                f"{label}占总学时 {share:.1%}（{part(spec.doc)}/{total}），"
                f"{spec.doc.level}要求 {_pct(bounds)}",
                path=("courses",),
                hint=_basis(ctx),
            )


def _basis(ctx: CheckContext) -> str:
    """Where the threshold comes from and where to change it."""
    return (
        f"规则来源：{ctx.config.numeric_rules.profile}；"
        "阈值可在 zhibiao.yaml 的 numeric_rules 中按层次调整。"
    )


def _pct(bounds: Range) -> str:
    low = f"{bounds.min:.0%}" if bounds.min is not None else None
    high = f"{bounds.max:.0%}" if bounds.max is not None else None
    if low and high:
        return f"{low}–{high}"
    return f"≥ {low}" if low else f"≤ {high}"


@check(
    "ZB401", "total-hours", Severity.ERROR, "总学时不符合规定", "# 高职专科三年制总学时应 ≥ 2500"
)
def total_hours(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程设置的总学时（各课程学时之和）须符合所在层次的规定：默认中职 ≥ 3000、高职专科 ≥ 2500
    （教职成〔2019〕13号）。职业本科默认不检查，可在配置中设置。"""
    for spec, rules, total in _plans(ctx):
        if rules.total_hours and not rules.total_hours.contains(total):
            yield rule.diag(
                spec.rel,
                f"总学时为 {total}，{spec.doc.level}要求 {rules.total_hours.describe()}",
                path=("courses",),
                hint=_basis(ctx),
            )


@check(
    "ZB402", "public-share", Severity.ERROR, "公共基础课学时占比不足", "# 高职 ≥ 1/4，中职约 1/3"
)
def public_share(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """公共基础课程学时占总学时的比例：默认高职专科与职业本科 ≥ 25%，中职约 1/3（≥ 31.3%）。"""
    yield from _share_check(
        ctx,
        rule,
        lambda r: r.public_share,
        "公共基础课学时",
        lambda s: sum(c.hours for c in s.courses if c.nature == "公共基础"),
    )


@check("ZB403", "elective-share", Severity.ERROR, "选修课学时占比不足", "# 选修课学时应 ≥ 10%")
def elective_share(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """选修课（elective: true）学时占总学时的比例，默认不少于 10%。"""
    yield from _share_check(
        ctx,
        rule,
        lambda r: r.elective_share,
        "选修课学时",
        lambda s: sum(c.hours for c in s.courses if c.elective),
    )


@check(
    "ZB404", "practice-share", Severity.ERROR, "实践性教学学时占比不足", "# 实践学时原则上 ≥ 50%"
)
def practice_share(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """实践性教学学时（各课程 practice_hours 之和）占总学时的比例，默认原则上不少于 50%。"""
    yield from _share_check(
        ctx,
        rule,
        lambda r: r.practice_share,
        "实践性教学学时",
        lambda s: sum(c.practice_hours for c in s.courses),
    )


@check(
    "ZB405", "hours-per-credit", Severity.WARNING, "学时与学分折算不符", "# 16–18 学时折算 1 学分"
)
def hours_per_credit(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """非实践类课程一般按 16–18 学时折算 1 学分；实践课程（岗位实习、毕业设计等）按周计学分，不检查。"""
    for spec, rules, _ in _plans(ctx):
        bounds = rules.hours_per_credit
        if bounds is None:
            continue
        for i, course in enumerate(spec.doc.courses):
            if course.nature == "实践" or course.credits <= 0:
                continue
            ratio = course.hours / course.credits
            if not bounds.contains(ratio):
                yield rule.diag(
                    spec.rel,
                    f"课程 {course.code}「{course.name}」{course.hours} 学时 {course.credits:g} 学分，"
                    f"折合每学分 {ratio:.1f} 学时，应为 {bounds.describe()}",
                    path=("courses", i, "credits"),
                    hint=_basis(ctx),
                )


@check(
    "ZB406",
    "core-course-count",
    Severity.WARNING,
    "专业核心课程门数不符",
    "# 专业核心课程一般 6–8 门",
)
def core_course_count(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程性质为“专业核心”的课程门数，默认 6–8 门（教职成〔2019〕13号）。"""
    for spec, rules, _ in _plans(ctx):
        count = sum(1 for c in spec.doc.courses if c.nature == "专业核心")
        if rules.core_courses and not rules.core_courses.contains(count):
            yield rule.diag(
                spec.rel,
                f"专业核心课程 {count} 门，应为 {rules.core_courses.describe()} 门",
                path=("courses",),
                hint=_basis(ctx),
            )


@check(
    "ZB407", "internship-length", Severity.WARNING, "岗位实习时长不符", "# 岗位实习一般为 6 个月"
)
def internship_length(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """岗位实习时间一般为 6 个月（默认允许 5–7 个月），按各岗位实习阶段的 months 之和计算，
    只给周数时按 52/12 周折合 1 个月。"""
    for entry, _ in ctx.sets():
        if entry.specialty is None:
            continue
        rules = ctx.config.numeric_rules.levels.get(entry.specialty.doc.level)
        if rules is None or rules.internship_months is None:
            continue
        for internship in entry.internships:
            months = 0.0
            for phase in internship.doc.schedule:
                if phase.type == "岗位实习":
                    months += phase.months or (phase.weeks or 0) / WEEKS_PER_MONTH
            if not rules.internship_months.contains(months):
                yield rule.diag(
                    internship.rel,
                    f"岗位实习共约 {months:.1f} 个月，应为 {rules.internship_months.describe()} 个月",
                    path=("schedule",),
                    hint=_basis(ctx),
                )


@check(
    "ZB408",
    "sum-mismatch",
    Severity.ERROR,
    "合计与分项之和不符",
    "hours: 64\ntheory_hours: 32\npractice_hours: 30   # 32 + 30 ≠ 64",
)
def sum_mismatch(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """声明的合计必须等于分项之和：课程学时 = 理论学时 + 实践学时；专业教学标准 totals 等于课程设置各行之和；
    课程标准各模块学时之和等于课程学时；模块内容学时（如填写）之和等于模块学时。"""
    for item in ctx.corpus.documents:
        doc = item.doc
        if doc.kind == "specialty":
            for i, c in enumerate(doc.courses):
                if c.theory_hours + c.practice_hours != c.hours:
                    yield _split(
                        rule,
                        item.rel,
                        ("courses", i, "hours"),
                        c.hours,
                        c.theory_hours,
                        c.practice_hours,
                    )
            if doc.totals:
                hours = sum(c.hours for c in doc.courses)
                credits = sum(c.credits for c in doc.courses)
                if doc.totals.hours != hours:
                    yield rule.diag(
                        item.rel,
                        f"声明总学时 {doc.totals.hours}，课程设置合计为 {hours}",
                        path=("totals", "hours"),
                    )
                if abs(doc.totals.credits - credits) > 1e-6:
                    yield rule.diag(
                        item.rel,
                        f"声明总学分 {doc.totals.credits:g}，课程设置合计为 {credits:g}",
                        path=("totals", "credits"),
                    )
        elif doc.kind == "course":
            if doc.theory_hours + doc.practice_hours != doc.hours:
                yield _split(
                    rule, item.rel, ("hours",), doc.hours, doc.theory_hours, doc.practice_hours
                )
            module_hours = sum(m.hours for m in doc.modules)
            if module_hours != doc.hours:
                yield rule.diag(
                    item.rel,
                    f"各模块学时之和为 {module_hours}，课程学时为 {doc.hours}",
                    path=("modules",),
                )
            for m, module in enumerate(doc.modules):
                parts = [it.hours for it in module.items if it.hours is not None]
                if len(parts) == len(module.items) and sum(parts) != module.hours:
                    yield rule.diag(
                        item.rel,
                        f"模块 {module.code} 的内容学时之和为 {sum(parts)}，模块学时为 {module.hours}",
                        path=("modules", m, "hours"),
                    )


def _split(
    rule: Rule, rel: str, path: DataPath, hours: int, theory: int, practice: int
) -> Diagnostic:
    return rule.diag(rel, f"学时 {hours} ≠ 理论 {theory} + 实践 {practice}", path=path)


@check(
    "ZB409",
    "weights-sum",
    Severity.ERROR,
    "考核权重之和不是 100",
    "assessment:\n  - {name: 过程考核, weight: 50}\n  - {name: 期末考试, weight: 40}   # 合计 90",
)
def weights_sum(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程标准和岗位实习标准中考核评价各项的权重（%）之和必须等于 100。"""
    for item in ctx.corpus.documents:
        parts: list[AssessmentPart] | None = getattr(item.doc, "assessment", None)
        if parts:
            total = sum(p.weight for p in parts)
            if abs(total - 100) > 1e-6:
                yield rule.diag(
                    item.rel, f"考核评价各项权重之和为 {total:g}，应为 100", path=("assessment",)
                )
