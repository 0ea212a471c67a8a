"""Incremental split builds, first half: keep a shard's generated sources when nothing it is
made from changed, so only changed specialties are composed and rendered to Markdown.

A shard's pages are made from its own specialty sets (every file's bytes), the settings
(tool, `zhibiao.yaml`, the root `mkdocs.yml`, downloads, banner, version) and what
composing read from other specialties. `source_keys` hashes the first two; the third is
not listed by hand: composing asks other sets only through the resolved view, which
records each question and the facts it used (`builder.compose.across`). The key and those
records are kept in the shard's source folder (`.zhibiao-sources`), signed together with
a digest of the folder, so a source tree copied in from elsewhere is never reused; the
sources are reused only while every record replays to the same facts. The digest also
serves the second half (`builder.site.install`): it is computed once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from builder.base.atomic import write_bytes
from builder.comments.store import existing_record
from builder.compose.across import KINDS, replay
from builder.compose.order import documents
from builder.project.cache import MAX_RECORD, fingerprint, read_capped, seal, signing_key, unseal
from builder.read.corpus import Corpus, Loaded, SpecialtySet
from builder.read.parallel import content_hash
from builder.site.layout import SiteLayout
from builder.site.reuse import output_stamp, tree_digest
from builder.view import CorpusView
from builder.view.corpus import Lookup

SOURCE_KEY = ".zhibiao-sources"


def _items(entry: SpecialtySet) -> list[Loaded[Any]]:
    """Every file of the set: its documents and any second 专业教学标准 (whose YAML could
    be offered for download in place of the first)."""
    return [*documents(entry), *entry.extra_specialties]


def shard_lookups(corpus: Corpus, codes: Iterable[str]) -> list[Any]:
    """The lookups composing the sets `codes` made (`builder.compose.across`), as rows."""
    view = CorpusView.of(corpus)
    return sorted(
        {
            tuple(map(repr, x.row())): x.row()
            for c in codes
            for x in view.recorded(c)
            if x.kind in KINDS
        }.values(),
        key=repr,
    )


def source_keys(
    corpus: Corpus, layout: SiteLayout, settings: str, digests: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Shard name → a key of everything its generated sources are made from.

    `settings` describes the build: configuration, downloads, banner, version, URLs.
    `digests` are the content hashes the check took (by `rel`); a file it does not name is
    read and hashed the same way."""
    common = f"{fingerprint()};{settings}"
    known = digests or {}
    keys: dict[str, str] = {}
    for shard in layout.shards:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(f"{common};{shard.name};{shard.prefix};{shard.title}".encode())
        for code in shard.codes:
            entry = corpus.specialties[code]
            digest.update(f"\0{code}\0".encode())
            # the shared course standards the set links to (their pages, titles, names)
            for item in [*_items(entry), *entry.shared]:
                digest.update(f"\0{item.path.as_posix()}\0".encode())
                found = known.get(item.rel) or content_hash(item.path.read_bytes())
                digest.update(found.encode())
                record = existing_record(item.path)  # the consultation section reads it
                if record is not None:
                    digest.update(hashlib.blake2b(record.read_bytes(), digest_size=20).digest())
        keys[shard.name] = digest.hexdigest()
    return keys


def sources_digest(folder: Path) -> str:
    """The digest of the generated sources in `folder` (the key file left out)."""
    return tree_digest([folder], salt="sources", skip=SOURCE_KEY)


def write_source_key(folder: Path, key: str, weight: int, lookups: list[Any] | None = None) -> str:
    """Record the key of the sources just written to `folder` and the lookups composing
    them made (`shard_lookups`), signed together with their digest and stamp (not written
    when no signing key can be stored); returns the digest."""
    digest = sources_digest(folder)
    secret = signing_key()
    if secret is not None:
        read = json.dumps(lookups or [], ensure_ascii=False)
        stamp = output_stamp(folder, skip=SOURCE_KEY)
        body = f"{key}\n{weight}\n{digest}\n{stamp}\n{read}".encode()
        write_bytes(folder / SOURCE_KEY, seal(secret, body))
    return digest


def reusable_sources(folder: Path, key: str, corpus: Corpus) -> tuple[int, str] | None:
    """(page count, digest) of the sources in `folder` if they were generated for `key`,
    every lookup composing them made still gets the same facts from `corpus`, and they are
    unchanged since: the signed record names the key, the lookups, the folder's digest and
    its stamp (every file's path, size, modification time and inode, which hard links
    keep); a folder whose stamp differs is read and its digest compared."""
    try:
        record = read_capped(folder / SOURCE_KEY, MAX_RECORD)  # size taken before reading
        body = unseal(signing_key(), record) if record is not None else None
        recorded, weight, digest, stamp, read = (body or b"").decode("utf-8").split("\n")
        pages = int(weight)
        lookups = [Lookup.from_row(row) for row in json.loads(read)]
    except (OSError, ValueError, TypeError):
        return None
    if recorded != key or any(replay(x, corpus) != x.answer for x in lookups):
        return None
    if stamp != output_stamp(folder, skip=SOURCE_KEY) and digest != sources_digest(folder):
        return None
    return pages, digest
