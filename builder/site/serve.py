"""`zhibiao serve`: a live preview for authors.

A repository that `zhibiao build` splits (`site.split`, `builder.site.split.plan_layout`) is
previewed from the split site, rebuilt incrementally (`builder.site.preview`). Otherwise the
generated docs are kept in sync with the standards: every second the YAML files,
`zhibiao.yaml` and `mkdocs.yml` are polled; on a change the pages are regenerated and only
the changed files are rewritten, so the engine's live reload refreshes the browser.
Errors do not stop the preview: the diagnostics are printed and every page shows a banner.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from builder.checking.pipeline import CheckResult, run_check
from builder.project import Project, UsageError
from builder.read.corpus import release_frozen
from builder.ruleset import open_project
from builder.site.downloads import default_providers
from builder.site.engine import DEFAULT_ENGINE, SiteEngine
from builder.site.pipeline import SOURCE_DIR, forced_banner, prepare_sources
from builder.site.preview import IncrementalPreview, preview_server
from builder.site.rootconfig import ROOT_CONFIG
from builder.site.sources import sync_sources
from builder.site.split import plan_layout

POLL_SECONDS = 1.0


def _snapshot(project: Project) -> dict[Path, tuple[int, int]]:
    watched = [p for p in project.standards.rglob("*") if p.is_file()]
    watched += [project.root / ROOT_CONFIG]
    if project.config_path is not None:
        watched.append(project.config_path)
    state: dict[Path, tuple[int, int]] = {}
    for path in watched:
        try:
            stat = path.stat()
        except OSError:
            continue
        state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def regenerate(
    path: Path | None, config_path: Path | None, report: Callable[[CheckResult], None]
) -> tuple[Project, Path]:
    """Check and render the project into build/site-src/ in place; returns the config file."""
    project = open_project(path, config_path)
    result = run_check(project)
    report(result)
    banner = forced_banner(result) if result.failed() else None
    target = project.root / SOURCE_DIR
    try:
        prepared = prepare_sources(
            project,
            result,
            target,
            banner=banner,
            version=None,
            providers=default_providers(docx=False),
            write=sync_sources,
            live=True,
        )
    finally:
        release_frozen()  # the corpus is dropped: its cycles may be collected
    return project, prepared.config_file


def serve(
    path: Path | None,
    config_path: Path | None,
    address: str,
    *,
    report: Callable[[CheckResult], None],
    say: Callable[[str], None],
    engine: SiteEngine = DEFAULT_ENGINE,
) -> int:
    """Serve until the engine stops or the user interrupts; returns the exit code."""
    project = open_project(path, config_path)
    config = project.config.site
    if plan_layout(run_check(project).corpus, config.split, config.split_above) is not None:
        return serve_incremental(path, config_path, address, report=report, say=say, engine=engine)
    project, config_file = regenerate(path, config_path, report)
    # A plain SIGTERM would skip the `finally` below and orphan the engine's server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    process = engine.serve(config_file, address)
    say(f"预览地址：http://{address}/（修改 standards/ 下的文件后页面会自动刷新，Ctrl+C 退出）")
    state = _snapshot(project)
    try:
        while process.poll() is None:
            time.sleep(POLL_SECONDS)
            current = _snapshot(project)
            if current == state:
                continue
            state = current
            try:
                project, _ = regenerate(path, config_path, report)
            except UsageError as exc:
                say(exc.render())
            else:
                say("已重新生成页面")
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
    return process.returncode or 0


def serve_incremental(
    path: Path | None,
    config_path: Path | None,
    address: str,
    *,
    report: Callable[[CheckResult], None],
    say: Callable[[str], None],
    engine: SiteEngine = DEFAULT_ENGINE,
) -> int:
    """Preview the split site with `engine`: built once, then rebuilt incrementally on every
    change."""
    preview = IncrementalPreview(path, config_path, report, say, engine)
    say("站点较大，按分站点构建预览，改动后只重建受影响的分站点")
    preview.rebuild()
    server = preview_server(preview, address)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    say(f"预览地址：http://{address}/（修改 standards/ 下的文件后页面会自动刷新，Ctrl+C 退出）")
    state = _snapshot(preview.project)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = _snapshot(preview.project)
            if current != state:
                state = current
                if preview.rebuild():
                    say("已重新构建预览")
    finally:
        server.shutdown()
        server.server_close()
