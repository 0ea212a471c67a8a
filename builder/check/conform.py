"""Conformance of schools' 人才培养方案 to the national 专业教学标准 they follow (ZB901–ZB913).

The requirements are judged once per plan (`builder.view.conformance`, shared with the report
of `zhibiao conform`). `zhibiao check` reports unmet requirements of plans in force (试行,
发布, 修订中): a draft plan is what a review looks at with `zhibiao conform`, which reports
every plan whatever its status. Rules about the plan's own consistency (unknown codes and
levels, mappings, duplicates) apply to every plan.
"""

from __future__ import annotations

from collections.abc import Iterator

from builder.base.diagnostics import Diagnostic, Location, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext
from builder.model import Plan
from builder.model.meta import PUBLISHED_STATUSES
from builder.model.sourced import is_excerpt
from builder.read.corpus import Loaded, SpecialtySet
from builder.view.conformance import Assessment, assessment_of, plan_references
from builder.view.identity import plan_identity

IN_FORCE = PUBLISHED_STATUSES | {"修订中"}
"""Statuses of a plan that is being taught: it must conform."""


def _plans(ctx: CheckContext) -> Iterator[tuple[SpecialtySet, Loaded[Plan]]]:
    for entry, _ in ctx.sets():
        for plan in entry.plans:
            yield entry, plan


def _judged(ctx: CheckContext) -> Iterator[tuple[Loaded[Plan], Assessment]]:
    """Plans in force whose standard (the edition they follow) loaded completely."""
    for entry, plan in _plans(ctx):
        if plan.doc.meta.status not in IN_FORCE or entry.specialty is None:
            continue
        if ctx.incomplete(entry.code) or ctx.specialty_broken(entry.code):
            continue  # a file of the standard failed to load: reported where it failed
        wanted = plan.doc.follows.version
        if wanted is not None and entry.specialty.doc.meta.version != wanted:
            continue  # ZB902 says the plan follows another edition
        yield plan, assessment_of(plan, entry, ctx.config)


