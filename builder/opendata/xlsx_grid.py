"""The sheets of a returned workbook as text grids, found by their key column, formulas marked.

The workbook is read twice, both times streamed and read-only: once for the values (a
formula gives the result its program saved with it), once for which cells hold formulas.
No formula is ever evaluated; one without a saved result is reported (ZB814).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.opendata.xlsx_import import MAX_COLUMNS, _open, _rows, _unreadable
from builder.opendata.xlsx_reader import HEADER_SCAN
from builder.opendata.xlsx_tables import KEY_PREFIX


@dataclass(slots=True)
class Grid:
    """One sheet: its rows as text, the header row, the columns by header text."""

    title: str
    rows: list[tuple[int, list[str]]]
    header: int
    columns: dict[str, int]
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    """(row, column) → formula text, for formula cells without a saved result."""

    def text(self, cells: list[str], column: int | None) -> str:
        """The text of a column in a row ('' when the column is absent)."""
        return cells[column - 1] if column and column <= len(cells) else ""

    def data(self) -> list[tuple[int, list[str]]]:
        """The rows below the header."""
        return [(n, cells) for n, cells in self.rows if n > self.header]


def _header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]] | None:
    for number, cells in rows[:HEADER_SCAN]:
        if any(c.strip().startswith(KEY_PREFIX) for c in cells):
            columns: dict[str, int] = {}
            for index, text in enumerate(cells, start=1):
                if text.strip():
                    columns.setdefault(text.strip(), index)
            return number, columns
    return None


def _formulas(sheet: Any) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for row in sheet.iter_rows(max_col=MAX_COLUMNS):
                for cell in row:
                    if getattr(cell, "data_type", None) == "f":
                        found[(cell.row, cell.column)] = str(cell.value)
    except Exception as exc:  # a malformed sheet part surfaces while its rows are streamed
        raise _unreadable(f"工作表「{sheet.title}」", exc) from None
    return found


class Workbook:
    """A returned workbook: its keyed sheets by table id, and its other sheets by name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.values = _open(path)
        self.formula_view: Any = None
        self.keyed: dict[str, Grid] = {}
        self.duplicates: list[tuple[str, str]] = []
        """(sheet, sheet it repeats): two sheets with the same key column header."""
        for sheet in self.values.worksheets:
            head = _rows(sheet, HEADER_SCAN)
            found = _header(head)
            if found is None:
                continue
            key = next(k for k in found[1] if k.startswith(KEY_PREFIX))
            table = key[len(KEY_PREFIX) :]
            if table in self.keyed:
                self.duplicates.append((sheet.title, self.keyed[table].title))
                continue
            self.keyed[table] = Grid(sheet.title, _rows(sheet), found[0], found[1])
        self._mark_formulas()

    def _mark_formulas(self) -> None:
        from openpyxl import load_workbook

        titles = {grid.title: grid for grid in self.keyed.values()}
        if not titles:
            return
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                view = load_workbook(self.path, read_only=True, data_only=False, keep_links=False)
            except Exception as exc:  # the first load succeeded; never a traceback
                raise _unreadable(f"工作簿：{self.path}", exc) from None
        try:
            for sheet in view.worksheets:
                grid = titles.get(sheet.title)
                if grid is None:
                    continue
                texts = dict(grid.rows)
                for (row, column), formula in _formulas(sheet).items():
                    if not grid.text(texts.get(row, []), column):
                        grid.formulas[(row, column)] = formula
        finally:
            view.close()

    def sheet_rows(self, name: str, limit: int) -> list[tuple[int, list[str]]] | None:
        """Rows of a sheet by name (None when absent)."""
        if name not in self.values.sheetnames:
            return None
        return _rows(self.values[name], limit)

    def close(self) -> None:
        """Release the file."""
        self.values.close()
