"""人才培养方案 (a school's plan) → DocTree with 公文-style headings (一、（一）…).

Only what the plan gives is shown: chapters the plan leaves out are left out, never filled
with the national standard's text. The national standard the plan follows is named and
linked when the corpus holds it.
"""

from __future__ import annotations

from builder.compose.doctree import Cell, DocTree, Inline, Link
from builder.compose.links import competency_use, specialty_set
from builder.compose.meta import back_matter, cover, notices, references
from builder.compose.outline import Outline, cell, joined, listing, without_empty
from builder.compose.text import book_title, flat, num, paragraphs, semesters
from builder.model import Plan, PlanCourse
from builder.model.sourced import (
    EXCERPT_LABEL,
    NOT_GIVEN_LABEL,
    NOT_LISTED_LABEL,
    is_excerpt,
    is_not_given,
)
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded, SpecialtySet
from builder.view.anchors import doc_id, page_path
from builder.view.figures import figures

COURSE_HEADER = (
    "课程代码",
    "课程名称",
    "课程性质",
    "学时",
    "理论",
    "实践",
    "学分",
    "学期",
    "对应国家标准课程",
    "增补",
    "承载的职业能力",
    "备注",
)
COURSE_WIDTHS = (1.4, 3, 1.6, 1, 1, 1, 1, 1.2, 2.6, 1.2, 4, 2.6)
OPTIONAL = (
    "课程代码",
    "理论",
    "实践",
    "学分",
    "学期",
    "对应国家标准课程",
    "增补",
    "承载的职业能力",
    "备注",
)


def compose_plan(item: Loaded[Plan], corpus: Corpus, config: ProjectConfig) -> DocTree:
    """The whole 人才培养方案 in reading order."""
    doc = item.doc
    entry = specialty_set(corpus, doc.specialty)
    out = Outline("gongwen")
    out.add(*notices(item, corpus))
    out.heading(1, "专业名称及代码", anchor="name")
    name = doc.name or (entry.specialty.doc.name if entry.specialty else None)
    out.text(f"{name}（{doc.specialty}）" if name else doc.specialty)
    out.heading(1, "制订依据", anchor="follows")
    out.text(*_follows(doc, entry))
    facts = [f"学校：{doc.school}"]
    if doc.level:
        facts.append(f"层次：{doc.level}")
    if doc.grade:
        facts.append(f"适用年级：{doc.grade}")
    out.text("；".join(facts) + "。")
    references(out, doc.meta.normative_references)
    if doc.admission:
        out.heading(1, "入学要求", anchor="admission")
        out.paragraphs(paragraphs(doc.admission))
    if doc.duration is not None:
        out.heading(1, "修业年限", anchor="duration")
        note = f"（{flat(doc.duration.note)}）" if doc.duration.note else ""
        out.text(f"基本修业年限 {doc.duration.years} 年{note}。")
    if doc.objectives:
        out.heading(1, "培养目标", anchor="objectives")
        out.paragraphs(paragraphs(doc.objectives))
    out.heading(1, "课程设置及教学进程安排", anchor="courses")
    _courses(out, doc, entry)
    _hours(out, doc)
    if doc.additions or is_not_given(doc.additions):
        out.heading(1, "本校增补", anchor="additions")
        _additions(out, doc)
    if doc.graduation or is_not_given(doc.graduation):
        out.heading(1, "毕业要求", anchor="graduation")
        out.listed(doc.graduation, ([g] for g in doc.graduation), ordered=True)
    back_matter(out, doc.meta)
    return DocTree(
        doc_id(item), "plan", page_path(item), cover(doc.meta, "plan"), tuple(out.blocks)
    )


