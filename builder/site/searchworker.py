"""Chinese search that finds what people type: Material's search worker with zhibiao's
query and index handling in front of it (`templates/site/search-worker.js`).

The worker file is replaced in the docs tree under Material's own (hashed) name, so pages,
their Content-Security-Policy (`script-src 'self'`) and the iframe fallback for `file://`
need nothing else: a same-origin file, no inline script. The generated file is the
project's prelude followed by the installed Material's worker, byte for byte.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

WORKERS_DIR = "assets/javascripts/workers"


class SearchWorkerError(RuntimeError):
    """The installed Material has no (or more than one) search worker to extend."""


def _material_worker() -> Path:
    folder = Path(str(resources.files("material"))) / "templates" / WORKERS_DIR
    found = sorted(folder.glob("search.*.min.js"))
    if len(found) != 1:
        raise SearchWorkerError(f"找不到 Material 的搜索脚本（{folder}）")
    return found[0]


def prelude() -> bytes:
    """zhibiao's part of the worker: bigram index, query segmentation, previews."""
    return resources.files("builder").joinpath("templates/site/search-worker.js").read_bytes()


@functools.cache
def search_worker_files() -> dict[str, bytes]:
    """Docs-relative path → content: Material's worker, extended, under its own name."""
    worker = _material_worker()
    return {f"{WORKERS_DIR}/{worker.name}": prelude() + b"\n" + worker.read_bytes()}
