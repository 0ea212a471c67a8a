"""Did-you-mean hints for unknown codes (kept in `builder.hints`, shared with the importers)."""

from __future__ import annotations

from builder.hints import did_you_mean

__all__ = ["did_you_mean"]
