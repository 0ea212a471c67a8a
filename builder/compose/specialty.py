"""专业教学标准 → DocTree in the 2025 eleven-element format (GB/T 1.1-style numbering)."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from builder.compose.across import continuation
from builder.compose.doctree import Cell, DocTree, Field, Inline, Link
from builder.compose.links import competency_ref, related_documents, specialty_set
from builder.compose.marks import glued, item_runs, list_field, marked_paragraphs
from builder.compose.meta import back_matter, cover, normative_references, notices
from builder.compose.outline import Outline, cell, joined, listing
from builder.compose.plan import course_plan
from builder.compose.text import book_title, split_paragraphs
from builder.model import Specialty
from builder.model.sourced import EXCERPT_LABEL, is_excerpt, is_not_given
from builder.model.specialty import Career, Spec
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded, SpecialtySet
from builder.view.anchors import doc_id, page_path

SPEC_TITLES = {"素质": "素质", "知识": "知识", "能力": "能力"}
CONTINUATION_TITLES = {
    "高职专科": "接续高职专科专业",
    "职业本科": "接续职业本科专业",
    "普通本科": "接续普通本科专业",
}


def compose_specialty(item: Loaded[Specialty], corpus: Corpus, config: ProjectConfig) -> DocTree:
    """The whole 专业教学标准 in reading order: notices, then elements 1–11."""
    doc = item.doc
    entry = specialty_set(corpus, doc.code)
    out = Outline("gbt")
    out.add(*notices(item, corpus))
    out.heading(1, "概述")
    out.paragraphs(marked_paragraphs(doc.overview, "overview"))
    companions = related_documents(entry, exclude=item)
    if companions or entry.courses:
        runs: list[Inline] = ["本标准的配套文件："]
        runs.extend(joined(companions))
        if entry.courses:
            runs.append(f"{'及 ' if companions else ''}{len(entry.courses)} 份课程标准（见 8.1）")
        out.text(*runs, "。")
    # The eleven elements keep their numbers (8.1, 11.2 … are cited as such), so the
    # 规范性引用文件 element sits inside 1 概述 instead of becoming a chapter 2.
    normative_references(
        out, item_runs(doc.meta.normative_references, "meta.normative_references"), chapter=False
    )
    out.heading(1, "专业名称（专业代码）")
    out.text(*glued(Field(doc.name, "name"), "（", Field(doc.code, "code"), "）"))
    if "catalog" in doc.model_fields_set:  # the default catalog is not the author's note
        catalog = doc.catalog.removesuffix("年")
        out.text(f"注：专业名称和专业代码依据《职业教育专业目录（{catalog}年）》。")
    _continuation(out, doc, corpus)
    out.heading(1, "入学基本要求")
    out.paragraphs(marked_paragraphs(doc.admission, "admission"))
    out.heading(1, "基本修业年限")
    out.text(*glued(Field(str(doc.duration.years), "duration.years"), "年"))
    if doc.duration.note:
        out.paragraphs(marked_paragraphs(doc.duration.note, "duration.note"))
    out.heading(1, "职业面向")
    out.table("职业面向", ("项目", "内容"), _career_rows(doc.career), (3, 7), anchor="tbl-career")
    out.heading(1, "培养目标")
    out.paragraphs(marked_paragraphs(doc.objectives, "objectives"))
    _specs(out, doc, entry)
    course_plan(out, doc, entry, config)
    out.heading(1, "师资队伍")
    out.paragraphs(marked_paragraphs(doc.teachers, "teachers"))
    out.heading(1, "教学条件")
    out.paragraphs(marked_paragraphs(doc.conditions, "conditions"))
    if entry.training_bases:
        refs = [Link(book_title(b.doc.meta.title), page_path(b)) for b in entry.training_bases]
        out.text("校内外实训基地的具体要求见", *joined(refs), "。")
    _quality(out, doc, entry)
    back_matter(out, doc.meta)
    return DocTree(
        doc_id(item), "specialty", page_path(item), cover(doc.meta, "specialty"), tuple(out.blocks)
    )


def _continuation(out: Outline, doc: Specialty, corpus: Corpus) -> None:
    if not doc.continuation and not is_not_given(doc.continuation):
        return
    entries: list[list[Inline]] = []
    for cont in doc.continuation:
        label = f"{cont.name}（{cont.code}）"
        target = continuation(corpus, doc.code, cont.code)
        shown: Inline = label
        if target is not None and target.specialty is not None:
            shown = Link(label, page_path(target.specialty))
        entries.append([f"{CONTINUATION_TITLES[cont.level]}：", shown])
    out.text("接续专业举例：")
    out.listed(doc.continuation, entries)


def _career_rows(career: Career) -> list[list[Cell]]:
    """The 职业面向 table: every name and code a field (``career.industries[0].name`` …),
    the lists of posts and certificates one field each ("甲、乙", `list_field`)."""

    def coded(name: str, code: str, path: str, marks: str = "") -> list[Inline]:
        return [Field(name, f"{path}.name"), f"{marks}（", Field(code, f"{path}.code"), "）"]

    def listed(source: list[Any], runs: list[Inline]) -> tuple[Inline, ...]:
        if is_not_given(source) or not runs:
            return (listing(source, ""),)
        return glued(*runs, EXCERPT_LABEL) if is_excerpt(source) else glued(*runs)

    def many(items: list[Any], path: str, marks: Any = None) -> list[Inline]:
        runs: list[Inline] = []
        for i, item in enumerate(items):
            mark = "/".join(sorted(marks(item), reverse=True)) if marks else ""
            runs += (["、"] if i else []) + coded(item.name, item.code, f"{path}[{i}]", mark)
        return runs

    def texts(items: list[str], path: str) -> list[Inline]:
        shown = list_field(items, path)
        return [shown] if shown else []

    major = career.major_category
    rows: list[tuple[str, tuple[Inline, ...]]] = [
        ("所属专业大类（代码）", glued(*coded(major.name, major.code, "career.major_category"))),
        (
            "所属专业类（代码）",
            glued(*coded(career.major_class.name, career.major_class.code, "career.major_class")),
        ),
        (
            "对应行业（代码）",
            listed(career.industries, many(career.industries, "career.industries")),
        ),
        (
            "主要职业类别（代码）",
            listed(
                career.occupations,
                many(career.occupations, "career.occupations", lambda o: o.marks),
            ),
        ),
        ("主要岗位（群）或技术领域", listed(career.posts, texts(career.posts, "career.posts"))),
        (
            "职业类证书",
            listed(career.certificates, texts(career.certificates, "career.certificates")),
        ),
    ]
    return [[cell(label, bold=True), cell(*value)] for label, value in rows]


def _specs(out: Outline, doc: Specialty, entry: SpecialtySet) -> None:
    """培养规格 in the order written; grouped under 素质/知识/能力 only when the list is
    already grouped that way (each type in one run), so no item moves."""
    out.heading(1, "培养规格")
    runs = [list(group) for _, group in groupby(doc.specs, key=lambda s: s.type)]
    if len(runs) != len({r[0].type for r in runs}) or is_not_given(doc.specs):
        out.listed(doc.specs, [_spec_runs(i, spec, entry) for i, spec in enumerate(doc.specs)])
        return
    index = 0
    for specs in runs:
        out.heading(2, SPEC_TITLES[specs[0].type])
        out.items(_spec_runs(index + i, spec, entry) for i, spec in enumerate(specs))
        index += len(specs)
    if is_excerpt(doc.specs):
        out.text(EXCERPT_LABEL)


def _spec_runs(index: int, spec: Spec, entry: SpecialtySet) -> list[Inline]:
    item = f"specs[{index}]"
    runs: list[Inline] = [
        *glued(Field(spec.code, f"{item}.code", row=item, code=spec.code), " "),
        Field("".join(split_paragraphs(spec.text)), f"{item}.text", row=item, code=spec.code),
    ]
    if spec.competencies:
        refs = [competency_ref(entry, code) for code in spec.competencies]
        runs.extend(["（对应职业能力：", *joined(refs), "）"])
    return runs


def _quality(out: Outline, doc: Specialty, entry: SpecialtySet) -> None:
    out.heading(1, "质量保障和毕业要求")
    if not doc.graduation and not is_not_given(doc.graduation):
        out.paragraphs(marked_paragraphs(doc.quality, "quality"))
        return
    out.heading(2, "质量保障")
    out.paragraphs(marked_paragraphs(doc.quality, "quality"))
    out.heading(2, "毕业要求")
    out.listed(
        doc.graduation,
        (
            [Field(g, f"graduation[{i}]", row=f"graduation[{i}]")]
            for i, g in enumerate(doc.graduation)
        ),
        ordered=True,
    )
    if entry.internships:
        refs = [Link(book_title(i.doc.meta.title), page_path(i)) for i in entry.internships]
        out.text("岗位实习的考核要求见", *joined(refs), "。")
