"""What a national-layout import found: the YAML data, where each value came from, the report.

Every value written is read from the text; `evidence` keeps, for each leaf path of the data
(`career.industries[0].code`), the words of the document it was read from, so a test can
prove that nothing was invented. Codes made up by the numbering scheme are in `assigned`
instead. `entries` is the per-element report: what was recognised, what not, and where.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from builder.base.rules import Rule
from builder.drafting.changes import Problem

READ = "已读出"
NOT_GIVEN = "原文未给出"
UNREAD = "未读出"
ASSIGNED = "自拟编码"
NO_PLACE = "版式无此项"


@dataclass(slots=True)
class Entry:
    """One element of the report: the model's path, its title, what happened, where."""

    path: str
    title: str
    status: str
    where: str = ""
    detail: str = ""


@dataclass(slots=True)
class Found:
    """The data read so far with its evidence, the report and the problems."""

    data: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    assigned: dict[str, str] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    """Comment lines written under a top-level key: source text the model could not hold."""

    def problem(self, rule: Rule, message: str, where: str, hint: str | None = None) -> None:
        self.problems.append(Problem(rule, message, where, hint=hint))

    def read(self, path: str, title: str, where: str, detail: str = "") -> None:
        self.entries.append(Entry(path, title, READ, where, detail))

    def missing(self, path: str, title: str, where: str = "", detail: str = "") -> None:
        self.entries.append(Entry(path, title, NOT_GIVEN, where, detail))

    def unread(self, path: str, title: str, where: str, detail: str = "") -> None:
        self.entries.append(Entry(path, title, UNREAD, where, detail))

    def no_place(self, path: str, title: str, detail: str) -> None:
        self.entries.append(Entry(path, title, NO_PLACE, "", detail))

    def saw(self, path: str, evidence: str) -> None:
        """Record that the value at `path` was read from the words `evidence`."""
        self.evidence[path] = evidence

    def saw_all(self, path: str, value: Any, evidence: str) -> None:
        """`saw` for every leaf of `value` (a mapping or list written at `path`)."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.saw_all(f"{path}.{key}", item, evidence)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.saw_all(f"{path}[{index}]", item, evidence)
        else:
            self.evidence[path] = evidence
