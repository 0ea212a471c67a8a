"""Course standards shared by several specialties (`Course.applies_to`, e.g. the national
公共基础课程标准): where they apply, and how each specialty's 课程设置 resolves to them.

A specialty reads the shared standards only through the recorded lookups of the view
(`CorpusView.shared_courses`, `CorpusView.resolve_path`): the incremental check examines a
specialty again whenever what it read of them (path, code, name, applicability, hours)
changes, including when a new shared standard starts to apply to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from builder.base.diagnostics import Diagnostic, Location, Severity
from builder.base.rules import Rule, check
from builder.check.codes import SPECIALTY_CODE
from builder.check.context import CheckContext
from builder.check.suggest import did_you_mean
from builder.model import PlannedCourse, Specialty
from builder.read.catalog import level_of
from builder.read.corpus import SHARED_SET, DocRef, Loaded, term_value, terms_cover


@check(
    "ZB217",
    "shared-course-specialty-unknown",
    Severity.WARNING,
    "共用课程标准的适用专业不在专业目录中",
    'applies_to:\n  specialties: ["730799"]   # 专业目录中没有 730799',
)
def shared_specialty_unknown(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """共用课程标准（applies_to）列出的适用专业代码，应能在所用版本的专业目录（含 zhibiao.yaml 的
    catalog_extra）中查到，或是标准目录中某个专业教学标准的代码。查不到的代码不会与任何专业对上。
    随附目录可能缺少更晚增补的专业，因此是警告。格式不对的代码只报 ZB501。"""
    shared = ctx.corpus.specialties.get(SHARED_SET)
    if shared is None:
        return
    in_tree = ctx.view.specialty_codes(SHARED_SET)
    known = set(ctx.catalog.specialties) | in_tree
    for item in shared.courses:
        applies = item.doc.applies_to
        if applies is None:
            continue
        for i, code in enumerate(applies.specialties):
            if SPECIALTY_CODE.match(code) and code not in known:
                yield rule.diag(
                    item.rel,
                    f"适用专业代码 {code} 不在专业目录（{ctx.catalog.edition}）中，"
                    "也没有这个专业的专业教学标准",
                    path=("applies_to", "specialties", i),
                    hint=did_you_mean(code, [c for c in known if c[:4] == code[:4]])
                    or "如确属目录中的专业，请在 zhibiao.yaml 的 catalog_extra 中补充。",
                )


@check(
    "ZB218",
    "shared-course-level-mismatch",
    Severity.ERROR,
    "共用课程标准的适用专业与适用层次不符",
    'applies_to:\n  levels: [中职]\n  specialties: ["510209"]   # 51 开头是高职专科',
)
def shared_level_mismatch(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """共用课程标准同时写了适用层次（levels）和适用专业（specialties）时，每个专业代码的层次
    （专业目录中的层次，目录中没有时按代码前 2 位：21–39 职业本科，41–59 高职专科，61–79 中职）
    必须是所写层次之一。如《中等职业学校信息技术课程标准》不能列出高职专科的专业。"""
    shared = ctx.corpus.specialties.get(SHARED_SET)
    if shared is None:
        return
    for item in shared.courses:
        applies = item.doc.applies_to
        if applies is None or not applies.levels:
            continue
        for i, code in enumerate(applies.specialties):
            entry = ctx.catalog.specialties.get(code)
            level = entry.level if entry is not None else level_of(code)
            if level is not None and level not in applies.levels:
                yield rule.diag(
                    item.rel,
                    f"适用专业 {code} 是{level}专业，不属于适用层次 {'、'.join(applies.levels)}",
                    path=("applies_to", "specialties", i),
                    hint="删去这个专业，或在 levels 中加上它的层次（该标准确实适用于几个层次时）。",
                )


@check(
    "ZB219",
    "shared-course-not-applicable",
    Severity.ERROR,
    "课程设置链接的共用课程标准不适用于本专业",
    "# 高职专科专业的课程设置\n- name: 信息技术\n  standard: ../公共基础课/信息技术.yaml   # 适用于中职",
)
def shared_not_applicable(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程设置的 `standard` 链接到共用课程标准（applies_to）时，该标准必须适用于本专业（本专业代码
    在 specialties 中，或未列专业时本专业的层次在 levels 中），且链接它的课程与它是同一门课：课程代码
    相同或课程名称相同。链接一个专业自己的课程标准见 ZB203。"""
    corpus = ctx.corpus
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        base = os.path.dirname(corpus.location(spec))  # noqa: PTH120
        for i, row in enumerate(spec.doc.courses):
            if not row.standard:
                continue
            found = ctx.view.resolve_path(entry.code, base, row.standard).found
            if found is None or found.kind != "course" or found.specialty != SHARED_SET:
                continue  # ZB203 reports a missing file or one of another kind
            yield from _linked(rule, spec, i, row, found)


