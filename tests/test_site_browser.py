"""The built site in headless Chromium: navigation, version selector, Chinese search."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
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
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two versions of the fixture site (2024; 2025 = latest), built once per module."""
    project = copy_project(tmp_path_factory.mktemp("browser") / "project")
    for args in (["--version", "2024"], ["--version", "2025", "--alias", "latest"]):
        result = run_cli(["build", "--no-docx", *args], project)
        assert result.exit_code == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def base_url(site_root: Path) -> Iterator[str]:
    """The two versions served over HTTP on 127.0.0.1."""
    handler = functools.partial(_Quiet, directory=str(site_root))
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


def _expected_states() -> dict[tuple[str, str], str]:
    """(competency, column header) → state class, recomputed from the fixture's YAML
    through the builder's coverage (the data the page's tables come from)."""
    from builder.base.diagnostics import Diagnostics
    from builder.compose.coverage import coverage
    from builder.project.loading import load_config
    from builder.read.corpus import load_corpus
    from builder.site.matrix import cell_state
    from tests.test_site_build import FIXTURE

    config = load_config(FIXTURE / "zhibiao.yaml")
    corpus = load_corpus(FIXTURE / "standards", FIXTURE, Diagnostics())
    entry = corpus.specialties["510209"]
    cov = coverage(entry, config)
    levels = list(config.learning_levels)
    states: dict[tuple[str, str], str] = {}
    for domain in entry.competencies[0].doc.domains:
        for task in domain.tasks:
            for comp in task.competencies:
                for column in cov.columns:
                    level = cov.level(comp.code, column)
                    states[comp.code, column.header] = cell_state(levels, comp.level, level)
    return states


def test_matrix_keeps_header_and_first_column_and_colours_coverage(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 760, "height": 700}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{base_url}/latest/510209/competencies/")
        scroll = page.locator(".zb-matrix-scroll")
        scroll.scroll_into_view_if_needed()
        header = page.locator("table.zb-matrix thead th").nth(3)
        first = page.locator("table.zb-matrix tbody th[scope=row]").first
        before_header = header.bounding_box()
        before_first = first.bounding_box()
        moved = scroll.evaluate(
            "e => { e.scrollLeft = e.scrollWidth; e.scrollTop = 120; "
            "return [e.scrollLeft, e.scrollTop]; }"
        )
        assert moved[0] > 100 and moved[1] > 50, moved  # the table did scroll both ways
        page.wait_for_timeout(100)
        assert header.bounding_box()["y"] == pytest.approx(before_header["y"], abs=1)
        assert first.bounding_box()["x"] == pytest.approx(before_first["x"], abs=1)
        # the competency's text is on the row (and its title), the column's full name on hover
        assert "能" in first.inner_text() and first.get_attribute("title")
        # every cell's colour class is the computed coverage, and the colours differ
        headers = page.locator("table.zb-matrix thead th").all_inner_texts()
        found = page.evaluate(
            """() => [...document.querySelectorAll('table.zb-matrix tbody tr:not(.zb-domain-row)')]
                 .map(r => [r.querySelector('th a').textContent,
                            [...r.querySelectorAll('td')].slice(1).map(
                              c => [c.className, getComputedStyle(c).backgroundColor])])"""
        )
        expected = _expected_states()
        colours: dict[str, set[str]] = {}
        for code, cells in found:
            for column, (cls, colour) in zip(headers[2:], cells, strict=True):
                assert cls == expected[code, column], (code, column)
                colours.setdefault(cls, set()).add(colour)
        assert set(colours) == {"zb-reached", "zb-below", "zb-none"}
        assert all(len(c) == 1 for c in colours.values()), colours
        assert len({next(iter(c)) for c in colours.values()}) == 3
    finally:
        context.close()


