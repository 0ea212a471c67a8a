"""Render cache of the Word export: `.zhibiao/cache/docx/<key>.docx`, one file per document.

The key hashes everything the bytes of one document depend on: the tool (the check
cache's `fingerprint()` plus python-docx, lxml and zlib versions), `SOURCE_DATE_EPOCH`,
the bytes of the reference template (the bundled one when none is given), the layout
profile and a canonical serialization of the DocTree (`canonical`: every dataclass field,
recursively, with type names). Rendering is deterministic, so a hit gives exactly the
bytes a fresh render would.

Storage, signing (`<key>.mac`) and pruning are those of every signed blob store
(`builder.project.blobs`): a full export (`zhibiao export docx`, a site build that exports
every document) records the keys it used in `used-<scope>.json` (scopes "export", "site")
and prunes; renders of a partial export (`render_trees`, `export_trees`) are stored but
never prune.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

from builder.project.blobs import BlobCache, CacheStats
from builder.project.cache import fingerprint

__all__ = ["MAX_DOCUMENT", "CacheStats", "DocxCache", "canonical"]

FORMAT = 1
MAX_DOCUMENT = 64 * 1024 * 1024
"""A cached document larger than this is not read (it is rendered again)."""


_SHAPES: dict[type, tuple[str, tuple[str, ...]]] = {}
"""Qualified name and field names of every dataclass met so far."""


def canonical(value: Any) -> Any:
    """`value` as JSON data that tells every distinct value apart.

    Dataclasses become objects tagged with their qualified type name, holding every field
    (`dataclasses.fields`, declaration order); tuples and lists become arrays; strings,
    integers, booleans, None and floats stay as they are (JSON keeps `1` and `1.0` and
    `true` apart). Anything else raises `TypeError`, so a new kind of field cannot be
    silently left out of the key.
    """
    kind = type(value)
    if kind is str or value is None or kind is bool or kind is int:
        return value
    if kind is tuple or kind is list:
        return [canonical(item) for item in value]
    shape = _SHAPES.get(kind)
    if shape is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(item.name for item in dataclasses.fields(value))
        shape = _SHAPES[kind] = (f"{kind.__module__}.{kind.__qualname__}", names)
    if shape is not None:
        node: dict[str, Any] = {"@": shape[0]}
        for name in shape[1]:
            node[name] = canonical(getattr(value, name))
        return node
    if isinstance(value, (tuple, list)):
        return [canonical(item) for item in value]
    if isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return {"@": "float", "repr": repr(value)}
        return value
    raise TypeError(f"cannot key a {type(value).__name__} value")


def _tool() -> str:
    """The check cache's tool fingerprint plus what else shapes the bytes of a .docx."""
    from importlib.metadata import version

    versions = (version("python-docx"), version("lxml"), zlib.ZLIB_RUNTIME_VERSION)
    return f"{fingerprint()}:{versions!r}"


class DocxCache(BlobCache):
    """The render cache of one project, or an inert stand-in when disabled."""

    SUBDIR = "docx"
    SUFFIX = ".docx"
    MAX_ENTRY = MAX_DOCUMENT

    def __init__(self, folder: Path | None, secret: bytes | None, *, scope: str = "export") -> None:
        super().__init__(folder, secret, scope=scope)
        self.tool = _tool() if self.folder is not None else ""

    def key(self, tree: Any, profile: Any, template: str) -> str:
        """The key of one document: tool, epoch, template digest, profile and tree."""
        parts = [
            FORMAT,
            self.tool,
            os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
            template,
            canonical(profile),
            canonical(tree),
        ]
        text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
