"""The site generator behind a small interface.

MkDocs 1.x is unmaintained and Material is in maintenance mode; Zensical reads the same
`mkdocs.yml`. Everything engine-specific lives here: the rest of `builder.site` writes plain
Markdown plus a config file and asks an engine to build or serve it.
"""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from builder.base.atomic import write_text
from builder.project import UsageError
from builder.site.engine_errors import explain

_WARNING = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
SEARCH_INDEX = "search/search_index.json"
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


class SiteBuildError(UsageError):
    """The engine refused the generated site (a warning under --strict, or a crash)."""


@dataclass(frozen=True, slots=True)
class SiteJob:
    """One site of a split build: its config file, output folder and size (pages); for an
    engine that can keep unchanged pages, its previous output and that output's page record
    (`builder.site.pagereuse`)."""

    config_file: Path
    site_dir: Path
    weight: int = 1
    previous: Path | None = None
    record: dict[str, Any] | None = None


PageRecords = dict[Path, dict[str, Any]]
"""Output folder of each site built → the page record of that output."""


@dataclass(frozen=True, slots=True)
class BuildLog:
    """What the engine printed, and the warnings found in it."""

    output: str
    warnings: tuple[str, ...]


class SiteEngine(Protocol):
    """Builds a static site from a config file and a docs directory."""

    @property
    def name(self) -> str:
        """Short name shown in messages."""
        ...

    def build(self, config_file: Path, site_dir: Path, *, epoch: int | None = None) -> BuildLog:
        """Build strictly into `site_dir`; raise `SiteBuildError` on any warning.

        `epoch` (seconds) is the build date written into the output (SOURCE_DATE_EPOCH).
        """
        ...

    def serve(self, config_file: Path, address: str) -> subprocess.Popen[bytes]:
        """Start a live-reloading preview server and return its process."""
        ...

    def build_many(
        self,
        sites: Sequence[SiteJob],
        *,
        epoch: int | None = None,
        workers: int = 1,
        on_done: Callable[[int, int], None] | None = None,
        project: Path | None = None,
    ) -> PageRecords:
        """Build several sites, each strictly, using up to `workers` processes; `on_done`
        is called with (sites built, all sites) as each one finishes. `project` is the
        project whose cache the engine may use (None: keep nothing). Returns the page
        records of the sites built (none from an engine that keeps no pages)."""
        ...


def engine_env(epoch: int | None = None) -> dict[str, str]:
    """Environment for the engine: end-of-life banners silenced, build date pinned if known."""
    env = {**os.environ, **QUIET_ENV}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    return env


@dataclass(frozen=True, slots=True)
class MkDocsEngine:
    """`mkdocs build --strict` / `mkdocs serve` run as subprocesses of this Python."""

    name: str = "mkdocs"

    def build(self, config_file: Path, site_dir: Path, *, epoch: int | None = None) -> BuildLog:
        """Run `mkdocs build --strict --clean`; every WARNING fails the build."""
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
        config_file, site_dir = config_file.resolve(), site_dir.resolve()
        command += ["-f", str(config_file), "-d", str(site_dir)]
        done = subprocess.run(
            command,
            cwd=config_file.parent,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=engine_env(epoch),
            check=False,
        )
        output = done.stdout + done.stderr
        warnings = tuple(m.group(2) for m in map(_WARNING.match, output.splitlines()) if m)
        if done.returncode != 0 or warnings:
            message, hint = explain(output, warnings)
            raise SiteBuildError(message, hint=hint)
        compact_search_index(site_dir)
        return BuildLog(output, warnings)

    def serve(self, config_file: Path, address: str) -> subprocess.Popen[bytes]:
        """Start `mkdocs serve` with live reload on `address` (host:port)."""
        config_file = config_file.resolve()
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file)]
        command += ["--dev-addr", address, "--livereload"]
        return subprocess.Popen(command, cwd=config_file.parent, env=engine_env())

    def build_many(
        self,
        sites: Sequence[SiteJob],
        *,
        epoch: int | None = None,
        workers: int = 1,
        on_done: Callable[[int, int], None] | None = None,
        project: Path | None = None,
    ) -> PageRecords:
        """Build `sites` in `workers` batch processes (`builder.site.batch`), heaviest first;
        each process reports a site per line as it finishes, passed on to `on_done`. A site
        with a previous output keeps the pages its record shows unchanged; compiled
        templates are kept in `project`'s cache."""
        if not sites:
            return {}
        chunks = balanced(sites, max(1, min(workers, len(sites))))
        with tempfile.TemporaryDirectory(prefix="zhibiao-batch-") as scratch:
            running = []
            for number, chunk in enumerate(chunks):
                jobs = Path(scratch) / f"jobs-{number}.json"
                data = {
                    "sites": [_job_data(s) for s in chunk],
                    "project": str(project) if project is not None else None,
                }
                jobs.write_text(json.dumps(data), "utf-8")
                command = [sys.executable, "-m", "builder.site.batch", str(jobs)]
                running.append(
                    subprocess.Popen(
                        command,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE,
                        env=engine_env(epoch),
                    )
                )
            try:
                outputs = _collect(running, len(sites), on_done)
            finally:  # interrupted: stop the workers instead of leaving them building
                for process in running:
                    if process.poll() is None:
                        process.kill()
                        process.wait()
        failures: list[str] = []
        errors: list[str] = []
        records: PageRecords = {}
        for process, (out, err) in zip(running, outputs, strict=True):
            failed, built = _batch_results(out)
            failures += failed
            records.update(built)
            if process.returncode != 0:
                errors.append(err)
        if failures or errors:
            message, hint = explain("\n".join(errors), failures)
            raise SiteBuildError(message, hint=hint)
        return records


