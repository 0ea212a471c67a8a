"""The whole example library as an attacker would fill it (tests/hostile_site.py,
`hostile_examples`): the pages the one-specialty corpus of test_site_hostile.py does not
reach — the 中高本衔接 chain page, the shared 公共基础课 standards, every plan, the
征求意见处理情况 table of a decided review record — and payloads where that corpus has
none: the learning levels and other zhibiao.yaml fields, a plan's file name, a specialty's
and the shared standards' folder names.

Built as a reader's site is (`zhibiao build`, check clean); every page is read for active
content and loaded in headless Chromium (links hovered and clicked: no dialog, no other
host, no CSP violation, every payload shown as text). The Markdown reports a reviewer
reads on GitHub (`check`, `diff`, `conform`, `conform --against`) stay text as well.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest

from builder.site.theme import CONTENT_SECURITY_POLICY
from tests.conftest import REPO, run_cli
from tests.hostile_site import (
    ISSUER,
    LEVEL_HIGH,
    LEVEL_LOW,
    PAYLOADS,
    REVIEW_PAYLOAD,
    SITE_TITLE,
    SPECIALTY,
    hostile_examples,
    html_pages,
)
from tests.test_site_hostile import _Active, browser, visit_served  # noqa: F401  (the fixture)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_examples(tmp_path_factory.mktemp("examples") / "project")


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    result = run_cli(["build", "--no-docx", "-j", "1"], project)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "0 个错误" in result.stdout
    return project / "site"


def test_every_kind_of_page_is_built_and_has_no_active_content(site: Path) -> None:
    pages = html_pages(site)
    for wanted in ("chains/", "public-courses/", "510209/specialty/", "data/"):
        assert wanted in pages, wanted
    assert sum(u.startswith("public-courses/courses/") for u in pages) >= 1
    assert sum(u.startswith("510209/plans/") for u in pages) == 2
    for path in site.rglob("*.html"):
        parser = _Active()
        parser.feed(path.read_text("utf-8"))
        assert not parser.found, (path, parser.found)
        assert parser.policy == CONTENT_SECURITY_POLICY, path
    decided = (site / "510209" / "specialty" / "index.html").read_text("utf-8")
    assert "征求意见处理情况" in decided and "&lt;script&gt;alert(21)" in decided
    chain = (site / "chains" / "index.html").read_text("utf-8")
    assert "运用|&lt;i&gt;斜&lt;/i&gt;" in chain  # a learning level in the chain table, as text


@pytest.mark.browser
def test_every_page_in_chromium(browser: Any, site: Path) -> None:  # noqa: F811
    seen = visit_served(browser, site, html_pages(site))
    assert seen.pages >= 40 and seen.clicks >= 20
    assert not seen.problems, seen.problems
    shown = "\n".join(seen.text)
    expected = [*PAYLOADS, ISSUER, REVIEW_PAYLOAD, LEVEL_LOW, LEVEL_HIGH]
    assert not [p for p in expected if p not in shown]
    assert all(SITE_TITLE in title for title in seen.titles), seen.titles


def _rendered(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html", "admonition"])


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "markdown"],
        ["diff", str(REPO / "standards"), "standards", "--format", "markdown"],
        ["conform", f"standards/{SPECIALTY}/plans", "--format", "markdown"],
        [
            "conform",
            f"standards/{SPECIALTY}/plans",
            "--against",
            str(REPO / "standards" / SPECIALTY),
            "--format",
            "markdown",
        ],
    ],
    ids=["check", "diff", "conform", "conform-against"],
)
def test_markdown_reports_keep_every_value_as_text(project: Path, args: list[str]) -> None:
    result = run_cli(args, project)
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    rendered = _rendered(result.stdout)
    parser = _Active()
    parser.feed(rendered)
    assert not parser.found, parser.found
    for tag in ("<img", "<a ", "<script", "<svg", "<iframe", "<b ", "<i>"):
        assert tag not in rendered, tag
    if args[0] != "check":
        assert "onerror" in rendered  # the payloads are there, as text
