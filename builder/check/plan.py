"""Rules of the course plan as 教职成〔2019〕13号 and the catalog set them: required public
courses, 接续专业 direction, semesters, internship phases, 修业年限 and 入学要求."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from builder.base.diagnostics import DataPath, Diagnostic, Location, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext, SpecialtyIndex
from builder.check.lifecycle import PLACEHOLDER
from builder.model import Specialty
from builder.read.config import LevelRules, RequiredCourse
from builder.read.corpus import Loaded, SpecialtySet

LEVEL_RANK = {"中职": 0, "高职专科": 1, "职业本科": 2, "普通本科": 2}
"""Order of levels for 接续专业: a continuation must be at a higher rank."""
MAX_SEMESTERS = 12
"""Semesters of the longest 基本修业年限 the model allows (6 years)."""
JUNIOR = re.compile(r"初中|初级中学|初级中等")
SENIOR = re.compile(r"高中|高级中学|高级中等|中等职业学校|中职|中专|技工学校|职业高中")


def _rules(ctx: CheckContext, spec: Loaded[Specialty]) -> LevelRules | None:
    return ctx.config.numeric_rules.levels.get(spec.doc.level)


def _basis(ctx: CheckContext, level: str) -> str:
    return (
        f"规则来源：{ctx.config.numeric_rules.source_for(level)}；"
        "可在 zhibiao.yaml 的 numeric_rules.levels 中按层次调整。"
    )


def _courses_basis(ctx: CheckContext, level: str) -> str:
    return (
        f"课程清单来源：{ctx.config.numeric_rules.courses_source_for(level)}；"
        "可在 zhibiao.yaml 的 numeric_rules.levels 中按层次调整。"
    )


@check(
    "ZB208",
    "continuation-direction",
    Severity.ERROR,
    "接续专业不是更高层次的专业",
    'level: 职业本科\ncontinuation:\n  - {level: 高职专科, code: "510203", name: 软件技术}',
)
def continuation_direction(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """接续专业是学生毕业后升学可接续的更高层次专业（中职 → 高职专科、职业本科、普通本科；高职专科 → 职业本科、
    普通本科；职业本科之后是专业学位研究生，不在目录中）。层次相同或更低的“接续专业”写反了方向。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        own = LEVEL_RANK[spec.doc.level]
        for i, follow in enumerate(spec.doc.continuation):
            if LEVEL_RANK[follow.level] <= own:
                yield rule.diag(
                    spec.rel,
                    f"{spec.doc.level}专业的接续专业「{follow.name}」（{follow.code}）是{follow.level}，"
                    "不高于本专业的层次",
                    path=("continuation", i, "level"),
                    hint="接续专业应是更高层次的专业；同层次的相近专业不写在这里。",
                )


def _semester_places(entry: SpecialtySet) -> Iterator[tuple[Loaded[Any], DataPath, int]]:
    if entry.specialty is not None:
        for i, course in enumerate(entry.specialty.doc.courses):
            for j, value in enumerate(course.semesters):
                yield entry.specialty, ("courses", i, "semesters", j), value
    for course_doc in entry.courses:
        for j, value in enumerate(course_doc.doc.semesters):
            yield course_doc, ("semesters", j), value
    for internship in entry.internships:
        for i, phase in enumerate(internship.doc.schedule):
            for j, value in enumerate(phase.semesters):
                yield internship, ("schedule", i, "semesters", j), value