def _job_data(site: SiteJob) -> dict[str, Any]:
    """A site as the batch worker reads it."""
    data: dict[str, Any] = {
        "config": str(site.config_file.resolve()),
        "site_dir": str(site.site_dir.resolve()),
    }
    if site.previous is not None and site.record is not None:
        data["previous"] = str(site.previous.resolve())
        data["record"] = site.record
    return data


def _collect(
    running: Sequence[subprocess.Popen[bytes]],
    total: int,
    on_done: Callable[[int, int], None] | None,
) -> list[tuple[str, str]]:
    """Each process's (stdout, stderr), read as they come (a thread per stream, so a full
    pipe never blocks a worker); every result line on stdout is one more site built."""
    lines: queue.Queue[str | None] = queue.Queue()
    texts: dict[tuple[int, str], list[str]] = {}

    def pump(index: int, name: str, stream: Any, report: bool) -> None:
        chunks = texts.setdefault((index, name), [])
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace")
            chunks.append(line)
            if report:
                lines.put(line)
        if report:
            lines.put(None)

    threads = []
    for index, process in enumerate(running):
        for name, stream in (("out", process.stdout), ("err", process.stderr)):
            thread = threading.Thread(
                target=pump, args=(index, name, stream, name == "out"), daemon=True
            )
            thread.start()
            threads.append(thread)
    done = finished = 0
    while finished < len(running):
        line = lines.get()
        if line is None:
            finished += 1
        elif line.startswith("{") and on_done is not None:
            done += 1
            on_done(min(done, total), total)
    for thread in threads:
        thread.join()
    for process in running:
        process.wait()
    return [
        ("".join(texts.get((i, "out"), [])), "".join(texts.get((i, "err"), [])))
        for i in range(len(running))
    ]


def balanced(sites: Sequence[SiteJob], count: int) -> list[list[SiteJob]]:
    """Split `sites` into `count` lists of similar total weight (largest first, greedy)."""
    chunks: list[list[SiteJob]] = [[] for _ in range(count)]
    loads = [0] * count
    for site in sorted(sites, key=lambda s: (-s.weight, str(s.config_file))):
        lightest = loads.index(min(loads))
        chunks[lightest].append(site)
        loads[lightest] += site.weight
    return [c for c in chunks if c]


def _batch_results(output: str) -> tuple[list[str], PageRecords]:
    """What a batch worker reported: messages for every site that did not build cleanly,
    and the page records of those that did."""
    failures: list[str] = []
    records: PageRecords = {}
    for line in output.splitlines():
        try:
            result = json.loads(line)
        except ValueError:
            continue
        if not isinstance(result, dict):
            continue
        if isinstance(result.get("pages"), dict) and result.get("site_dir"):
            records[Path(result["site_dir"])] = result["pages"]
        problems = [
            *result.get("warnings", []),
            *([result["error"]] if result.get("error") else []),
        ]
        if problems:
            where = Path(result.get("config", "")).parent.name
            failures.extend(f"[{where}] {p}" for p in problems)
    return failures, records


DEFAULT_ENGINE: SiteEngine = MkDocsEngine()


def compact_search_index(site_dir: Path) -> None:
    """Rewrite Material's search index as UTF-8 JSON instead of `\\uXXXX` escapes.

    The search plugin writes ASCII-only JSON, so every Chinese character (and every
    zero-width space jieba inserts between words) costs 6 bytes; in UTF-8 it costs 3.
    Browsers decode `fetch(...).json()` as UTF-8, so the index means the same."""
    index = site_dir / SEARCH_INDEX
    if index.is_file():
        data = json.loads(index.read_text("utf-8"))
        write_text(index, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
