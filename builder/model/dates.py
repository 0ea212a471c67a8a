"""Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as written in standards' metadata."""

from __future__ import annotations

import datetime as dt


def first_day(value: str | dt.date | None) -> dt.date | None:
    """The first day of the period a partial date names (2025-02 → 2025-02-01)."""
    if value is None or isinstance(value, dt.date):
        return value
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def chinese(value: str | dt.date | None) -> str:
    """Chinese written form as in GB/T 9704 dates: 2025年2月1日, 2025年2月, 2025年."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else value
    parts = [int(p) for p in text.split("-")]
    return "".join(f"{n}{unit}" for n, unit in zip(parts, ("年", "月", "日"), strict=False))
