"""The one diagnostic type, its severities and the sink that collects them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import IntEnum

PathPart = str | int
DataPath = tuple[PathPart, ...]


class Severity(IntEnum):
    """Ordered severities; `ignore` in config drops a diagnostic entirely."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """Lower-case English name used in every output format."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read `error`/`warning`/`info` (case-insensitive)."""
        return cls[text.upper()]


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file: 1-based line and column; path is relative to the project root."""

    file: str
    line: int = 0
    column: int = 0


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in the standards.

    A diagnostic may be created with only a `data_path` (the keys and indexes that
    lead to the offending value); the loader fills in line and column afterwards, so
    positions are computed only for files that have problems.
    """

    code: str
    severity: Severity
    message: str
    file: str
    line: int = 0
    column: int = 0
    hint: str | None = None
    data_path: DataPath | None = None
    related: tuple[Location, ...] = ()

    @property
    def location(self) -> Location:
        """Where the problem is."""
        return Location(self.file, self.line, self.column)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, position, code and message."""
        return (self.file, self.line, self.column, self.code, self.message)

    def at(self, line: int, column: int) -> Diagnostic:
        """Return a copy placed at `line`:`column`."""
        return replace(self, line=line, column=column)


@dataclass(slots=True)
class Diagnostics:
    """Sink that collects diagnostics; it never prints."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        """Record one diagnostic."""
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Record several diagnostics."""
        self.items.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def count(self, severity: Severity) -> int:
        """Number of diagnostics with exactly this severity."""
        return sum(1 for d in self.items if d.severity == severity)

    def has_errors(self, *, strict: bool = False) -> bool:
        """True when the run must fail: any error, or any warning under `strict`."""
        floor = Severity.WARNING if strict else Severity.ERROR
        return any(d.severity >= floor for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        """All diagnostics in a stable order."""
        return sorted(self.items, key=Diagnostic.sort_key)
