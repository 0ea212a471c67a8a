"""Deterministic timestamps: from the document's own dates, else `SOURCE_DATE_EPOCH`."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

from builder.model.dates import first_day
from builder.project import UsageError

CHINA = dt.timezone(dt.timedelta(hours=8))
_YEAR = re.compile(r"(?:19|20)\d{2}")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def source_date_epoch() -> dt.datetime | None:
    """`SOURCE_DATE_EPOCH` as an aware UTC datetime, None when unset."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"环境变量 SOURCE_DATE_EPOCH 无效：{raw}",
            hint="应为 Unix 时间戳（秒），例如 git log -1 --format=%ct 的输出。",
        ) from None


def last_change(doc: Any) -> dt.datetime:
    """When the document last changed, without reading the clock.

    In order: the latest of 发布日期 (`meta.issued_on`) and 制定日期 (`signoff.date`), at
    00:00 China time; else `SOURCE_DATE_EPOCH`; else 1 January of the year named in
    `meta.version` (e.g. "2025"); else the Unix epoch.
    """
    dates: list[dt.date] = []
    issued = first_day(doc.meta.issued_on)
    if issued is not None:
        dates.append(issued)
    signoff = getattr(doc, "signoff", None)
    if signoff is not None and signoff.date is not None:
        dates.append(signoff.date)
    if dates:
        return dt.datetime.combine(max(dates), dt.time(), tzinfo=CHINA)
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    year = _YEAR.search(doc.meta.version)
    if year:
        return dt.datetime(int(year.group()), 1, 1, tzinfo=CHINA)
    return EPOCH


def iso(moment: dt.datetime) -> str:
    """ISO 8601 with offset, seconds precision: `2025-03-01T00:00:00+08:00`."""
    text = moment.isoformat(timespec="seconds")
    return text.replace("+00:00", "Z")
