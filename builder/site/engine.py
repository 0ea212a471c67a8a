"""The site generator behind a small interface.

MkDocs 1.x is unmaintained and Material is in maintenance mode; Zensical reads the same
`mkdocs.yml`. Everything engine-specific lives here: the rest of `builder.site` writes plain
Markdown plus a config file and asks an engine to build or serve it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from builder.atomic import write_text
from builder.project import UsageError

_WARNING = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
SEARCH_INDEX = "search/search_index.json"
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


class SiteBuildError(UsageError):
    """The engine refused the generated site (a warning under --strict, or a crash)."""


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
            detail = "\n".join(f"  {w}" for w in warnings) or output.strip()[-2000:]
            raise SiteBuildError(
                f"mkdocs 构建失败（严格模式下不允许任何警告）：\n{detail}",
                hint="若警告来自根目录 mkdocs.yml 的设置，请修改该文件；否则请报告此问题。",
            )
        compact_search_index(site_dir)
        return BuildLog(output, warnings)

    def serve(self, config_file: Path, address: str) -> subprocess.Popen[bytes]:
        """Start `mkdocs serve` with live reload on `address` (host:port)."""
        config_file = config_file.resolve()
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file)]
        command += ["--dev-addr", address, "--livereload"]
        return subprocess.Popen(command, cwd=config_file.parent, env=engine_env())


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
