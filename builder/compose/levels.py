"""Level tables as the source prints them: a course's content × level tick matrix and the
own content of a 国家职业技能标准 (职业概况, 申报条件, 权重表) that a competency list comes from."""

from __future__ import annotations

from builder.compose.doctree import Cell
from builder.compose.outline import Outline, cell, listing
from builder.compose.text import flat, num, paragraphs
from builder.model import LevelTable, OccupationStandard
from builder.model.sourced import NOT_LISTED_LABEL, is_not_given
from builder.read.config import ProjectConfig
from builder.view.levels import vocabulary_of

TICK = "✓"
"""The mark in a ticked cell (site and Word)."""
CONTENT_HEADER = "内容"
"""Header of the content column when the source gives none."""


def scale_of(doc: object, config: ProjectConfig) -> tuple[str, list[str]]:
    """The name and levels of the scale a document uses (the default one when undeclared)."""
    name = vocabulary_of(doc)
    return name, config.vocabulary(name) or config.learning_levels


def tick_matrix(out: Outline, table: LevelTable, doc: object, config: ProjectConfig) -> None:
    """The content × level table: one row per content item, one column per level of the
    course's scale, a tick where the row requires that level. A group column is shown when
    the source groups its rows (the group name only on the first row of a run)."""
    _, scale = scale_of(doc, config)
    grouped = any(row.group for row in table.rows)
    header = [
        *([table.group_header or ""] if grouped else []),
        table.content_header or CONTENT_HEADER,
    ]
    extra = [lv for row in table.rows for lv in _ticks(row.level) if lv not in scale]
    columns = [*scale, *dict.fromkeys(extra)]
    rows: list[list[Cell]] = []
    previous: str | None = None
    for row in table.rows:
        ticks = _ticks(row.level)
        first: list[Cell] = []
        if grouped:
            first = [cell(row.group or "") if row.group != previous else cell()]
            previous = row.group
        rows.append(
            [
                *first,
                cell(flat(row.content)),
                *(cell(TICK if lv in ticks else "") for lv in columns),
            ]
        )
    widths = [*([2.0] if grouped else []), 6.0, *([0.8] * len(columns))]
    if is_not_given(table.rows):
        out.text(f"{table.title}：{NOT_LISTED_LABEL}" if table.title else NOT_LISTED_LABEL)
        return
    out.table(
        table.title or "课程内容与水平", [*header, *columns], rows, widths, anchor="tbl-levels"
    )
    if table.note:
        out.paragraphs(paragraphs(table.note))


def _ticks(level: str | list[str]) -> list[str]:
    return [level] if isinstance(level, str) else list(level)


def occupation_block(out: Outline, source: OccupationStandard) -> None:
    """The 国家职业技能标准 a competency list is taken from: only what the source gives."""
    out.heading(1, "来源国家职业技能标准", anchor="occupation")
    facts = [
        ("标准名称", source.title),
        ("职业名称", source.name),
        ("职业编码", source.code),
        ("职业定义", flat(source.definition) if source.definition else None),
        ("职业技能等级", listing(source.grades, "、".join(source.grades), "") or None),
        ("来源网址", source.url),
    ]
    shown = [[cell(label), cell(value)] for label, value in facts if value]
    out.table("职业概况", ("项目", "内容"), shown, (2, 8), anchor="tbl-occupation")
    for title, items, anchor in (
        ("培训参考学时", source.training_hours, "hours"),
        ("申报条件", source.eligibility, "eligibility"),
    ):
        if not items and not is_not_given(items):
            continue
        out.heading(2, title, anchor=f"occupation-{anchor}")
        out.listed(items, [[f"{item.name}：{flat(item.text)}"] for item in items])
    if source.weights or is_not_given(source.weights):
        out.heading(2, "权重表", anchor="occupation-weights")
        if is_not_given(source.weights):
            out.listed(source.weights, [])
            return
        grades = list(dict.fromkeys(g for row in source.weights for g in row.weights))
        grouped = any(row.group for row in source.weights)
        rows = [
            [
                *([cell(row.group or "")] if grouped else []),
                cell(row.item),
                *(cell(_weight(row.weights.get(g))) for g in grades),
            ]
            for row in source.weights
        ]
        header = [*(["类别"] if grouped else []), "项目", *grades]
        widths = [*([2.0] if grouped else []), 4.0, *([1.2] * len(grades))]
        out.table("权重表（%）", header, rows, widths, anchor="tbl-weights")


def _weight(value: float | None) -> str:
    return "—" if value is None else num(value)
