"""The result of `zhibiao conform`: each plan judged, with where each finding is in its YAML
(read by the text, Markdown and Word reports; made by `builder.review.conforming`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.base.diagnostics import Diagnostic
from builder.view.conformance import Assessment, Finding


@dataclass(frozen=True, slots=True)
class Revision:
    """A requirement of the new edition that the plan does not meet."""

    finding: Finding
    new: bool
    """True when the plan meets the current edition here: the new edition asks for more."""


@dataclass(frozen=True, slots=True)
class PlanResult:
    """One plan, judged against the current edition (and the new one with `against`)."""

    file: str
    title: str
    name: str
    assessment: Assessment
    positions: dict[tuple[str | int, ...], tuple[int, int]]
    """Finding path → (line, column) in the plan's YAML."""
    against: Assessment | None = None
    revisions: tuple[Revision, ...] = ()

    @property
    def judged(self) -> Assessment:
        """The assessment the verdict and the exit code follow."""
        return self.against if self.against is not None else self.assessment

    def where(self, finding: Finding) -> str:
        """`file:line:col` of a finding."""
        line, column = self.positions.get(finding.path, (1, 1))
        return f"{self.file}:{line}:{column}"


@dataclass(slots=True)
class ConformRun:
    """Every plan judged, and the plan files that could not be read."""

    results: list[PlanResult] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    against: str | None = None

    @property
    def conforms(self) -> bool:
        """True when every plan conforms (to the new edition with `against`)."""
        return not self.problems and all(r.judged.conforms for r in self.results)
