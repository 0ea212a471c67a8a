"""Hypothesis strategies that generate standards documents from the pydantic models themselves.

`document(kind, specialty)` walks the model's fields (`model_fields`, their annotations and
constraints) and draws plain YAML-ready data: every optional field may be absent, every list
may be empty where the model allows it, strings come from a small Chinese/ASCII alphabet,
codes from a few shapes (some shared across documents, so references sometimes resolve) and
dates as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. New fields of the model are covered without
touching this file; a field type the walker does not know fails loudly.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from typing import Any, Literal, Union

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from builder.model import KINDS, Follows
from builder.model.sourced import EXCERPT_KEY, NOT_GIVEN, SOURCED_LIST

WORDS = st.sampled_from(
    [
        "网络",
        "数据",
        "安全",
        "课程",
        "实训",
        "要求",
        "能力",
        "学习",
        "《数据》",
        "A&B",
        "x_y",
        "1.2",
    ]
)
TEXT = st.lists(WORDS, min_size=1, max_size=4).map("".join)
CODES = st.sampled_from(
    ["1", "1-1", "1-1-1", "2-1-1", "M1", "M1-1", "ZH01", "ZH02", "4.1", "4.6", "4.²", "４.1"]
)
LEVELS = st.sampled_from(["了解", "理解", "掌握", "运用"])
PARTIAL_DATES = st.one_of(
    st.integers(1990, 2030).map(str),
    st.tuples(st.integers(1990, 2030), st.integers(1, 12)).map(lambda p: f"{p[0]}-{p[1]:02d}"),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat),
)
DATES = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))


def _constraints(info: FieldInfo | None, extra: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in [*(info.metadata if info else []), *extra]:
        for kind, key in ((Ge, "ge"), (Gt, "gt"), (Le, "le"), (Lt, "lt")):
            if isinstance(item, kind):
                found[key] = getattr(item, key)
        if isinstance(item, MinLen):
            found["min_length"] = item.min_length
        if isinstance(item, MaxLen):
            found["max_length"] = item.max_length
        if isinstance(item, FieldInfo):
            found.update(_constraints(item, []))
        pattern = getattr(item, "pattern", None)
        if isinstance(pattern, str):
            found["pattern"] = pattern
    return found


def _number(kind: type, limits: dict[str, Any]) -> st.SearchStrategy[Any]:
    low = limits.get("ge", limits.get("gt", 0))
    high = limits.get("le", limits.get("lt", 5000))
    if kind is int:
        low = int(low) + (1 if "gt" in limits else 0)
        return st.integers(int(low), min(int(high), max(int(low), 5000)))
    values = st.floats(float(low), float(min(high, 5000)), allow_nan=False, allow_infinity=False)
    rounded = values.map(lambda v: round(v, 1))
    return rounded.filter(lambda v: v > low) if "gt" in limits else rounded


def value(annotation: Any, name: str, info: FieldInfo | None = None) -> st.SearchStrategy[Any]:
    """Data for one field of a model (plain YAML values, never model instances)."""
    extra: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *more = typing.get_args(annotation)
        extra.extend(more)
    limits = _constraints(info, extra)
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return st.one_of(*(value(a, name, info) for a in options))
    if origin is Literal:
        return st.sampled_from(typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        items = st.lists(
            value(item, name), min_size=limits.get("min_length", 0), max_size=3, unique_by=str
        )
        if SOURCED_LIST not in extra:
            return items
        return st.one_of(items, st.just(NOT_GIVEN), items.map(lambda v: {EXCERPT_KEY: v}))
    if origin is dict:
        key, item = typing.get_args(annotation)
        return st.dictionaries(value(key, name), value(item, name), max_size=3)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_data(annotation)
    if annotation is bool:
        return st.booleans()
    if annotation in (int, float):
        if name in {"semesters"}:
            return st.integers(1, 8)
        return _number(annotation, limits)
    if annotation is dt.date:
        return DATES.map(dt.date.isoformat)
    if annotation is str:
        if "pattern" in limits and r"\d{4}" in limits["pattern"]:
            return PARTIAL_DATES
        if "pattern" in limits:
            return st.from_regex(re.compile(limits["pattern"]), fullmatch=True)
        if name == "level":
            return LEVELS
        if name in {"ref", "prerequisites", "followups", "courses", "competencies", "course"}:
            return CODES
        if name.endswith("code") or name == "code":
            return CODES
        if limits.get("min_length") == 1 and "max_length" not in limits:
            return st.one_of(TEXT, st.just(NOT_GIVEN))
        return TEXT
    raise TypeError(f"no strategy for {name}: {annotation!r}")


@st.composite
def model_data(draw: st.DrawFn, model: type[BaseModel], **fixed: Any) -> dict[str, Any]:
    """One mapping valid for `model`'s field types; optional fields are absent at random."""
    hints = typing.get_type_hints(model, include_extras=True)
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in fixed:
            given = fixed[name]
            data[name] = draw(given) if isinstance(given, st.SearchStrategy) else given
            continue
        if not info.is_required() and not draw(st.booleans()):
            continue
        data[info.alias or name] = draw(value(hints[name], name, info))
    return data


def document(kind: str, specialty: str) -> st.SearchStrategy[dict[str, Any]]:
    """A whole document of `kind` for `specialty` (the key that groups it: `code`/`specialty`)."""
    model = KINDS[kind]
    if kind == "plan":  # a school plan belongs to the specialty whose standard it follows
        follows = model_data(Follows, code=specialty)
        return model_data(model, kind=kind, follows=follows)
    if kind == "course":  # a specialty's own standard (`specialty`), never also shared
        return model_data(model, kind=kind, specialty=specialty, applies_to=None)
    key = "code" if kind == "specialty" else "specialty"
    return model_data(model, kind=kind, **{key: specialty})
