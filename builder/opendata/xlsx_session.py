"""The state of one `import xlsx BOOK`: the documents being edited, the rows as exported,
the problems and changes found, and where each YAML mapping came from in the workbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from builder.base.diagnostics import Diagnostic
from builder.base.rules import Rule
from builder.model import KINDS
from builder.model.introspect import nested_model
from builder.opendata.xlsx_grid import Grid
from builder.opendata.xlsx_reader import where
from builder.opendata.xlsx_rows import Row, row_key, rows
from builder.opendata.xlsx_tables import Table
from builder.opendata.yaml_edit import walk
from builder.read.corpus import Loaded


@dataclass(slots=True)
class Doc:
    """A document being edited: the loaded model, its key, its text and round-trip data."""

    loaded: Loaded[Any]
    file: str
    text: str
    data: Any
    changed: bool = False


@dataclass(frozen=True, slots=True)
class Original:
    """A row as exported: its document, model item, YAML mapping and parent mapping."""

    doc: Doc
    row: Row
    mapping: Any
    parent: Any | None


@dataclass(slots=True)
class Origin:
    """Where a YAML mapping came from in the workbook (to place validation errors)."""

    sheet: str
    row: int
    columns: dict[str, int]


@dataclass(slots=True)
class Session:
    """One import: the documents, what was found, what changed."""

    workbook: str
    docs: dict[str, Doc]
    problems: list[Diagnostic] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    origins: dict[int, Origin] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    originals: dict[str, dict[str, Original]] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    """Files the workbook names that are gone (`--force`): their rows are left out."""

    def report(
        self, rule: Rule, grid: Grid, row: int, column: int | None, message: str, hint: str = ""
    ) -> None:
        """A diagnostic at a cell of the workbook."""
        self.problems.append(
            rule.diag(
                self.workbook,
                f"{where(grid.title, row, column)}：{message}",
                line=row,
                column=column or 1,
                hint=hint or None,
            )
        )

    def of_kind(self, kind: str) -> list[Doc]:
        """The documents of one kind."""
        return [d for d in self.docs.values() if d.loaded.kind == kind]

    def snapshot(self, tables: tuple[Table, ...]) -> None:
        """Every row of every table as exported, before anything is changed."""
        for table in tables:
            found: dict[str, Original] = {}
            for doc in self.of_kind(table.kind):
                for row in rows(table, doc.loaded.doc):
                    depth = len(table.path) + 1
                    parent = walk(doc.data, row.path[:-depth]) if table.parent else None
                    found[row_key(doc.file, row.path)] = Original(
                        doc, row, walk(doc.data, row.path), parent
                    )
            self.originals[table.id] = found


def owner_model(table: Table) -> type[BaseModel]:
    """The model holding the table's list field (through nested models such as `career`)."""
    model: type[BaseModel] = table.parent.model if table.parent else KINDS[table.kind]
    for name in table.path[:-1]:
        inner = nested_model(model.model_fields[name].annotation)
        assert inner is not None
        model = inner
    return model
