"""课程标准 → DocTree with 公文-style headings (一、（一）)."""

from __future__ import annotations

from itertools import groupby

from builder.compose.coverage import keyed_competencies
from builder.compose.doctree import PREFACE, Cell, DocTree, Field, Inline, Link
from builder.compose.levels import tick_matrix
from builder.compose.links import competency_ref, competency_use, course_ref, specialty_set
from builder.compose.marks import glued, marked_paragraphs
from builder.compose.meta import (
    applicability,
    back_matter,
    cover,
    notices,
    references,
    specialty_label,
)
from builder.compose.outline import Outline, cell, joined, without_empty
from builder.compose.text import cn_date, flat, num, semesters, total
from builder.model import Course, scoped_code
from builder.model.common import AssessmentPart
from builder.model.sourced import (
    EXCERPT_LABEL,
    NOT_GIVEN_LABEL,
    NOT_LISTED_LABEL,
    is_excerpt,
    is_not_given,
)
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded, SpecialtySet, set_code
from builder.view import view_of
from builder.view.anchors import doc_id, page_path

OBJECTIVE_TITLES = {"素质": "素质目标", "知识": "知识目标", "能力": "能力目标"}
IMPLEMENTATION_TITLES = {
    "design": "教学设计与方法",
    "resources": "教学资源开发与应用",
    "teachers": "师资要求",
    "cooperation": "校企合作",
    "textbooks": "教材选用及辅助资料",
    "facilities": "教学条件",
}


def compose_course(item: Loaded[Course], corpus: Corpus, config: ProjectConfig) -> DocTree:
    """The whole 课程标准: basic information, objectives, content, competencies, assessment."""
    doc = item.doc
    entry = specialty_set(corpus, set_code(doc))
    out = Outline("gongwen")
    out.add(*notices(item, corpus))
    if doc.preface:
        out.unnumbered(1, "前言", PREFACE)
        out.paragraphs(marked_paragraphs(doc.preface, "preface"))
    out.heading(1, "课程基本信息")
    out.table("课程基本信息", ("项目", "内容"), _info_rows(doc, entry), (3, 7), anchor="tbl-info")
    out.heading(1, "课程性质与任务")
    out.paragraphs(marked_paragraphs(doc.description, "description"))
    references(out, doc.meta.normative_references)
    for title, key in (("课程设计思路", "design"), ("学情分析", "learner_analysis")):
        if text := getattr(doc, key):
            out.heading(1, title)
            out.paragraphs(marked_paragraphs(text, key))
    out.heading(1, "课程目标")
    _objectives(out, doc)
    if doc.ideology:
        out.heading(2, "课程思政")
        out.paragraphs(marked_paragraphs(doc.ideology, "ideology"))
    out.heading(1, "课程内容")
    if is_not_given(doc.modules):
        out.text(NOT_LISTED_LABEL)
    else:
        _content(out, doc, entry)
    if doc.level_table is not None:
        tick_matrix(out, doc.level_table, doc, config)
    if any(r for m in doc.modules for i in m.items for r in i.competencies):
        out.heading(1, "对应职业能力", anchor="competencies")
        _competencies(out, doc, entry)
    _implementation(out, doc)
    out.heading(1, "考核评价")
    assessment_table(out, doc.assessment)
    if doc.signoff:
        s = doc.signoff
        parts = [f"制定人：{s.author}"]
        parts += [f"审核人：{s.reviewer}"] if s.reviewer else []
        parts += [f"批准人：{s.approver}"] if s.approver else []
        parts += [f"制定日期：{cn_date(s.date)}"] if s.date else []
        for part in parts:
            out.text(part)
    back_matter(out, doc.meta)
    return DocTree(
        doc_id(item), "course", page_path(item), cover(doc.meta, "course"), tuple(out.blocks)
    )


def _content(out: Outline, doc: Course, entry: SpecialtySet) -> None:
    hours = doc.hours if doc.hours is not None else total([m.hours for m in doc.modules])
    out.table(
        "课程内容与要求",
        *without_empty(
            ("教学模块", "学习内容", "内容与要求", "对应职业能力", "学时"),
            _content_rows(doc, entry, hours),
            (2.5, 2.5, 5, 2.5, 1),
            optional=("对应职业能力", "学时"),
        ),
        anchor="tbl-content",
        total_row=hours is not None,
    )
    if is_excerpt(doc.modules):
        out.text(EXCERPT_LABEL)


