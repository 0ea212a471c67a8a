"""The cover and 前言 lines of the editable copy (填写稿): metadata as content controls.

The cover page and the 前言 statements print the metadata (`doctree.CoverInfo`, whose
values are `doctree.Field`s with their YAML paths, `builder.compose.meta.cover`). In the
normal document a line is one run, as before; while the editable copy is rendered
(`builder.docx.marks.editing`) the fields of a line become content controls, so the title,
稿别, 版次, numbers, dates and the units and people of the 前言 come back through
`zhibiao import docx` like the body's values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from builder.compose.doctree import Field
from builder.docx.inline import add_inlines
from builder.docx.marks import editing, front_name
from builder.model.dates import chinese

Runs = tuple[str, ...]
"""A line in pieces: plain text and fields."""
SEPARATOR = "、"
_ITEM = re.compile(r"(.+)\[(\d+)\]")


def joined_run(items: Sequence[str], sep: str = SEPARATOR) -> str:
    """Items printed as one run "甲、乙"; a field showing the whole list when every item is a
    field of the same list in order (``meta.drafters[0]``, ``[1]`` …, see
    `builder.compose.marks.list_items`), so the drafter adds or removes items in the run."""
    shown = sep.join(items)
    base = ""
    for index, item in enumerate(items):
        found = _ITEM.fullmatch(item.path) if isinstance(item, Field) else None
        if found is None or int(found.group(2)) != index or (base and found.group(1) != base):
            return shown
        base = found.group(1)
    return Field(shown, base) if base else shown


def chinese_date(value: str) -> str:
    """A date as a sentence prints it, 2026年3月18日; still the date's field (it is read back
    in this form, `builder.drafting.values.decode`)."""
    shown = chinese(value)
    return Field(shown, value.path) if isinstance(value, Field) and value.path else shown


def add_line(document: Any, runs: Runs, style: str) -> Any:
    """A paragraph of `style` showing `runs`: one run in the normal document, the fields
    marked in the editable copy (a tab in the plain text becomes a tab stop's `w:tab`)."""
    if not editing() or not any(isinstance(r, Field) and r.path for r in runs):
        return document.add_paragraph("".join(runs), style)
    paragraph = document.add_paragraph(style=style)
    add_marked(paragraph, runs)
    return paragraph


def add_marked(paragraph: Any, runs: Runs) -> None:
    """Append `runs` to a cover or 前言 line of the editable copy, its bookmark named after
    its fields (`builder.docx.marks.front_name`)."""
    paths = [r.path for r in runs if isinstance(r, Field) and r.path]
    add_inlines(paragraph, tuple(r for r in runs if r), mark=front_name(paths))
    split_tabs(paragraph._p)


def split_tabs(p: Any) -> None:
    """Split the texts holding a tab character into text, `w:tab`, text."""
    for text in list(p.iter(qn("w:t"))):
        if "\t" not in (text.text or ""):
            continue
        parts = (text.text or "").split("\t")
        text.text = parts[0]
        anchor = text
        for part in parts[1:]:
            tab = OxmlElement("w:tab")
            anchor.addnext(tab)
            anchor = tab
            if part:
                rest = OxmlElement("w:t")
                rest.text = part
                rest.set(qn("xml:space"), "preserve")
                anchor.addnext(rest)
                anchor = rest
