"""Does a school's 人才培养方案 conform to the national 专业教学标准 it follows?

One assessment per plan, read by the conformance rules (`builder.check.conform`) and by the
report of `zhibiao conform` alike. Each finding is one requirement of the standard, with
what the standard requires, what the plan gives, a status (met, not met, exceeded,
localised, undecided) and the place in the plan's YAML. The national side comes from the
resolved view (`builder.view.specialty`: its competency list, course plan and figures);
levels are compared in the order of the configured vocabulary (`learning_levels`), as the
coverage rules compare them.
"""

from __future__ import annotations

from collections.abc import Iterator

from builder.base.diagnostics import DataPath
from builder.model import Plan, PlanCourse, Specialty
from builder.model.sourced import is_excerpt, is_not_given
from builder.read.config import ProjectConfig
from builder.read.corpus import Loaded, SpecialtySet
from builder.view.conformfigures import course_hours, plan_figures
from builder.view.findings import (
    STATUS_LABELS,
    Assessment,
    Finding,
    Status,
    follows_text,
    match,
    matches,
    row_label,
    row_quoted,
)
from builder.view.shared import Shared
from builder.view.specialty import SpecialtyView, view_of

PLACEHOLDER = "待补充"


_CACHE: Shared[SpecialtySet, dict[tuple[str, int], Assessment]] = Shared()


def assessment_of(plan: Loaded[Plan], entry: SpecialtySet, config: ProjectConfig) -> Assessment:
    """The assessment of `plan` against the standard of `entry`, made once per plan, set and
    configuration (the rules of one check run share it; dropped with the set)."""
    made = _CACHE.get(entry, lambda _: {})
    key = (plan.rel, id(config))
    found = made.get(key)
    if found is None:
        found = made[key] = assess(plan.doc, entry, config)
    return found


def assess(plan: Plan, entry: SpecialtySet, config: ProjectConfig) -> Assessment:
    """Judge `plan` against the national standard of `entry` (possibly another edition)."""
    national = entry.specialty
    if national is None:
        missing = Finding(
            "ZB901",
            "undecided",
            "依据标准",
            plan.follows.code,
            f"{plan.follows.code}（{follows_text(plan.follows.version)}）",
            "标准库中没有",
            f"标准库中没有专业 {plan.follows.code} 的国家专业教学标准，无法判断本方案是否符合",
            ("follows", "code"),
            "把该专业的 specialty.yaml 放进标准库，或用 zhibiao conform --against 指定它。",
        )
        return Assessment(plan.school, plan.follows.code, plan.follows.version, None, (missing,))
    view = view_of(entry)
    found = [
        *_edition(plan, national),
        *_competencies(plan, view, config),
        *_core_courses(plan, national.doc),
        *course_hours(plan, national.doc),
        *plan_figures(plan, national.doc, config),
        *_additions(plan, national.doc),
    ]
    return Assessment(
        plan.school,
        plan.follows.code,
        plan.follows.version,
        national.doc.meta.version,
        tuple(found),
    )


def _edition(plan: Plan, national: Loaded[Specialty]) -> Iterator[Finding]:
    have = national.doc.meta.version
    if plan.follows.version is not None and have != plan.follows.version:
        yield Finding(
            "ZB902",
            "not_met",
            "依据标准",
            "标准版本",
            have,
            plan.follows.version,
            f"本方案依据 {plan.follows.version} 版，标准库中专业 {plan.follows.code} 的国家标准是 "
            f"{have} 版",
            ("follows", "version"),
            "按新版标准修订方案并更新 follows.version；zhibiao conform --against 列出须修订的各项。",
        )


def _uses(plan: Plan) -> dict[str, list[tuple[str, DataPath, PlanCourse]]]:
    found: dict[str, list[tuple[str, DataPath, PlanCourse]]] = {}
    for i, course in enumerate(plan.courses):
        for r, ref in enumerate(course.competencies):
            found.setdefault(ref.ref, []).append(
                (ref.level, ("courses", i, "competencies", r), course)
            )
    return found


