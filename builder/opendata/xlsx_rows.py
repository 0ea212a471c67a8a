"""The rows of a table in a document, and the keys that name them in the workbook.

A row key is `<file>#<path>`: the document's path relative to the specialty's folder and
the indexes that lead from the document root to the row (`courses/zh01.yaml#modules/0/items/2`).
The export writes it into the hidden key column; the importer finds the row again with it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.opendata.xlsx_tables import Table
from builder.read.corpus import Loaded, SpecialtySet

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One item of a table: where it is and what it holds."""

    path: Path_
    item: Any
    parent: Any | None
    """The parent row's item (a module, a room) for a child table."""


def table_list(owner: Any, path: tuple[str, ...]) -> list[Any]:
    """The list at `path` under `owner` (a model); empty when a step is absent."""
    value = owner
    for name in path:
        value = getattr(value, name, None)
        if value is None:
            return []
    return list(value) if isinstance(value, list) else []


def rows(table: Table, doc: Any) -> Iterator[Row]:
    """Every row of `table` in `doc`, in document order."""
    if table.parent is None:
        for index, item in enumerate(table_list(doc, table.path)):
            yield Row((*table.path, index), item, None)
        return
    for parent in rows(table.parent, doc):
        for index, item in enumerate(table_list(parent.item, table.path)):
            yield Row((*parent.path, *table.path, index), item, parent.item)


def documents(entry: SpecialtySet, kind: str) -> list[Loaded[Any]]:
    """The documents of one kind in a specialty set."""
    if kind == "specialty":
        return [entry.specialty] if entry.specialty else []
    found: dict[str, list[Loaded[Any]]] = {
        "competencies": list(entry.competencies),
        "course": list(entry.courses),
        "internship": list(entry.internships),
        "training_base": list(entry.training_bases),
    }
    return found[kind]


def set_root(entry: SpecialtySet) -> Path:
    """The folder row keys are relative to: the specialty standard's, else the first file's."""
    first = entry.specialty or next(entry.documents())
    return first.path.parent


def file_key(entry: SpecialtySet, loaded: Loaded[Any]) -> str:
    """The document's path relative to the set's folder, with `/`."""
    return Path(os.path.relpath(loaded.path, set_root(entry))).as_posix()


def row_key(file: str, path: Path_) -> str:
    """`courses/zh01.yaml#modules/0/items/2`."""
    return f"{file}#{'/'.join(str(p) for p in path)}"


def split_key(key: str) -> tuple[str, Path_] | None:
    """(file, path) of a row key; None when the text is not one."""
    file, hash_, rest = key.strip().rpartition("#")
    if not hash_ or not file or not rest:
        return None
    path: list[str | int] = []
    for part in rest.split("/"):
        if part.isdigit():
            path.append(int(part))
        elif part.isidentifier():
            path.append(part)
        else:
            return None
    return file, tuple(path)


def fingerprint(path: Path) -> str:
    """A short digest of a file's bytes (the importer refuses a file changed since export)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""