def _unmet(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    for plan, assessment in _judged(ctx):
        for finding in assessment.findings:
            if finding.rule == rule.code and finding.status == "not_met":
                yield rule.diag(
                    plan.rel, finding.message, path=finding.path, hint=finding.hint or None
                )


@check(
    "ZB901",
    "plan-standard-missing",
    Severity.INFO,
    "人才培养方案依据的国家标准不在标准库中",
    'follows: {code: "510299", version: "2025"}   # 标准库中没有 510299',
)
def standard_missing(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """人才培养方案在 follows 中写明依据的国家专业教学标准（专业代码和版本）。标准库中没有该专业的
    专业教学标准时，无法判断方案是否符合，报本提示；其余符合性规则不运行。
    `zhibiao conform --against 路径` 可以指定库外的标准文件。"""
    for entry, plan in _plans(ctx):
        if entry.specialty is None and not ctx.specialty_broken(entry.code):
            yield rule.diag(
                plan.rel,
                f"标准库中没有专业 {plan.doc.follows.code} 的国家专业教学标准，符合性没有检查",
                path=("follows", "code"),
                hint="把该专业的 specialty.yaml 放进标准库，或用 zhibiao conform --against 指定它。",
            )


@check(
    "ZB902",
    "plan-edition",
    Severity.WARNING,
    "人才培养方案依据的标准版本与标准库中的不同",
    'follows: {code: "510209", version: "2025"}   # 标准库中是 2026 版',
)
def edition(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """follows.version 必须是标准库中该专业专业教学标准的版本（meta.version）。国家标准出了新版而方案
    仍依据旧版时报本规则，此时不再按其他规则逐项比较（那是另一版的要求）；
    `zhibiao conform 方案 --against 新版` 列出学校须修订的各项。"""
    for entry, plan in _plans(ctx):
        national = entry.specialty
        wanted = plan.doc.follows.version
        if national is not None and wanted is not None and national.doc.meta.version != wanted:
            yield rule.diag(
                plan.rel,
                f"本方案依据 {plan.doc.follows.version} 版，标准库中专业 {entry.code} 的国家标准是 "
                f"{national.doc.meta.version} 版",
                path=("follows", "version"),
                related=(Location(national.rel),),
                hint="按新版修订方案并更新 follows.version；zhibiao conform --against 列出须修订的各项。",
            )


@check(
    "ZB903",
    "plan-competency-missing",
    Severity.ERROR,
    "国家标准的职业能力没有课程承载",
    "# 国家职业能力清单的 4-3-1 在方案的任何课程 competencies 中都没有出现",
)
def competency_missing(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """国家专业教学标准职业能力清单中的每一项能力，都必须由人才培养方案中至少一门课程承载
    （课程行的 competencies 写出能力编码和达到的学习水平）。只检查在执行中的方案（试行、发布、修订中）；
    草案和送审稿由 `zhibiao conform` 报告。"""
    yield from _unmet(ctx, rule)


@check(
    "ZB904",
    "plan-competency-level",
    Severity.ERROR,
    "方案承载职业能力的学习水平低于国家标准",
    '- {ref: "4-3-2", level: 理解}   # 国家标准要求 掌握',
)
def competency_level(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """每项职业能力在方案各课程中达到的最高学习水平，不得低于国家标准要求的学习水平（按配置
    learning_levels 的顺序比较，与覆盖规则 ZB302 相同）。方案可以高于国家标准（报告中列为“超出”）。"""
    yield from _unmet(ctx, rule)


@check(
    "ZB905",
    "plan-core-course-missing",
    Severity.ERROR,
    "国家标准的专业核心课程没有开设",
    "# 国家标准的专业核心课程 ZH06 智能语音应用开发 不在方案课程设置中",
)
def core_course_missing(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """国家标准课程设置中每一门专业核心课程，方案都必须开设：按课程代码、课程名称查找，学校改名或
    合并开设时在方案课程中声明 maps_to（国家标准的课程代码或名称）。"""
    yield from _unmet(ctx, rule)


@check(
    "ZB906",
    "plan-course-hours",
    Severity.ERROR,
    "课程学时低于国家标准",
    "# 国家标准 ZH04 为 64 学时，方案只排 48 学时",
)
def course_hours(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """国家标准给出学时的课程，方案中对应课程（按代码、名称或 maps_to）的学时不得低于国家标准。"""
    yield from _unmet(ctx, rule)


@check(
    "ZB907",
    "plan-total-hours",
    Severity.ERROR,
    "方案总学时低于下限",
    "# 高职专科总学时 ≥ 2500（教职成〔2019〕13号），且不低于国家标准的合计",
)
def total_hours(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """方案的总学时（课程各行之和；各行未给学时时取 hours_plan.total_hours）须符合所在层次的规定
    （zhibiao.yaml 的 numeric_rules，默认依据教职成〔2019〕13号），并且不低于国家标准声明的总学时
    （totals.hours 或 hours_plan.total_hours）。"""
    yield from _unmet(ctx, rule)


@check(
    "ZB908",
    "plan-shares",
    Severity.ERROR,
    "方案学时占比不符合规定",
    "# 选修课学时占 9.6%，要求 ≥ 10%",
)
def shares(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """方案的公共基础课、选修课、实践性教学学时占比须符合所在层次的规定（numeric_rules，与 ZB402–ZB404
    相同的阈值），并且不低于国家标准在 hours_plan 中声明的占比。"""
    yield from _unmet(ctx, rule)


@check(
    "ZB909",
    "plan-addition-unmarked",
    Severity.ERROR,
    "国家标准之外的课程没有标明增补类型",
    "- {code: ZT09, name: 港口智能调度, nature: 专业拓展}   # 缺 addition: 地方化",
)
def addition_unmarked(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """方案中不对应国家标准任何课程（代码、名称、maps_to 都对不上）的课程，须用 addition 标明是
    新增、提高还是地方化，使评审者一眼看出哪些是学校自己的内容。国家标准的课程设置未给出或是节选时不检查。"""
    yield from _unmet(ctx, rule)


@check(
    "ZB910",
    "plan-unknown-competency",
    Severity.ERROR,
    "方案引用的职业能力不存在",
    '- {ref: "9-9-9", level: 掌握}   # 国家清单和本方案 additions 中都没有',
)
def unknown_competency(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """方案课程 competencies 中的编码，必须是国家职业能力清单中的能力，或本方案 additions 中增补的编码。"""
    for entry, plan in _plans(ctx):
        if not entry.competencies or ctx.incomplete(entry.code):
            continue
        known = {c.code for c in plan.doc.additions}
        national = ctx.indexes[entry.code].competencies
        for path, code, _ in plan_references(plan.doc):
            if code not in national and code not in known:
                yield rule.diag(
                    plan.rel,
                    f"职业能力 {code} 不在专业 {entry.code} 的国家职业能力清单中，也不是本方案增补的能力",
                    path=(*path, "ref"),
                    hint="改正编码；学校自己增加的能力写在 additions 中（type: 新增 或 地方化）。",
                )


@check(
    "ZB911",
    "plan-unknown-level",
    Severity.ERROR,
    "方案中的学习水平不在词表中",
    '- {ref: "1-1-1", level: 精通}   # 词表为 了解/理解/掌握/运用',
)
def unknown_level(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """方案课程承载能力的学习水平和增补能力要求的学习水平，必须是 zhibiao.yaml 中 learning_levels 的取值，
    否则无法与国家标准比较。"""
    vocabulary = ctx.config.learning_levels
    hint = "可用取值（由低到高）：" + " < ".join(vocabulary)
    for _, plan in _plans(ctx):
        for path, code, level in plan_references(plan.doc):
            if level not in vocabulary:
                yield rule.diag(
                    plan.rel,
                    f"职业能力 {code} 的学习水平「{level}」不在词表中",
                    path=(*path, "level"),
                    hint=hint,
                )
        for a, addition in enumerate(plan.doc.additions):
            if addition.level is not None and addition.level not in vocabulary:
                yield rule.diag(
                    plan.rel,
                    f"增补 {addition.code} 的学习水平「{addition.level}」不在词表中",
                    path=("additions", a, "level"),
                    hint=hint,
                )


@check(
    "ZB912",
    "plan-mapping-unknown",
    Severity.ERROR,
    "声明对应的国家标准课程不存在",
    "maps_to: 智能语音开发   # 国家标准课程设置中没有这门课",
)
def mapping_unknown(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程的 maps_to 必须是国家标准课程设置中某门课程的代码或名称；国家标准的课程设置未给出或是节选时不检查。"""
    for entry, plan in _plans(ctx):
        national = entry.specialty
        if national is None or not national.doc.courses or is_excerpt(national.doc.courses):
            continue
        names = {c.code for c in national.doc.courses} | {c.name for c in national.doc.courses}
        for i, course in enumerate(plan.doc.courses):
            if course.maps_to is not None and course.maps_to not in names:
                yield rule.diag(
                    plan.rel,
                    f"课程 {course.code} 声明对应「{course.maps_to}」，国家标准课程设置中没有这门课程",
                    path=("courses", i, "maps_to"),
                    related=(Location(national.rel),),
                    hint="写国家标准课程设置中的课程代码或课程名称。",
                )


@check(
    "ZB913",
    "duplicate-plan",
    Severity.ERROR,
    "同一学校同一年级有多份人才培养方案",
    "# plans/a.yaml 与 plans/b.yaml 都是 示例学院 2026级 的 510209 方案",
)
def duplicate_plan(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """同一专业可以有多所学校的人才培养方案，但同一学校（school）同一年级（grade）只能有一份。"""
    for entry, _ in ctx.sets():
        seen: dict[str, Loaded[Plan]] = {}
        for plan in entry.plans:
            key = plan_identity(plan.doc)
            first = seen.setdefault(key, plan)
            if first is not plan:
                yield rule.diag(
                    plan.rel,
                    f"{key} 的专业 {entry.code} 人才培养方案已在 {first.rel} 中定义",
                    path=("school",),
                    related=(Location(first.rel),),
                    hint="删除其中一份，或写明适用年级 grade。",
                )
