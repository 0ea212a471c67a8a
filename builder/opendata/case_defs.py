"""CASE 1.1 vocabulary of the export: item types, the 学习水平 concepts, subjects, groupings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.model import Specialty
from builder.opendata.ids import uid
from builder.read.config import DEFAULT_VOCABULARY, ProjectConfig

CASE_VERSION = "1.1"
LANGUAGE = "zh"


@dataclass(frozen=True, slots=True)
class ItemType:
    """A CFItemType: a code of ours, its Chinese title and its place in the hierarchy."""

    code: str
    title: str
    hierarchy: str
    description: str


ITEM_TYPES: dict[str, ItemType] = {
    t.code: t
    for t in (
        ItemType("domain", "工作领域", "1", "职业能力清单的第一层：工作领域。"),
        ItemType("task", "工作任务", "1.1", "职业能力清单的第二层：工作领域下的工作任务。"),
        ItemType(
            "competency", "职业能力", "1.1.1", "职业能力清单的第三层：完成工作任务所需的职业能力。"
        ),
        ItemType("spec", "培养规格", "2", "专业教学标准的培养规格条目（素质、知识、能力）。"),
        ItemType("course", "课程", "3", "专业教学标准课程设置中的一门课程。"),
        ItemType("module", "教学模块", "3.1", "课程标准中的教学模块（学习情境）。"),
        ItemType("content", "学习内容", "3.1.1", "课程标准中教学模块下的学习内容条目。"),
    )
}


@dataclass(frozen=True, slots=True)
class Grouping:
    """A CFAssociationGrouping that labels one family of associations."""

    code: str
    title: str
    description: str


GROUPINGS: dict[str, Grouping] = {
    g.code: g
    for g in (
        Grouping(
            "spec-competency",
            "培养规格—职业能力对应",
            "培养规格条目概括的职业能力（isRelatedTo）。",
        ),
        Grouping(
            "course-competency",
            "课程—职业能力对应",
            "课程承载的职业能力（isRelatedTo）；extensions.learningLevel 为课程各学习内容达到的最高学习水平。",
        ),
        Grouping(
            "content-competency",
            "学习内容—职业能力对应",
            "课程标准学习内容承载的职业能力（isRelatedTo）；extensions.learningLevel 为该内容达到的学习水平。",
        ),
        Grouping("prerequisite", "先修课程", "先修课程 precedes 后续课程。"),
    )
}


class Uris:
    """Builds `uri` values: `{base}/{collection}/{identifier}`, or `urn:uuid:…` without a base."""

    def __init__(self, base: str | None) -> None:
        self.base = base.rstrip("/") if base else None

    def __call__(self, collection: str, identifier: str) -> str:
        if self.base is None:
            return f"urn:uuid:{identifier}"
        return f"{self.base}/{collection}/{identifier}"


def link(uris: Uris, collection: str, key: str, title: str) -> dict[str, str]:
    """A LinkURI (title, identifier, uri) to a keyed object."""
    identifier = uid(key)
    return {"title": title, "identifier": identifier, "uri": uris(collection, identifier)}


def item_type_link(uris: Uris, code: str) -> dict[str, str]:
    """LinkURI to the CFItemType with `code`."""
    return link(uris, "CFItemTypes", f"itemtype/{code}", ITEM_TYPES[code].title)


def level_link(uris: Uris, level: str) -> dict[str, str]:
    """LinkURI to the CFConcept of a 学习水平."""
    return link(uris, "CFConcepts", f"level/{level}", level)


def grouping_link(uris: Uris, code: str) -> dict[str, str]:
    """LinkURI to a CFAssociationGrouping."""
    return link(uris, "CFAssociationGroupings", f"grouping/{code}", GROUPINGS[code].title)


def level_extension(
    uris: Uris, level: str, config: ProjectConfig, prefix: str, vocabulary: str | None = None
) -> dict[str, Any]:
    """`{prefix}`, `{prefix}Rank` (1 = lowest) and `{prefix}URI` for a 学习水平; a level of
    another scale (`vocabulary`, a document's `levels:`) keeps its text only, since the
    package's level concepts are those of `learning_levels`."""
    if vocabulary is not None and vocabulary != DEFAULT_VOCABULARY:
        return {prefix: level}
    rank = config.level_rank(level)
    if rank is None:  # not in the vocabulary (zhibiao check reports it): keep the text only
        return {prefix: level}
    return {prefix: level, f"{prefix}Rank": rank + 1, f"{prefix}URI": level_link(uris, level)}


def definitions(
    uris: Uris,
    stamp: str,
    config: ProjectConfig,
    *,
    item_types: set[str],
    groupings: set[str],
    levels: bool,
    subjects: list[tuple[str, str]],
) -> dict[str, Any]:
    """CFDefinitions holding only what the package uses, in a fixed order."""
    types = [
        {
            **_ident(uris, "CFItemTypes", f"itemtype/{t.code}"),
            "title": t.title,
            "description": t.description,
            "hierarchyCode": t.hierarchy,
            "typeCode": t.code,
            "lastChangeDateTime": stamp,
        }
        for t in ITEM_TYPES.values()
        if t.code in item_types
    ]
    vocabulary = config.learning_levels
    concepts = [
        {
            **_ident(uris, "CFConcepts", f"level/{name}"),
            "title": name,
            "keywords": name,
            "hierarchyCode": str(rank),
            "description": f"学习水平，由低到高第 {rank} 级（共 {len(vocabulary)} 级：{'、'.join(vocabulary)}）。",
            "lastChangeDateTime": stamp,
        }
        for rank, name in enumerate(vocabulary if levels else [], start=1)
    ]
    subject_rows = [
        {
            **_ident(uris, "CFSubjects", f"subject/{code}"),
            "title": title,
            "hierarchyCode": code,
            "lastChangeDateTime": stamp,
        }
        for code, title in subjects
    ]
    grouping_rows = [
        {
            **_ident(uris, "CFAssociationGroupings", f"grouping/{g.code}"),
            "title": g.title,
            "description": g.description,
            "lastChangeDateTime": stamp,
        }
        for g in GROUPINGS.values()
        if g.code in groupings
    ]
    return {
        "CFConcepts": concepts,
        "CFSubjects": subject_rows,
        "CFLicenses": [],
        "CFItemTypes": types,
        "CFAssociationGroupings": grouping_rows,
    }


def subjects_of(specialty: Specialty | None, code: str) -> list[tuple[str, str]]:
    """(hierarchyCode, title) of 专业大类 → 专业类 → 专业, from the specialty standard."""
    if specialty is None:
        return [(code, f"专业 {code}")]
    career = specialty.career
    return [
        (career.major_category.code, career.major_category.name),
        (career.major_class.code, career.major_class.name),
        (specialty.code, specialty.name),
    ]


def _ident(uris: Uris, collection: str, key: str) -> dict[str, str]:
    identifier = uid(key)
    return {"identifier": identifier, "uri": uris(collection, identifier)}
