"""Chinese titles and YAML paths of model fields, for messages that name a field."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from builder.base.diagnostics import DataPath


def yaml_path(path: DataPath) -> str:
    """`rooms[0].equipment[1].name` for ("rooms", 0, "equipment", 1, "name")."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def field_title(model: type[BaseModel], path: DataPath) -> str | None:
    """The title of the field `path` ends in (the innermost named field), None if unknown."""
    current: type[BaseModel] | None = model
    title: str | None = None
    for part in path:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return title
        info = current.model_fields[part]
        title = info.title or title
        current = inner_model(info.annotation)
    return title


def describe_field(model: type[BaseModel], path: DataPath) -> str:
    """「设备名称」（rooms[0].equipment[0].name）, or the YAML path alone when no title is known."""
    title = field_title(model, path)
    where = yaml_path(path)
    return f"「{title}」（{where}）" if title else f"「{where}」"


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside `list[X]`, `X | None`, `Annotated[X, …]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) is None:
        return None
    for arg in typing.get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None
