"""Deciding whether `zhibiao build` has anything to do (the record is `builder.site.record`)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.project import Project, UsageError
from builder.project.cache import cache_root
from builder.site.config import asset_paths, load_root_config, theme_dirs
from builder.site.record import (
    BuildRecord,
    Inputs,
    fingerprint_inputs,
    input_files,
    read_record,
    record_path,
    write_record,
)
from builder.site.reuse import output_stamp

if TYPE_CHECKING:
    from builder.site.downloads import DownloadProvider
    from builder.site.options import BuildOptions, BuildOutcome


def _settings(project: Project, options: BuildOptions, base: Path | None, engine: str) -> Any:
    """Everything besides files that the published site and the printed report depend on."""
    shown = os.path.relpath(os.path.abspath(project.standards), os.path.abspath(base or Path.cwd()))  # noqa: PTH100
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
        "config": project.config.model_dump_json(),
    }


def _inside(base: Path, paths: list[str]) -> list[Path]:
    """The files named relative to `base` that stay inside it; the others are refused by
    the build itself, and are never read here."""
    top = base.resolve()
    found = []
    for rel in paths:
        path = (base / rel).resolve()
        if path.is_relative_to(top):
            found.append(path)
    return found


@dataclass(slots=True)
class NoopGuard:
    """The inputs of this build and the record of the last one into the same folder."""

    record_file: Path
    site_dir: Path
    inputs: Inputs
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
        try:
            cache_dir = options.record_dir or cache_root(project.root)
        except UsageError:  # a cache folder that links out: build without a record
            return None
        record_file = record_path(cache_dir, options.site_dir)
        previous = read_record(record_file)
        root = load_root_config(root_file)
        singles = [root_file, *_inside(root_file.parent, asset_paths(root))]
        if project.config_path is not None:
            singles.append(project.config_path)
        if project.config.docx.reference_docx:
            singles += _inside(project.root, [project.config.docx.reference_docx])
        files = input_files(
            project.root, project.standards, singles, theme_dirs(root, root_file.parent)
        )
        settings = _settings(project, options, base, engine)
        inputs = fingerprint_inputs(files, settings, previous)
        return cls(record_file, options.site_dir, inputs, previous)

    def unchanged(self) -> BuildRecord | None:
        """The last build's record when it was made from these very inputs and the published
        folder is as that build left it; None when there is work to do."""
        last = self.previous
        if last is None or last.key != self.inputs.key or not self.site_dir.is_dir():
            return None
        return last if output_stamp(self.site_dir) == last.stamp else None

    def remember(self, outcome: BuildOutcome) -> None:
        """Record a published build (what it was made from, the output, what was reported)."""
        record = BuildRecord(
            key=self.inputs.key,
            files=self.inputs.files,
            scanned=self.inputs.scanned,
            stamp=output_stamp(self.site_dir),
            forced=outcome.forced,
            checked=outcome.check.files,
            diagnostics=list(outcome.check.diagnostics),
        )
        write_record(self.record_file, record)
