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
from dataclasses import dataclass
from typing import Literal

from builder.config import LevelRules, ProjectConfig, Range, share_text, show_number
from builder.corpus import Loaded, SpecialtySet
from builder.diagnostics import DataPath
from builder.model import Plan, PlanCourse, PlannedCourse, Specialty
from builder.model.sourced import is_excerpt, is_not_given
from builder.view.figures import Figures, figures
from builder.view.shared import Shared
from builder.view.specialty import SpecialtyView, view_of

Status = Literal["met", "not_met", "exceeded", "localised", "undecided"]
STATUS_LABELS: dict[str, str] = {
    "met": "达到",
    "not_met": "未达到",
    "exceeded": "超出",
    "localised": "地方化",
    "undecided": "未判定",
}
PLACEHOLDER = "待补充"


@dataclass(frozen=True, slots=True)
class Finding:
    """One requirement of the national standard, judged on the plan."""

    rule: str
    """The rule code (ZB9xx) that reports it when not met."""
    status: Status
    topic: str
    subject: str
    required: str
    actual: str
    message: str
    path: DataPath
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Assessment:
    """Every finding of one plan against one edition of its national standard."""

    school: str
    code: str
    follows: str
    """The edition the plan declares (follows.version)."""
    edition: str | None
    """The edition judged against (None: the standard is not in the corpus)."""
    findings: tuple[Finding, ...]

    def count(self, status: Status) -> int:
        """How many findings have `status`."""
        return sum(1 for f in self.findings if f.status == status)

    @property
    def conforms(self) -> bool:
        """True when the standard was found and no requirement is unmet."""
        return self.edition is not None and not self.count("not_met")

    def verdict(self) -> str:
        """One line: 符合 / 不符合 with the counts."""
        if self.edition is None:
            return f"无法判定：标准库中没有专业 {self.code} 的国家专业教学标准"
        counts = "，".join(
            f"{STATUS_LABELS[s]} {self.count(s)} 项"
            for s in ("met", "exceeded", "localised", "not_met", "undecided")
            if self.count(s)
        )
        if self.conforms:
            return f"符合（{counts}）"
        topics = "、".join(dict.fromkeys(f.topic for f in self.findings if f.status == "not_met"))
        return f"不符合：{topics}（{counts}）"


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
            f"{plan.follows.code}（{plan.follows.version} 版）",
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
        *_course_hours(plan, national.doc),
        *_figures(plan, national.doc, config),
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
    if have != plan.follows.version:
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
                "not_met",
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
        where = f"{course.code} {course.name}"
        if rank < required:
            yield Finding(
                "ZB904",
                "not_met",
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


def _matches(row: PlanCourse, national: PlannedCourse) -> bool:
    return (
        row.code == national.code
        or row.name == national.name
        or row.maps_to in (national.code, national.name)
    )


def _match(plan: Plan, national: PlannedCourse) -> tuple[int, PlanCourse] | None:
    return next(((i, r) for i, r in enumerate(plan.courses) if _matches(r, national)), None)


def _core_courses(plan: Plan, standard: Specialty) -> Iterator[Finding]:
    for course in standard.courses:
        if course.nature != "专业核心" or course.name == PLACEHOLDER:
            continue
        subject = f"{course.code} {course.name}"
        hit = _match(plan, course)
        if hit is None:
            yield Finding(
                "ZB905",
                "not_met",
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
            f"{row.code} {row.name}" + ("（声明对应）" if renamed else ""),
            f"专业核心课程 {course.code}「{course.name}」由本方案的 {row.code}「{row.name}」开设",
            ("courses", i, "maps_to" if renamed and row.maps_to else "name"),
        )


def _course_hours(plan: Plan, standard: Specialty) -> Iterator[Finding]:
    for course in standard.courses:
        hit = _match(plan, course) if course.hours is not None else None
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
            f"课程 {row.code}「{row.name}」{have} 学时，国家标准中 {course.code}「{course.name}」为 {need} 学时",
            ("courses", i, "hours"),
            ""
            if status != "not_met"
            else "课程学时可以高于国家标准，不能低于；补足学时或说明合并开设的课程。",
        )


def _own_total(standard: Specialty) -> int | None:
    if standard.totals is not None:
        return standard.totals.hours
    return standard.hours_plan.total_hours if standard.hours_plan is not None else None


def _figures(plan: Plan, standard: Specialty, config: ProjectConfig) -> Iterator[Finding]:
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


def _additions(plan: Plan, standard: Specialty) -> Iterator[Finding]:
    listed = standard.courses
    known = not is_not_given(listed) and not is_excerpt(listed) and bool(listed)
    for i, row in enumerate(plan.courses):
        matched = any(_matches(row, c) for c in listed)
        subject = f"{row.code} {row.name}"
        if row.addition is not None:
            yield Finding(
                "ZB909",
                "localised" if row.addition == "地方化" else "exceeded",
                "增补",
                subject,
                "标明",
                row.addition,
                f"课程 {row.code}「{row.name}」标为{row.addition}",
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
                f"课程 {row.code}「{row.name}」不在国家标准的课程设置中，也没有标明增补类型",
                ("courses", i, "code"),
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
