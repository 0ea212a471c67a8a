"""DocTree → Markdown: escaping, anchors, links, tables — checked by rendering with Python-Markdown."""

from __future__ import annotations

import re
from dataclasses import replace

import markdown
import pytest

from builder.compose import compose_corpus
from builder.compose.doctree import (
    Cell,
    CoverInfo,
    DocTree,
    Heading,
    Link,
    ListBlock,
    Notice,
    Paragraph,
    Table,
)
from builder.site.markdown import (
    Download,
    PageChrome,
    escape,
    line_start,
    relative_target,
    render_block,
    render_document,
)
from tests.compose_models import CONFIG, small_corpus

EXTENSIONS = ["toc", "attr_list", "tables", "admonition", "md_in_html", "meta"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def plain(html: str) -> str:
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", html)).strip()


NASTY = [
    "*强调* 与 _下划线_ 和 `代码`",
    "<script>alert(1)</script> & 已转义 &lt;",
    "[不是链接](http://example.com) ![图](x.png)",
    "行首 # 号与 {#伪锚点} 和 {: .cls }",
    "管道 | 符号 \\ 反斜杠",
    "1. 看起来像列表",
    "- 看起来像列表",
    "+ 加号开头",
    "> 引用开头",
    "===",
    "!!! note 伪提示",
    "??? note 折叠",
    "~~~ 围栏",
]


@pytest.mark.parametrize("text", NASTY)
def test_paragraph_text_survives_markdown_verbatim(text: str) -> None:
    html = to_html(render_block(Paragraph((text,)), "a.md"))
    assert html.startswith("<p>"), html
    assert plain(html) == text
    assert "<script>" not in html


@pytest.mark.parametrize("text", NASTY)
def test_table_cell_text_survives_verbatim(text: str) -> None:
    table = Table("表1 测试", ("列",), ((Cell((text,)),),), (1.0,), anchor="tbl-1")
    html = to_html(render_block(table, "a.md"))
    cell = re.search(r"<td>(.*?)</td>", html, re.S)
    assert cell and plain(cell.group(1)) == text, html


def test_heading_has_explicit_ascii_id_and_literal_number() -> None:
    html = to_html(render_block(Heading(2, "素质", "7.1", "sec-7-1"), "a.md"))
    assert '<h3 id="sec-7-1">7.1 素质</h3>' in html
    html = to_html(render_block(Heading(1, "课程目标", "三、", "sec-3"), "a.md"))
    assert '<h2 id="sec-3">三、课程目标</h2>' in html


def test_links_are_relative_to_the_page() -> None:
    assert (
        relative_target("510209/courses/ZH01.md", "510209/competencies.md#c-1-1-1")
        == "../competencies.md#c-1-1-1"
    )
    assert relative_target("510209/competencies.md", "510209/competencies.md#c-1") == "#c-1"
    assert relative_target("510209/specialty.md", "510209/courses/ZH01.md") == "courses/ZH01.md"
    html = to_html(render_block(Paragraph(("见", Link("*能力*", "510209/a.md#x"))), "510209/b.md"))
    assert '<a href="a.md#x">*能力*</a>' in html


def test_table_caption_anchor_cells_and_bold() -> None:
    table = Table(
        "表2 矩阵",
        ("职业能力", "水平"),
        ((Cell(("1-1-1 能采集",), anchor="c-1-1-1"), Cell(("掌握",), bold=True)),),
        (2.0, 1.0),
        anchor="tbl-matrix",
    )
    html = to_html(render_block(table, "a.md"))
    assert '<p class="zb-caption" id="tbl-matrix">表2 矩阵</p>' in html
    assert '<span id="c-1-1-1"></span>1-1-1 能采集' in html
    assert "<strong>掌握</strong>" in html


def test_unsearchable_table_is_wrapped_for_search_exclusion() -> None:
    rows = ((Cell(("<b>甲</b>",), anchor="c-1"), Cell(("掌握",))),)
    bulky = Table("表3 矩阵", ("能力", "水平"), rows, (1.0, 1.0), "tbl-matrix", searchable=False)
    html = to_html(render_block(bulky, "a.md"))
    caption, _, rest = html.partition("</p>")
    assert 'id="tbl-matrix"' in caption and "表3 矩阵" in caption
    assert re.match(r'\s*<div class="zb-bulk" data-search-exclude="">\s*<table>', rest)
    assert '<span id="c-1"></span>&lt;b&gt;甲&lt;/b&gt;' in rest and rest.rstrip().endswith(
        "</div>"
    )
    plain = to_html(render_block(Table("表1 职业面向", ("项目",), (), (1.0,)), "a.md"))
    assert "data-search-exclude" not in plain


def test_notice_and_list_rendering() -> None:
    notice = to_html(
        render_block(Notice("draft", ("截止日期：2025年12月31日",)), "a.md", "征求意见稿")
    )
    assert (
        'class="admonition warning"' in notice and "征求意见稿" in notice and "截止日期" in notice
    )
    items = to_html(render_block(ListBlock((("甲",), ("1. 乙",)), ordered=True), "a.md"))
    assert items.count("<li>") == 2 and "<ol>" in items and "1. 乙" in items


def test_line_start_only_touches_block_markers() -> None:
    assert line_start("2025年") == "2025年"
    assert line_start("3. 条") == "3\\. 条"
    assert escape("a|b") == "a\\|b"


def test_document_page_has_front_matter_title_facts_and_downloads() -> None:
    tree = compose_corpus(small_corpus(), CONFIG)[0]
    text = render_document(
        tree, PageChrome((Download("YAML 源文件", "specialty.yaml"),), "强制发布")
    )
    assert text.startswith('---\ntitle: "人工智能技术应用专业教学标准"\n---\n')
    md = markdown.Markdown(extensions=EXTENSIONS)
    html = md.convert(text)
    assert md.Meta["title"] == ['"人工智能技术应用专业教学标准"']  # type: ignore[attr-defined]
    assert '<h1 id="title">' in html and '<a href="specialty.yaml">YAML 源文件</a>' in html
    assert html.index("检查未通过") < html.index("<h1")
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) and all(i.isascii() for i in ids)
    assert {"sec-1", "sec-11", "tbl-career", "tbl-plan"} <= set(ids)


