"""Content controls of the editable Word copy (填写稿).

`zhibiao export docx --editable` renders while `editable()` is active: every `Field` of the
document tree becomes an inline content control (`w:sdt`, ECMA-376 §17.5.2) whose tag is
the YAML path of the value (``courses[3].hours``; ``…|row`` on the fields of an item's
home row) and whose title names the item by its code. Word and WPS show the controls as
light brackets; the text inside stays the drafter's to edit. `zhibiao import docx`
(`builder.drafting`) reads the tags back.

LibreOffice (7.4, and so a file that went through it) keeps no inline content control: it
saves their text as plain runs. So every paragraph that holds fields also gets a hidden
bookmark (`_Zb00001`, numbered in reading order), which LibreOffice, Word and WPS all keep;
the importer finds the paragraph by it and reads the fields from its text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from builder.compose.doctree import Field

ROW_SUFFIX = "|row"
"""Tag suffix of a field in the home row of its list item."""

BOOKMARK_PREFIX = "_Zb"
"""Name prefix of the paragraph bookmarks (hidden in Word: the name starts with "_")."""
FIRST_BOOKMARK_ID = 1_000_000
"""Bookmark ids of the marks start here, clear of the 目次 bookmarks' ids."""


META_ROOT = "meta."
"""Paths of the metadata: a paragraph showing only such values (a cover or 前言 line, the
征求意见 notice, a 参考文献 entry) is bookmarked by `front_name`."""
FIRST_FRONT_ID = 2_000_000
"""Bookmark ids of the cover and 前言 lines (`front_name`) start here."""


class _Marking:
    """Rendering state of the editable copy: paragraph bookmarks handed out."""

    def __init__(self) -> None:
        self.count = 0
        self.front: set[str] = set()


_EDITABLE: ContextVar[_Marking | None] = ContextVar("zhibiao_editable", default=None)


@contextmanager
def editable() -> Iterator[None]:
    """Render the editable copy inside this block."""
    token = _EDITABLE.set(_Marking())
    try:
        yield
    finally:
        _EDITABLE.reset(token)


def editing() -> bool:
    """True while the editable copy is being rendered."""
    return _EDITABLE.get() is not None


def bookmark_name(number: int) -> str:
    """The name of the `number`-th marked paragraph's bookmark."""
    return f"{BOOKMARK_PREFIX}{number:05d}"


def front_name(paths: list[str]) -> str:
    """The bookmark name of a cover or 前言 line showing the fields at `paths`: named after
    them (``_ZbF`` and a digest), not numbered, so a line that one copy prints and another
    does not (the 稿别 of a forced export, a date left out) moves no other mark."""
    digest = hashlib.sha256("\n".join(paths).encode("utf-8")).hexdigest()[:12]
    return f"{BOOKMARK_PREFIX}F{digest}"


def open_paragraph(p: Any, name: str = "") -> Any:
    """Start the bookmark of a marked paragraph `p` (numbered in reading order, or `name`
    for a line of the cover or 前言, `front_name`); returns its end mark, to append after
    the paragraph's runs."""
    state = _EDITABLE.get()
    assert state is not None
    if name:
        base, again = name, 1
        while name in state.front:  # the same fields on two lines: the second one's own name
            again += 1
            name = f"{base}_{again}"
        state.front.add(name)
        number = FIRST_FRONT_ID + len(state.front)
    else:
        state.count += 1
        number = FIRST_BOOKMARK_ID + state.count
        name = bookmark_name(state.count)
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    p.append(start)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    return end


def tag_of(field: Field) -> str:
    """The tag of a field's control: its YAML path, with `ROW_SUFFIX` in a home row."""
    return field.path + (ROW_SUFFIX if field.row else "")


def field_control(parent: Any, field: Field) -> Any:
    """Append a content control for `field` to `parent` (a `w:p`) and return the element
    its runs go into (`w:sdtContent`)."""
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    if field.code:
        alias = OxmlElement("w:alias")
        alias.set(qn("w:val"), field.code)
        pr.append(alias)
    tag = OxmlElement("w:tag")
    tag.set(qn("w:val"), tag_of(field))
    pr.append(tag)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    parent.append(sdt)
    return content
