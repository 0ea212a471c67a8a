"""Sites built with Zensical in headless Chromium: the examples and the hostile corpus in
every build mode (default, split, versioned from git), every page loaded, its links hovered
and clicked: no dialog, no request to another host, no CSP violation, every payload shown as
text. Then Zensical's own search on Chinese: whole names and infixes of three characters or
more are found (two-character infixes are not: see docs/site.md)."""

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
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from builder.site import zensical
from tests.conftest import REPO, run_cli
from tests.hostile_site import hostile_repository, html_pages, visit
from tests.test_site_hostile import ARGS, BUILDS, VERSION_TITLE, _assert_safe_and_literal

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(
        not zensical.available(),
        reason="needs the optional Zensical engine: pip install -c constraints.txt -e '.[zensical]'",
    ),
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="needs Debian's chromium"),
]
ENGINE = ["--engine", "zensical"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@functools.cache
def _serve(site: Path) -> str:
    """`site` over HTTP on 127.0.0.1 until the tests end (a daemon thread)."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("zensical-examples") / "project"
    project.mkdir()
    shutil.copytree(REPO / "standards", project / "standards")
    for name in ("zhibiao.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, project / name)
    done = run_cli(["build", "--no-docx", *ENGINE], project)
    assert done.exit_code == 0, done.stdout + done.stderr
    return project / "site"


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    repo = hostile_repository(tmp_path_factory.mktemp("zensical-hostile") / "project")
    built: dict[str, Path] = {}
    for name, args in BUILDS.items():
        extra = ["--title", VERSION_TITLE] if "--version" in args else []
        target = repo.parent / f"site-{name}"
        done = run_cli(["build", "--no-docx", *ENGINE, *args, *extra, "-d", str(target)], repo)
        assert done.exit_code == 0, done.stdout + done.stderr
        assert "正在用 zensical 构建站点" in done.stderr
        built[name] = target
    return built


def test_every_example_page_loads_offline_without_dialogs(browser: Any, examples: Path) -> None:
    context = browser.new_context(locale="zh-CN")
    try:
        seen = visit(context, _serve(examples), html_pages(examples))
    finally:
        context.close()
    assert seen.pages >= 30 and seen.clicks >= 10
    assert not seen.problems, seen.problems


@pytest.mark.parametrize("mode", list(BUILDS))
def test_hostile_text_stays_text(browser: Any, hostile_sites: dict[str, Path], mode: str) -> None:
    site = hostile_sites[mode]
    context = browser.new_context(locale="zh-CN")
    try:
        urls = [u for u in html_pages(site) if not u.startswith("latest/")]
        seen = visit(context, _serve(site), urls)
    finally:
        context.close()
    assert seen.clicks >= 5
    _assert_safe_and_literal(seen)
    if mode == "versioned":
        assert any(VERSION_TITLE in text for text in seen.text)


def _search(browser: Any, base: str, query: str) -> tuple[list[str], list[Any]]:
    """Zensical's search dialog (in a shadow root): result addresses (path only) and the
    text each result marks."""
    page = browser.new_page(locale="zh-CN")
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else 0,
    )
    try:
        page.goto(f"{base}/")
        page.wait_for_load_state("networkidle")
        page.locator(".md-search__button").click()
        page.locator("dialog input").wait_for()
        page.keyboard.type(query)
        page.locator("dialog [role=status]").filter(has_text="result").wait_for()
        page.wait_for_timeout(300)
        found = page.locator("dialog ol a").evaluate_all(
            """links => links.map(a => [new URL(a.href).pathname,
                 [...a.querySelectorAll('mark')].map(m => m.textContent)])"""
        )
    finally:
        page.close()
    assert not outside, outside
    return [f[0] for f in found], [f[1] for f in found]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("数据采集与标注", "/510209/courses/ZH01/"),  # a whole course name
        ("Python程序设计", "/510209/courses/ZJ02/"),  # Latin and Han letters together
        ("采集与标注", "/510209/courses/ZH01/"),  # inside 数据采集与标注
        ("人工智能训练师", "/510209/training-base/"),
    ],
)
def test_search_finds_names_and_infixes(
    browser: Any, examples: Path, query: str, expected: str
) -> None:
    paths, marks = _search(browser, _serve(examples), query)
    assert paths and paths[0] == expected, paths[:5]
    assert query in marks[0], marks[0]


def test_search_finds_a_three_character_infix(browser: Any, examples: Path) -> None:
    """训练师 is only ever written inside 人工智能训练师: it is found, and marked whole."""
    paths, marks = _search(browser, _serve(examples), "训练师")
    assert paths
    assert any("训练师" in m for m in marks[0]), marks[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_previews_and_reloads_after_an_edit(browser: Any, tmp_path: Path) -> None:
    """`zhibiao serve --engine zensical`: the page loads from 127.0.0.1 only, and editing a
    standard reloads it (Zensical's inline live-reload script is blocked by the policy;
    zhibiao's same-origin one listens to its server instead)."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(REPO / "standards", project / "standards")
    for name in ("zhibiao.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, project / name)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "builder", "serve", *ENGINE, "-a", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    page = browser.new_page(locale="zh-CN")
    outside: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: outside.append(r.url) if urlsplit(r.url).hostname != "127.0.0.1" else 0,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"{base}/510209/specialty/", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(1)
        page.goto(f"{base}/510209/specialty/")
        page.wait_for_load_state("load")
        assert "培养目标" in page.locator("article").inner_text()
        page.wait_for_timeout(2000)  # connected to the server's socket
        spec = project / "standards" / "510209-人工智能技术应用" / "specialty.yaml"
        text = spec.read_text("utf-8")
        spec.write_text(text.replace("本标准规定了", "本标准（修订）规定了", 1), "utf-8")
        page.wait_for_function(
            "() => document.body && document.body.innerText.includes('本标准（修订）规定了')",
            timeout=120000,
        )
    finally:
        page.close()
        process.terminate()
        process.wait(timeout=60)
    assert not outside, outside
    assert not errors, errors
