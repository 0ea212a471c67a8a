"""The built site in headless Chromium: navigation, version selector, Chinese search."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.test_site_build import copy_project

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="needs Debian's chromium"),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two versions of the fixture site (2024; 2025 = latest) served over HTTP on 127.0.0.1."""
    project = copy_project(tmp_path_factory.mktemp("browser") / "project")
    for args in (["--version", "2024"], ["--version", "2025", "--alias", "latest"]):
        result = run_cli(["build", "--no-docx", *args], project)
        assert result.exit_code == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else None
        ),
    )
    yield tab
    context.close()
    assert not errors, errors
    assert not outside, f"the site must work offline: {outside}"


def test_home_to_competency_and_back(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.wait_for_url("**/latest/")
    assert page.title().startswith("人工智能技术应用专业标准")
    page.get_by_role("link", name="人工智能技术应用", exact=True).first.click()
    page.wait_for_url("**/latest/510209/")
    page.locator("article").get_by_role("link", name="《Python程序设计》课程标准").click()
    page.wait_for_url("**/510209/courses/ZJ02/")
    page.locator("article table").get_by_role("link", name="1-2-2", exact=True).click()
    page.wait_for_url("**/510209/competencies/#c-1-2-2")
    row = page.locator("tr", has=page.locator("#c-1-2-2"))
    assert "能使用 Pandas 完成数据去重" in row.inner_text()
    assert row.evaluate("r => getComputedStyle(r).backgroundColor") != "rgba(0, 0, 0, 0)"
    row.get_by_role("link", name="ZH02 机器学习应用开发（运用）").click()
    page.wait_for_url("**/510209/courses/ZH02/")


def test_version_selector_switches_version(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/latest/510209/")
    page.wait_for_load_state("networkidle")
    current = page.locator(".md-version__current")
    current.wait_for()
    assert current.inner_text().replace(" ", "") == "2025latest"  # title, then the alias
    page.locator(".md-version").hover()
    target = page.locator(".md-version__link", has_text="2024")
    target.wait_for(state="visible")
    target.click()
    page.wait_for_url("**/2024/**")
    assert "（2024 版）" in page.goto(f"{base_url}/2024/").text()


@pytest.mark.parametrize(
    ("query", "expected"),
    [("数据采集与标注", "/510209/courses/ZH01/"), ("机器学习应用开发", "/510209/courses/ZH02/")],
)
def test_chinese_search_finds_the_course(
    page: Any, base_url: str, query: str, expected: str
) -> None:
    page.goto(f"{base_url}/latest/?q={query}")
    meta = page.locator(".md-search-result__meta")
    meta.wait_for()
    page.wait_for_function(
        "() => /\\d+ 个符合条件的结果/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    first = page.locator(".md-search-result__item").first
    assert expected in first.locator("a").first.get_attribute("href")
    assert query in first.inner_text().replace("\u200b", "")


def _search(page: Any, base_url: str, query: str) -> list[Any]:
    page.goto(f"{base_url}/latest/?q={query}")
    page.wait_for_function(
        "() => /结果/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    return page.locator(".md-search-result__item").all()


@pytest.mark.parametrize(
    ("query", "expected", "marked"),
    [
        # exact names with Latin and Han letters together (not one jieba token)
        ("Python程序设计", "/510209/courses/ZJ02/", ["Python", "程序设计"]),
        ("Linux操作系统", "/510209/specialty/", ["Linux", "操作系统"]),
        # words inside longer jieba tokens (数据采集与标注, 程序设计, 人工智能训练师)
        ("采集与标注", "/510209/courses/ZH01/", ["采集与标注"]),
        ("序设", "/510209/courses/ZJ02/", ["序设"]),
    ],
)
def test_search_finds_exact_names_and_infixes(
    page: Any, base_url: str, query: str, expected: str, marked: list[str]
) -> None:
    items = _search(page, base_url, query)
    assert items, f"{query}: no result"
    assert expected in items[0].locator("a").first.get_attribute("href")
    marks = [m.replace("\u200b", "") for m in items[0].locator("mark").all_inner_texts()]
    assert all(word in marks for word in marked), marks


def test_search_preview_shows_the_match(page: Any, base_url: str) -> None:
    """A match deep in a long section is shown, not the start of the section."""
    items = _search(page, base_url, "Linux操作系统")
    teasers = [t.replace("\u200b", "") for t in items[0].locator("article").all_inner_texts()]
    shown = [t for t in teasers if "Linux操作系统" in t]
    assert shown, teasers
    assert "…" in shown[0]  # cut shortly before the match


def test_search_requires_every_part_of_a_han_word(page: Any, base_url: str) -> None:
    """Bigrams are required: a word that the pages do not hold finds nothing."""
    items = _search(page, base_url, "制图")
    assert items == []
    assert "没有找到" in page.locator(".md-search-result__meta").inner_text()
