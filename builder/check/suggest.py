"""Did-you-mean hints for unknown codes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from builder.check.context import CheckContext


def did_you_mean(value: str, candidates: Iterable[str], *, what: str = "") -> str | None:
    """A hint naming the closest candidate, or None when nothing is close."""
    pool = sorted(set(candidates))
    close = difflib.get_close_matches(value, pool, n=3, cutoff=0.5)
    if close:
        return "是否应为" + "、".join(f"「{c}」" for c in close) + "？"
    if pool and what:
        shown = "、".join(pool[:8]) + ("…" if len(pool) > 8 else "")
        return f"已定义的{what}：{shown}"
    return None


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


def renames(ctx: CheckContext) -> dict[str, str]:
    """Old code → new code of every rename the semantic diff against the baseline finds."""
    if ctx.baseline is None:
        return {}
    key = (id(ctx.baseline), id(ctx.corpus))
    if key not in _RENAMES:
        from builder.diff.engine import diff_corpora
        from builder.diff.model import Action

        found: dict[str, str] = {}
        changes = diff_corpora(ctx.baseline, ctx.corpus, levels=ctx.config.learning_levels)
        for change in changes.changes:
            if change.action is not Action.RENAMED or change.old_code is None:
                continue
            new = change.path[-1].code if change.path else change.document.code
            if new != change.old_code:
                found[change.old_code] = new
        _RENAMES.clear()
        _RENAMES[key] = found
    return _RENAMES[key]


_RENAMES: dict[tuple[int, int], dict[str, str]] = {}