def _objectives(out: Outline, doc: Course) -> None:
    """课程目标 in the order written, under 素质/知识/能力 headings only when the list is
    already grouped that way."""
    runs = [list(group) for _, group in groupby(doc.objectives, key=lambda o: o.type)]
    if len(runs) != len({r[0].type for r in runs}):
        entries = [
            [
                *glued(
                    "（",
                    _home(o.type, f"objectives[{i}]", "type", ""),
                    "）",
                    _home(flat(o.text), f"objectives[{i}]", "text", ""),
                )
            ]
            for i, o in enumerate(doc.objectives)
        ]
        out.listed(doc.objectives, entries, ordered=True)
        return
    if is_not_given(doc.objectives):
        out.text(NOT_LISTED_LABEL)
    index = 0
    for goals in runs:
        out.heading(2, OBJECTIVE_TITLES[goals[0].type])
        out.items(
            ([_home(o.text, f"objectives[{index + i}]", "text", "")] for i, o in enumerate(goals)),
            ordered=True,
        )
        index += len(goals)
    if is_excerpt(doc.objectives):
        out.text(EXCERPT_LABEL)


def _info_rows(doc: Course, entry: SpecialtySet) -> list[list[Cell]]:
    owner: tuple[str, tuple[Inline, ...]] = (
        "所属专业",
        (specialty_label(doc.specialty or "", doc.specialty_name),),
    )
    if doc.applies_to is not None:
        scope: tuple[Inline, ...] = (applicability(doc.applies_to),)
        if doc.specialty_name:  # the source's own words first, then what the YAML declares
            scope = (Field(doc.specialty_name, "specialty_name"), "（", *scope, "）")
        note = f"（{doc.applies_to.note}）" if doc.applies_to.note else ""
        owner = ("适用范围", (*scope, note) if note else scope)
    elif entry.specialty is not None:
        spec = entry.specialty.doc
        owner = ("所属专业", (Link(f"{spec.name}（{spec.code}）", page_path(entry.specialty)),))
    terms = semesters(doc.semesters)
    hours: tuple[Inline, ...] = (Field(num(doc.hours), "hours"),)
    if doc.hours is not None and doc.theory_hours is not None and doc.practice_hours is not None:
        theory = Field(str(doc.theory_hours), "theory_hours")
        practice = Field(str(doc.practice_hours), "practice_hours")
        hours = glued(*hours, "（理论 ", theory, "，实践 ", practice, "）")
    rows: list[tuple[str, tuple[Inline, ...]]] = [
        ("课程名称", (Field(doc.name, "name"),)),
        ("课程代码", (NOT_GIVEN_LABEL if is_not_given(doc.code) else Field(doc.code, "code"),)),
        ("课程性质", glued(Field(doc.nature, "nature"), "课程")),
        ("学时", hours),
        ("学分", (Field(num(doc.credits), "credits"),)),
        (
            "开设学期",
            glued("第 ", Field(terms, "semesters"), " 学期")
            if terms
            else (Field("—", "semesters"),),
        ),
        owner,
        ("适用对象", (Field(doc.audience or "—", "audience"),)),
        ("先修课程", joined([course_ref(entry, c) for c in doc.prerequisites]) or ("—",)),
        ("后续课程", joined([course_ref(entry, c) for c in doc.followups]) or ("—",)),
    ]
    return [[cell(label, bold=True), cell(*value)] for label, value in rows]


def _content_rows(doc: Course, entry: SpecialtySet, hours: float | None) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for m, module in enumerate(doc.modules):
        for i, item in enumerate(module.items):
            at = f"modules[{m}]"
            head: tuple[Inline, ...] = ()
            if i == 0:
                head = glued(
                    Field(module.code, f"{at}.code", code=module.code),
                    " ",
                    Field(module.name, f"{at}.name", code=module.code),
                    *(
                        ("（", Field(str(module.hours), f"{at}.hours", code=module.code), " 学时）")
                        if module.hours is not None
                        else ()
                    ),
                )
            refs = [competency_use(entry, r) for r in item.competencies]
            home = f"{at}.items[{i}]"

            rows.append(
                [
                    cell(*head),
                    cell(
                        *glued(
                            _home(item.code, home, "code", item.code),
                            " ",
                            _home(item.name, home, "name", item.code),
                        )
                    ),
                    cell(_home(flat(item.requirements), home, "requirements", item.code)),
                    cell(*joined(refs)),
                    cell(
                        _home(
                            str(item.hours) if item.hours is not None else "",
                            home,
                            "hours",
                            item.code,
                        )
                    ),
                ]
            )
    if hours is not None:
        rows.append(
            [cell("合计", bold=True), cell(""), cell(""), cell(""), cell(num(hours), bold=True)]
        )
    return rows