def _linked(
    rule: Rule, spec: Loaded[Specialty], i: int, row: PlannedCourse, found: DocRef
) -> Iterator[Diagnostic]:
    name, terms = found.shared[0], found.shared[1:]
    doc = spec.doc
    if not terms_cover(terms, doc.code, doc.level):
        scope = "、".join(t.partition(":")[2] for t in terms if not t.startswith("hours:"))
        yield rule.diag(
            spec.rel,
            f"课程 {row.code} 链接的共用课程标准「{found.rel}」适用于 {scope}，"
            f"不适用于本专业（{doc.level} {doc.code}）",
            path=("courses", i, "standard"),
            related=(Location(found.rel),),
            hint="改正链接，或在该标准的 applies_to 中加入本专业。",
        )
    if row.code != found.code and row.name != name:
        yield rule.diag(
            spec.rel,
            f"课程 {row.code}「{row.name}」链接的共用课程标准「{found.rel}」是课程 {found.code}"
            f"「{name}」，代码和名称都不同",
            path=("courses", i, "standard"),
            related=(Location(found.rel),),
            hint="共用课程标准按课程代码或课程名称对应：改正链接，或使课程名称与标准一致。",
        )


@check(
    "ZB412",
    "plan-shared-course-ambiguous",
    Severity.ERROR,
    "课程设置的一门课对应多份共用课程标准",
    "# 两份适用于中职的共用课程标准都叫 信息技术",
)
def plan_shared_ambiguous(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """专业课程设置中的课程按课程代码（其次按课程名称）对应适用于本专业的共用课程标准；
    一门课对应到两份或更多时，无法确定用哪一份（页面链接到第一份），应删去重复的一份或缩小其适用范围。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        shared = ctx.view.shared_courses(entry.code, spec.doc.code, spec.doc.level)
        for i, row in enumerate(spec.doc.courses):
            matches = _matches(shared, row)
            if len(matches) > 1:
                yield rule.diag(
                    spec.rel,
                    f"课程 {row.code}「{row.name}」对应 {len(matches)} 份共用课程标准："
                    + "、".join(m.rel for m in matches),
                    path=("courses", i),
                    related=tuple(Location(m.rel) for m in matches),
                    hint="删去重复的一份，或在 applies_to 中缩小适用范围。",
                )


@check(
    "ZB413",
    "plan-shared-course-hours",
    Severity.WARNING,
    "课程设置的学时少于共用课程标准",
    "# 信息技术课程标准规定 108 学时\n- name: 信息技术\n  hours: 72",
)
def plan_shared_hours(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程设置中对应共用课程标准（如国家公共基础课程标准）的课程，学时不应少于该标准规定的学时
    （标准的 hours）。行或标准没有学时时不检查。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        shared = ctx.view.shared_courses(entry.code, spec.doc.code, spec.doc.level)
        for i, row in enumerate(spec.doc.courses):
            matches = _matches(shared, row)
            required = term_value(matches[0].shared[1:], "hours") if matches else None
            if row.hours is not None and required is not None and row.hours < float(required):
                yield rule.diag(
                    spec.rel,
                    f"课程 {row.code}「{row.name}」为 {row.hours} 学时，少于共用课程标准"
                    f"「{matches[0].rel}」规定的 {required} 学时",
                    path=("courses", i, "hours"),
                    related=(Location(matches[0].rel),),
                )


def _matches(shared: tuple[DocRef, ...], row: PlannedCourse) -> list[DocRef]:
    """The shared standards a plan row names: by course code, else by course name (as
    `builder.read.corpus.shared_for` links them)."""
    by_code = [s for s in shared if s.code == row.code]
    return by_code or [s for s in shared if s.shared[0] == row.name]
