"""实训基地建设标准 → DocTree with GB/T 1.1 numbering (4.1 <实训室> …)."""

from __future__ import annotations

from builder.compose.doctree import Cell, DocTree, Field
from builder.compose.links import (
    applies_to,
    competency_use,
    course_ref,
    specialty_set,
)
from builder.compose.marks import marked_paragraphs
from builder.compose.meta import back_matter, cover, notices, references
from builder.compose.outline import Outline, cell, clause_parts, joined, without_empty
from builder.compose.text import flat, num
from builder.model import TrainingBase
from builder.model.sourced import (
    EXCERPT_LABEL,
    NOT_LISTED_LABEL,
    is_excerpt,
    is_not_given,
    specialty_key,
)
from builder.model.training_base import Room
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded, SpecialtySet
from builder.view.anchors import doc_id, page_path, room_anchor


def compose_training_base(
    item: Loaded[TrainingBase], corpus: Corpus, config: ProjectConfig
) -> DocTree:
    """The whole 实训基地建设标准: scope, references, basic requirements, one clause per room."""
    doc = item.doc
    entry = specialty_set(corpus, specialty_key(doc))
    out = Outline("gbt")
    out.add(*notices(item, corpus))
    out.heading(1, "适用范围")
    out.paragraphs(marked_paragraphs(doc.scope, "scope"))
    if applies := applies_to(entry, doc.specialty, doc.specialty_name):
        out.text(*applies)
    # only the document's own 规范性引用文件: companion standards are linked, not cited
    references(out, doc.meta.normative_references)
    out.heading(1, "基本要求")
    if doc.class_size:
        out.text(f"实训设备数量按每个教学班 {doc.class_size} 名学生配置。")
    if is_not_given(doc.rooms):
        out.text(NOT_LISTED_LABEL)
    else:
        coded = any(room.code != room.name for room in doc.rooms)
        out.table(
            "校内实训室一览",
            *without_empty(
                ("编号", "实训室", "类别", "建设要求", "使用面积（㎡）", "工位数", "支撑课程"),
                [_summary_row(i, room, entry, coded=coded) for i, room in enumerate(doc.rooms)],
                (1, 3, 2.2, 1.5, 1.5, 1.2, 3.6),
                optional=("编号", "类别", "建设要求", "使用面积（㎡）", "工位数", "支撑课程"),
            ),
            anchor="tbl-rooms",
        )
        if is_excerpt(doc.rooms):
            out.text(EXCERPT_LABEL)
    for r, requirement in enumerate(doc.site_requirements):
        out.heading(2, requirement.title)
        at = f"site_requirements[{r}].clauses"
        out.listed(
            requirement.clauses,
            [[Field(c, f"{at}[{j}]", row=f"{at}[{j}]")] for j, c in enumerate(requirement.clauses)],
        )
    out.heading(1, "校内实训室", number=_chapter(doc.rooms))
    if is_not_given(doc.rooms):
        out.text(NOT_LISTED_LABEL)
    for i, room in enumerate(doc.rooms):
        _room(out, i, room, entry)
    if is_excerpt(doc.rooms):
        out.text(EXCERPT_LABEL)
    if doc.external:
        out.heading(1, "校外实训基地")
        for i, base in enumerate(doc.external):
            out.heading(2, base.name)
            out.paragraphs(marked_paragraphs(base.requirements, f"external[{i}].requirements"))
    out.heading(1, "实训教学管理与安全")
    out.paragraphs(marked_paragraphs(doc.management, "management"))
    back_matter(out, doc.meta)
    return DocTree(
        doc_id(item),
        "training_base",
        page_path(item),
        cover(doc.meta, "training_base"),
        tuple(out.blocks),
    )


def _chapter(rooms: list[Room]) -> str:
    """The chapter number the rooms' own clause numbers give ("4" for 4.1, 4.6), if any."""
    heads = {parts[0] for room in rooms if (parts := clause_parts(room.code)) and len(parts) == 2}
    return str(heads.pop()) if len(heads) == 1 else ""


def _summary_row(index: int, room: Room, entry: SpecialtySet, *, coded: bool) -> list[Cell]:
    item = f"rooms[{index}]"

    def home(text: str, name: str) -> Field:
        return Field(text, f"{item}.{name}", row=item, code=room.code)

    return [
        cell(home(room.code, "code") if coded else ""),
        cell(home(room.name, "name")),
        cell(home(room.group or "—", "group")),
        cell(
            home(room.requirement if "requirement" in room.model_fields_set else "—", "requirement")
        ),
        cell(home(num(room.area), "area")),
        cell(home(num(room.stations), "stations")),
        cell(*joined([course_ref(entry, c) for c in room.courses])) if room.courses else cell("—"),
    ]


def _room(out: Outline, index: int, room: Room, entry: SpecialtySet) -> None:
    number = room.code if _numbered(room.code) else ""
    at = f"rooms[{index}]"
    out.heading(2, room.name, anchor=room_anchor(room.code), number=number)
    out.paragraphs(marked_paragraphs(room.functions, f"{at}.functions"))
    facts = [f"实训类别：{room.group}"] if room.group else []
    # the default 必备 is not the author's: only a requirement written is stated
    facts += [f"建设要求：{room.requirement}"] if "requirement" in room.model_fields_set else []
    facts += [f"使用面积不少于 {num(room.area)} ㎡"] if room.area is not None else []
    facts += [f"工位数不少于 {room.stations} 个"] if room.stations is not None else []
    if facts:
        out.text("；".join(facts) + "。")
    if room.courses:
        out.text("支撑课程：", *joined([course_ref(entry, c) for c in room.courses]), "。")
    if room.competencies:
        refs = [competency_use(entry, r) for r in room.competencies]
        out.text("培养的职业能力：", *joined(refs), "。")
    if room.projects or is_not_given(room.projects):
        out.text("实训项目：")
        out.listed(
            room.projects,
            [
                [Field(p, f"{at}.projects[{j}]", row=f"{at}.projects[{j}]", code=room.code)]
                for j, p in enumerate(room.projects)
            ],
        )
    if is_not_given(room.equipment):
        out.text("主要设备：", NOT_LISTED_LABEL)
        return
    notes = any(e.note for e in room.equipment)
    header = (
        "序号",
        "设备名称",
        "主要功能及技术要求",
        "单位",
        "数量",
        *(("备注",) if notes else ()),
    )
    out.table(
        f"{room.name}主要设备",
        header,
        [
            [
                cell(str(i)),
                cell(_equipment(e.name, at, i, "name", room.code)),
                cell(_equipment(flat(e.spec), at, i, "spec", room.code)),
                cell(_equipment(e.unit or "—", at, i, "unit", room.code)),
                cell(_equipment(num(e.quantity), at, i, "quantity", room.code)),
                *([cell(_equipment(e.note or "", at, i, "note", room.code))] if notes else []),
            ]
            for i, e in enumerate(room.equipment, start=1)
        ],
        (0.8, 3, 6, 1, 1, *((2,) if notes else ())),
        searchable=False,
    )
    if is_excerpt(room.equipment):
        out.text(EXCERPT_LABEL)


def _equipment(text: str, room: str, number: int, name: str, code: str) -> Field:
    """A field of an equipment row (`number` counts from 1 as the 序号 column does)."""
    item = f"{room}.equipment[{number - 1}]"
    return Field(text, f"{item}.{name}", row=item, code=code)


def _numbered(code: str) -> bool:
    parts = clause_parts(code)
    return parts is not None and len(parts) == 2
