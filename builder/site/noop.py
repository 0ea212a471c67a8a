"""Deciding whether `zhibiao build` has anything to do (the record is `builder.site.record`).

The inputs are planned from *facts*: what `zhibiao.yaml` and the root `mkdocs.yml` say that
the build depends on (`Facts`). A full build reads them from those files; they go into the
build record, so that `builder.site.unchanged` can plan the same inputs before loading any
configuration. Both configuration files are inputs themselves, so a key computed from
recorded facts equals the recorded key only when the facts are still true."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.project import Project, UsageError
from builder.project.cache import cache_root
from builder.project.paths import confined
from builder.site.record import (
    RECORD_DIR,
    BuildRecord,
    Inputs,
    fingerprint_inputs,
    input_files,
    read_record,
    record_path,
    write_record,
)
from builder.site.reuse import built_stamp, published_stamp
from builder.site.rootconfig import custom_dir

if TYPE_CHECKING:
    from builder.site.downloads import DownloadProvider
    from builder.site.options import BuildOptions, BuildOutcome


@dataclass(frozen=True, slots=True)
class Facts:
    """What the two configuration files say that the build's inputs depend on."""

    config: str
    """`zhibiao.yaml` as validated (JSON of the model, defaults included)."""
    engine: str | None
    """`site.engine` of zhibiao.yaml."""
    reference_docx: str | None
    """`docx.reference_docx` of zhibiao.yaml (relative to the project root)."""
    assets: tuple[str, ...]
    """Local files the root mkdocs.yml names (relative to its folder)."""
    custom_dir: str | None
    """`theme.custom_dir` of the root mkdocs.yml."""

    @classmethod
    def read(cls, project: Project, root_file: Path) -> Facts:
        """The facts of `project` built with the root config `root_file` (loads the YAML)."""
        from builder.site.config import asset_paths, load_root_config

        root = load_root_config(root_file)
        theme = root.get("theme")
        folder = theme.get("custom_dir") if isinstance(theme, dict) else None
        return cls(
            config=project.config.model_dump_json(),
            engine=project.config.site.engine,
            reference_docx=project.config.docx.reference_docx or None,
            assets=tuple(asset_paths(root)),
            custom_dir=folder if isinstance(folder, str) else None,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "config": self.config,
            "engine": self.engine,
            "reference_docx": self.reference_docx,
            "assets": list(self.assets),
            "custom_dir": self.custom_dir,
        }

    @classmethod
    def from_json(cls, raw: Any) -> Facts | None:
        """Facts read back from a record (None when absent or malformed)."""
        if not isinstance(raw, dict):
            return None
        config, engine, docx = raw.get("config"), raw.get("engine"), raw.get("reference_docx")
        assets, folder = raw.get("assets"), raw.get("custom_dir")
        if not isinstance(config, str) or not isinstance(assets, list):
            return None
        if not all(isinstance(a, str) for a in assets):
            return None
        if not all(v is None or isinstance(v, str) for v in (engine, docx, folder)):
            return None
        return cls(config, engine, docx, tuple(assets), folder)


def _settings(
    standards: Path, options: BuildOptions, base: Path | None, engine: str, config: str
) -> Any:
    """Everything besides files that the published site and the printed report depend on."""
    shown = os.path.relpath(os.path.abspath(standards), os.path.abspath(base or Path.cwd()))  # noqa: PTH100
    return {
        "engine": engine,
        "site_dir": os.path.abspath(options.site_dir),  # noqa: PTH100
        "force": options.force,
        "version": options.version,
        "aliases": list(options.aliases),
        "title": options.title,
        "docx": options.docx,
        "open_data": options.open_data,
        "changelog": options.changelog,
        "split": options.split,
        "live": options.live,
        "epoch": options.source_date_epoch,
        "standards_shown_as": shown,
        "config": config,
    }


def _inside(base: Path, paths: Sequence[str]) -> list[Path]:
    """The files named relative to `base` that stay inside it; the others are refused by
    the build itself, and are never read here."""
    top = base.resolve()
    found = []
    for rel in paths:
        path = (base / rel).resolve()
        if path.is_relative_to(top):
            found.append(path)
    return found


def plan_inputs(
    where: tuple[Path, Path, Path | None],
    facts: Facts,
    options: BuildOptions,
    base: Path | None,
    engine: str,
    root_file: Path,
    previous: BuildRecord | None,
) -> Inputs:
    """The key of a build's inputs: the files `facts` name (with the standards folder and
    both configuration files) and the settings. `where` is the project's (root, standards
    folder, config file), known before the configuration is loaded.
    Raises `UsageError` for a theme folder the build would refuse."""
    root, standards, config_path = where
    singles = [root_file, *_inside(root_file.parent, facts.assets)]
    if config_path is not None:
        singles.append(config_path)
    if facts.reference_docx:
        singles += _inside(root, [facts.reference_docx])
    folders = () if facts.custom_dir is None else (custom_dir(facts.custom_dir, root_file.parent),)
    files = input_files(root, standards, singles, folders)
    settings = _settings(standards, options, base, engine, facts.config)
    return fingerprint_inputs(files, settings, previous)


def record_file(root: Path, options: BuildOptions) -> Path | None:
    """Where the record of this build lives (None when the cache folder or its `site/`
    folder is a symbolic link: the record would be written where it points)."""
    try:
        cache_dir = options.record_dir or cache_root(root)
        confined(Path(RECORD_DIR), cache_dir, "缓存目录")
    except UsageError:
        return None
    return record_path(cache_dir, options.site_dir)


def unchanged(previous: BuildRecord | None, inputs: Inputs, site_dir: Path) -> bool:
    """The last build was made from these very inputs and its output is as it left it."""
    if previous is None or previous.key != inputs.key or not site_dir.is_dir():
        return False
    return published_stamp(site_dir) == previous.stamp


@dataclass(slots=True)
class NoopGuard:
    """The inputs of this build and the record of the last one into the same folder."""

    record_file: Path
    site_dir: Path
    inputs: Inputs
    facts: Facts
    previous: BuildRecord | None

    @classmethod
    def open(
        cls,
        project: Project,
        options: BuildOptions,
        base: Path | None,
        engine: str,
        root_file: Path,
        *,
        custom: Sequence[DownloadProvider] | None,
    ) -> NoopGuard | None:
        """The guard of a build, or None when its inputs cannot all be named (download
        providers passed in by a caller)."""
        if custom is not None:
            return None
        record = record_file(project.root, options)
        if record is None:  # a cache folder that links out: build without a record
            return None
        previous = read_record(record)
        facts = Facts.read(project, root_file)
        where = (project.root, project.standards, project.config_path)
        inputs = plan_inputs(where, facts, options, base, engine, root_file, previous)
        return cls(record, options.site_dir, inputs, facts, previous)

    def unchanged(self) -> BuildRecord | None:
        """The last build's record when it was made from these very inputs and the published
        folder is as that build left it; None when there is work to do."""
        return self.previous if unchanged(self.previous, self.inputs, self.site_dir) else None

    def remember(self, outcome: BuildOutcome) -> None:
        """Record a published build (what it was made from, the output, what was reported)."""
        record = BuildRecord(
            key=self.inputs.key,
            files=self.inputs.files,
            scanned=self.inputs.scanned,
            stamp=built_stamp(self.site_dir),
            forced=outcome.forced,
            checked=outcome.check.files,
            diagnostics=list(outcome.check.diagnostics),
            facts=self.facts.to_json(),
        )
        write_record(self.record_file, record)
