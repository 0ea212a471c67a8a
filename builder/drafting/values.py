"""YAML paths of the working copy and the values typed into it.

A path is written as in the content controls: ``domains[0].tasks[1].competencies[2].text``.
`decode` reads the drafter's text as the type the model gives the field at that path, the
inverse of how the documents print it ("—" for a value not given, "1–4" or "3、4" for
semesters, 选修/必修 for `elective`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from builder.model.common import PartialDate
from builder.model.introspect import list_item_model, nested_model

Token = str | int
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
EMPTY = frozenset({"", "—", "-", "——", "/", "无"})
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_CN_DATE = re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?")
_ISO_DATE = re.compile(r"\d{4}(-\d{1,2}(-\d{1,2})?)?")
_RANGE = re.compile(r"(\d+)\s*[–—~～-]\s*(\d+)")


def tokens(path: str) -> tuple[Token, ...]:
    """``courses[3].hours`` → ("courses", 3, "hours")."""
    return tuple(int(index) if index else key for key, index in _TOKEN.findall(path))


def render_path(parts: tuple[Token, ...]) -> str:
    """The inverse of `tokens`."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def item_of(path: str) -> str:
    """The list item a field belongs to: ``courses[3].hours`` → ``courses[3]``."""
    end = path.rfind("]")
    return path[: end + 1] if end >= 0 else path


class NotReadable(ValueError):
    """The text cannot be read as the field's type; the message says what is expected."""


@dataclass(frozen=True, slots=True)
class Slot:
    """What the model says about the field at a path: its annotation and whether it may be
    left out (optional or with a default)."""

    annotation: Any
    optional: bool


def slot(model: type[BaseModel], parts: tuple[Token, ...]) -> Slot | None:
    """The field at `parts` in documents of `model`, None when the path is not in the model."""
    current: Any = model
    annotation: Any = None
    optional = False
    for part in parts:
        if isinstance(part, int):
            if annotation is None:
                return None
            item = list_item_model(annotation)
            if item is not None:
                current, annotation, optional = item, item, False
                continue
            inner = [a for a in _union(annotation) if typing.get_origin(a) is list]
            if not inner:
                return None
            (annotation,) = typing.get_args(inner[0]) or (str,)
            optional = False
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        annotation = typing.get_type_hints(current, include_extras=True)[part]
        optional = not info.is_required()
        current = nested_model(annotation) or annotation
    return Slot(annotation, optional)


def _union(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        return _union(typing.get_args(annotation)[0])
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_union(arg))
        return found
    return [annotation]


def decode(text: str, field: Slot) -> Any:
    """The value of `text` typed into the field; None for "not given" ("—" or empty). A date
    may be typed as the documents print it in sentences, 2026年3月18日."""
    if _is_date(field.annotation) and text.strip() not in EMPTY:
        found = _CN_DATE.fullmatch(text.strip())
        if found is not None:
            text = "-".join(
                part if i == 0 else part.zfill(2)
                for i, part in enumerate(found.groups())
                if part is not None
            )
        elif not _ISO_DATE.fullmatch(text.strip()):
            raise NotReadable("应为日期，如「2026-03-18」或「2026年3月18日」")
    try:
        return _decode(text, field)
    except (ValueError, OverflowError) as exc:  # NotReadable, or a number too long to read
        if isinstance(exc, NotReadable):
            raise
        raise NotReadable("数字过长") from None


def _is_date(annotation: Any) -> bool:
    """The annotation is a date (`PartialDate` or a day), or an optional one."""
    if annotation == PartialDate or annotation is dt.date:
        return True
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return any(_is_date(arg) for arg in typing.get_args(annotation))
    return False


def _decode(text: str, field: Slot) -> Any:
    shown = text.strip()
    kinds = [a for a in _union(field.annotation) if a is not type(None)]
    if shown in EMPTY and (field.optional or type(None) in _union(field.annotation)):
        return None
    for kind in kinds:
        if kind is bool:
            return _flag(shown)
        if typing.get_origin(kind) is Literal:
            return _choice(shown, typing.get_args(kind))
        if kind is int or kind is float:
            return _number(shown, kind)
        if typing.get_origin(kind) is list:
            (item,) = typing.get_args(kind) or (str,)
            if item is int:
                return _terms(shown)
            if _union(item) == [str]:
                return _names(shown, single=str in kinds)
    return _text(text)


def _text(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return "\n".join(lines)


def _flag(shown: str) -> bool:
    if shown in ("选修", "是", "true"):
        return True
    if shown in ("必修", "否", "false"):
        return False
    raise NotReadable("应为「选修」或「必修」")


def _choice(shown: str, choices: tuple[Any, ...]) -> str:
    for choice in choices:
        if shown == choice or shown == f"{choice}课程":
            return str(choice)
    raise NotReadable(f"应为{'、'.join(f'「{c}」' for c in choices)}之一")


def _number(shown: str, kind: type) -> int | float:
    found = _NUMBER.findall(shown.replace(",", "").replace("，", ""))
    if len(found) != 1:
        raise NotReadable("应为一个数字（未给出时填「—」）")
    value = float(found[0])
    if not math.isfinite(value):
        raise NotReadable("数字过长")
    if kind is int:
        if not value.is_integer():
            raise NotReadable("应为整数")
        return int(value)
    return int(value) if value.is_integer() else value


def _names(shown: str, *, single: bool) -> list[str] | str:
    """A list of texts typed as one run, "甲单位、乙单位" (how the 前言 and the 职业面向 table
    print it); a field that may also hold one text (a unit) gets a text for one item."""
    names = [n.strip() for n in re.split(r"[、\n]", shown) if n.strip()]
    if single and len(names) == 1:
        return names[0]
    return names


def _terms(shown: str) -> list[int]:
    if shown in EMPTY:
        return []
    terms: list[int] = []
    rest = shown
    for start, end in _RANGE.findall(shown):
        if int(end) < int(start) or int(end) - int(start) > 20:
            raise NotReadable("学期范围应从小到大，如「1–4」")
        terms.extend(range(int(start), int(end) + 1))
    rest = _RANGE.sub(" ", shown)
    terms.extend(int(n) for n in re.findall(r"\d+", rest))
    if not terms:
        raise NotReadable("应为学期序号，如「3」「3、4」或「1–4」")
    return sorted(set(terms))
