"""What an import found: edits, removed and added items, problems; and the model facts
the reader needs about lists (their titles, the next code of a list)."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from builder.base.diagnostics import Diagnostic, Severity
from builder.base.rules import Rule
from builder.drafting.values import Token
from builder.model.introspect import list_item_model, nested_model

_CODED = re.compile(r"^(.*?)(\d+)$")


@dataclass(slots=True)
class Problem:
    """A diagnostic located in the returned file (`element`: the paragraph to comment on)."""

    rule: Rule
    message: str
    where: str
    element: Any = None
    hint: str | None = None


def any_error(problems: Iterable[Problem]) -> bool:
    """Whether any of the problems is an error."""
    return any(p.rule.severity == Severity.ERROR for p in problems)


def located(problems: Iterable[Problem], shown: str) -> list[Diagnostic]:
    """The problems as diagnostics whose file is ``FILE:表3:行5:列2`` (or ``FILE:段12``)."""
    return [
        Diagnostic(
            code=p.rule.code,
            severity=p.rule.severity,
            message=p.message,
            file=f"{shown}:{p.where}" if p.where else shown,
            hint=p.hint,
        )
        for p in problems
    ]


@dataclass(slots=True)
class Addition:
    """A new list item: inserted after item `after` of the list at `into` (-1: first)."""

    into: tuple[Token, ...]
    after: int
    value: Any
    where: str
    element: Any


@dataclass(slots=True)
class Changes:
    """Everything the returned file changes, and the problems found reading it."""

    edits: dict[tuple[Token, ...], Any] = field(default_factory=dict)
    removals: list[tuple[Token, ...]] = field(default_factory=list)
    additions: list[Addition] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    places: dict[str, tuple[str, Any]] = field(default_factory=dict)
    """Where each field path was read (for locating later problems)."""

    def empty(self) -> bool:
        return not (self.edits or self.removals or self.additions)


def get(data: Any, parts: tuple[Token, ...]) -> Any:
    """The value at `parts` in plain data, None when absent."""
    current = data
    for part in parts:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            return None
    return current


def list_title(model: type[BaseModel], parts: tuple[Token, ...]) -> str:
    """The model's title of the last named field on `parts` (the list an item is in)."""
    names = [p for p in parts if isinstance(p, str)]
    current: Any = model
    title = names[-1] if names else ""
    for name in names:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            break
        info = current.model_fields.get(name)
        if info is None:
            break
        title = info.title or name
        current = list_item_model(info.annotation) or nested_model(info.annotation)
    return title


def is_choice(model: type[BaseModel], name: str) -> bool:
    """True when the field `name` of `model` takes one of fixed words (a Literal)."""
    annotation = model.model_fields[name].annotation
    return typing.get_origin(annotation) is typing.Literal


def next_code(template_code: str, codes: list[str]) -> str | None:
    """The next code after the siblings': ``1-2-3`` → ``1-2-4``, ``ZH05`` → ``ZH06`` (the
    highest number among the codes with the same prefix, plus one, as wide as written)."""
    found = _CODED.match(template_code)
    if found is None:
        return None
    prefix, digits = found.group(1), found.group(2)
    numbers = [int(m.group(2)) for c in codes if (m := _CODED.match(c)) and m.group(1) == prefix]
    return f"{prefix}{str(max(numbers, default=0) + 1).zfill(len(digits))}"