@check(
    "ZB210",
    "semester-range",
    Severity.ERROR,
    "学期超出修业年限",
    "semesters: [0]   # 学期从 1 开始；三年制共 6 个学期",
)
def semester_range(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程设置、课程标准和实习安排中的学期从 1 开始，不得超过基本修业年限的学期数（年限 × 2，如三年制 6 个学期）；
    没有专业教学标准时以 6 年（12 个学期）为上限。"""
    for entry, _ in ctx.sets():
        years = entry.specialty.doc.duration.years if entry.specialty else None
        last = years * 2 if years else MAX_SEMESTERS
        limit = f"基本修业年限 {years} 年共 {last} 个学期" if years else f"最多 {last} 个学期"
        for item, path, value in _semester_places(entry):
            if 1 <= value <= last:
                continue
            yield rule.diag(
                item.rel,
                f"第 {value} 学期不存在：学期从 1 开始"
                if value < 1
                else f"第 {value} 学期超出{limit}",
                path=path,
                hint=f"学期为 1–{last} 的整数。",
            )


def _phase_course(
    index: SpecialtyIndex, spec: Specialty, reference: str | None, phase_type: str
) -> tuple[int, Any] | None:
    """The plan row a phase names (by code or name), or the row named like the phase type."""
    wanted = index.resolve_course(reference) if reference else None
    for i, row in enumerate(spec.courses):
        if (wanted is not None and row.code == wanted) or (
            reference is None and row.name == phase_type
        ):
            return i, row
    return None


@check(
    "ZB209",
    "internship-phase",
    Severity.ERROR,
    "实习安排与课程设置不符",
    "schedule:\n  - {type: 岗位实习, course: SJ09, semesters: [5]}   # 课程设置中没有 SJ09",
)
def internship_phase(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """岗位实习标准时间安排中各阶段的对应课程（course：代码或课程名称）必须在本专业课程设置中；阶段的学期须与
    课程设置中该课程的开设学期相符（阶段的学期都在课程的开设学期之内：一门课程可分几个阶段）。没写 course 时，与课程设置中同名（如“岗位实习”）的课程比较学期。
    没有专业教学标准时不检查。"""
    for entry, index in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        for internship in entry.internships:
            for i, phase in enumerate(internship.doc.schedule):
                found = _phase_course(index, spec.doc, phase.course, phase.type)
                if phase.course and found is None:
                    yield rule.diag(
                        internship.rel,
                        f"{phase.type}阶段对应的课程「{phase.course}」不在专业 {entry.code} 的课程设置中",
                        path=("schedule", i, "course"),
                        related=(Location(spec.rel),),
                        hint="填写课程设置中实践课程的代码或名称。",
                    )
                    continue
                if found is None or not phase.semesters or not found[1].semesters:
                    continue
                row = found[1]
                if not set(phase.semesters) <= set(row.semesters):
                    yield rule.diag(
                        internship.rel,
                        f"{phase.type}安排在第 {_list(phase.semesters)} 学期，而课程设置中 {row.code}"
                        f"「{row.name}」只在第 {_list(row.semesters)} 学期",
                        path=("schedule", i, "semesters"),
                        related=(Location(spec.rel),),
                        hint="以专业教学标准的课程设置为准，或同时修改两处。",
                    )


def _list(values: list[int]) -> str:
    return "、".join(str(v) for v in sorted(values))


def _public_rows(spec: Specialty) -> list[Any]:
    return [c for c in spec.courses if c.nature == "公共基础" and c.name != PLACEHOLDER]


def _missing(required: list[RequiredCourse], rows: list[Any], *, compulsory: bool) -> Iterator[Any]:
    for course in required:
        matches = [row for row in rows if course.matches(row.name)]
        if not matches:
            yield course, None
        elif compulsory and all(row.elective for row in matches):
            yield course, matches[0]


@check(
    "ZB211",
    "required-public-course",
    Severity.ERROR,
    "缺少公共基础必修课程",
    "# 中职课程设置中没有“历史”",
)
def required_public_course(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程设置须把国家规定的公共基础课程列为必修课（课程性质“公共基础”，elective 为 false）。默认：中职为思想政治、
    语文、历史、数学、外语、信息技术、体育与健康、艺术（《中等职业学校公共基础课程方案》，2019）；
    课程名称含所列任一词即算（如“中国特色社会主义”“哲学与人生”算思想政治，“英语”算外语）。高职专科、职业本科
    默认不检查：可在 zhibiao.yaml 的 numeric_rules.levels.<层次>.required_courses 中列出。课程设置没有任何
    公共基础课（原文未列出公共基础课程）时不检查。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        rules = _rules(ctx, spec) if spec else None
        if spec is None or rules is None or not rules.required_courses:
            continue
        rows = _public_rows(spec.doc)
        if not rows:
            continue
        for course, elective in _missing(rules.required_courses, rows, compulsory=True):
            words = "、".join(course.aliases or [course.name])
            yield rule.diag(
                spec.rel,
                f"公共基础课程「{course.name}」列为选修课（{elective.code}「{elective.name}」），应为必修"
                if elective is not None
                else f"课程设置中没有公共基础必修课程「{course.name}」（{spec.doc.level}）",
                path=("courses",),
                hint=f"课程名称含 {words} 之一即算开设。" + _courses_basis(ctx, spec.doc.level),
            )


@check(
    "ZB212",
    "limited-elective",
    Severity.ERROR,
    "缺少应开设的必修或限定选修课程",
    "# 配置要求“中华优秀传统文化”，课程设置中没有",
)
def limited_elective(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程设置须开设 zhibiao.yaml 中 numeric_rules.levels.<层次>.limited_electives 列出的课程（必修或限定选修均可，
    课程性质不限）。13号要求把一些课程“列为必修课程或限定选修课程”，其清单未能在可核对的原文中读到，因此默认不列，
    由项目按所依据的文件配置。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        rules = _rules(ctx, spec) if spec else None
        if spec is None or rules is None or not rules.limited_electives:
            continue
        rows = [c for c in spec.doc.courses if c.name != PLACEHOLDER]
        if not rows:
            continue
        for course, _ in _missing(rules.limited_electives, rows, compulsory=False):
            yield rule.diag(
                spec.rel,
                f"课程设置中没有应开设的课程「{course.name}」（必修或限定选修，{spec.doc.level}）",
                path=("courses",),
                hint=f"课程名称含 {'、'.join(course.aliases or [course.name])} 之一即算开设。"
                + _courses_basis(ctx, spec.doc.level),
            )


@check(
    "ZB214",
    "duration-years",
    Severity.WARNING,
    "基本修业年限与规定不符",
    "level: 中职\nduration: {years: 4}   # 中职以 3 年为主",
)
def duration_years(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """基本修业年限须是所在层次的规定年限之一：默认中职 3 年；高职专科 3 年，招收初中毕业生的五年制为 5 年
    （教职成〔2019〕13号附件）。职业本科默认不检查。可在 numeric_rules.levels.<层次>.duration_years 中调整。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        rules = _rules(ctx, spec) if spec else None
        if spec is None or rules is None or not rules.duration_years:
            continue
        years = spec.doc.duration.years
        if years not in rules.duration_years:
            allowed = " 或 ".join(str(y) for y in rules.duration_years)
            yield rule.diag(
                spec.rel,
                f"基本修业年限为 {years} 年，{spec.doc.level}为 {allowed} 年",
                path=("duration", "years"),
                hint=_basis(ctx, spec.doc.level),
            )


@check(
    "ZB215",
    "admission-level",
    Severity.ERROR,
    "入学要求与层次不符",
    "level: 中职\nadmission: 普通高级中学毕业   # 中职招收初中毕业生",
)
def admission_level(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """入学要求须与层次相符（教职成〔2019〕13号附件）：中职招收初中毕业生或具有同等学力者，入学要求只写高中阶段
    学历时报告；高职专科招收高中阶段教育毕业生或具有同等学力者，只写初中时须是五年制（基本修业年限 5 年）。
    可在 numeric_rules.levels.<层次>.admission 中调整，写 null 关闭。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        rules = _rules(ctx, spec) if spec else None
        if spec is None or rules is None or rules.admission is None:
            continue
        text = spec.doc.admission
        junior, senior = bool(JUNIOR.search(text)), bool(SENIOR.search(text))
        years = spec.doc.duration.years
        if rules.admission == "初中" and senior and not junior:
            message = f"{spec.doc.level}招收初中毕业生或具有同等学力者，入学要求写的是高中阶段学历"
        elif rules.admission == "高中阶段" and junior and not senior and years != 5:
            message = (
                f"入学要求招收初中毕业生，但基本修业年限为 {years} 年："
                f"{spec.doc.level}招收初中毕业生的为五年制"
            )
        else:
            continue
        yield rule.diag(spec.rel, message, path=("admission",), hint=_basis(ctx, spec.doc.level))
