"""Read and parse many files in worker processes, results in input order.

Workers do the expensive, model-independent part (read, hash, decode, YAML → data →
JSON text) and import neither pydantic nor the models, so they start fast; the parent
validates the JSON text with pydantic (fast, in Rust) as results stream in. Moving the
JSON text between processes is far cheaper than pickling validated models.

The pool uses the `spawn` start method (safe with threads and on every platform) and is
only started above `PARALLEL_THRESHOLD` files, where it pays for its start-up.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from builder.base.oserrors import os_reason
from builder.read.yamlsource import YamlProblem, decode, parse, read_with_stat

PARALLEL_THRESHOLD = 256
"""Below this many files, parsing stays in the calling process."""

Problem = tuple[str, str, int, int, str | None]
"""A reading problem: code, message, line, column, hint."""


class Task(NamedTuple):
    """One file to read: where it is, and the resolved standards root."""

    path: str
    real: str
    link: bool
    root: str


class Parsed(NamedTuple):
    """The outcome of reading one file, small enough to send between processes."""

    digest: str
    """BLAKE2b of the bytes ("" when the file could not be read)."""
    kind: str | None
    """The top-level `kind` when the data is a mapping with a text `kind`."""
    payload: str | None
    """The data as JSON text, when JSON can carry it."""
    data: Any
    """The data itself, when `payload` is None (NaN/infinity, or no mapping)."""
    problem: Problem | None
    """Why the file could not be turned into data."""
    stat: tuple[int, int, int, int] | None
    """Size, mtime (ns), ctime (ns) and inode, for the check cache."""


def content_hash(raw: bytes) -> str:
    """A file's content hash: what `Parsed.digest`, the check cache and the site's keys use."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def _problem(problem: Problem, stat: tuple[int, int, int, int] | None = None) -> Parsed:
    return Parsed("", None, None, None, problem, stat)


def parse_task(task: Task) -> Parsed:
    """Read one file into a `Parsed`; never raises for bad content."""
    if task.link and not _inside(task.real, task.root):
        try:
            target = str(Path(task.path).readlink())
        except OSError:
            target = task.real
        return _problem(("ZB013", f"符号链接指向标准目录之外：{target}", 1, 1, None))
    try:
        raw, info = read_with_stat(Path(task.path))
        stat = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    except YamlProblem as problem:
        return _problem((problem.code, problem.message, problem.line, problem.column, problem.hint))
    except OSError as exc:
        return _problem(("ZB010", f"无法读取文件：{os_reason(exc)}", 0, 0, None))
    digest = content_hash(raw)
    try:
        data = parse(decode(raw))
    except YamlProblem as problem:
        found = (problem.code, problem.message, problem.line, problem.column, problem.hint)
        return Parsed(digest, None, None, None, found, stat)
    kind = data.get("kind") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(kind, str):
        return Parsed(digest, None, None, data, None, stat)
    try:
        payload = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return Parsed(digest, kind, None, data, None, stat)
    return Parsed(digest, kind, payload, None, None, stat)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def default_jobs() -> int:
    """Worker processes to use: the CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover  (not Linux)
        return max(1, os.cpu_count() or 1)


def parse_all(
    tasks: Sequence[Task],
    *,
    jobs: int | None = 1,
    advance: Callable[[], None] | None = None,
) -> Iterator[Parsed]:
    """`parse_task` over `tasks`, in order; in `jobs` worker processes when there are many.

    `jobs` None means one per CPU. Library callers keep the default of 1 unless their
    main module is guarded by `if __name__ == "__main__":` (the `spawn` start method
    imports it again in every worker); the command line passes None.
    """
    jobs = default_jobs() if jobs is None else jobs
    in_worker = multiprocessing.parent_process() is not None
    if jobs <= 1 or len(tasks) < PARALLEL_THRESHOLD or in_worker:
        for task in tasks:
            yield parse_task(task)
            if advance:
                advance()
        return
    chunk = max(8, min(64, len(tasks) // (jobs * 16)))
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs) as pool:
        for parsed in pool.imap(parse_task, tasks, chunksize=chunk):
            yield parsed
            if advance:
                advance()
