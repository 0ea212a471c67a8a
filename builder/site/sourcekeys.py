"""Incremental split builds, first half: keep a shard's generated sources when nothing it is
made from changed, so only changed specialties are composed and rendered to Markdown.

A shard's pages are made from its own specialty sets (every file's bytes), the settings
(tool, `zhibiao.yaml`, the root `mkdocs.yml`, downloads, banner, version) and a few facts
about other specialties, the only things composing reads across sets: the page and 专业大类
of each 接续专业 it names, and the page and title of the document that replaces one of its
被代替 documents (found by number). `source_keys` hashes exactly these; the key is kept in the shard's source folder (`.zhibiao-sources`), signed together
with a digest of the folder, so a source tree copied in from elsewhere is never reused.
The digest also serves the second half (`builder.site.install`): it is computed once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from builder.atomic import write_bytes
from builder.cache import fingerprint, seal, signing_key, unseal
from builder.comments.store import existing_record
from builder.compose import page_path
from builder.compose.meta import find_by_number
from builder.compose.order import documents
from builder.corpus import Corpus, Loaded, SpecialtySet
from builder.site.layout import SiteLayout
from builder.site.pages import category
from builder.site.reuse import tree_digest

SOURCE_KEY = ".zhibiao-sources"


def _items(entry: SpecialtySet) -> list[Loaded[Any]]:
    """Every file of the set: its documents and any second 专业教学标准 (whose YAML could
    be offered for download in place of the first)."""
    return [*documents(entry), *entry.extra_specialties]


def outside_facts(entry: SpecialtySet, corpus: Corpus) -> list[object]:
    """What the pages of `entry` read from other specialties: each 接续专业's page and
    专业大类 (its shard), and the replacing document of each 被代替 document."""
    facts: list[object] = []
    specialties = [entry.specialty] if entry.specialty is not None else []
    for spec in [*specialties, *entry.extra_specialties]:
        for cont in spec.doc.continuation:
            target = corpus.specialties.get(cont.code)
            if target is None or target.specialty is None:
                facts.append((cont.code, None))
            else:
                facts.append((cont.code, page_path(target.specialty), category(target)))
    for path_item in _items(entry):
        number = path_item.doc.meta.replaced_by
        if number:
            successor = find_by_number(corpus, number)
            shown = (page_path(successor), successor.doc.meta.title) if successor else None
            facts.append((number, shown))
    return facts


def source_keys(corpus: Corpus, layout: SiteLayout, settings: str) -> dict[str, str]:
    """Shard name → a key of everything its generated sources are made from.

    `settings` describes the build: configuration, downloads, banner, version, URLs."""
    common = f"{fingerprint()};{settings}"
    keys: dict[str, str] = {}
    for shard in layout.shards:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(f"{common};{shard.name};{shard.prefix};{shard.title}".encode())
        for code in shard.codes:
            entry = corpus.specialties[code]
            digest.update(repr((code, outside_facts(entry, corpus))).encode())
            for item in _items(entry):
                digest.update(f"\0{item.path.as_posix()}\0".encode())
                digest.update(hashlib.blake2b(item.path.read_bytes(), digest_size=20).digest())
                record = existing_record(item.path)  # the consultation section reads it
                if record is not None:
                    digest.update(hashlib.blake2b(record.read_bytes(), digest_size=20).digest())
        keys[shard.name] = digest.hexdigest()
    return keys


def sources_digest(folder: Path) -> str:
    """The digest of the generated sources in `folder` (the key file left out)."""
    return tree_digest([folder], salt="sources", skip=SOURCE_KEY)


def write_source_key(folder: Path, key: str, weight: int) -> str:
    """Record the key of the sources just written to `folder`, signed together with their
    digest (not written when no signing key can be stored); returns the digest."""
    digest = sources_digest(folder)
    secret = signing_key()
    if secret is not None:
        body = f"{key}\n{weight}\n{digest}".encode()
        write_bytes(folder / SOURCE_KEY, seal(secret, body))
    return digest


def reusable_sources(folder: Path, key: str) -> tuple[int, str] | None:
    """(page count, digest) of the sources in `folder` if they were generated for `key`
    and are unchanged since (the signed record names the key and the folder's digest)."""
    try:
        body = unseal(signing_key(), (folder / SOURCE_KEY).read_bytes())
        recorded, weight, digest = (body or b"").decode("utf-8").split("\n")
        pages = int(weight)
    except (OSError, ValueError):
        return None
    if recorded != key or digest != sources_digest(folder):
        return None
    return pages, digest
