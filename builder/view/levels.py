"""Level vocabularies: which scale a document uses and how levels of two scales compare.

A project declares its default scale (`learning_levels`, named 学习水平) and any number of
others (`level_vocabularies`, e.g. 五级…一级 of a 国家职业技能标准 or A/B/C of a 课程标准); a
competency list or a course standard chooses one with `levels:`. Coverage compares the level a
list requires with the level a carrier reaches: within one scale by position, across scales
only through a declared `level_mappings` entry (directly, in either direction, or through a
common scale both map to). Without one the comparison is undecided (`None`), never guessed.
The coverage rules (`builder.check.coverage`) and the coverage matrix (`builder.compose`) both
read this module, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.read.config import DEFAULT_VOCABULARY, ProjectConfig


def vocabulary_of(doc: Any) -> str:
    """The name of the scale a document uses (its `levels`, or 学习水平)."""
    name = getattr(doc, "levels", None)
    return name if isinstance(name, str) else DEFAULT_VOCABULARY


@dataclass(frozen=True, slots=True)
class Leveled:
    """A level together with the scale it is written in."""

    level: str
    vocabulary: str


class Levels:
    """The project's scales and mappings, for ranking and comparing levels."""

    def __init__(self, config: ProjectConfig) -> None:
        self._config = config
        self._maps: dict[tuple[str, str], dict[str, str]] = {
            (m.from_, m.to): dict(m.levels) for m in config.level_mappings
        }

    def scale(self, vocabulary: str) -> list[str] | None:
        """The levels of a scale, low → high; None when the scale is not declared."""
        return self._config.vocabulary(vocabulary)

    def rank(self, item: Leveled) -> int | None:
        """Position of a level in its own scale (0 = lowest); None when unknown."""
        levels = self.scale(item.vocabulary)
        if levels is None or item.level not in levels:
            return None
        return levels.index(item.level)

    def _in(self, item: Leveled, target: str) -> int | None:
        if item.vocabulary == target:
            return self.rank(item)
        mapped = self._maps.get((item.vocabulary, target), {}).get(item.level)
        return None if mapped is None else self.rank(Leveled(mapped, target))

    def _common(self, first: str, second: str) -> list[str]:
        """Scales both can be expressed in: either one, or a scale both map to."""
        targets = {to for (frm, to) in self._maps if frm in (first, second)}
        return [first, second, *sorted(targets - {first, second})]

    def reaches(self, reached: Leveled, required: Leveled) -> bool | None:
        """Whether `reached` is at least `required`; None when they cannot be compared
        (a level outside its scale, or two scales without a declared mapping)."""
        for target in self._common(required.vocabulary, reached.vocabulary):
            need, got = self._in(required, target), self._in(reached, target)
            if need is not None and got is not None:
                return got >= need
        return None

    def comparable(self, first: str, second: str) -> bool:
        """Whether two scales are the same or linked by a declared mapping."""

        def reaches_target(name: str, target: str) -> bool:
            return name == target or (name, target) in self._maps

        return any(
            reaches_target(first, t) and reaches_target(second, t)
            for t in self._common(first, second)
        )

    def best(self, items: list[Leveled]) -> Leveled | None:
        """The highest of several levels of one scale (unknown levels rank lowest)."""
        if not items:
            return None
        return max(items, key=lambda item: -1 if (r := self.rank(item)) is None else r)

    def judge(self, required: Leveled, reached: list[Leveled]) -> bool | None:
        """Coverage of one competency: True when some carrier reaches the required level,
        False when every carrier is comparable and below it, None when it cannot be decided
        (no carrier is above it and some cannot be compared)."""
        results = [self.reaches(item, required) for item in reached]
        if any(results):
            return True
        if results and all(r is False for r in results):
            return False
        return None if any(r is None for r in results) else False
