"""What `zhibiao build` was asked to do and what it did: light types, importable without
the composing and rendering modules (a build with nothing to do never loads those)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from builder.site.layout import SplitMode

if TYPE_CHECKING:
    from builder.checking.pipeline import CheckResult

SOURCE_DIR = "build/site-src"
"""Where the generated sources go, relative to the project root (`BuildOptions.source_dir`)."""


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What `zhibiao build` was asked to do."""

    site_dir: Path
    force: bool = False
    version: str | None = None
    aliases: tuple[str, ...] = ()
    title: str | None = None
    docx: bool = True
    open_data: bool = True
    changelog: str | None = None
    source_dir: Path | None = None
    source_date_epoch: int | None = None
    split: SplitMode | None = None
    """None: `site.split` of zhibiao.yaml."""
    jobs: int | None = 1
    """Processes for parsing and for building shards (None: one per CPU)."""
    progress: bool | None = False
    verbose: bool = False
    """Pass the site engine's own log (mkdocs, jieba) through after its build."""
    rebuild: bool = False
    """Build even when nothing changed since the last build (`builder.site.record`)."""
    record_dir: Path | None = None
    """Cache folder for the build record (None: `.zhibiao/cache` of the built project)."""
    live: bool = False
    cache_check: bool = True
    """Take the check from the check cache and reuse what reading unchanged folders gave
    (`builder.site.checked`); off for an exported git revision (`--from-git`)."""
    """Pages load the preview's live-reload script (`zhibiao serve`, `builder.site.preview`)."""


@dataclass(slots=True)
class BuildOutcome:
    """Result of a build: the check result, and where the site went (None when refused)."""

    check: CheckResult
    published: Path | None = None
    forced: bool = False
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False
    """Nothing changed since the last build: the site on disk was left as it was."""
