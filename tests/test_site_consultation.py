"""The site's consultation sections: forms and per-clause links for drafts, the disposition
table after the decision; every text escaped."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from builder.base.diagnostics import Diagnostics
from builder.compose import compose_corpus
from builder.read.config import ProjectConfig, ReviewConfig
from builder.read.corpus import load_corpus
from builder.site.consultation import consultation_parts
from builder.site.markdown import escape
from tests.review_helpers import edit

AI = "standards/510209-人工智能技术应用"
PAGE = "510209/specialty.md"


def _parts(project: Path, issue_url: str | None = None) -> tuple[dict[str, str], dict[str, bytes]]:
    config = ProjectConfig(review=ReviewConfig(issue_url=issue_url))
    corpus = load_corpus(project / "standards", project, Diagnostics())
    return consultation_parts(corpus, config, compose_corpus(corpus, config))


def test_draft_page_offers_forms_and_clause_links(example_project: Path) -> None:
    sections, blobs = _parts(
        example_project, "https://git.example.org/std/issues/new?title={title}&labels=意见"
    )
    section = sections[PAGE]
    assert "## 征求意见 {#consultation}" in section and "截止日期为 2027-01-15" in section
    assert "[意见反馈表（Excel）](specialty-" in section and ".xlsx)" in section
    assert set(blobs) >= {"510209/specialty-意见反馈表.xlsx", "510209/specialty-意见反馈表.docx"}
    assert '| 7.1 | 素质 | <a href="https://git.example.org/std/issues/new?title=' in section
    assert "%E6%84%8F%E8%A7%81" in section  # the title is percent-encoded
    book = load_workbook(__import__("io").BytesIO(blobs["510209/specialty-意见反馈表.xlsx"]))
    assert book["意见反馈表"]["B2"].value == "510209/specialty"
    assert "510209/competencies.md" in sections  # every draft of the set gets the section


def test_issue_links_only_for_http_urls(example_project: Path) -> None:
    sections, _ = _parts(example_project, "javascript:alert(1)//{title}")
    assert "提意见" not in sections[PAGE] and "javascript" not in sections[PAGE]
    sections, _ = _parts(example_project, 'https://x.org/new?t={title}"><script>')
    assert "<script>" not in sections[PAGE] and "%3Cscript%3E" in sections[PAGE]


def test_decided_comments_are_shown_escaped(example_project: Path) -> None:
    edit(example_project / AI / "specialty.yaml", "  status: 征求意见稿\n", "  status: 送审稿\n")
    (example_project / AI / "specialty.review.yaml").write_text(
        "kind: review\nstandard: specialty.yaml\ncomments:\n"
        "  - id: C001\n    unit: '<script>alert(1)</script>学院'\n    anchor: '7.1'\n"
        "    original: 素质\n    proposal: 'a | b **粗** [链接](http://x)'\n"
        "    disposition: 部分采纳\n    response: 只采纳前半\n"
        "  - id: C002\n    unit: 乙公司\n    anchor: 全文\n    proposal: 增加案例\n"
        "    disposition: 采纳\n",
        "utf-8",
    )
    sections, blobs = _parts(example_project)
    section = sections[PAGE]
    assert not blobs.get("510209/specialty-意见反馈表.xlsx")  # no longer under consultation
    assert "## 征求意见处理情况" in section
    assert "共收到 2 个单位的 2 条意见：采纳 1 条，部分采纳 1 条" in section
    assert "<script>" not in section and "&lt;script&gt;" in section
    assert f"| {escape('a | b **粗** [链接](http://x)')} |" in section  # the site's own escaping
    assert "](http://x)" not in section  # no live link
    assert "部分采纳。只采纳前半" in section


def test_undecided_comments_stay_off_the_site(example_project: Path) -> None:
    edit(example_project / AI / "specialty.yaml", "  status: 征求意见稿\n", "  status: 送审稿\n")
    (example_project / AI / "specialty.review.yaml").write_text(
        "kind: review\nstandard: specialty.yaml\ncomments:\n"
        "  - id: C001\n    unit: 甲\n    anchor: '7.1'\n    proposal: 改\n",
        "utf-8",
    )
    sections, _ = _parts(example_project)
    assert PAGE not in sections


def test_the_site_build_carries_the_sections_and_the_forms(example_project: Path) -> None:
    """Not only `consultation_parts`: the pages and downloads the build writes carry them."""
    from builder.site.pages import SiteInfo
    from builder.site.sources import site_sources

    config = ProjectConfig(review=ReviewConfig(issue_url="https://x.org/new?title={title}"))
    corpus = load_corpus(example_project / "standards", example_project, Diagnostics())
    sources = site_sources(corpus, config, compose_corpus(corpus, config), {}, SiteInfo("站点"))
    page = sources.pages[PAGE]
    assert page.index("## 征求意见 {#consultation}") > page.index("7.1")  # after the text
    assert '<a href="https://x.org/new?title=' in page
    assert sources.blobs["510209/specialty-意见反馈表.docx"][:2] == b"PK"