def _competencies(plan: Plan, view: SpecialtyView, config: ProjectConfig) -> Iterator[Finding]:
    uses = _uses(plan)
    for code, defined in view.competencies.items():
        competency = defined.competency
        required = config.level_rank(competency.level)
        if competency.text.strip() == PLACEHOLDER or required is None:
            continue
        carried = [
            (config.level_rank(level), level, path, c) for level, path, c in uses.get(code, [])
        ]
        ranked = [(rank, level, path, c) for rank, level, path, c in carried if rank is not None]
        subject = f"{code} {_short(competency.text)}"
        if not ranked:
            yield Finding(
                "ZB903",
                "undecided" if _partial(plan) else "not_met",
                "职业能力",
                subject,
                competency.level,
                "未承载",
                f"国家标准的职业能力 {code}「{_short(competency.text)}」没有任何课程承载"
                f"（要求达到「{competency.level}」）",
                ("courses",),
                f'在承载它的课程的 competencies 中写上 {{ref: "{code}", level: {competency.level}}}。',
            )
            continue
        rank, level, path, course = max(ranked, key=lambda t: t[0])
        where = row_label(course)
        if rank < required:
            yield Finding(
                "ZB904",
                "undecided" if _partial(plan) else "not_met",
                "职业能力",
                subject,
                competency.level,
                level,
                f"职业能力 {code} 国家标准要求达到「{competency.level}」，本方案最高只到「{level}」"
                f"（{where}）",
                (*path[:4], "level"),
                "提高承载课程的学习水平，或增加承载它的课程；方案可以高于国家标准，不能低于。",
            )
        else:
            status: Status = "exceeded" if rank > required else "met"
            yield Finding(
                "ZB904",
                status,
                "职业能力",
                subject,
                competency.level,
                level,
                f"职业能力 {code} 达到「{level}」（{where}），要求「{competency.level}」",
                (*path[:4], "level"),
            )


def _partial(plan: Plan) -> bool:
    """True when the plan's course list is an excerpt or not given: what it does not list
    may still be taught, so an absence is undecided, not unmet."""
    return is_excerpt(plan.courses) or is_not_given(plan.courses)


def _core_courses(plan: Plan, standard: Specialty) -> Iterator[Finding]:
    if is_not_given(standard.courses):
        yield Finding(
            "ZB905",
            "undecided",
            "专业核心课程",
            "国家标准课程设置",
            "开设",
            "—",
            "国家标准的课程设置原文未给出，专业核心课程无法比较",
            ("follows",),
        )
    for course in standard.courses:
        if course.nature != "专业核心" or course.name == PLACEHOLDER:
            continue
        subject = f"{course.code} {course.name}"
        hit = match(plan, course)
        if hit is None:
            yield Finding(
                "ZB905",
                "undecided" if _partial(plan) else "not_met",
                "专业核心课程",
                subject,
                "开设",
                "未开设",
                f"国家标准的专业核心课程 {course.code}「{course.name}」不在本方案的课程设置中"
                "（按课程代码、课程名称和声明的对应关系 maps_to 查找）",
                ("courses",),
                "开设该课程；改名或合并开设时，在对应课程中写 maps_to: 国家标准的课程代码或名称。",
            )
            continue
        i, row = hit
        renamed = row.name != course.name
        yield Finding(
            "ZB905",
            "localised" if renamed else "met",
            "专业核心课程",
            subject,
            "开设",
            row_label(row) + ("（声明对应）" if renamed else ""),
            f"专业核心课程 {course.code}「{course.name}」由本方案的{row_quoted(row)}开设",
            ("courses", i, "maps_to" if renamed and row.maps_to else "name"),
        )


def _additions(plan: Plan, standard: Specialty) -> Iterator[Finding]:
    listed = standard.courses
    known = not is_not_given(listed) and not is_excerpt(listed) and bool(listed)
    for i, row in enumerate(plan.courses):
        matched = any(matches(row, c) for c in listed)
        subject = row_label(row)
        if row.addition is not None:
            yield Finding(
                "ZB909",
                "localised" if row.addition == "地方化" else "exceeded",
                "增补",
                subject,
                "标明",
                row.addition,
                f"课程{row_quoted(row)}标为{row.addition}",
                ("courses", i, "addition"),
            )
        elif known and not matched:
            yield Finding(
                "ZB909",
                "not_met",
                "增补",
                subject,
                "标明 新增/提高/地方化",
                "未标明",
                f"课程{row_quoted(row)}不在国家标准的课程设置中，也没有标明增补类型",
                ("courses", i, "code" if row.code else "name"),
                "国家标准没有的课程写 addition: 新增 或 地方化；改名的国家标准课程写 maps_to。",
            )
    for a, addition in enumerate(plan.additions):
        yield Finding(
            "ZB909",
            "localised" if addition.type == "地方化" else "exceeded",
            "增补",
            f"{addition.code} {_short(addition.text)}",
            "标明",
            addition.type,
            f"本校增补 {addition.code}（{addition.type}）：{_short(addition.text, 40)}",
            ("additions", a, "type"),
        )


def plan_references(plan: Plan) -> Iterator[tuple[DataPath, str, str]]:
    """(path, competency code, level) of every competency a course row of `plan` names."""
    for i, course in enumerate(plan.courses):
        for r, ref in enumerate(course.competencies):
            yield ("courses", i, "competencies", r), ref.ref, ref.level


def _short(text: str, limit: int = 24) -> str:
    text = text.strip().replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = [
    "STATUS_LABELS",
    "Assessment",
    "Finding",
    "Status",
    "assess",
    "assessment_of",
    "plan_references",
]
