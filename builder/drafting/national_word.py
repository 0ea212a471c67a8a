"""A Word file that Zhibiao did not write, read as blocks: paragraphs and tables.

The file is read by `wordread.read_word` (measured first, no entities, tracked changes
accepted). Paragraphs keep their place (段12, counting body paragraphs outside tables); a
table becomes a grid of cells on Word's column grid: a cell spanning columns (`gridSpan`)
fills each column it covers, a cell continuing a vertical merge (`vMerge`) repeats the text
of the cell it continues, so a merged 课程类别 column reads as if typed in every row. Every
cell keeps its place as the drafter sees it (表3:行5:列2, columns counted as cells in the row).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.drafting.wordread import Para, W, WordFile, read_word
from builder.project.archive import inspect_office

HINT = "请给出 .docx 格式的专业教学标准（.doc、PDF 请先用 Word、WPS 或 LibreOffice 另存为 .docx）。"


@dataclass(slots=True)
class Cell:
    """One grid position of a table row."""

    text: str
    where: str
    spanned: bool = False
    """True for the second and later grid columns of a cell spanning several."""
    continued: bool = False
    """True for a cell that continues a vertical merge (its text is the merged cell's)."""


@dataclass(slots=True)
class Table:
    """A table: its number in the file (表N) and its rows on the column grid."""

    number: int
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"表{self.number}"


@dataclass(slots=True)
class Paragraph:
    """A body paragraph outside tables."""

    text: str
    where: str
    numbered: bool = False
    """True when Word numbers it automatically (`w:numPr`), so its number is not in the text."""


Block = Paragraph | Table


def read_blocks(path: Path) -> tuple[list[Block], str]:
    """The file's blocks in reading order and its whole text (for the report's checks)."""
    inspect_office(path, "无法读取 Word 文件", HINT)  # worded for a published standard
    word = read_word(path)
    return blocks_of(word), "\n".join(p.text for p in word.paragraphs)


def blocks_of(word: WordFile) -> list[Block]:
    """Group the located paragraphs of `word` into paragraphs and tables."""
    out: list[Block] = []
    cells: dict[tuple[int, int, int], list[Para]] = {}
    current: int | None = None
    for para in word.paragraphs:
        if para.removed:
            continue
        if para.table == 0:
            if current is not None:
                out.append(_table(current, cells))
                current, cells = None, {}
            out.append(Paragraph(para.text.strip(), para.where, _numbered(para.element)))
            continue
        if current is not None and para.table != current:
            out.append(_table(current, cells))
            cells = {}
        current = para.table
        cells.setdefault((para.row, para.column, 0), []).append(para)
    if current is not None:
        out.append(_table(current, cells))
    return out


def _numbered(element: Any) -> bool:
    return element is not None and element.find(f"{W}pPr/{W}numPr") is not None


def _cell_element(para: Para) -> Any:
    node = para.element
    while node is not None and node.tag != f"{W}tc":
        node = node.getparent()
    return node


def _table(number: int, cells: dict[tuple[int, int, int], list[Para]]) -> Table:
    table = Table(number)
    rows: dict[int, list[tuple[int, list[Para]]]] = {}
    for (row, column, _), paras in cells.items():
        rows.setdefault(row, []).append((column, paras))
    above: dict[int, str] = {}
    for row in sorted(rows):
        grid: list[Cell] = []
        for column, paras in sorted(rows[row], key=lambda item: item[0]):
            text = "\n".join(p.text.strip() for p in paras if p.text.strip())
            where = f"表{number}:行{row}:列{column}"
            element = _cell_element(paras[0])
            span, merge = _merge_of(element)
            start = len(grid)
            continued = merge == "continue"
            if continued:
                text = above.get(start, "")
            for offset in range(span):
                grid.append(Cell(text, where, spanned=offset > 0, continued=continued))
                above[start + offset] = text
        table.rows.append(grid)
    return table


def _merge_of(element: Any) -> tuple[int, str]:
    """(grid columns the cell spans, "restart" / "continue" / "") from its `w:tcPr`."""
    if element is None:
        return 1, ""
    span = 1
    found = element.find(f"{W}tcPr/{W}gridSpan")
    if found is not None:
        try:
            span = max(1, min(64, int(found.get(f"{W}val") or "1")))
        except ValueError:
            span = 1
    merge = element.find(f"{W}tcPr/{W}vMerge")
    state = ""
    if merge is not None:
        state = "restart" if merge.get(f"{W}val") == "restart" else "continue"
    return span, state


_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Text for matching only: full-width forms folded to half-width (NFKC), no spaces.

    Values are always taken from the original text; `fold` only decides what a heading or
    a label is, so that （ ）/( ), ：/: and stray spaces do not matter."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))
