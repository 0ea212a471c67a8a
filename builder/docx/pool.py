"""Render documents in worker processes, results in input order, bytes as in one process.

Rendering is pure (a DocTree, a profile and a template path in, deterministic bytes out),
so workers need nothing but their arguments. The pool uses the `spawn` start method (as
`builder.read.parallel` does) and starts only above `PARALLEL_THRESHOLD` documents, where the
start-up of the workers (importing python-docx) pays for itself.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from pathlib import Path

from builder.compose.doctree import DocTree
from builder.docx.profiles import Profile
from builder.read.parallel import default_jobs

PARALLEL_THRESHOLD = 24
"""Below this many documents to render, rendering stays in the calling process."""

Job = tuple[DocTree, Profile, Path | None]
"""One document to render: its tree, its profile and the reference template."""


def render_one(job: Job) -> bytes:
    """The .docx bytes of one document."""
    from builder.docx.package import to_bytes
    from builder.docx.writer import render

    tree, profile, template = job
    return to_bytes(render(tree, profile, template=template))


def render_many(work: Sequence[Job], *, jobs: int | None = 1) -> Iterator[bytes]:
    """`render_one` over `work`, in order; in worker processes when there are many.

    `jobs` None means one per CPU. Library callers keep the default of 1 unless
    their main module is guarded by `if __name__ == "__main__":` (`spawn` imports it again
    in every worker); the command line passes None.
    """
    workers = default_jobs() if jobs is None else jobs
    workers = min(workers, len(work) // (PARALLEL_THRESHOLD // 2) or 1)
    if workers <= 1 or len(work) < PARALLEL_THRESHOLD or multiprocessing.parent_process():
        for job in work:
            yield render_one(job)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        yield from pool.imap(render_one, work, chunksize=4)