def test_cover_line_for_published_document() -> None:
    cover = CoverInfo(
        "标题", "专业教学标准", "T/CIE 1—2025", None, None, "发布", "2025", "2025-06-30", None
    )
    html = to_html(render_document(DocTree("x", "specialty", "x.md", cover)).split("---\n", 2)[2])
    assert "T/CIE 1—2025" in html and "2025-06-30" in html and 'class="zb-meta"' in html


def test_fast_relative_paths_agree_with_posixpath() -> None:
    import posixpath
    import random

    from builder.site.markdown import _relpath

    rng = random.Random(7)
    parts = ["510209", "730701", "courses", "data", "a"]
    for _ in range(5000):
        path = "/".join(rng.choice(parts) for _ in range(rng.randint(1, 4))) + ".md"
        folder = "/".join(rng.choice(parts) for _ in range(rng.randint(0, 3)))
        assert _relpath(path, folder) == posixpath.relpath(path, folder or "."), (path, folder)


def test_provenance_line_shows_the_cover_metadata_escaped() -> None:
    """Issuer, 提出/归口/起草 units, drafters and dates of the Word cover are on the page,
    as text (a unit's name is data: no markup from it)."""
    cover = CoverInfo(
        "标题",
        "课程标准",
        None,
        None,
        "示例<b>学院</b>",
        "发布",
        "2025",
        "2025-06-30",
        None,
        drafting_units=("甲单位", "乙 *单位*"),
        drafters=("张三", "李四"),
        proposed_by="全国某行指委",
        administered_by="某标委会[x](javascript:alert(1))",
        compiled_on="2025-05-20",
    )
    html = to_html(render_document(DocTree("x", "course", "x.md", cover)).split("---\n", 2)[2])
    for text in ("发布单位", "示例&lt;b&gt;学院&lt;/b&gt;", "提出单位", "全国某行指委", "归口单位"):
        assert text in html
    assert "甲单位、乙 *单位*" in html and "张三、李四" in html and "2025-05-20" in html
    assert "<b>" not in html and "<em>" not in html and "href" not in html
    assert 'class="zb-meta zb-provenance"' in html


def test_no_provenance_line_without_metadata() -> None:
    cover = CoverInfo("标题", "课程标准", None, None, None, "发布", "2025", None, None)
    assert "zb-provenance" not in render_document(DocTree("x", "course", "x.md", cover))


def test_provenance_line_shows_the_new_roles_and_a_safe_source_link() -> None:
    """指导/主持 units, 抄送/印发 and the source URL (issue 14 §5): the page shows what the
    Word file shows; the URL is a link only for http(s), its text escaped."""
    cover = CoverInfo(
        "标题",
        "课程标准",
        None,
        None,
        "教育部、人力资源社会保障部",
        "发布",
        "2025",
        "2025-06-30",
        None,
        issuers=("教育部", "人力资源社会保障部"),
        guided_by="教育部职业教育发展中心",
        led_by="海州<i>职业</i>技术学院",
        copy_to=("各省级教育行政部门",),
        printed_by="教育部办公厅",
        printed_on="2025-07-01",
        published_by="本文件由教育部于2025年7月1日以《关于公布第二批标准的通知》公布（第二批）。",
        source_url='https://www.moe.gov.cn/a.html?x=1&y="2"',
    )
    html = to_html(render_document(DocTree("x", "course", "x.md", cover)).split("---\n", 2)[2])
    for text in (
        "指导单位",
        "教育部职业教育发展中心",
        "主持单位",
        "海州&lt;i&gt;职业&lt;/i&gt;技术学院",
    ):
        assert text in html
    assert "抄送" in html and "各省级教育行政部门" in html and "教育部办公厅　2025-07-01" in html
    assert "（第二批）" in html and "<i>" not in html
    assert 'href="https://www.moe.gov.cn/a.html?x=1&amp;y=%222%22"' in html
    unsafe = replace(cover, source_url="javascript:alert(1)")
    html = to_html(render_document(DocTree("x", "course", "x.md", unsafe)).split("---\n", 2)[2])
    assert "javascript" not in html


@pytest.mark.parametrize("columns", [3, 8, 9, 14])
def test_wide_tables_are_marked_for_landscape_printing(columns: int) -> None:
    """9 columns or more: caption and table in a `.zb-wide` block (a landscape page in
    print); the table itself is unchanged."""
    from builder.site.markdown import WIDE_PRINT_COLUMNS, render_table

    header = tuple(f"列{n}" for n in range(columns))
    row = tuple(Cell((str(n),)) for n in range(columns))
    table = Table("表1 课程设置", header, (row,), (1.0,) * columns, anchor="tbl-1")
    html = to_html(render_table(table, "a.md"))
    wide = columns >= WIDE_PRINT_COLUMNS
    assert ('<div class="zb-wide">' in html) == wide
    assert html.count("<th>") == columns and "表1 课程设置" in html
