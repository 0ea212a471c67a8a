"""`zhibiao build`'s entry: take the build lock, ask the build record whether anything
changed (`builder.site.noop`), and only then load the pipeline that checks, composes,
renders and publishes (`builder.site.pipeline`).

This module and what it imports stay light: a build with nothing to do must not pay for
importing mkdocs, the composing modules, jieba, the Word or spreadsheet writers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from builder.checking.pipeline import CheckResult
from builder.project import Project, UsageError
from builder.project.buildlock import exclusive
from builder.read.corpus import Corpus
from builder.site.engine import DEFAULT_ENGINE, SiteEngine
from builder.site.noop import NoopGuard
from builder.site.options import SOURCE_DIR, BuildOptions, BuildOutcome
from builder.site.rootconfig import ROOT_CONFIG
from builder.site.versions import VERSIONS_FILE, check_name

if TYPE_CHECKING:
    from builder.site.downloads import DownloadProvider


def build_site(
    project: Project,
    options: BuildOptions,
    *,
    report: Callable[[CheckResult], None],
    say: Callable[[str], None],
    base: Path | None = None,
    engine: SiteEngine = DEFAULT_ENGINE,
    providers: Sequence[DownloadProvider] | None = None,
    root_config: Path | None = None,
) -> BuildOutcome:
    """Check the corpus, refuse on errors (unless forced), then build and install the site;
    with nothing changed since the last build, report its check again and do nothing."""
    if options.version is not None:
        check_name(options.version, "版本号")
    elif (options.site_dir / VERSIONS_FILE).is_file():
        raise UsageError(
            f"{options.site_dir} 中已有多版本站点（{VERSIONS_FILE}），不带 --version 构建会覆盖全部版本",
            hint="用 --version 构建一个版本，或用 -d 指定其他输出目录。",
        )
    source_dir = options.source_dir or project.root / SOURCE_DIR
    with exclusive(source_dir.parent, [source_dir, options.site_dir]):
        root_file = root_config or project.root / ROOT_CONFIG
        noop = NoopGuard.open(project, options, base, engine.name, root_file, custom=providers)
        last = noop.unchanged() if noop is not None and not options.rebuild else None
        if last is not None:
            checked = CheckResult(
                project, Corpus(root=project.standards), last.diagnostics, last.checked, False
            )
            report(checked)
            say("输入与上次构建相同，站点已是最新，未重新构建")
            published = options.site_dir / options.version if options.version else options.site_dir
            return BuildOutcome(checked, published, last.forced, unchanged=True)
        from builder.site.pipeline import build_locked  # the heavy part, only when needed

        return build_locked(
            project, options, report, say, base, engine, providers, root_config, noop
        )