def test_matrix_filters_by_domain(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/latest/510209/competencies/")
    select = page.locator(".zb-matrix-filter select")
    select.wait_for()
    rows = page.locator("table.zb-matrix tbody tr:not(.zb-domain-row)")
    total = rows.count()
    select.select_option(label="2 数据标注与质检")
    visible = [r.locator("th a").inner_text() for r in rows.all() if r.is_visible()]
    assert visible and all(code.startswith("2-") for code in visible)
    assert len(visible) < total
    select.select_option(value="")
    assert sum(r.is_visible() for r in rows.all()) == total


def _pdf_text(page: Any, tmp_path: Any, name: str) -> str:
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout, info.stdout
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


@pytest.mark.parametrize(
    "path",
    [
        "510209/specialty/",
        "510209/courses/ZJ02/",
        "510209/internship/",
        "510209/training-base/",
    ],
)
def test_printing_keeps_every_column(page: Any, base_url: str, tmp_path: Any, path: str) -> None:
    """Printed on A4, every table keeps every column: each header row is found whole on one
    line of the PDF's text (the plan table's 学分, 开设学期 and 修读 used to be cut off)."""
    page.goto(f"{base_url}/latest/{path}")
    page.wait_for_load_state("networkidle")
    headers = page.evaluate(
        """() => [...document.querySelectorAll('article table:not([class]) thead tr')]
             .map(r => [...r.cells].map(c => c.textContent.trim()))"""
    )
    assert headers
    lines = [" ".join(line.split()) for line in _pdf_text(page, tmp_path, "print").splitlines()]
    for header in headers:
        assert any(all(cell in line for cell in header) for line in lines), header
        if "开设学期" in header:
            assert {"学分", "开设学期", "修读"} <= set(header)


def test_printing_the_matrix_fits_the_page(page: Any, base_url: str, tmp_path: Any) -> None:
    """The matrix prints whole: in print layout every header cell lies inside the page
    width, and the printed text keeps its columns' names and the competencies' codes."""
    page.goto(f"{base_url}/latest/510209/competencies/")
    page.wait_for_load_state("networkidle")
    text = _pdf_text(page, tmp_path, "matrix")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 700, "height": 1000})  # A4 less the margins, in CSS px
    right = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('table.zb-matrix thead th')]
                 .map(c => c.getBoundingClientRect().right))"""
    )
    assert right <= 700
    flat = "".join(text.split())
    for code in page.locator("table.zb-matrix tbody th a").all_inner_texts():
        assert code in flat


def test_version_switch_keeps_the_page(page: Any, base_url: str) -> None:
    """From a deep page, another version opens at the same page (and anchor)."""
    page.goto(f"{base_url}/latest/510209/courses/ZJ02/#sec-2")
    page.wait_for_load_state("networkidle")
    page.locator(".md-version__current").wait_for()
    page.locator(".md-version").hover()
    target = page.locator(".md-version__link", has_text="2024")
    target.wait_for(state="visible")
    target.click()
    page.wait_for_url("**/2024/510209/courses/ZJ02/#sec-2")
    assert "Python程序设计" in page.title()


def test_version_switch_falls_back_to_the_home_of_a_version_without_the_page(
    page: Any, base_url: str, site_root: Path
) -> None:
    """A page that exists in 2025 only: switching to 2024 opens 2024's home, not a 404."""
    source = site_root / "2025" / "510209" / "courses" / "ZJ02" / "index.html"
    only = site_root / "2025" / "510209" / "courses" / "ZZ99"
    only.mkdir()
    try:
        shutil.copy(source, only / "index.html")
        page.goto(f"{base_url}/2025/510209/courses/ZZ99/")
        page.wait_for_load_state("networkidle")
        page.locator(".md-version__current").wait_for()
        page.locator(".md-version").hover()
        target = page.locator(".md-version__link", has_text="2024")
        target.wait_for(state="visible")
        target.click()
        page.wait_for_url(f"{base_url}/2024/")
        assert page.locator("h1").first.inner_text()  # the 2024 home, rendered
    finally:
        shutil.rmtree(only)


def test_wide_tables_print_on_landscape_pages(page: Any, base_url: str, tmp_path: Any) -> None:
    """The plan table (9 columns or more) prints on a landscape A4 page of its own kind,
    the text around it on portrait pages; every column's name is on the landscape page."""
    import subprocess

    page.goto(f"{base_url}/latest/510209/specialty/")
    page.wait_for_load_state("networkidle")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.zb-wide table thead tr')]
             .map(r => [...r.cells].map(c => c.textContent.trim()))"""
    )
    assert wide and all(len(header) >= 9 for header in wide)
    _pdf_text(page, tmp_path, "wide")
    pdf = tmp_path / "wide.pdf"
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = [
        tuple(float(v) for v in line.split("size:")[1].split("pts")[0].split(" x "))
        for line in info.splitlines()
        if line.startswith("Page") and "size:" in line
    ]
    landscape = [n for n, (w, h) in enumerate(sizes, start=1) if w > h]
    assert landscape and len(landscape) < len(sizes), sizes
    texts = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in landscape
    ]
    flat = "".join("".join(t.split()) for t in texts)
    for header in wide:
        assert all("".join(cell.split()) in flat for cell in header), header
