"""Renderer-neutral document tree of one standard.

`builder.compose` turns a model document into a `DocTree` with pure functions; the
site renderer turns it into Markdown and the Word exporter into .docx, so both outputs
share numbering, headings, tables and anchors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Link:
    """Inline text that links to another place.

    `target` is a site-relative page path plus optional fragment, e.g.
    ``510209/competencies.md#c-1-2-3``; ``#c-1-2-3`` stays on the same page.
    The docx exporter prints the text only.
    """

    text: str
    target: str


class Field(str):
    """Plain text that shows one value of the source YAML, e.g. a course's hours.

    It is a `str` (every output that does not care prints it as text, unchanged); the
    editable Word copy (`zhibiao export docx --editable`) wraps it in a content control
    whose tag is `path` (``courses[3].hours``), so `zhibiao import docx` can read the
    value back. `row` is set on the fields of the table row that is the home of a list
    item (``courses[3]``): deleting that row deletes the item, copying it adds one.
    `code` names the item for the drafter (shown as the control's title). A `glued` field
    continues the run before it: the normal document prints them as one run, as it did
    when they were one string (`builder.compose.marks.glued`)."""

    __slots__ = ("code", "glued", "path", "row")
    path: str
    row: str
    code: str
    glued: bool

    def __new__(
        cls, text: str, path: str, *, row: str = "", code: str = "", glued: bool = False
    ) -> Field:
        made = super().__new__(cls, text)
        made.path = path
        made.row = row
        made.code = code
        made.glued = glued
        return made

    def __reduce__(self) -> tuple[object, ...]:
        return (_field, (str(self), self.path, self.row, self.code, self.glued))


def _field(text: str, path: str, row: str, code: str, glued: bool) -> Field:
    return Field(text, path, row=row, code=code, glued=glued)


Inline = str | Link
"""A run of plain text (a `Field` when it shows one YAML value) or a link."""


def merged(content: tuple[Inline, ...] | list[Inline]) -> list[Inline]:
    """The runs as outputs that do not mark fields print them: a glued `Field` joined to the
    run before it, as the text was one string before its parts were marked."""
    out: list[Inline] = []
    for item in content:
        if isinstance(item, Field) and item.glued and out and isinstance(out[-1], str):
            out[-1] = str(out[-1]) + item
            continue
        out.append(item)
    return out


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: `number` is literal text such as "4", "4.1" or "（一）".

    Numbers are given once, by compose (`builder.compose.outline`); an unnumbered element
    that an output places specially is known by its anchor (`PREFACE`, `REFERENCES`),
    never by its text."""

    level: int
    title: str
    number: str = ""
    anchor: str = ""


PREFACE = "preface"
"""Anchor of the unnumbered 前言 heading: its blocks are the front matter."""
REFERENCES = "references"
"""Anchor of the unnumbered 参考文献 heading: it closes the document."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph made of inline runs."""

    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A list; `ordered` lists are numbered 1) 2) … in docx and 1. 2. … on the site."""

    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell; `anchor` gives the cell an id on the site (e.g. one per competency)."""

    content: tuple[Inline, ...]
    anchor: str = ""
    bold: bool = False


def text_cells(*texts: str) -> tuple[Cell, ...]:
    """A table row of plain-text cells."""
    return tuple(Cell((text,)) for text in texts)


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row (repeated on every page in docx).

    `widths` are relative column widths (any positive numbers; they are scaled to the
    text block). `caption` is the full caption text, e.g. "表1 职业面向". `searchable` is
    False for bulky reference tables (matrix, plan, equipment, competency analysis) that a
    site search index should leave out; the caption stays searchable.
    """

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    anchor: str = ""
    total_row: bool = False
    searchable: bool = True


@dataclass(frozen=True, slots=True)
class Notice:
    """A highlighted remark, e.g. the 征求意见稿 banner or a replacement pointer."""

    kind: Literal["draft", "retired", "note"]
    text: tuple[Inline, ...]


Block = Heading | Paragraph | ListBlock | Table | Notice


@dataclass(frozen=True, slots=True)
class CoverInfo:
    """What a GB/T 1.1 cover and a 公文 head show."""

    title: str
    kind_title: str
    standard_no: str | None
    doc_no: str | None
    issuer: str | None
    status: str
    version: str
    issued_on: str | None
    effective_on: str | None
    replaces: tuple[str, ...] = ()
    drafting_units: tuple[str, ...] = ()
    drafters: tuple[str, ...] = ()
    proposed_by: str | None = None
    administered_by: str | None = None
    compiled_on: str | None = None
    published_by: str | None = None
    """The notice that published the document, as one sentence (公布通知)."""
    patent_statement: str | None = None
    issuers: tuple[str, ...] = ()
    """Every issuing body (联合发布), lead first; `issuer` is them joined with 、."""
    guided_by: str | None = None
    led_by: str | None = None
    copy_to: tuple[str, ...] = ()
    """抄送机关 of the 版记 (公文 format)."""
    printed_by: str | None = None
    printed_on: str | None = None
    source_url: str | None = None


@dataclass(frozen=True, slots=True)
class DocTree:
    """One standard document ready to render.

    `doc_id` is stable across builds (e.g. ``510209/course/ZY03``); `page` is the
    site-relative Markdown path of the document page.
    """

    doc_id: str
    kind: str
    page: str
    cover: CoverInfo
    blocks: tuple[Block, ...] = field(default_factory=tuple)
