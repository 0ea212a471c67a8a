"""Change records of a semantic diff between two versions of a standards tree.

A `Change` is one reviewable fact: a document or an item (competency, planned course,
module, room …) was added, removed or renamed, or one field of it changed from a
before value to an after value. Items are identified by their stable codes, never by
line numbers, so reordering a file is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

KIND_ORDER: tuple[str, ...] = (
    "specialty",
    "competencies",
    "course",
    "internship",
    "training_base",
    "plan",
)
"""Order in which document kinds are listed (as in a standard's package)."""


class Action(StrEnum):
    """What happened to a document, an item or a field."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    MOVED = "moved"
    CHANGED = "changed"

    @property
    def label(self) -> str:
        """Chinese verb shown to reviewers."""
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.ADDED: "新增",
    Action.REMOVED: "删除",
    Action.RENAMED: "改码",
    Action.MOVED: "移动",
    Action.CHANGED: "修改",
}


@dataclass(frozen=True, slots=True)
class Step:
    """One level of the item chain inside a document, e.g. (`module`, `M1`, 教学模块, 基础)."""

    type: str
    code: str
    label: str
    name: str | None = None

    def show(self) -> str:
        """`教学模块 M1「基础」`."""
        return f"{self.label} {self.code}" + (f"「{self.name}」" if self.name else "")


def show_path(path: tuple[Step, ...]) -> str:
    """Item chain as text: parents by label and code, the last one with its name."""
    parts = [f"{step.label} {step.code}" for step in path[:-1]]
    if path:
        parts.append(path[-1].show())
    return " › ".join(parts)


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """The document a change belongs to."""

    kind: str
    specialty: str
    code: str
    title: str
    file: str
    old_file: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, str]:
        """Specialty, kind order, code."""
        rank = KIND_ORDER.index(self.kind) if self.kind in KIND_ORDER else len(KIND_ORDER)
        return (self.specialty, rank, self.code)


@dataclass(frozen=True, slots=True)
class Change:
    """One semantic change.

    `path` is empty when the change concerns the document itself. For `CHANGED`,
    `field` is the dotted field path (``hours``, ``meta.status``) and `label` its
    Chinese name; `before`/`after` are JSON-compatible values. `old_code` is set for
    `RENAMED` (the innermost item's previous code; for documents the previous code).
    `trend` qualifies ordered values: ``raised``/``lowered`` for 学习水平,
    ``forward``/``backward`` for status transitions, ``increased``/``decreased`` for numbers,
    ``supplied``/``withdrawn`` for 原文未给出 replaced by the source's text (or back), and
    ``completed``/``excerpted`` for an excerpt list made whole (or cut to an excerpt).
    """

    action: Action
    document: DocumentRef
    path: tuple[Step, ...] = ()
    field: str | None = None
    label: str | None = None
    before: Any = None
    after: Any = None
    old_code: str | None = None
    old_path: tuple[Step, ...] | None = None
    trend: str | None = None
    also: tuple[str, ...] = ()
    seq: int = 0

    @property
    def target(self) -> str:
        """What changed, for one-line displays: `教学模块 M1 › 学习内容 M1-2「语法」`.

        Parents are shown by code only; the innermost item also by name.
        """
        return show_path(self.path)

    @property
    def is_status(self) -> bool:
        """True for a lifecycle status transition."""
        return self.field == "meta.status"


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be compared because it does not load on one side."""

    side: str
    file: str
    message: str
    line: int = 0
    column: int = 0
    code: str = ""


@dataclass(slots=True)
class ChangeSet:
    """The result of comparing two standards trees."""

    old_label: str
    new_label: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    documents: int = 0

    def __bool__(self) -> bool:
        return bool(self.changes or self.problems)

    def counts(self) -> dict[str, int]:
        """Number of changes per action, in action order, zeros left out."""
        result: dict[str, int] = {}
        for action in Action:
            n = sum(1 for c in self.changes if c.action is action)
            if n:
                result[action.value] = n
        return result

    def by_document(self) -> list[tuple[DocumentRef, list[Change]]]:
        """Changes grouped per document, in document order."""
        groups: dict[tuple[str, str, str, str], tuple[DocumentRef, list[Change]]] = {}
        for change in self.changes:
            doc = change.document
            key = (doc.specialty, doc.kind, doc.code, doc.file)
            groups.setdefault(key, (doc, []))[1].append(change)
        return sorted(groups.values(), key=lambda g: (*g[0].sort_key, g[0].file))
