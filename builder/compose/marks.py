"""Fields of the document tree: which YAML value each piece of text shows.

Composers wrap the text of a model value in a `builder.compose.doctree.Field` carrying its YAML
path (``courses[3].hours``); the editable Word copy marks it, every other output prints it
as text. Text that was one string before its parts were marked stays one run in the normal
document (`glued`), so marking changes no byte of it.
"""

from __future__ import annotations

from builder.compose.doctree import Field, Inline, Link, Paragraph
from builder.compose.text import split_paragraphs


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
