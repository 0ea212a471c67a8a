"""Deterministic .docx bytes: fixed core properties and zip entries with fixed timestamps."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass
from typing import Any

ZIP_STAMP = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


@dataclass(frozen=True, slots=True)
class CoreInfo:
    """What goes into docProps/core.xml."""

    title: str
    subject: str = ""
    author: str = "职标 Zhibiao"
    keywords: str = ""
    identifier: str = ""
    version: str = ""
    when: dt.datetime | None = None


def fixed_time(date_text: str | None) -> dt.datetime:
    """A document timestamp from its own data: the given ISO date, else `SOURCE_DATE_EPOCH`.

    Never the clock: without either, a fixed 2000-01-01 is used so output stays stable.
    """
    if date_text:
        # Dates may be partial (YYYY or YYYY-MM): the missing parts count as the first.
        year, month, day = [*(int(part) for part in date_text.split("-") if part.isdigit()), 1, 1][
            :3
        ]
        try:
            return dt.datetime(year, month, day, tzinfo=dt.UTC)
        except (TypeError, ValueError):
            pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def set_core(document: Any, info: CoreInfo) -> None:
    """Overwrite every core property python-docx would otherwise fill with its defaults."""
    core = document.core_properties
    when = (info.when or fixed_time(None)).replace(tzinfo=None)
    core.title = info.title
    core.subject = info.subject
    core.author = info.author
    core.last_modified_by = info.author
    core.keywords = info.keywords
    core.comments = ""
    core.category = ""
    core.content_status = ""
    core.identifier = info.identifier
    core.version = info.version
    core.language = "zh-CN"
    core.revision = 1
    core.created = when
    core.modified = when
    core.last_printed = when


def to_bytes(document: Any) -> bytes:
    """Save `document` and re-zip it with stable member order and fixed timestamps."""
    raw = io.BytesIO()
    document.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source:
        names = source.namelist()
        ordered = [name for name in _FIRST if name in names]
        ordered += sorted(name for name in names if name not in _FIRST)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name in ordered:
                info = zipfile.ZipInfo(name, date_time=ZIP_STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0o644 << 16
                target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()