def _home(text: str, item: str, name: str, code: str) -> Field:
    """A field of the table row that is the home of list item `item`."""
    return Field(text, f"{item}.{name}", row=item, code=code)


def _competencies(out: Outline, doc: Course, entry: SpecialtySet) -> None:
    taught: dict[str, list[tuple[str, str]]] = {}
    view = view_of(entry)
    for module in doc.modules:
        for item in module.items:
            for ref in item.competencies:
                key = view.resolve(ref.ref, ref.scope)[0] or scoped_code(ref.ref, ref.scope)
                taught.setdefault(key, []).append((ref.level, f"{item.code} {item.name}"))
    listed = {key: (c, domain, task) for key, c, domain, task in keyed_competencies(entry)}
    order = [code for code in listed if code in taught] + sorted(set(taught) - set(listed))
    out.text(f"本课程承载本专业职业能力清单中的 {len(order)} 项职业能力，来源如下表。")
    rows: list[list[Cell]] = []
    for code in order:
        known = listed.get(code)
        levels = "、".join(dict.fromkeys(level for level, _ in taught[code]))
        where = "；".join(dict.fromkeys(place for _, place in taught[code]))
        rows.append(
            [
                cell(competency_ref(entry, code)),
                cell(flat(known[0].text) if known else "（清单中没有此能力）"),
                cell(f"{known[1]} / {known[2]}" if known else "—"),
                cell(known[0].level if known else "—"),
                cell(levels),
                cell(where),
            ]
        )
    out.table(
        "本课程对应的职业能力",
        ("编码", "职业能力", "工作领域 / 工作任务", "清单要求", "本课程达到", "学习内容"),
        rows,
        (1.2, 5, 3, 1.2, 1.2, 3),
        anchor="tbl-competencies",
    )


def _implementation(out: Outline, doc: Course) -> None:
    parts = [
        (key, title, getattr(doc.implementation, key))
        for key, title in IMPLEMENTATION_TITLES.items()
    ]
    present = [(key, title, text) for key, title, text in parts if text]
    if not present:
        return
    out.heading(1, "教学实施与保障")
    for key, title, text in present:
        out.heading(2, title)
        out.paragraphs(marked_paragraphs(text, f"implementation.{key}"))


def assessment_table(out: Outline, parts: list[AssessmentPart]) -> None:
    """The 考核评价 table; a 合计 row when every part has a weight, and no column of dashes
    when the source gives no weights or no methods."""
    if is_not_given(parts):
        out.text(NOT_LISTED_LABEL)
        return
    weights = total([p.weight for p in parts])
    rows = [
        [
            cell(Field(p.name, f"assessment[{i}].name", row=f"assessment[{i}]", code=p.name)),
            cell(
                Field(num(p.weight), f"assessment[{i}].weight", row=f"assessment[{i}]", code=p.name)
            ),
            cell(
                Field(
                    flat(p.method) or "—",
                    f"assessment[{i}].method",
                    row=f"assessment[{i}]",
                    code=p.name,
                )
            ),
        ]
        for i, p in enumerate(parts)
    ]
    if weights is not None:
        rows.append([cell("合计", bold=True), cell(num(weights), bold=True), cell("")])
    out.table(
        "考核评价",
        *without_empty(
            ("考核项目", "权重（%）", "考核方式与标准"),
            rows,
            (3, 1.5, 6),
            optional=("权重（%）", "考核方式与标准"),
        ),
        anchor="tbl-assessment",
        total_row=weights is not None and not is_excerpt(parts),
    )
    if is_excerpt(parts):
        out.text(EXCERPT_LABEL)
