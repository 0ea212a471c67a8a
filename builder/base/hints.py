"""Did-you-mean hints for unknown codes and names (the checks, the importers, the CLI)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


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
