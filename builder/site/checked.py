"""The check a site build starts with, and every document loaded for composing.

The diagnostics come from the check cache exactly as `zhibiao check` gives them
(`builder.checking.incremental`: only specialty sets whose inputs changed are checked
again). Composing needs every document, so the whole tree is then loaded, reusing what
reading each unchanged folder gave last time (`builder.site.parsedcache`, keyed by the
content hashes the check just took). A build of an exported git revision (`--from-git`)
has a temporary tree, and a project whose cache folder is a link leading out must not be
written through (`builder.project.cache.cache_root`): both run the plain full check, which
loads every document once.
"""

from __future__ import annotations

from pathlib import Path

from builder.base.diagnostics import Diagnostics
from builder.checking.incremental import run_check_cached
from builder.checking.pipeline import CheckResult, run_check
from builder.project import Project, UsageError
from builder.project.cache import CheckCache, cache_root
from builder.read.corpus import load_sources
from builder.read.sources import find_sources
from builder.site.options import BuildOptions
from builder.site.parsedcache import ParsedCache, parse_cached


def check_and_load(project: Project, options: BuildOptions, base: Path | None) -> CheckResult:
    """The build's check result, its corpus holding every document of the tree."""
    folder = cache_folder(project) if options.cache_check else None
    if folder is None:
        return run_check(project, base=base, jobs=options.jobs, show_progress=options.progress)
    checked = run_check_cached(
        project,
        CheckCache.open(folder),
        base=base,
        jobs=options.jobs,
        show_progress=options.progress,
    )
    cache = ParsedCache.open(project.root, scope="site")
    root = project.standards
    corpus = load_sources(
        find_sources(root, base or Path.cwd()),
        root,
        Diagnostics(),  # the check above reported what loading finds
        read=lambda sources, tasks: parse_cached(
            root, sources, tasks, checked.digests, cache, jobs=options.jobs
        ),
        refs=checked.corpus.index,
    )
    return CheckResult(project, corpus, checked.diagnostics, checked.files, digests=checked.digests)


def cache_folder(project: Project) -> Path | None:
    """The project's cache folder; None when it is a link (then nothing is cached, as the
    build record is not: `builder.site.run`)."""
    try:
        return cache_root(project.root)
    except UsageError:
        return None
