"""Numeric rules: hours, shares and credits (profile from 教职成〔2019〕13号, configurable).

National 专业教学标准 often give no per-course hours; the plan's figures then come from the
declared 学时安排 (`hours_plan`). Rows without numbers are "not stated" and skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from builder.base.diagnostics import DataPath, Diagnostic, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext
from builder.check.lifecycle import PLACEHOLDER
from builder.model import Plan, Specialty
from builder.model.common import AssessmentPart
from builder.model.sourced import is_excerpt
from builder.read.config import LevelRules, Range, show_number
from builder.read.corpus import Loaded
from builder.view.figures import Figures, figures

WEEKS_PER_MONTH = 52 / 12
INTERNSHIP_TYPES = frozenset({"岗位实习", "顶岗实习"})


def _plans(ctx: CheckContext) -> Iterator[tuple[Loaded[Specialty], LevelRules, Figures]]:
    for entry, _ in ctx.sets():
        if entry.specialty is None:
            continue
        rules = ctx.config.numeric_rules.levels.get(entry.specialty.doc.level)
        found = figures(entry.specialty.doc)
        if rules is not None and found is not None:
            yield entry.specialty, rules, found


def _share_check(
    ctx: CheckContext,
    rule: Rule,
    pick: Callable[[LevelRules], Range | None],
    label: str,
    share_of: Callable[[Figures], float | None],
) -> Iterator[Diagnostic]:
    for spec, rules, found in _plans(ctx):
        bounds = pick(rules)
        share = share_of(found)
        if bounds is None or share is None or bounds.contains(share):
            continue
        origin = "学时安排中声明的" if found.declared else ""
        shown = show_number(share, _failed_bound(bounds, share), scale=100)
        yield rule.diag(
            spec.rel,
            f"{origin}{label}占总学时 {shown}%，{spec.doc.level}要求 {bounds.describe_share(share)}",
            path=found.path,
            hint=_basis(ctx, spec.doc.level),
        )


def _failed_bound(bounds: Range, value: float) -> float | None:
    """The end of `bounds` that `value` violates (None when inside)."""
    if bounds.min is not None and value < bounds.min:
        return bounds.min
    if bounds.max is not None and value > bounds.max:
        return bounds.max
    return None


def _basis(ctx: CheckContext, level: str) -> str:
    """Where the threshold comes from and where to change it."""
    return (
        f"规则来源：{ctx.config.numeric_rules.source_for(level)}；"
        "阈值可在 zhibiao.yaml 的 numeric_rules 中按层次调整。"
    )


@check(
    "ZB401", "total-hours", Severity.ERROR, "总学时不符合规定", "# 高职专科三年制总学时应 ≥ 2500"
)
def total_hours(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程设置的总学时（各课程学时之和；各行未给学时时取 hours_plan.total_hours）须符合所在层次的规定：
    默认中职 ≥ 3000、高职专科 ≥ 2500（教职成〔2019〕13号）。13号不适用于职业本科，职业本科默认不检查，
    可在配置中设置。提示中写明每条阈值的来源（按层次的 numeric_rules.levels.*.source）。"""
    for spec, rules, found in _plans(ctx):
        total = found.total
        if rules.total_hours and total is not None and not rules.total_hours.contains(total):
            yield rule.diag(
                spec.rel,
                f"总学时为 {total}，{spec.doc.level}要求 {rules.total_hours.describe()}",
                path=found.path,
                hint=_basis(ctx, spec.doc.level),
            )


