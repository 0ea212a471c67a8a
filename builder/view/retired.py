"""The one policy for retired documents (废止, 被代替), used by the checks and the pages alike.

A retired document is kept for reference only: it teaches nothing any more. Its
competency references are still read (so their codes and levels are checked, ZB201 and
ZB305), but they do not carry the competency: the coverage rules (ZB301, ZB302, ZB304) and
the coverage matrix of the site and the Word file count only carriers in force. A
competency taught only by a retired course is therefore reported as not carried (ZB301)
and shown as 「（未承载）」 — the check and the published standard say the same thing.
"""

from __future__ import annotations

from typing import Any

from builder.model.meta import RETIRED_STATUSES


def retired(item: Any) -> bool:
    """True for a 废止 or 被代替 document (a `Loaded` document or a document model)."""
    doc = getattr(item, "doc", item)
    status: str = doc.meta.status
    return status in RETIRED_STATUSES


def carries(item: Any) -> bool:
    """True when the competency references of this document count as carrying them."""
    return not retired(item)
