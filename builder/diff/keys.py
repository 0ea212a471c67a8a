"""Identity of documents and items: which field is the stable key of what.

The keys of whole documents live in `builder.view.identity` (the lifecycle check, ZB606,
reads them there too); this module keys the items inside a document.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel

from builder.model import (
    AssessmentPart,
    CodeName,
    Competency,
    CompetencyRef,
    ContentItem,
    Domain,
    Equipment,
    InternshipTask,
    Module,
    Occupation,
    PlannedCourse,
    Room,
    Spec,
    Task,
)
from builder.model.specialty import Continuation
from builder.model.training_base import ExternalBase
from builder.view.identity import IDENTITY_FIELDS, document_key

__all__ = ["IDENTITY_FIELDS", "ITEM_KINDS", "ItemKind", "document_key", "field_label"]


class ItemKind(typing.NamedTuple):
    """How items of one model are keyed and shown."""

    type: str
    key: str
    label: str
    name: str | None


ITEM_KINDS: dict[type[BaseModel], ItemKind] = {
    Domain: ItemKind("domain", "code", "工作领域", "name"),
    Task: ItemKind("task", "code", "工作任务", "name"),
    Competency: ItemKind("competency", "code", "职业能力", "text"),
    Spec: ItemKind("spec", "code", "培养规格", "text"),
    PlannedCourse: ItemKind("planned_course", "code", "课程", "name"),
    Continuation: ItemKind("continuation", "code", "接续专业", "name"),
    Occupation: ItemKind("occupation", "code", "职业", "name"),
    CodeName: ItemKind("industry", "code", "行业", "name"),
    Module: ItemKind("module", "code", "教学模块", "name"),
    ContentItem: ItemKind("content", "code", "学习内容", "name"),
    CompetencyRef: ItemKind("mapping", "ref", "对应职业能力", None),
    AssessmentPart: ItemKind("assessment", "name", "考核项目", None),
    InternshipTask: ItemKind("internship_task", "code", "实习任务", "name"),
    Room: ItemKind("room", "code", "实训室", "name"),
    Equipment: ItemKind("equipment", "name", "设备", None),
    ExternalBase: ItemKind("external_base", "name", "校外实训基地", None),
}
"""Models that appear in lists and carry a stable key; other lists compare as values."""


def list_item_model(annotation: Any) -> type[BaseModel] | None:
    """`X` for an annotation `list[X]` (optionally `| None`) where X is a model, else None."""
    for candidate in _unwrap(annotation):
        if typing.get_origin(candidate) is list:
            (item,) = typing.get_args(candidate) or (None,)
            for inner in _unwrap(item):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    return inner
    return None


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """`X` for an annotation `X` or `X | None` where X is a model, else None."""
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _unwrap(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    return [annotation]


_NUMBERING = re.compile(r"^\d+(?:\.\d+)*\s+")


def field_label(model: type[BaseModel], name: str) -> str:
    """The field's Chinese title without section numbering ("8 课程设置" → "课程设置")."""
    info = model.model_fields.get(name)
    title = info.title if info is not None and info.title else name
    return _NUMBERING.sub("", title)
