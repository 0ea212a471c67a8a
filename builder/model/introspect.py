"""Reading the models' field annotations: the model inside `list[X]`, `X | None`, `Annotated`."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

__all__ = ["list_item_model", "nested_model"]


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
