"""Model-driven normalisation of a round-trip YAML tree: key order and quoted codes."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarint import ScalarInt
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from builder.base.diagnostics import DataPath
from builder.model.common import Code
from builder.model.introspect import list_item_model, nested_model
from builder.yamlfmt.comments import reorder


@dataclass(frozen=True, slots=True)
class LostDigits:
    """A code written as a bare number whose text cannot be recovered safely (060103)."""

    path: DataPath
    written: str


@dataclass(frozen=True, slots=True)
class Quoted:
    """A bare integer turned into the quoted text of its digits (`101` → `"101"`): the one
    change of meaning fmt makes on purpose (`builder.yamlfmt.meaning`)."""

    path: DataPath


Change = LostDigits | Quoted


def _is_code(annotation: Any) -> bool:
    return bool(annotation == Code)


def _is_text(annotation: Any) -> bool:
    """`str`, `Code` or `str | None`: fields whose numbers must be quoted."""
    if annotation is str or _is_code(annotation):
        return True
    args = typing.get_args(annotation)
    return bool(args) and type(None) in args and any(a is str or _is_code(a) for a in args)


def _is_code_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is not list:
        return False
    (item,) = typing.get_args(annotation)
    return _is_code(item)


def _hints(model: type[BaseModel]) -> dict[str, Any]:
    return typing.get_type_hints(model, include_extras=True)


def normalise(node: Any, model: type[BaseModel], path: DataPath = ()) -> Iterator[Change]:
    """Reorder keys of `node` as in `model` (recursively) and quote codes in place.

    Yields the places where a code was written as a number with leading zeros (or in
    another notation) that cannot be turned back into the intended text, and the places
    where a bare integer was quoted.
    """
    if not isinstance(node, CommentedMap):
        return
    fields = list(model.model_fields)
    known = [k for k in fields if k in node]
    unknown = [k for k in node if k not in model.model_fields]
    reorder(node, known + unknown)
    hints = _hints(model)
    for name in known:
        hint = hints[name]
        value = node[name]
        here = (*path, name)
        if _is_text(hint):
            yield from _quote(node, name, here, code=_is_code(hint) or _is_code_in(hint))
        elif _is_code_list(hint) and isinstance(value, CommentedSeq):
            for i in range(len(value)):
                yield from _quote(value, i, (*here, i), code=True)
        elif (item := list_item_model(hint)) is not None and isinstance(value, CommentedSeq):
            for i, child in enumerate(value):
                yield from normalise(child, item, (*here, i))
        elif (inner := nested_model(hint)) is not None:
            yield from normalise(value, inner, here)


def _is_code_in(annotation: Any) -> bool:
    return any(_is_code(a) for a in typing.get_args(annotation))


def _quote(container: Any, key: Any, path: DataPath, *, code: bool) -> Iterator[Change]:
    value = container[key]
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        digits = str(value)
        width = getattr(value, "_width", None) if isinstance(value, ScalarInt) else None
        exact = type(value) in (int, ScalarInt) and (width is None or width == len(digits))
        if not exact:
            yield LostDigits(path, _written(value))
            return
        _set_quoted(container, key, digits, len(digits) - len(_written(value)) + 2)
        yield Quoted(path)
    elif isinstance(value, float):
        yield LostDigits(path, _written(value))
    elif (
        code
        and isinstance(value, str)
        and "\n" not in value
        and not isinstance(value, DoubleQuotedScalarString)
    ):
        grow = 0 if isinstance(value, SingleQuotedScalarString) else 2
        _set_quoted(container, key, str(value), grow)


def _set_quoted(container: Any, key: Any, text: str, grow: int) -> None:
    """Replace a scalar by a double-quoted string; an end-of-line comment after it keeps its
    distance (the quotes make the value `grow` characters longer)."""
    container[key] = DoubleQuotedScalarString(text)
    entry = container.ca.items.get(key) if hasattr(container, "ca") else None
    slot = 0 if isinstance(container, CommentedSeq) else 2
    token = entry[slot] if entry else None
    if token is not None and grow and not str(token.value).startswith("\n"):
        token.start_mark.column += grow


def _written(value: Any) -> str:
    if isinstance(value, ScalarInt):
        width = getattr(value, "_width", None) or 0
        return str(int(value)).zfill(width)
    if isinstance(value, ScalarFloat):
        return str(float(value))
    return str(value)
