"""Did-you-mean hints for unknown codes (kept in `builder.base.hints`, shared with the importers)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from builder.base.hints import did_you_mean

if TYPE_CHECKING:
    from builder.check.context import CheckContext

__all__ = ["did_you_mean", "renamed_hint", "renames", "same_class"]


def same_class(code: str, candidates: Iterable[str]) -> list[str]:
    """Specialty codes of the same 专业类 (first 4 digits) as `code`; a typo suggestion from
    another 专业类 would name an unrelated specialty."""
    return [c for c in candidates if c[:4] == code[:4]]


def renamed_hint(ctx: CheckContext, value: str) -> str | None:
    """With `--base`, a code the change renamed: 「X」已改为「Y」."""
    new = renames(ctx).get(value)
    return (
        f"「{value}」在本次修改中已改为「{new}」（与基线比较），是否应为「{new}」？"
        if new
        else None
    )


def renames(ctx: CheckContext) -> Mapping[str, str]:
    """Old code → new code of every rename found against the baseline (`--base`), once per
    pair of corpora; nothing without a baseline or a finder."""
    if ctx.baseline is None or ctx.rename_finder is None:
        return {}
    key = (id(ctx.baseline), id(ctx.corpus))
    if key not in _RENAMES:
        _RENAMES.clear()
        _RENAMES[key] = ctx.rename_finder(ctx.baseline, ctx.corpus, ctx.config.learning_levels)
    return _RENAMES[key]


_RENAMES: dict[tuple[int, int], Mapping[str, str]] = {}
