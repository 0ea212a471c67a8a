"""Block collector that numbers headings and tables literally as the document style requires."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from builder.compose.doctree import Block, Cell, Heading, Inline, Link, ListBlock, Paragraph, Table
from builder.compose.text import gongwen_number
from builder.model.sourced import EXCERPT_LABEL, NOT_LISTED_LABEL, is_excerpt, is_not_given
from builder.view.anchors import ascii_id

Style = Literal["gbt", "gongwen"]


class Outline:
    """Appends blocks in reading order.

    ``gbt`` numbers clauses "5", "5.1", "5.1.1" (GB/T 1.1); ``gongwen`` numbers headings
    "一、", "（一）", "1.", "（1）" (GB/T 9704). Tables are numbered 表1, 表2, … in both.
    """

    def __init__(self, style: Style) -> None:
        self.style = style
        self.blocks: list[Block] = []
        self._counters = [0, 0, 0, 0]
        self._tables = 0

    def heading(self, level: int, title: str, anchor: str = "", *, number: str = "") -> str:
        """Add a numbered heading (levels 1–4) and return its number.

        `number` is a clause number the source gives ("4.6"): it is printed as written and
        the following headings count on from it (4.7 …), so a transcription keeps 4.1, 4.6."""
        given = clause_parts(number) if self.style == "gbt" else None
        if given is not None and len(given) == level:
            self._counters[:level] = given
        else:
            self._counters[level - 1] += 1
        for deeper in range(level, len(self._counters)):
            self._counters[deeper] = 0
        parts = self._counters[:level]
        if self.style == "gbt":
            number = ".".join(str(n) for n in parts)
        else:
            number = gongwen_number(level, parts[-1])
        default = "sec-" + "-".join(ascii_id(str(n)) for n in parts)
        self.blocks.append(Heading(level, title, number, anchor or default))
        return number

    def unnumbered(self, level: int, title: str, anchor: str) -> None:
        """Add a heading without a number (前言, 参考文献 …); numbering is not affected."""
        self.blocks.append(Heading(level, title, "", anchor))

    def text(self, *content: Inline) -> None:
        """Add one paragraph made of inline runs."""
        if content:
            self.blocks.append(Paragraph(tuple(content)))

    def paragraphs(self, items: Iterable[Paragraph]) -> None:
        """Add ready-made paragraphs."""
        self.blocks.extend(items)

    def items(self, entries: Iterable[Sequence[Inline]], *, ordered: bool = False) -> None:
        """Add a list (skipped when empty)."""
        rows = tuple(tuple(e) for e in entries)
        if rows:
            self.blocks.append(ListBlock(rows, ordered))

    def listed(
        self,
        source: Sequence[object],
        entries: Iterable[Sequence[Inline]],
        *,
        ordered: bool = False,
    ) -> None:
        """A list as the source gives it: "（原文未列出）" for a list marked 原文未给出, the
        items followed by "（节选）" for an excerpt, the items alone otherwise."""
        if is_not_given(source):
            self.text(NOT_LISTED_LABEL)
            return
        self.items(entries, ordered=ordered)
        if is_excerpt(source):
            self.text(EXCERPT_LABEL)

    def table(
        self,
        title: str,
        header: Sequence[str],
        rows: Iterable[Sequence[Cell]],
        widths: Sequence[float],
        *,
        anchor: str = "",
        total_row: bool = False,
        searchable: bool = True,
    ) -> Table:
        """Add a numbered table; the caption reads "表N 标题"."""
        self._tables += 1
        table = Table(
            caption=f"表{self._tables} {title}",
            header=tuple(header),
            rows=tuple(tuple(r) for r in rows),
            widths=tuple(float(w) for w in widths),
            anchor=anchor or f"tbl-{self._tables}",
            total_row=total_row,
            searchable=searchable,
        )
        self.blocks.append(table)
        return table

    def add(self, *blocks: Block) -> None:
        """Add blocks as they are."""
        self.blocks.extend(blocks)


def clause_parts(number: str) -> list[int] | None:
    """ "4.6" → [4, 6]; None for anything that is not a dotted clause number."""
    parts = number.split(".")
    if not number or not all(p.isascii() and p.isdigit() and len(p) <= 3 for p in parts):
        return None
    return [int(p) for p in parts]


def listing(source: Sequence[object], shown: str, empty: str = "—") -> str:
    """A list in one table cell: "（原文未列出）", the items with "（节选）", or `empty`."""
    if is_not_given(source):
        return NOT_LISTED_LABEL
    if not shown:
        return empty
    return shown + (EXCERPT_LABEL if is_excerpt(source) else "")


def cell(*content: Inline, anchor: str = "", bold: bool = False) -> Cell:
    """A table cell from inline runs (empty strings are dropped)."""
    return Cell(tuple(c for c in content if c != ""), anchor, bold)


def joined(parts: Sequence[Inline], sep: str = "、") -> tuple[Inline, ...]:
    """Inline runs separated by `sep`: [a, b] → (a, "、", b)."""
    out: list[Inline] = []
    for i, part in enumerate(parts):
        if i:
            out.append(sep)
        out.append(part)
    return tuple(out)


EMPTY_CELL = frozenset({"", "—"})


def cell_text(item: Cell) -> str:
    """Plain text of a cell."""
    return "".join(run.text if isinstance(run, Link) else run for run in item.content)


def without_empty(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    optional: Sequence[str],
) -> tuple[list[str], list[list[Cell]], list[float]]:
    """Drop the `optional` columns (by header) that say nothing ("" or "—") in every row.

    Keeps a table of real standards from carrying a column of dashes when the source gives
    no 类别, 面积, 对应课程 …, while the columns stay fixed whenever any row has a value.
    """
    keep = [
        i
        for i, title in enumerate(header)
        if title not in optional
        or any(i < len(row) and cell_text(row[i]).strip() not in EMPTY_CELL for row in rows)
    ]
    return (
        [header[i] for i in keep],
        [[row[i] for i in keep if i < len(row)] for row in rows],
        [widths[i] for i in keep],
    )
