"""Every table of the standards, found in the data model: sheets and columns of the workbook.

A table is a list of models (`rooms`, `modules`, `career.industries` …). `tables()` walks the
models of `builder.model.KINDS` (through nested models such as `career`, and into the list
items of a table whose rows carry a `code`, so `modules → items` and `rooms → equipment` are
tables of their own, each row naming its parent's code). The 职业能力清单 has its own sheet
(`xlsx_layout`). Each column is one field of the row model, headed by its Chinese title; how
a value is shown in a cell and read back from it is the column's `form`.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from builder.model import KINDS, CompetencyRef
from builder.model.introspect import list_item_model, nested_model
from builder.model.sourced import SOURCED_LIST

Form = Literal["text", "int", "float", "bool", "date", "ints", "texts", "refs", "levels"]

SHEET_NAMES: dict[str, str] = {
    "specialty.career.industries": "对应行业",
    "specialty.career.occupations": "主要职业类别",
    "specialty.specs": "培养规格",
    "specialty.courses": "课程设置",
    "specialty.continuation": "接续专业",
    "course.objectives": "课程目标",
    "course.modules": "课程模块",
    "course.modules.items": "学习内容",
    "course.level_table.rows": "内容与水平打勾表",
    "course.assessment": "课程考核",
    "internship.schedule": "实习时间安排",
    "internship.tasks": "实习任务",
    "internship.assessment": "实习考核",
    "training_base.site_requirements": "实训场所要求",
    "training_base.rooms": "实训室",
    "training_base.rooms.equipment": "实训设备",
    "training_base.external": "校外实训基地",
}
"""Sheet names of the tables; a table the model gains later is named after its field title."""

LEADING: dict[str, tuple[str, ...]] = {
    "specialty.courses": (
        "nature",
        "code",
        "name",
        "hours",
        "theory_hours",
        "practice_hours",
        "credits",
        "semesters",
        "elective",
    ),
}
"""Fields shown first (in this order) where the printed layout differs from the model order."""

BOOL_LABELS: dict[str, tuple[str, str, str]] = {
    "elective": ("修读方式", "选修", "必修"),
}
"""Boolean fields shown as words: header, word for true, word for false (others: 是/否)."""

NO_INVENTED_CODES = frozenset({"specialty.career.industries", "specialty.career.occupations"})
"""Tables whose codes come from a national classification: a new row must give its code."""

DOC_COLUMN = {"course": "课程代码"}
"""Kinds of which a specialty has several documents: the column naming the document."""

KEY_PREFIX = "zhibiao:"
"""The header of the hidden key column is `zhibiao:<table id>`; its cells hold row keys."""
KEY_WIDTH = 4


@dataclass(frozen=True, slots=True)
class Column:
    """One field of the row model as a column."""

    field: str
    title: str
    form: Form
    required: bool
    sourced: bool = False
    choices: tuple[str, ...] = ()
    words: tuple[str, str] = ("是", "否")
    long: bool = False
    code: bool = False
    """Values are codes (a row's `code`, `Code` lists such as 支撑课程): written double-quoted."""

    @property
    def stripped(self) -> bool:
        """Codes and words lose surrounding spaces typed by hand; texts are kept exactly."""
        return bool(self.choices) or self.field in ("code", "ref", "type", "level", "unit")


@dataclass(frozen=True, slots=True)
class Table:
    """A list of models in a document of one kind."""

    id: str
    kind: str
    path: tuple[str, ...]
    """Field names from the document root (top-level table) or from the parent row."""
    model: type[BaseModel]
    sheet: str
    columns: tuple[Column, ...]
    parent: Table | None = None

    @property
    def coded(self) -> bool:
        """Rows carry a `code` (used to name the parent of rows in a child table)."""
        return "code" in self.model.model_fields

    @property
    def invents_codes(self) -> bool:
        """A new row with an empty code gets one by the scheme of its neighbours."""
        return self.coded and self.id not in NO_INVENTED_CODES

    def column(self, field: str) -> Column | None:
        """The column of a field, if the table shows it."""
        return next((c for c in self.columns if c.field == field), None)

    @property
    def key_header(self) -> str:
        """Header of the hidden key column, naming the table."""
        return f"{KEY_PREFIX}{self.id}"


def _unwrap(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [a for arg in typing.get_args(annotation) for a in _unwrap(arg)]
    return [annotation]


def _form(annotation: Any) -> tuple[Form, tuple[str, ...]] | None:
    """How a field of this type is shown in one cell; None for nested models."""
    kinds = [a for a in _unwrap(annotation) if a is not type(None)]
    if len(kinds) == 2 and kinds[0] is str and typing.get_origin(kinds[1]) is list:
        return "levels", ()  # one level or several (打勾表的一行)
    if len(kinds) != 1:
        return None
    kind = kinds[0]
    if typing.get_origin(kind) is Literal:
        return "text", tuple(str(v) for v in typing.get_args(kind))
    if typing.get_origin(kind) is list:
        (item,) = typing.get_args(kind)
        inner = [a for a in _unwrap(item) if a is not type(None)]
        if inner == [int]:
            return "ints", ()
        if inner == [str]:
            return "texts", ()
        if inner == [CompetencyRef]:
            return "refs", ()
        return None
    simple: dict[Any, Form] = {
        bool: "bool",
        int: "int",
        float: "float",
        str: "text",
        dt.date: "date",
    }
    form = simple.get(kind)
    return (form, ()) if form else None


def _is_code(annotation: Any) -> bool:
    """The annotation is (or holds) the model's `Code` type."""
    if typing.get_origin(annotation) is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        if any(
            isinstance(e, FieldInfo) and (e.description or "").startswith("稳定编码") for e in extra
        ):
            return True
        return _is_code(inner)
    return any(_is_code(arg) for arg in typing.get_args(annotation))


def _column(table_id: str, name: str, info: FieldInfo) -> Column | None:
    found = _form(info.annotation)
    if found is None:
        return None
    form, choices = found
    title = info.title or name
    words: tuple[str, str] = ("是", "否")
    if form == "bool" and name in BOOL_LABELS:
        title, yes, no = BOOL_LABELS[name]
        words = (yes, no)
    description = info.description or ""
    return Column(
        field=name,
        title=title,
        form=form,
        required=info.is_required(),
        sourced=any(m is SOURCED_LIST for m in info.metadata),
        choices=choices,
        words=words,
        long=form == "text" and "正文" in description,
        code=name == "code" or _is_code(info.annotation),
    )


def _table(
    kind: str, path: tuple[str, ...], info: FieldInfo, model: type[BaseModel], parent: Table | None
) -> Table:
    table_id = ".".join((parent.id if parent else kind, *path))
    order = list(model.model_fields)
    leading = [f for f in LEADING.get(table_id, ()) if f in order]
    order = leading + [f for f in order if f not in leading]
    columns = tuple(
        column
        for name in order
        if (column := _column(table_id, name, model.model_fields[name])) is not None
    )
    title = (info.title or path[-1]).lstrip("0123456789 ")
    return Table(
        table_id, kind, path, model, SHEET_NAMES.get(table_id, title)[:31], columns, parent
    )


def _walk(
    kind: str,
    model: type[BaseModel],
    prefix: tuple[str, ...],
    parent: Table | None,
    found: list[Table],
) -> None:
    for name, info in model.model_fields.items():
        if name == "meta":
            continue
        item = list_item_model(info.annotation)
        if item is not None and item is not CompetencyRef:
            table = _table(kind, (*prefix, name), info, item, parent)
            found.append(table)
            if table.coded:
                _walk(kind, item, (), table, found)
            continue
        nested = nested_model(info.annotation)
        if nested is not None and item is None:
            _walk(kind, nested, (*prefix, name), parent, found)


@cache
def tables() -> tuple[Table, ...]:
    """Every table of every kind but the competency list (its own sheet) and the schools'
    plans (not part of a specialty's workbook, like the other open-data exports), parents
    before their children."""
    found: list[Table] = []
    for kind, model in KINDS.items():
        if kind not in ("competencies", "plan"):
            _walk(kind, model, (), None, found)
    return tuple(found)