def _follows(doc: Plan, entry: SpecialtySet) -> tuple[Inline, ...]:
    """The sentence naming the standard the plan follows; when the plan names neither the
    standard's title nor its edition, the source does not say it, and neither does the page."""
    if doc.follows.title is None and doc.follows.version is None:
        return (NOT_GIVEN_LABEL,)
    national = entry.specialty
    title = doc.follows.title or (national.doc.meta.title if national else None)
    shown = book_title(title) if title else f"专业 {doc.follows.code} 的国家专业教学标准"
    named: Inline = shown
    version = doc.follows.version
    if national is not None and version in (None, national.doc.meta.version):
        named = Link(shown, page_path(national))
    return ("本方案依据", named, f"（{version} 版）制订。" if version else "制订。")


def _courses(out: Outline, doc: Plan, entry: SpecialtySet) -> None:
    if is_not_given(doc.courses):
        out.text(NOT_LISTED_LABEL)
        return
    if not doc.courses:
        out.text("（本方案未列出课程）")
        return
    rows = [_course_row(course, entry) for course in doc.courses]
    header, cells, widths = without_empty(COURSE_HEADER, rows, COURSE_WIDTHS, OPTIONAL)
    out.table(
        "课程设置及教学进程安排", header, cells, widths, anchor="tbl-courses", searchable=False
    )
    if is_excerpt(doc.courses):
        out.text(EXCERPT_LABEL)


def _course_row(course: PlanCourse, entry: SpecialtySet) -> list[Cell]:
    refs = [competency_use(entry, r) for r in course.competencies]
    nature = course.nature + ("（选修）" if course.elective else "")
    return [
        cell(course.code or ""),
        cell(course.name),
        cell(nature),
        cell(num(course.hours)),
        cell(num(course.theory_hours)),
        cell(num(course.practice_hours)),
        cell(num(course.credits)),
        cell(semesters(course.semesters) or "—"),
        cell(course.maps_to or "—"),
        cell(course.addition or "—"),
        cell(*joined(refs)) if refs else cell("—"),
        cell(flat(course.note) if course.note else "—"),
    ]


def _hours(out: Outline, doc: Plan) -> None:
    found = figures(doc)
    if found is None and doc.totals is None and doc.hours_plan is None:
        return
    out.heading(1, "学时安排", anchor="hours")
    lines: list[str] = []
    if doc.totals is not None:
        lines.append(f"声明合计：{doc.totals.hours} 学时，{num(doc.totals.credits)} 学分。")
    if found is not None:
        origin = "学时安排中声明的" if found.declared else "按课程设置计算的"
        shown = _figures(found.total, found.public, found.elective, found.practice)
        if shown:
            lines.append(f"{origin}{shown}。")
    declared = doc.hours_plan
    if declared is not None and (found is None or not found.declared):
        shown = _figures(
            declared.total_hours,
            declared.public_share,
            declared.elective_share,
            declared.practice_share,
        )
        if shown:
            lines.append(f"学时安排中声明的{shown}。")
    if declared is not None and declared.text:
        lines.append(flat(declared.text))
    for line in lines:
        out.text(line)


def _additions(out: Outline, doc: Plan) -> None:
    rows = [
        [
            cell(a.code),
            cell(a.type),
            cell(flat(a.text)),
            cell(a.level or "—"),
            cell(flat(a.basis) if a.basis else "—"),
        ]
        for a in doc.additions
    ]
    header, cells, widths = without_empty(
        ("编码", "类型", "内容", "学习水平", "依据"),
        rows,
        (1, 1.2, 6, 1.4, 3),
        optional=("学习水平", "依据"),
    )
    if rows:
        out.table("本校增补", header, cells, widths, anchor="tbl-additions")
    else:
        out.text(listing(doc.additions, ""))
    if is_excerpt(doc.additions):
        out.text(EXCERPT_LABEL)


def _figures(
    total: object, public: float | None, elective: float | None, practice: float | None
) -> str:
    """ "总学时 N，公共基础课占 x%，…" for the figures that are known ("" when none is)."""
    parts = [f"总学时 {total}"] if total is not None else []
    for label, share in (("公共基础课", public), ("选修课", elective), ("实践性教学", practice)):
        if share is not None:
            parts.append(f"{label}占 {share:.1%}")
    return "，".join(parts)