@check(
    "ZB402", "public-share", Severity.ERROR, "公共基础课学时占比不足", "# 高职 ≥ 1/4，中职约 1/3"
)
def public_share(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """公共基础课程学时占总学时的比例：默认高职专科 ≥ 25%、中职约 1/3（≥ 47/150，即 31.33%）
    （教职成〔2019〕13号）；职业本科不在 13号范围内，默认沿用高职的 25%，提示中注明是项目自定。
    消息中的占比和阈值按需要的位数精确打印，不合格时两者不会显示成同一个数。"""
    yield from _share_check(
        ctx, rule, lambda r: r.public_share, "公共基础课学时", lambda f: f.public
    )


@check("ZB403", "elective-share", Severity.ERROR, "选修课学时占比不足", "# 选修课学时应 ≥ 10%")
def elective_share(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """选修课（elective: true）学时占总学时的比例，默认不少于 10%。"""
    yield from _share_check(
        ctx, rule, lambda r: r.elective_share, "选修课学时", lambda f: f.elective
    )


@check(
    "ZB404", "practice-share", Severity.ERROR, "实践性教学学时占比不足", "# 实践学时原则上 ≥ 50%"
)
def practice_share(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """实践性教学学时（各课程 practice_hours 之和）占总学时的比例，默认原则上不少于 50%。"""
    yield from _share_check(
        ctx, rule, lambda r: r.practice_share, "实践性教学学时", lambda f: f.practice
    )


@check(
    "ZB405", "hours-per-credit", Severity.WARNING, "学时与学分折算不符", "# 16–18 学时折算 1 学分"
)
def hours_per_credit(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """非实践类课程一般按 16–18 学时折算 1 学分；实践课程（岗位实习、毕业设计等）按周计学分，不检查。
    未给出学时或学分的课程不检查。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        rules = ctx.config.numeric_rules.levels.get(spec.doc.level) if spec else None
        if spec is None or rules is None or rules.hours_per_credit is None:
            continue
        for i, course in enumerate(spec.doc.courses):
            if course.nature == "实践" or not course.credits or course.hours is None:
                continue
            ratio = course.hours / course.credits
            if not rules.hours_per_credit.contains(ratio):
                shown = show_number(ratio, _failed_bound(rules.hours_per_credit, ratio))
                yield rule.diag(
                    spec.rel,
                    f"课程 {course.code}「{course.name}」{course.hours} 学时 {course.credits:g} 学分，"
                    f"折合每学分 {shown} 学时，应为 {rules.hours_per_credit.describe()}",
                    path=("courses", i, "credits"),
                    hint=_basis(ctx, spec.doc.level),
                )


@check(
    "ZB406",
    "core-course-count",
    Severity.WARNING,
    "专业核心课程门数不符",
    "# 专业核心课程一般 6–8 门",
)
def core_course_count(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程性质为“专业核心”的课程门数，默认 6–8 门（教职成〔2019〕13号）。课程设置中只有
    “待补充”课程（`zhibiao new` 生成的骨架）时不检查；课程设置是节选（{节选: [...]}）时，只在列出的核心课程
    已超过上限时报告。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        rules = ctx.config.numeric_rules.levels.get(spec.doc.level) if spec else None
        if spec is None or rules is None or rules.core_courses is None:
            continue
        if all(c.name == PLACEHOLDER for c in spec.doc.courses):
            continue
        count = sum(1 for c in spec.doc.courses if c.nature == "专业核心")
        excerpt = is_excerpt(spec.doc.courses)  # only more core courses than listed can exist
        if excerpt and (rules.core_courses.max is None or count <= rules.core_courses.max):
            continue
        if spec.doc.courses and not rules.core_courses.contains(count):
            yield rule.diag(
                spec.rel,
                f"专业核心课程 {count} 门，应为 {rules.core_courses.describe()} 门",
                path=("courses",),
                hint=_basis(ctx, spec.doc.level),
            )


@check(
    "ZB407", "internship-length", Severity.WARNING, "岗位实习时长不符", "# 岗位实习一般为 6 个月"
)
def internship_length(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """岗位实习（含 2016 年版用语“顶岗实习”）时间一般为 6 个月（默认允许 5–7 个月），按各阶段 months 之和计算，
    只给周数时按 52/12 周折合 1 个月；没有任何时长的标准不检查。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        rules = ctx.config.numeric_rules.levels.get(spec.doc.level) if spec else None
        if spec is None or rules is None or rules.internship_months is None:
            continue
        for internship in entry.internships:
            phases = [p for p in internship.doc.schedule if p.type in INTERNSHIP_TYPES]
            if not any(p.months or p.weeks for p in phases):
                continue
            months = sum(p.months or (p.weeks or 0) / WEEKS_PER_MONTH for p in phases)
            if not rules.internship_months.contains(months):
                shown = show_number(months, _failed_bound(rules.internship_months, months))
                yield rule.diag(
                    internship.rel,
                    f"岗位实习共约 {shown} 个月，应为 {rules.internship_months.describe()} 个月",
                    path=("schedule",),
                    hint=_basis(ctx, spec.doc.level),
                )


@check(
    "ZB408",
    "sum-mismatch",
    Severity.ERROR,
    "合计与分项之和不符",
    "hours: 64\ntheory_hours: 32\npractice_hours: 30   # 32 + 30 ≠ 64",
)
def sum_mismatch(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """声明的合计必须等于分项之和：课程学时 = 理论学时 + 实践学时；专业教学标准和人才培养方案的 totals
    等于课程设置各行之和；
    课程标准各模块学时之和等于课程学时；模块内容学时（如填写）之和等于模块学时。只比较给出了数字的项。"""
    for item in ctx.corpus.documents:
        doc = item.doc
        if doc.kind in ("specialty", "plan"):
            for i, c in enumerate(doc.courses):
                yield from _split(
                    rule,
                    item.rel,
                    ("courses", i, "hours"),
                    c.hours,
                    c.theory_hours,
                    c.practice_hours,
                )
            yield from _totals(rule, item)
        elif doc.kind == "course":
            yield from _split(
                rule, item.rel, ("hours",), doc.hours, doc.theory_hours, doc.practice_hours
            )
            yield from _modules(rule, item)


def _split(
    rule: Rule,
    rel: str,
    path: DataPath,
    hours: int | None,
    theory: int | None,
    practice: int | None,
) -> Iterator[Diagnostic]:
    if (
        hours is not None
        and theory is not None
        and practice is not None
        and theory + practice != hours
    ):
        yield rule.diag(rel, f"学时 {hours} ≠ 理论 {theory} + 实践 {practice}", path=path)


def _totals(rule: Rule, item: Loaded[Specialty | Plan]) -> Iterator[Diagnostic]:
    doc = item.doc
    if doc.totals is None or is_excerpt(doc.courses):
        return
    hours = [c.hours for c in doc.courses]
    credits = [c.credits for c in doc.courses]
    if all(h is not None for h in hours):
        total_hours = sum(h or 0 for h in hours)
        if doc.totals.hours != total_hours:
            yield rule.diag(
                item.rel,
                f"声明总学时 {doc.totals.hours}，课程设置合计为 {total_hours}",
                path=("totals", "hours"),
            )
    if all(c is not None for c in credits):
        total_credits = sum(c or 0 for c in credits)
        if abs(doc.totals.credits - total_credits) > 1e-6:
            yield rule.diag(
                item.rel,
                f"声明总学分 {doc.totals.credits:g}，课程设置合计为 {total_credits:g}",
                path=("totals", "credits"),
            )


def _modules(rule: Rule, item: Loaded[object]) -> Iterator[Diagnostic]:
    doc = item.doc
    modules = getattr(doc, "modules", [])
    module_hours = [m.hours for m in modules]
    course_hours = getattr(doc, "hours", None)
    if course_hours is not None and modules and all(h is not None for h in module_hours):
        total = sum(h or 0 for h in module_hours)
        if total != course_hours:
            yield rule.diag(
                item.rel, f"各模块学时之和为 {total}，课程学时为 {course_hours}", path=("modules",)
            )
    for m, module in enumerate(modules):
        parts = [it.hours for it in module.items]
        if module.hours is not None and all(p is not None for p in parts):
            total = sum(p or 0 for p in parts)
            if total != module.hours:
                yield rule.diag(
                    item.rel,
                    f"模块 {module.code} 的内容学时之和为 {total}，模块学时为 {module.hours}",
                    path=("modules", m, "hours"),
                )


@check(
    "ZB409",
    "weights-sum",
    Severity.ERROR,
    "考核权重之和不是 100",
    "assessment:\n  - {name: 过程考核, weight: 50}\n  - {name: 期末考试, weight: 40}   # 合计 90",
)
def weights_sum(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程标准和岗位实习标准中考核评价各项的权重（%）之和必须等于 100（各项都给出权重时）。"""
    for item in ctx.corpus.documents:
        parts: list[AssessmentPart] | None = getattr(item.doc, "assessment", None)
        if parts and all(p.weight is not None for p in parts):
            total = sum(p.weight or 0 for p in parts)
            if abs(total - 100) > 1e-6:
                yield rule.diag(
                    item.rel, f"考核评价各项权重之和为 {total:g}，应为 100", path=("assessment",)
                )
