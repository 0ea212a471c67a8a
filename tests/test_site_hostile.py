"""The site as an attacker would try it: payloads in every string field, in a file name, in
zhibiao.yaml and in the version title, built in every mode — default with a changelog from
`--changes-since`, `--split specialty`, `--from-git` with `--version/--alias/--title`, and
`zhibiao serve` — then every page loaded in headless Chromium, its links hovered and clicked.

Nothing may run (no dialog, no handler attribute, no `javascript:` address, no CSP
violation), nothing may be fetched from another host, and every payload must be shown as
the text it is (escaped, not deleted).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
import pytest

from builder.site.theme import CONTENT_SECURITY_POLICY
from tests.conftest import REPO, run_cli
from tests.hostile_site import (
    HOSTILE_FILE,
    ISSUER,
    PAYLOADS,
    SITE_TITLE,
    SPECIALTY,
    VERSION_TITLE,
    hostile_repository,
    html_pages,
    visit,
)

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
BUILDS = {
    "plain": ["--changes-since", "v1"],
    "split": ["--split", "specialty", "--changes-since", "v1"],
    "versioned": ["--from-git", "v2", "--version", "2025", "--alias", "latest"],
}
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_repository(tmp_path_factory.mktemp("hostile") / "project")


@pytest.fixture(scope="module")
def sites(repo: Path) -> dict[str, Path]:
    built: dict[str, Path] = {}
    for name, args in BUILDS.items():
        extra = ["--title", VERSION_TITLE] if "--version" in args else []
        target = repo.parent / f"site-{name}"
        result = run_cli(["build", "--no-docx", *args, *extra, "-d", str(target)], repo)
        assert result.exit_code == 0, result.stdout + result.stderr
        assert "0 个错误" in result.stdout
        built[name] = target
    return built


def test_the_corpus_is_hostile_everywhere_and_checks_clean(repo: Path) -> None:
    folder = repo / "standards" / SPECIALTY
    texts = "".join(p.read_text("utf-8") for p in folder.rglob("*.yaml"))
    carried = sum(texts.count(p.replace("'", "''")) for p in PAYLOADS)
    assert carried >= 300, carried
    assert (folder / "courses" / HOSTILE_FILE).is_file()
    result = run_cli(["check"], repo)
    assert result.exit_code == 0, result.stdout


class _Active(HTMLParser):
    """Everything in a page that could run or fetch: inline scripts, handlers, addresses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.policy = ""
        self.script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.policy = values.get("content") or ""
        if tag == "script":
            self.script = "src" not in values and values.get("type") != "application/json"
        for name, value in attrs:
            address = "".join((value or "").split()).lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            elif name in ("href", "src", "action", "content") and (
                address.startswith(("javascript:", "vbscript:", "//", "http:", "https:"))
                or (address.startswith("data:") and tag != "img")
            ):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "object", "embed", "frame", "base"):
            self.found.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self.script and data.strip():
            self.found.append(f"inline script: {data[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script = False


def test_no_page_has_active_content_and_every_page_has_the_policy(sites: dict[str, Path]) -> None:
    checked = 0
    for site in sites.values():
        for path in site.rglob("*.html"):
            parser = _Active()
            parser.feed(path.read_text("utf-8"))
            assert not parser.found, (path, parser.found)
            assert parser.policy == CONTENT_SECURITY_POLICY, path
            checked += 1
    assert checked >= 30


def test_every_mode_shows_the_changelog_version_and_hostile_file_name(
    sites: dict[str, Path],
) -> None:
    for name in ("plain", "split"):
        changelog = (sites[name] / "changelog" / "index.html").read_text("utf-8")
        assert "ZH01 &lt;img src=x onerror=alert(7)&gt;" in changelog
    versions = (sites["versioned"] / "versions.json").read_text("utf-8")
    assert "2025&lt;img src=x onerror=alert(13)&gt;" in versions


def test_diff_markdown_keeps_every_value_as_text(repo: Path) -> None:
    result = run_cli(["diff", "v1", "--format", "markdown"], repo)
    assert result.exit_code == 0, result.stderr
    rendered = markdown.markdown(
        result.stdout, extensions=["tables", "attr_list", "md_in_html", "admonition"]
    )
    parser = _Active()
    parser.feed(rendered)
    assert not parser.found
    assert "<img" not in rendered and "<a " not in rendered and "<script" not in rendered
    assert "ZH01 &lt;img src=x onerror=alert(7)&gt; [y](javascript:alert(8)).yaml" in rendered


# ---- in Chromium ---------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        pytest.skip("needs Debian's chromium")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@functools.cache
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _assert_safe_and_literal(seen: Any, *, title: bool = True) -> None:
    assert seen.pages and not seen.problems, seen.problems
    shown = "\n".join(seen.text)
    missing = [p for p in PAYLOADS if p not in shown]
    assert not missing, missing
    if title:
        assert all(SITE_TITLE in t for t in seen.titles if t != "正在跳转"), seen.titles
        assert ISSUER in shown


def visit_served(browser: Any, site: Path, urls: list[str]) -> Any:
    """Serve `site` on a free local port and `visit` the pages `urls` in a new browser context."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    context = browser.new_context(locale="zh-CN")
    try:
        return visit(context, f"http://127.0.0.1:{server.server_address[1]}", urls)
    finally:
        context.close()
        server.shutdown()
        thread.join()


@pytest.mark.browser
@pytest.mark.parametrize("mode", list(BUILDS))
def test_every_page_in_chromium(browser: Any, sites: dict[str, Path], mode: str) -> None:
    site = sites[mode]
    seen = visit_served(browser, site, [u for u in html_pages(site) if not u.startswith("latest/")])
    assert seen.clicks >= 5
    _assert_safe_and_literal(seen)
    if mode == "versioned":
        assert any(VERSION_TITLE in text for text in seen.text)


@pytest.mark.browser
def test_serve_in_chromium(browser: Any, repo: Path, sites: dict[str, Path]) -> None:
    port = _free_port()
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "builder", "serve", "-a", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command, cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    context = browser.new_context(locale="zh-CN")
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"{base}/", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(1)
        urls = [u for u in html_pages(sites["plain"]) if u not in ("changelog/", "data/")]
        seen = visit(context, base, urls, serve=True)
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=60)
    assert urlsplit(base).hostname == "127.0.0.1"
    _assert_safe_and_literal(seen)
