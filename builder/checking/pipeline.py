"""The check pipeline: load → index → rules → severities → positions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import builder.read.source_rules  # noqa: F401  (registers the ZB0xx codes)
from builder.base.diagnostics import Diagnostic, Diagnostics
from builder.base.progress import progress
from builder.check import CheckContext, apply_severity, build_indexes, run_checks
from builder.check.claims import failed_claims
from builder.check.context import RenameFinder
from builder.migrate.explain import explain_old_shapes
from builder.project import Project
from builder.read.catalog import load_catalog
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, load_sources, place, quiet_gc
from builder.read.sources import find_sources


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Everything `zhibiao check` found, ready for a reporter.

    `corpus` holds every document, except after a cached check (`complete` false),
    where it holds only the specialty sets that were examined again.
    """

    project: Project
    corpus: Corpus
    diagnostics: list[Diagnostic]
    files: int
    complete: bool = True
    digests: Mapping[str, str] = field(default_factory=dict)
    """Content hash of every file read (path relative to the standards directory), when the
    check knows them (`builder.checking.incremental`); empty otherwise."""

    def failed(self, *, strict: bool = False) -> bool:
        """True when the exit status must be 1."""
        sink = Diagnostics(list(self.diagnostics))
        return sink.has_errors(strict=strict)


def order(d: Diagnostic) -> tuple[Any, ...]:
    """A total order of diagnostics: file, position, code, message, then everything else."""
    related = tuple((r.file, r.line, r.column) for r in d.related)
    return (*d.sort_key(), -int(d.severity), d.hint or "", related)


def check_corpus(
    corpus: Corpus,
    config: ProjectConfig,
    base: Path,
    *,
    baseline: Corpus | None = None,
    rename_finder: RenameFinder | None = None,
    broken: dict[str, frozenset[str]] | None = None,
) -> list[Diagnostic]:
    """Run every rule on `corpus`; apply the configured severities, then place the results.

    `broken` (what the failed files claim to be) defaults to `failed_claims(corpus, base)`.
    """
    ctx = CheckContext(
        corpus,
        config,
        load_catalog(config),
        build_indexes(corpus),
        baseline=baseline,
        rename_finder=rename_finder,
        broken=failed_claims(corpus, base) if broken is None else broken,
    )
    return place(apply_severity(run_checks(ctx), config), base)


def with_old_shapes(
    diagnostics: list[Diagnostic], config: ProjectConfig, base: Path
) -> list[Diagnostic]:
    """The diagnostics in order, a file in an older model shape named once (ZB016,
    `builder.migrate.explain`) with the placeholder warnings its upgrade explains folded in;
    unchanged when ZB016 is configured `ignore`."""
    if config.severity.get("ZB016") == "ignore":
        return sorted(diagnostics, key=order)
    kept, notices = explain_old_shapes(diagnostics, base)
    return sorted([*kept, *apply_severity(notices, config)], key=order)


def run_check(
    project: Project,
    *,
    base: Path | None = None,
    baseline: Corpus | None = None,
    rename_finder: RenameFinder | None = None,
    jobs: int | None = 1,
    show_progress: bool | None = False,
) -> CheckResult:
    """Check every standard under the project's standards directory (no cache).

    `baseline` is the base version's corpus (`--base REF`) for version-comparing rules, and
    `rename_finder` finds the codes renamed since (`builder.diff.renames.find_renames`).
    `jobs` worker processes parse the files when there are many (None: one per CPU; see
    `builder.read.parallel.parse_all`); `show_progress` None draws a bar on standard error
    when it is a terminal.
    """
    base = base or Path.cwd()
    with quiet_gc(), progress("检查", enabled=show_progress) as bar:
        sink = Diagnostics()
        sources = find_sources(project.standards, base)
        bar.add(len(sources))
        corpus = load_sources(sources, project.standards, sink, jobs=jobs, advance=bar.advance)
        loaded = place(apply_severity(sink.items, project.config), base)
        found = check_corpus(
            corpus, project.config, base, baseline=baseline, rename_finder=rename_finder
        )
        ordered = with_old_shapes([*loaded, *found], project.config, base)
    return CheckResult(project, corpus, ordered, len(corpus.documents) + len(corpus.failed))
