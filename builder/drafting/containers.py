"""Paragraphs grouped the way a working copy is edited: a table row, or a body paragraph.

A container is found again in the returned file by the bookmarks of its paragraphs (they
survive Word, WPS and LibreOffice); its fields are read from its text with the layout the
reference rendering gives it (`template`), so text typed next to a content control, or a
file whose controls LibreOffice dropped, reads the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder.docx.marks import BOOKMARK_PREFIX, ROW_SUFFIX
from builder.drafting.values import item_of
from builder.drafting.wordread import Para

MAX_SPLIT = 20_000
"""Longest cell text that is split into several fields by pattern (lazy patterns of a few
fields cost up to quadratic time in the text's length)."""
FRONT_PREFIX = BOOKMARK_PREFIX + "F"
"""Bookmark names of the cover and 前言 lines (`builder.docx.marks.front_name`)."""
Piece = tuple[str, str | None]
"""A piece of a cell's layout: (text, None) for fixed text, (text, path) for a field."""


@dataclass(slots=True)
class Container:
    """A table row (`table` > 0) or a body paragraph, with its paragraphs by column."""

    key: tuple[int, int]
    paras: list[Para] = field(default_factory=list)

    @property
    def table(self) -> int:
        return self.key[0]

    @property
    def first(self) -> Para:
        return self.paras[0]

    @property
    def where(self) -> str:
        head = self.first
        return head.where.rsplit(":列", 1)[0] if head.table else head.where

    def bookmarks(self) -> list[str]:
        return [name for p in self.paras for name in p.bookmarks]

    def columns(self) -> dict[int, list[Para]]:
        out: dict[int, list[Para]] = {}
        for para in self.paras:
            out.setdefault(para.column, []).append(para)
        return out

    def homes(self) -> list[str]:
        """The list items this container is the home of (fields tagged ``…|row``)."""
        found: list[str] = []
        for para in self.paras:
            for tag in para.tags:
                if tag.endswith(ROW_SUFFIX):
                    item = item_of(tag.removesuffix(ROW_SUFFIX))
                    if item not in found:
                        found.append(item)
        return found

    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)


def is_front(container: Container) -> bool:
    """A line of the cover or 前言 (its bookmark is named after its fields, `front_name`)."""
    return any(name.startswith(FRONT_PREFIX) for name in container.bookmarks())


def group(paras: list[Para]) -> list[Container]:
    """Containers in reading order: one per table row, one per body paragraph."""
    out: list[Container] = []
    by_key: dict[tuple[int, int], Container] = {}
    body = 0
    for para in paras:
        if para.table:
            key = (para.table, para.row)
        else:
            body += 1
            key = (0, body)
        if key not in by_key:
            by_key[key] = Container(key)
            out.append(by_key[key])
        by_key[key].paras.append(para)
    return out


def template(paras: list[Para]) -> list[Piece]:
    """The layout of a cell of the reference rendering: fixed text and fields."""
    pieces: list[Piece] = []
    for index, para in enumerate(paras):
        if index:
            pieces.append(("\n", None))
        for text, tag in para.segments:
            pieces.append((text, tag.removesuffix(ROW_SUFFIX) if tag else None))
    return pieces


def fields_of(pieces: list[Piece]) -> list[tuple[str, str]]:
    """(path, text) of the fields in a layout."""
    return [(tag, text) for text, tag in pieces if tag is not None]


def separable(pieces: list[Piece]) -> bool:
    """True when fixed text stands between every two fields of a layout (so the fields can
    be told apart in plain text); composers lay fields out so."""
    previous = None
    for _, tag in pieces:
        if tag is not None and previous is not None:
            return False
        previous = tag
    return True


def read_cell(pieces: list[Piece], paras: list[Para]) -> list[tuple[str, str]] | None:
    """(path, text) of each field of `pieces` in the returned cell `paras`; None when the
    cell no longer has the layout (its fixed text was changed)."""
    wanted = [tag for _, tag in pieces if tag is not None]
    if not wanted:
        return []
    got = template(paras)
    fixed = [text for text, tag in pieces if tag is None]
    if [t for _, t in got if t is not None] == wanted and [
        text for text, tag in got if tag is None
    ] == fixed:
        return [(tag, text) for text, tag in got if tag is not None]
    whole = "".join(text for text, _ in got)
    if whole == "".join(text for text, _ in pieces):
        return fields_of(pieces)  # unchanged text: the reference's own split
    if len(wanted) > 1 and len(whole) > MAX_SPLIT:
        return None  # not split by pattern: a hostile cell must not cost quadratic time
    found: list[tuple[str, ...]] = []
    for pattern in _patterns(pieces):
        match = re.fullmatch(pattern, whole, re.DOTALL)
        if match is not None and match.groups() not in found:
            found.append(match.groups())
    if not found:
        return None
    before = [text for _, text in fields_of(pieces)]
    kept = [sum(a == b for a, b in zip(parse, before, strict=True)) for parse in found]
    best = [parse for parse, score in zip(found, kept, strict=True) if score == max(kept)]
    if len(best) > 1:
        return None  # the fixed text also occurs inside a field: no safe way to split
    return list(zip(wanted, best[0], strict=True))


def _patterns(pieces: list[Piece]) -> list[str]:
    """Regular expressions for a layout, every way of matching its fields (each field but
    the last lazy or greedy), so a field that contains the fixed text is still found."""
    fields = [i for i, (_, tag) in enumerate(pieces) if tag is not None]
    out: list[str] = []
    for choice in range(2 ** (len(fields) - 1)):
        pattern = ""
        for index, (text, tag) in enumerate(pieces):
            if tag is None:
                pattern += re.escape(text)
            elif index == fields[-1]:
                pattern += "(.*)"
            else:
                greedy = choice >> fields.index(index) & 1
                pattern += "(.*)" if greedy else "(.*?)"
        out.append(pattern)
    return out
