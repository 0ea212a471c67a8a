"""`zhibiao serve` on a repository that is built split: the preview is rebuilt incrementally
(`builder.site.preview`), tested without a browser by calling the rebuild the file watcher
calls, and by asking the preview's HTTP server for a page and the live-reload poll."""

from __future__ import annotations

import gc
import threading
import urllib.request
from pathlib import Path

import pytest

from builder.checking.pipeline import CheckResult
from builder.site.preview import IncrementalPreview, preview_server
from tests.test_site_noop import ENV, _edit_course, _small_project


@pytest.mark.slow
def test_the_preview_rebuilds_only_the_shard_an_edit_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    project = _small_project(tmp_path / "p", ("730701", "530701"), above=1)
    said: list[str] = []
    reports: list[CheckResult] = []
    preview = IncrementalPreview(project / "standards", None, reports.append, said.append)
    assert preview.rebuild() and preview.builds == 1
    site = project / "build/preview"
    shards = sorted(p.name for p in site.iterdir() if (p / "index.html").is_file())
    assert shards == ["530701", "730701"]
    page = next(site.glob("730701/courses/*/index.html"))
    assert "livereload.js" in page.read_text("utf-8")  # pages reload themselves
    assert not (project / "site").exists()  # the preview never touches the published site

    said.clear()
    assert not preview.rebuild() and preview.builds == 1  # nothing changed: nothing done
    assert any("未重新构建" in line for line in said), said

    said.clear()
    _edit_course(project)
    assert preview.rebuild() and preview.builds == 2
    assert gc.get_freeze_count() == 0  # the build's corpus is not kept from the collector
    assert any("构建 1 个，沿用未改动的 1 个" in line for line in said), said
    assert any("门户站点的页面未改动" in line for line in said), said
    assert any("修订：" in p.read_text("utf-8") for p in site.glob("730701/courses/*/index.html"))

    server = preview_server(preview, "127.0.0.1:0")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/730701/") as response:
            assert "730701" in response.read().decode("utf-8")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/livereload/0/1") as response:
            assert response.read() == b"2"  # a page loaded before build 2 reloads at once
        waiting: list[bytes] = []

        def poll() -> None:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/livereload/2/1") as answer:
                waiting.append(answer.read())

        poller = threading.Thread(target=poll)
        poller.start()
        with preview.changed:  # the next published build wakes the waiting page
            preview.builds += 1
            preview.changed.notify_all()
        poller.join(timeout=30)
        assert waiting == [b"3"]
    finally:
        server.shutdown()
        server.server_close()
