"""The 中高本衔接 page: the three-level 电子商务 chain of the examples side by side.

The Markdown is checked directly (columns, alignment by builds_on, escaping of hostile
text); the built page is opened in headless Chromium, which must show three columns whose
every link resolves, anchors included.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

import pytest

from builder.base.diagnostics import Diagnostics
from builder.read.corpus import Corpus, load_corpus
from builder.site.chains import CHAINS_PAGE, chains, chains_page
from tests.conftest import REPO, run_cli

CHROMIUM = "/usr/bin/chromium"
CHAIN = ("730701-电子商务", "530701-电子商务", "330701-电子商务")


def _project(target: Path, *, with_ai: bool = False) -> Path:
    names = CHAIN + (("510209-人工智能技术应用",) if with_ai else ())
    for name in names:
        shutil.copytree(REPO / "standards" / name, target / "standards" / name)
    shutil.copy(REPO / "zhibiao.yaml", target / "zhibiao.yaml")
    return target


def _corpus(root: Path) -> Corpus:
    sink = Diagnostics()
    corpus = load_corpus(root / "standards", root, sink)
    assert not sink.items
    return corpus


def test_the_examples_form_one_chain_of_three_levels() -> None:
    corpus = _corpus(REPO)
    found = chains(corpus)
    assert [[e.code for e in c.sets] for c in found] == [["730701", "530701", "330701"]]
    rows = found[0].rows
    # 330701 1-1-1 builds on 530701 1-1-1 and 1-1-2, which build on 730701 4-2-1 and 4-2-2
    assert {"330701": ["1-1-1"], "530701": ["1-1-1", "1-1-2"], "730701": ["4-2-1", "4-2-2"]} in rows
    shown = [(code, c) for row in rows for code, comps in row.items() for c in comps]
    assert len(shown) == len(set(shown))  # every competency appears once
    page = chains_page(corpus, found)
    assert (
        "| 中职 电子商务（730701） | 高职专科 电子商务（530701） | 职业本科 电子商务（330701） |"
        in page
    )
    assert "[ZH01](530701/courses/ZH01.md)" in page
    assert "[实习 T2](730701/internship.md#task-t2)" in page


def test_hostile_text_on_the_chain_page_is_escaped(tmp_path: Path) -> None:
    root = _project(tmp_path / "p")
    path = root / "standards" / CHAIN[1] / "competencies.yaml"
    text = path.read_text("utf-8")
    old = "能搭建店铺运营数据指标体系，采集流量、转化、客单价和复购数据并建立数据看板。"
    path.write_text(text.replace(old, '"<script>alert(1)</script> | [x](javascript:y)"'), "utf-8")
    page = chains_page(_corpus(root))
    assert "<script>" not in page and not re.search(r"(?<!\\)\]\(javascript:", page)
    assert "&lt;script&gt;" in page and r"\[x\](javascript:y)" in page
    table = [line for line in page.splitlines() if line.startswith("| [")]
    assert all(line.count(" | ") == 2 for line in table)  # the | did not add a column


def test_no_chain_page_without_builds_on(tmp_path: Path) -> None:
    assert chains(_corpus(_project(tmp_path / "p"))) != []
    root = tmp_path / "ai"
    shutil.copytree(REPO / "standards" / "510209-人工智能技术应用", root / "standards" / "x")
    shutil.copy(REPO / "zhibiao.yaml", root / "zhibiao.yaml")
    assert chains(_corpus(root)) == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = _project(tmp_path_factory.mktemp("chains") / "project")
    result = run_cli(["build", "--no-docx"], project)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (project / "site" / Path(CHAINS_PAGE).stem / "index.html").is_file()
    handler = functools.partial(_Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join()


@pytest.mark.browser
@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="needs Debian's chromium")
def test_chain_page_shows_three_columns_and_its_links_resolve(site_url: str) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        try:
            page = browser.new_page(locale="zh-CN")
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{site_url}/chains/")
            table = page.locator("article table").first
            headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
            assert headers == [
                "中职 电子商务（730701）",
                "高职专科 电子商务（530701）",
                "职业本科 电子商务（330701）",
            ]
            first = table.locator("tbody tr").first.locator("td").all_inner_texts()
            assert "4-2-1" in first[0] and "1-1-1" in first[1] and "1-1-1" in first[2]
            hrefs = table.locator("a").evaluate_all("links => links.map(a => a.href)")
            assert len(hrefs) > 40
            checked: dict[str, Any] = {}
            for href in sorted(set(hrefs)):
                url, anchor = urldefrag(href)
                if url not in checked:
                    checked[url] = browser.new_page()
                    response = checked[url].goto(url)
                    assert response is not None and response.status == 200, url
                if anchor:
                    assert checked[url].locator(f"[id='{anchor}']").count() == 1, href
            assert any(re.search(r"/530701/courses/ZH01/$", u) for u in checked)
            page.get_by_role("link", name="4-2-1", exact=True).first.click()
            page.wait_for_url("**/730701/competencies/#c-4-2-1")
            assert not errors, errors
        finally:
            browser.close()
