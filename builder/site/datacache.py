"""Open-data files of unchanged specialties, reused from the last build.

A specialty's workbook and CASE packages (`builder.site.opendata`) are made from its own
documents only — the members of its set, a second 专业教学标准, its schools' plans and the
shared course standards that apply to it — plus the settings and the tool; nothing is read
from other specialties. The key hashes exactly that: every document's validated model
(the values the author wrote, `exclude_unset`, so a written default and an unwritten one
stay apart) with its path, `zhibiao.yaml` as loaded, `SOURCE_DATE_EPOCH`, the tool's
fingerprint and openpyxl's version. Hashing the loaded models rather than re-reading the
files means a file edited during a build cannot pair new bytes with old output.

A specialty's files are kept together in one signed blob (`builder.project.blobs`): an
edit to one specialty rebuilds its workbook and packages only. Writing is deterministic,
so a hit gives exactly the bytes a fresh build would (`tests/test_site_datacache.py`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

from builder.project.blobs import BlobCache
from builder.project.cache import fingerprint
from builder.read.config import ProjectConfig
from builder.read.corpus import Loaded, SpecialtySet

FORMAT = 1
Entry = tuple[str, str, bytes]
"""One published file: docs-relative path, label, bytes."""


def _documents(entry: SpecialtySet) -> list[Loaded[Any]]:
    return [*entry.documents(), *entry.extra_specialties, *entry.plans, *entry.shared]


class DataCache(BlobCache):
    """The open-data files of each specialty, by a key of everything they are made from."""

    SUBDIR = "data"
    SUFFIX = ".bin"

    def settings(self, config: ProjectConfig) -> str:
        """What every specialty's key shares: tool, libraries, epoch and configuration."""
        parts = [
            FORMAT,
            fingerprint(),
            version("openpyxl"),
            os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
            config.model_dump_json(),
        ]
        return json.dumps(parts, ensure_ascii=False)

    def key(self, entry: SpecialtySet, settings: str) -> str:
        """The key of one specialty's files."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{settings}\0{entry.code}".encode())
        for item in _documents(entry):
            digest.update(f"\0{item.kind}\0{item.rel}\0".encode())
            digest.update(item.doc.model_dump_json(exclude_unset=True).encode())
        return digest.hexdigest()


def pack(files: Sequence[Entry]) -> bytes:
    """The files as one blob: a JSON line of (path, label, size), then the bytes."""
    head = json.dumps([[path, label, len(data)] for path, label, data in files], ensure_ascii=False)
    return head.encode("utf-8") + b"\n" + b"".join(data for _, _, data in files)


def unpack(blob: bytes) -> list[Entry] | None:
    """The files of a blob made by `pack`; None when it is not one."""
    head, sep, body = blob.partition(b"\n")
    try:
        listed = json.loads(head.decode("utf-8")) if sep else None
        if not isinstance(listed, list):
            return None
        files: list[Entry] = []
        offset = 0
        for path, label, size in listed:
            if not (isinstance(path, str) and isinstance(label, str) and isinstance(size, int)):
                return None
            if size < 0 or offset + size > len(body):
                return None
            files.append((path, label, body[offset : offset + size]))
            offset += size
    except (ValueError, TypeError):
        return None
    return files if offset == len(body) else None
