"""The 意见反馈表 forms of unchanged drafts, reused from the last build.

Every standard under consultation (征求意见稿) offers two forms on its page, Excel and Word
(`builder.comments.forms`), about 40 ms of work a document: a specialty whose pages are
made again (one edited course) made all its drafts' forms again, and a national build
under consultation makes thousands. The forms are made only from what their head says
(`FormInfo`) and the document's anchors (key and 原文), plus the build date
(`SOURCE_DATE_EPOCH`), the tool and the two writers' versions; the key hashes exactly that.

A document's two forms are one signed blob (`builder.project.blobs`), so a hit gives the
bytes a fresh build would (`tests/test_site_formcache.py`). Entries are pruned only after
a build that made every page (nothing kept from the last build): a build that keeps most
specialties does not see their forms.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Sequence
from importlib.metadata import version

from builder.comments.anchors import Anchor
from builder.comments.forms import FormInfo, form_docx, form_xlsx
from builder.project.blobs import BlobCache
from builder.project.cache import fingerprint
from builder.read.parallel import default_jobs
from builder.site.datacache import pack, unpack

FORMAT = 1
PARALLEL_THRESHOLD = 24
"""Below this many forms to make, `FormCache.warm` leaves them to the build's own process."""
Forms = Callable[[FormInfo, Sequence[Anchor]], tuple[bytes, bytes]]
"""Makes a draft's two forms (Excel, Word) from its form head and anchors."""


def fresh_forms(info: FormInfo, anchors: Sequence[Anchor]) -> tuple[bytes, bytes]:
    """The two forms, made now."""
    return form_xlsx(info, list(anchors)), form_docx(info, list(anchors))


def _make(draft: tuple[FormInfo, list[Anchor]]) -> tuple[bytes, bytes]:
    return fresh_forms(*draft)


class FormCache(BlobCache):
    """Each draft's two forms, by a key of everything they are made from."""

    SUBDIR = "forms"
    SUFFIX = ".bin"

    def key(self, info: FormInfo, anchors: Sequence[Anchor]) -> str:
        """The key of one draft's forms."""
        parts = [
            FORMAT,
            fingerprint(),
            version("openpyxl"),
            version("python-docx"),
            os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
            [info.doc_id, info.title, info.status, info.deadline],
            [[a.key, a.text] for a in anchors],
        ]
        text = json.dumps(parts, ensure_ascii=False)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    def __call__(self, info: FormInfo, anchors: Sequence[Anchor]) -> tuple[bytes, bytes]:
        """The two forms: from the cache when an authentic entry has them, else made
        (and kept)."""
        key = self.key(info, anchors)
        blob = self.load(key)
        files = unpack(blob) if blob is not None else None
        if files is not None and [p for p, _, _ in files] == ["xlsx", "docx"]:
            return files[0][2], files[1][2]
        made = fresh_forms(info, anchors)
        self.store(key, pack([("xlsx", "", made[0]), ("docx", "", made[1])]))
        return made

    def warm(self, drafts: Sequence[tuple[FormInfo, Sequence[Anchor]]], jobs: int | None) -> int:
        """Make the forms of `drafts` that the cache lacks in worker processes, when there
        are many and the cache is written, so that the build then takes every one from the
        cache (a first build under consultation makes thousands; the pages are written one
        at a time in the build's own process). Returns how many were made. `jobs` None
        means one per CPU; workers are `spawn`ed, as `builder.docx.pool` does."""
        if not self.enabled:
            return 0
        missing: dict[str, tuple[FormInfo, list[Anchor]]] = {}
        for info, anchors in drafts:
            key = self.key(info, anchors)
            if key not in missing and not self.has(key):
                missing[key] = (info, list(anchors))
        workers = default_jobs() if jobs is None else jobs
        workers = min(workers, len(missing) // (PARALLEL_THRESHOLD // 2) or 1)
        if workers <= 1 or len(missing) < PARALLEL_THRESHOLD or multiprocessing.parent_process():
            return 0
        context = multiprocessing.get_context("spawn")
        with context.Pool(workers) as pool:
            made = pool.imap(_make, list(missing.values()), chunksize=4)
            for key, (xlsx, docx) in zip(missing, made, strict=True):
                self.store(key, pack([("xlsx", "", xlsx), ("docx", "", docx)]))
        return len(missing)
