"""Split builds: a portal plus one MkDocs site per specialty (or 专业大类), rebuilt only when
a shard's sources change. The project is the repository's two example specialties plus the
transcribed 职业本科 软件工程技术 standard, which the example 人工智能技术应用 names as its
接续专业 — so one page links across shards."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from builder.site.layout import (
    PORTAL,
    Shard,
    SiteLayout,
    page_url,
    relative_url,
    rendering_shard,
)
from builder.site.markdown import link
from tests.conftest import REPO, run_cli
from tests.site_html import check_links, read_page

SE = REPO / "tests/realworld/se310203/standards/310203-软件工程技术"
AI = "510209"
EC = "730701"
SE_CODE = "310203"


# --- layout: pure functions ----------------------------------------------------------------


def test_page_urls_follow_mkdocs() -> None:
    assert page_url("index.md") == ""
    assert page_url("courses/ZH01.md") == "courses/ZH01/"
    assert page_url("510209/index.md") == "510209/"
    assert page_url("a/b.md", directory_urls=False) == "a/b.html"


def test_relative_urls_between_pages() -> None:
    assert relative_url("", "510209/") == "510209/"
    assert relative_url("510209/courses/ZH01/", "") == "../../../"
    assert relative_url("510209/specialty/", "310203/specialty/") == "../../310203/specialty/"
    assert relative_url("510209/a.html", "310203/b.html") == "../310203/b.html"
    assert relative_url("x/", "x/") == "./"


def _layout(directory_urls: bool = True) -> SiteLayout:
    shards = (
        Shard(AI, f"{AI}/", "人工智能技术应用"),
        Shard(SE_CODE, f"{SE_CODE}/", "软件工程技术"),
    )
    return SiteLayout(shards, {AI: AI, SE_CODE: SE_CODE}, directory_urls)


def test_owner_and_published_url() -> None:
    layout = _layout()
    assert layout.owner("510209/courses/ZH01.md").name == AI
    assert layout.owner("index.md").name == PORTAL
    assert layout.owner("categories/51.md").name == PORTAL
    assert layout.url("510209/courses/ZH01.md") == "510209/courses/ZH01/"
    assert layout.url("510209/index.md") == "510209/"
    category = SiteLayout((Shard("51", "", "电子与信息大类"),), {AI: "51"})
    assert category.url("510209/specialty.md") == "51/510209/specialty/"


def test_links_inside_a_shard_stay_markdown_and_others_become_escaped_hrefs() -> None:
    page = "510209/specialty.md"
    plain = link("课程", page, "510209/courses/ZH01.md#sec-1")
    assert plain == "[课程](courses/ZH01.md#sec-1)"
    with rendering_shard(_layout(), AI):
        assert link("课程", page, "510209/courses/ZH01.md") == "[课程](courses/ZH01.md)"
        across = link("软件工程技术", page, "310203/specialty.md#sec-1")
        home = link("全部专业", page, "index.md")
    assert across == '<a href="../../310203/specialty/#sec-1">软件工程技术</a>'
    assert home == '<a href="../../">全部专业</a>'
    with rendering_shard(_layout(directory_urls=False), AI):
        assert link("x", page, "310203/specialty.md") == '<a href="../310203/specialty.html">x</a>'
    # outside a split build the same call is an ordinary link again
    assert link("x", page, "310203/specialty.md") == "[x](../310203/specialty.md)"


# --- end to end ----------------------------------------------------------------------------


def _project(target: Path) -> Path:
    # three specialties in three shards: the 电子商务 chain's 高职专科 and 职业本科 sets
    # (docs/continuity.md) and the shared 公共基础课 standards (docs/shared-courses.md) would
    # add shards to every count below
    chain = shutil.ignore_patterns("530701-*", "330701-*", "公共基础课")
    shutil.copytree(REPO / "standards", target / "standards", ignore=chain)
    for name in ("zhibiao.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, target / name)
    se = target / "standards" / SE.name
    shutil.copytree(SE, se)
    text = (se / "specialty.yaml").read_text("utf-8")
    # the transcription has no document number yet; as a 送审稿 it needs none
    (se / "specialty.yaml").write_text(
        text.replace("  status: 发布\n", "  status: 送审稿\n"), "utf-8"
    )
    return target


def _build(project: Path, *args: str) -> str:
    result = run_cli(["build", "--no-docx", "--no-data", *args], project)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stderr


def _search(site: Path) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = json.loads((site / "search/search_index.json").read_text("utf-8"))[
        "docs"
    ]
    return docs


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _project(tmp_path_factory.mktemp("split"))
    stderr = _build(project, "--split", "specialty")
    assert "分站点 3 个：重新生成页面 3 个；构建 3 个" in stderr
    return project


@pytest.mark.slow
def test_portal_and_shards_with_valid_links_across_them(split: Path) -> None:
    site = split / "site"
    for code in (AI, EC, SE_CODE):
        assert (site / code / "index.html").is_file()
        assert (site / code / "search/search_index.json").is_file()
    assert (site / "categories").is_dir()
    assert check_links(site) > 1000
    specialty = read_page(site / AI / "specialty/index.html")
    assert "../../310203/specialty/" in specialty.links  # 接续专业, published in another shard
    overview = read_page(site / AI / "index.html")
    assert "../" in overview.links  # 全部专业 (the portal)
    assert "全部专业" in overview.text


@pytest.mark.slow
def test_each_search_index_covers_its_own_site_only(split: Path) -> None:
    site = split / "site"
    portal = _search(site)
    locations = {d["location"].split("#")[0] for d in portal}
    assert not any(loc.startswith((AI, EC, SE_CODE)) for loc in locations)
    portal_text = "".join(d["text"] + d["title"] for d in portal).replace("\u200b", "")
    assert "机器学习应用开发" in portal_text  # course names are found from the portal
    shard = _search(site / AI)
    assert {d["location"].split("/")[0] for d in shard} >= {"courses", "competencies"}
    shard_text = "".join(d["text"] + d["title"] for d in shard).replace("\u200b", "")
    assert "电子商务" not in {d["title"] for d in shard}
    assert "机器学习应用开发" in shard_text
    sizes = [len((site / c / "search/search_index.json").read_bytes()) for c in (AI, EC)]
    assert max(sizes) < 2_000_000


@pytest.mark.slow
def test_unchanged_shards_are_reused_and_an_edit_rebuilds_only_its_shard(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _build(project, "--split", "specialty")
    site = project / "site"
    ai_page, ec_page = site / AI / "specialty/index.html", site / EC / "specialty/index.html"
    inodes = {p: p.stat().st_ino for p in (ai_page, ec_page)}

    unchanged = _build(project, "--split", "specialty")  # nothing to do: nothing touched
    assert "站点已是最新" in unchanged and "分站点" not in unchanged
    again = _build(project, "--split", "specialty", "--rebuild")
    assert "重新生成页面 0 个；构建 0 个，沿用未改动的 3 个" in again
    assert {p: p.stat().st_ino for p in inodes} == inodes  # linked from the previous output

    course = next((project / "standards").glob(f"{EC}-*/courses/*.yaml"))
    text = course.read_text("utf-8")
    assert "description:" in text
    course.write_text(text.replace("description: ", "description: 修订后：", 1), "utf-8")
    edited = _build(project, "--split", "specialty")
    assert "重新生成页面 1 个；构建 1 个，沿用未改动的 2 个" in edited
    assert ai_page.stat().st_ino == inodes[ai_page]
    # the edited shard is built again, but its pages the edit did not touch are kept
    assert re.search(r"其中 \d+ 个页面未改动，沿用上次的输出", edited)
    assert ec_page.stat().st_ino == inodes[ec_page]
    assert any("修订后" in p.read_text("utf-8") for p in (site / EC / "courses").rglob("*.html"))
    assert check_links(site) > 1000

    # generated sources edited behind the tool's back are not reused (their signature covers
    # the folder), so nothing injected there reaches the site
    page = project / "build/site-src/shards" / AI / "docs/specialty.md"
    page.write_text(page.read_text("utf-8") + "\n<script>alert(1)</script>\n", "utf-8")
    injected = _build(project, "--split", "specialty", "--rebuild")
    assert "重新生成页面 1 个；构建 0 个，沿用未改动的 3 个" in injected
    assert "alert(1)" not in ai_page.read_text("utf-8")

    # a published page edited by hand is not carried forward: its shard is built again
    ec_page.write_text(ec_page.read_text("utf-8") + "<!-- edited -->", "utf-8")
    assert "构建 1 个，沿用未改动的 2 个" in _build(project, "--split", "specialty")
    assert "<!-- edited -->" not in ec_page.read_text("utf-8")

    # a manifest that does not verify (copied in, or edited) is ignored: everything is rebuilt
    manifest = site / ".zhibiao-site.json"
    mac, _, body = manifest.read_bytes().partition(b"\n")
    manifest.write_bytes(b"0" * len(mac) + b"\n" + body)
    assert "构建 3 个，沿用未改动的 0 个" in _build(project, "--split", "specialty")


@pytest.mark.slow
def test_category_shards_and_versions_reuse_each_other(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _build(project, "--split", "category")
    site = project / "site"
    assert (site / "51" / AI / "specialty/index.html").is_file()
    assert (site / "31" / SE_CODE / "specialty/index.html").is_file()
    check_links(site)

    config = project / "zhibiao.yaml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("\nsite:\n", "\nsite:\n  split_above: 2\n", 1), "utf-8")
    assert "分站点 3 个" in _build(project, "-d", "auto")  # split: auto, 3 specialties > 2

    first = _build(project, "--split", "specialty", "-d", "versions", "--version", "2025")
    assert "构建 3 个" in first
    second = _build(project, "--split", "specialty", "-d", "versions", "--version", "2026")
    assert "构建 0 个，沿用未改动的 3 个" in second
    assert (project / "versions/2026" / AI / "index.html").is_file()
    check_links(project / "versions/2026")


@pytest.mark.slow
def test_a_shard_built_after_another_gives_the_same_bytes(split: Path, tmp_path: Path) -> None:
    """Batch workers reset jieba between sites: a site's search index does not depend on
    which sites the same worker built before it."""
    from builder.site.engine import DEFAULT_ENGINE, SiteJob

    shards = split / "build/site-src/shards"
    alone, after = tmp_path / "alone", tmp_path / "after"
    DEFAULT_ENGINE.build_many([SiteJob(shards / EC / "mkdocs.yml", alone)])
    reported: list[tuple[int, int]] = []
    DEFAULT_ENGINE.build_many(
        [
            SiteJob(shards / AI / "mkdocs.yml", tmp_path / "first", weight=2),
            SiteJob(shards / EC / "mkdocs.yml", after, weight=1),
        ],
        workers=1,
        on_done=lambda done, total: reported.append((done, total)),
    )
    assert reported == [(1, 2), (2, 2)]  # each site reported as it finishes
    index = "search/search_index.json"
    assert (alone / index).read_bytes() == (after / index).read_bytes()


@pytest.mark.slow
def test_a_shard_name_clashing_with_a_portal_file_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / AI).mkdir()
    (project / AI / "extra.css").write_text("h1 { color: #333; }\n", "utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as handle:
        handle.write(f"extra_css:\n  - {AI}/extra.css\n")
    result = run_cli(["build", "--no-docx", "--no-data", "--split", "specialty"], project)
    assert result.exit_code == 2, result.stderr
    assert "冲突" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_a_specialty_that_disappears_is_unlinked_from_the_others(tmp_path: Path) -> None:
    """人工智能技术应用 names 软件工程技术 as its 接续专业; when that specialty leaves the
    corpus, the page linking to it is generated again (plain text, no dangling link)."""
    project = _project(tmp_path)
    _build(project, "--split", "specialty")
    site = project / "site"
    assert "../../310203/specialty/" in read_page(site / AI / "specialty/index.html").links
    shutil.rmtree(project / "standards" / SE.name)
    again = _build(project, "--split", "specialty")
    assert "分站点 2 个：重新生成页面 1 个" in again  # 人工智能技术应用 only; 电子商务 kept
    assert not (site / SE_CODE).exists()
    assert not any("310203" in h for h in read_page(site / AI / "specialty/index.html").links)
    check_links(site)
