"""岗位实习标准 → DocTree with GB/T 1.1 numbering (1 适用范围 … 8 实习管理与安全)."""

from __future__ import annotations

from builder.compose.course import assessment_table
from builder.compose.doctree import Cell, DocTree, Field, Inline
from builder.compose.links import applies_to, competency_use, course_ref, specialty_set
from builder.compose.marks import glued, marked_paragraphs
from builder.compose.meta import back_matter, cover, notices, references
from builder.compose.outline import Outline, cell, joined, without_empty
from builder.compose.text import flat, num, semesters
from builder.model import Internship
from builder.model.internship import Phase
from builder.model.sourced import (
    EXCERPT_LABEL,
    NOT_LISTED_LABEL,
    is_excerpt,
    is_not_given,
    specialty_key,
)
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded, SpecialtySet
from builder.view.anchors import doc_id, internship_task_anchor, page_path


def compose_internship(item: Loaded[Internship], corpus: Corpus, config: ProjectConfig) -> DocTree:
    """The whole 岗位实习标准 in reading order."""
    doc = item.doc
    entry = specialty_set(corpus, specialty_key(doc))
    out = Outline("gbt")
    out.add(*notices(item, corpus))
    out.heading(1, "适用范围")
    out.paragraphs(marked_paragraphs(doc.scope, "scope"))
    if applies := applies_to(entry, doc.specialty, doc.specialty_name):
        out.text(*applies)
    references(out, doc.meta.normative_references)
    out.heading(1, "实习目标")
    out.listed(doc.objectives, _listed(doc.objectives, "objectives"), ordered=True)
    out.heading(1, "时间安排")
    if is_not_given(doc.schedule):
        out.text(NOT_LISTED_LABEL)
    else:
        out.table(
            "时间安排",
            *without_empty(
                ("实习类型", "安排学期", "时长", "组织方式", "对应课程"),
                [_phase_row(i, p, entry) for i, p in enumerate(doc.schedule)],
                (2, 2, 2, 2, 3),
                optional=("安排学期", "时长", "组织方式", "对应课程"),
            ),
            anchor="tbl-schedule",
        )
    out.heading(1, "实习条件")
    out.heading(2, "实习单位")
    out.paragraphs(marked_paragraphs(doc.conditions.enterprises, "conditions.enterprises"))
    out.heading(2, "实习岗位")
    out.listed(doc.conditions.posts, _listed(doc.conditions.posts, "conditions.posts"))
    out.heading(2, "指导教师")
    out.paragraphs(marked_paragraphs(doc.conditions.supervisors, "conditions.supervisors"))
    if doc.conditions.facilities:
        out.heading(2, "实习场所与设施")
        out.paragraphs(marked_paragraphs(doc.conditions.facilities, "conditions.facilities"))
    out.heading(1, "实习内容与要求")
    _tasks(out, doc, entry)
    out.heading(1, "实习成果")
    out.listed(doc.outcomes, _listed(doc.outcomes, "outcomes"), ordered=True)
    out.heading(1, "考核评价")
    assessment_table(out, doc.assessment)
    out.heading(1, "实习管理与安全")
    out.paragraphs(marked_paragraphs(doc.management, "management"))
    back_matter(out, doc.meta)
    return DocTree(
        doc_id(item),
        "internship",
        page_path(item),
        cover(doc.meta, "internship"),
        tuple(out.blocks),
    )


def _listed(values: list[str], path: str) -> list[list[Inline]]:
    """Items of a list of texts, each the home of its item."""
    return [[Field(v, f"{path}[{i}]", row=f"{path}[{i}]")] for i, v in enumerate(values)]


def _tasks(out: Outline, doc: Internship, entry: SpecialtySet) -> None:
    if is_not_given(doc.tasks):
        out.text(NOT_LISTED_LABEL)
        return
    rows: list[list[Cell]] = []
    for i, task in enumerate(doc.tasks):
        refs = [competency_use(entry, r) for r in task.competencies]
        item = f"tasks[{i}]"

        def home(text: str, name: str, item: str = item, code: str = task.code) -> Field:
            return Field(text, f"{item}.{name}", row=item, code=code)

        rows.append(
            [
                cell(home(task.code, "code"), anchor=internship_task_anchor(task.code)),
                cell(home(task.name, "name")),
                cell(home(task.post or "—", "post")),
                cell(home(flat(task.content), "content")),
                cell(home(str(task.weeks) if task.weeks else "—", "weeks")),
                cell(*joined(refs)) if refs else cell("—"),
            ]
        )
    out.table(
        "实习内容与要求",
        *without_empty(
            ("编号", "实习任务", "实习岗位", "内容与要求", "参考周数", "对应职业能力"),
            rows,
            (1, 2.2, 2, 5.5, 1.5, 3),
            optional=("实习岗位", "参考周数", "对应职业能力"),
        ),
        anchor="tbl-tasks",
    )
    if is_excerpt(doc.tasks):
        out.text(EXCERPT_LABEL)


def _phase_row(index: int, phase: Phase, entry: SpecialtySet) -> list[Cell]:
    """A row of the 时间安排 table, the home of ``schedule[i]`` (its values are fields)."""
    item = f"schedule[{index}]"

    def home(text: str, name: str) -> Field:
        return Field(text, f"{item}.{name}", row=item)

    parts: list[Inline] = []
    if phase.months:
        parts += [home(num(phase.months), "months"), " 个月"]
    if phase.weeks:
        parts += ["（" if parts else "", home(str(phase.weeks), "weeks"), " 周"]
    if phase.months and phase.weeks:
        parts.append("）")
    terms = semesters(phase.semesters)
    arranged = "arrangement" in phase.model_fields_set
    return [
        cell(home(phase.type, "type")),
        cell(*glued("第 ", home(terms, "semesters"), " 学期"))
        if terms
        else cell(home("—", "semesters")),
        cell(*glued(*(p for p in parts if p))) if parts else cell(home("—", "weeks")),
        cell(home(phase.arrangement if arranged else "—", "arrangement")),
        cell(course_ref(entry, phase.course) if phase.course else "—"),
    ]
