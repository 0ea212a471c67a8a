"""The page records of published shards, kept between builds for `builder.site.pagereuse`.

The batch worker returns, for every shard it built, a record of its pages (source, HTML and
search-entry digests, titles, anchors). The next build of that shard, when its sources
changed, hands the worker the previous output together with this record, and the worker
renders only the pages whose source changed. A record is a signed blob
(`builder.project.blobs`) in `.zhibiao/cache/pages/`, under a key derived from the shard's
sources key (`install.shard_keys`): it describes the output built from those sources, and
is used only with a published output the signed manifest records under the same key and
whose files are unchanged since (`install.unchanged`).

Entries are pruned after every split build: the records of the shards now published are
kept, the others go (another version's shards lose their records, not their output).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from builder.project.blobs import BlobCache
from builder.site.engine import PageRecords, SiteJob


class TemplateCache(BlobCache):
    """Compiled page templates kept between builds by the batch worker
    (`.zhibiao/cache/templates/`), signed like every blob: Jinja's bytecode is unmarshalled
    code, so an entry written by anyone else is never loaded. One entry per template file
    and source (a few hundred); not pruned: deleting `.zhibiao/cache` is always safe."""

    SUBDIR = "templates"
    SUFFIX = ".bin"
    MAX_ENTRY = 8 * 1024 * 1024


class PageCache(BlobCache):
    """Each published shard's page record, by the key of the sources it was built from."""

    SUBDIR = "pages"
    SUFFIX = ".json"
    MAX_ENTRY = 16 * 1024 * 1024
    worker_cache: Path | None = None
    """The project whose cache the shard workers may use for compiled templates and jieba's
    dictionary (`TemplateCache`, `builder.site.jiebadict`); None: they keep nothing."""

    @staticmethod
    def entry(shard_key: str) -> str:
        """The blob key of a shard key."""
        return hashlib.blake2b(shard_key.encode("utf-8"), digest_size=16).hexdigest()

    def record(self, shard_key: str) -> dict[str, Any] | None:
        """The authentic record of the output built from sources with `shard_key`."""
        data = self.load(self.entry(shard_key))
        if data is None:
            return None
        try:
            found = json.loads(data.decode("utf-8"))
        except ValueError:
            return None
        return found if isinstance(found, dict) else None

    def with_previous(self, job: SiteJob, previous: tuple[Path, str] | None) -> SiteJob:
        """`job` with the previous output (folder, sources key) and its record, if kept."""
        if previous is None or not self.enabled:
            return job
        record = self.record(previous[1])
        return job if record is None else replace(job, previous=previous[0], record=record)

    def keep(self, built: PageRecords, todo: Sequence[SiteJob], keys: Mapping[str, str]) -> None:
        """Store the records of the shards just built (`keys`: shard name → sources key)."""
        for job in todo:
            record = built.get(job.site_dir.resolve())
            key = keys.get(job.site_dir.name)
            if record is not None and key is not None:
                text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
                self.store(self.entry(key), text.encode("utf-8"))

    def settle(self, published: Iterable[str]) -> None:
        """After a split build: keep the records of the shards now `published` (their
        sources keys), drop the rest."""
        self.used.update(self.entry(key) for key in published)
        self.prune()
