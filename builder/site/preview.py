"""`zhibiao serve` on a large repository: the preview is the split site that `zhibiao build`
makes, rebuilt incrementally (`builder.site.entry`) and served from `build/preview/`.

`mkdocs serve` rebuilds its whole site on every change, which takes minutes for a national
corpus; here a change rebuilds only the shards whose pages changed (the portal only when its
pages change), and an unchanged repository does nothing (the build record). Pages load the
same live-reload script as under `mkdocs serve` (`builder.site.theme`): it long-polls
`/livereload/<build>/<id>`, answered here with the number of the last published build.
Errors do not stop the preview: the diagnostics are printed and every page shows a banner.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from dataclasses import replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from builder.checking.pipeline import CheckResult
from builder.project import Project, UsageError
from builder.read.corpus import release_frozen
from builder.ruleset import open_project
from builder.site.engine import DEFAULT_ENGINE, SiteEngine
from builder.site.entry import build_site
from builder.site.options import BuildOptions

PREVIEW_DIR = "build/preview"
PREVIEW_SOURCES = "build/preview-src"
WAIT_SECONDS = 60.0
"""How long a live-reload request waits for a new build before answering anyway."""
_POLL = re.compile(r"^/livereload/([0-9]+(?:\.[0-9]*)?)/[0-9]+$")


class IncrementalPreview:
    """The preview site of one project and the number of its last published build."""

    def __init__(
        self,
        path: Path | None,
        config_path: Path | None,
        report: Callable[[CheckResult], None],
        say: Callable[[str], None],
        engine: SiteEngine = DEFAULT_ENGINE,
    ) -> None:
        self.path = path
        self.engine = engine
        self.config_path = config_path
        self.report = report
        self.say = say
        self.project: Project = open_project(path, config_path)
        self.site_dir = self.project.root / PREVIEW_DIR
        self.builds = 0
        self.changed = threading.Condition()

    def options(self) -> BuildOptions:
        """A forced build (errors show as a banner) without Word files, with live reload."""
        return BuildOptions(
            site_dir=self.site_dir,
            force=True,
            docx=False,
            open_data=False,
            source_dir=self.project.root / PREVIEW_SOURCES,
            jobs=None,
            live=True,
        )

    def rebuild(self) -> bool:
        """Build what changed since the last build; True when a new site was published.
        A refused build (the engine's strict check) is reported and the old site stays."""
        try:
            self.project = open_project(self.path, self.config_path)
            options = replace(self.options(), site_dir=self.project.root / PREVIEW_DIR)
            self.site_dir = options.site_dir
            outcome = build_site(
                self.project, options, report=self.report, say=self.say, engine=self.engine
            )
        except UsageError as exc:
            self.say(exc.render())
            return False
        finally:
            release_frozen()  # this build's corpus is dropped: its cycles may be collected
        if outcome.unchanged or outcome.published is None:
            return False
        with self.changed:
            self.builds += 1
            self.changed.notify_all()
        return True

    def wait_for_build(self, seen: float, timeout: float = WAIT_SECONDS) -> int:
        """The number of the last build, once it is above `seen` (or after `timeout`)."""
        with self.changed:
            self.changed.wait_for(lambda: self.builds > seen, timeout=timeout)
            return self.builds


class _Handler(SimpleHTTPRequestHandler):
    """Files of the preview site, and the live-reload long poll."""

    preview: IncrementalPreview

    def do_GET(self) -> None:
        match = _POLL.match(self.path)
        if match is None:
            super().do_GET()
            return
        body = str(self.preview.wait_for_build(float(match.group(1)))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the preview prints its own messages."""


def preview_server(preview: IncrementalPreview, address: str) -> ThreadingHTTPServer:
    """An HTTP server for `preview` on `address` (host:port; port 0 picks a free one)."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"预览地址「{address}」应写成 主机:端口，如 127.0.0.1:8000")
    handler = type("PreviewHandler", (_Handler,), {"preview": preview})
    factory = functools.partial(handler, directory=str(preview.site_dir))
    try:
        server = ThreadingHTTPServer((host.strip("[]"), int(port)), factory)
    except OSError as exc:
        raise UsageError(f"无法在 {address} 上启动预览：{exc.strerror or exc}") from None
    server.daemon_threads = True
    return server
