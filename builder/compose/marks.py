"""Fields of the document tree: which YAML value each piece of text shows.

Composers wrap the text of a model value in a `builder.compose.doctree.Field` carrying its YAML
path (``courses[3].hours``); the editable Word copy marks it, every other output prints it
as text. Text that was one string before its parts were marked stays one run in the normal
document (`glued`), so marking changes no byte of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from builder.compose.doctree import Field, Inline, Link, Paragraph
from builder.compose.text import split_paragraphs
from builder.model.meta import joined, unit_list
from builder.model.sourced import is_excerpt, is_not_given


def glued(*parts: Inline) -> tuple[Inline, ...]:
    """`parts` printed as one run in the normal document (fields stay fields)."""
    out: list[Inline] = []
    for index, part in enumerate(parts):
        if index and isinstance(part, str):
            if isinstance(part, Field):
                part = Field(part, part.path, row=part.row, code=part.code, glued=True)
            else:
                part = Field(part, "", glued=True)
        out.append(part)
    return tuple(out)


def marked_paragraphs(text: str | None, path: str) -> list[Paragraph]:
    """The body paragraphs of a text field, each one marked with the field's path."""
    return [Paragraph((Field(p, path),)) for p in split_paragraphs(text)]


def as_field(run: Inline, path: str, *, row: str = "", code: str = "") -> Inline:
    """`run` (text or a link) showing the value at `path`; a link keeps its target."""
    if isinstance(run, Link):
        return Link(Field(run.text, path, row=row, code=code), run.target)
    return Field(run, path, row=row, code=code)


LIST_SEPARATOR = "、"
"""How a list of texts is printed in one run (起草单位, 主要岗位 …)."""


def value_field(value: str | None, path: str) -> str | None:
    """A text value at `path` as a field; None and "" stay as they are (nothing to mark)."""
    return Field(value, path) if value else value


def list_field(values: Sequence[str], path: str) -> str:
    """The texts of the list at `path` as one run "甲、乙、丙" that shows the whole list, so
    the drafter adds or removes an item by editing the run. Plain text when the run could
    not be split back into the same items (an item holding "、" or a line break, or blank)
    and for a list the source did not give in full (原文未列出, 节选: its state would be lost)."""
    shown = LIST_SEPARATOR.join(values)
    if not values or is_not_given(values) or is_excerpt(values):
        return shown
    if any(not v.strip() or v != v.strip() or LIST_SEPARATOR in v or "\n" in v for v in values):
        return shown
    return Field(shown, path)


def list_items(values: Sequence[str], path: str) -> tuple[str, ...]:
    """The items of the list at `path`, each a field ``path[i]`` when `list_field` would
    mark the list (an output printing them joined with 、 marks the run as the whole list,
    `builder.docx.frontfields.joined_run`); plain texts otherwise."""
    if not isinstance(list_field(values, path), Field):
        return tuple(str(v) for v in values)
    return tuple(Field(v, f"{path}[{i}]") for i, v in enumerate(values))


def units_field(value: str | list[str] | None, path: str) -> str | None:
    """The units of a role (提出单位 …), one text or a list, as `joined` prints them; a field
    when they read back as the same value."""
    units = unit_list(value)
    if not units:
        return None
    shown = joined(value)
    if isinstance(value, str):
        plain = LIST_SEPARATOR not in value and "\n" not in value and value == value.strip()
        return Field(value, path) if plain else shown
    return list_field(units, path)


def item_runs(values: Sequence[str], path: str) -> list[list[Inline]]:
    """The items of a list of texts at `path` (规范性引用文件 …), each the home of its item:
    deleting its paragraph deletes the item, copying it adds one."""
    return [[Field(v, f"{path}[{i}]", row=f"{path}[{i}]")] for i, v in enumerate(values)]
