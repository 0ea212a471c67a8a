"""DocTree → Markdown for MkDocs (Python-Markdown + attr_list + admonition + tables).

Pure functions: text in, text out. Every piece of data text is escaped, so YAML content
can never inject Markdown or HTML; headings carry explicit ASCII ids (`{#sec-5}`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from builder.base.escape import (
    anchor_id,
    html_text,
    http_url,
    line_start,
    markdown_text,
    relative_href,
    yaml_string,
)
from builder.compose.doctree import (
    Block,
    DocTree,
    Heading,
    Inline,
    Link,
    ListBlock,
    Notice,
    Paragraph,
    Table,
    merged,
)
from builder.site.layout import foreign_href, raw_link

SEARCH_EXCLUDE_OPEN = '<div class="zb-bulk" markdown="1" data-search-exclude="">'
WIDE_OPEN = '<div class="zb-wide" markdown="1">'
WIDE_PRINT_COLUMNS = 9
"""A table of this many columns or more is printed on a landscape A4 page (named page
`zb-landscape` in zhibiao.css); narrower ones stay on the portrait page."""
_NOTICE_TYPES = {"draft": "warning", "retired": "danger", "note": "note"}


@dataclass(frozen=True, slots=True)
class Download:
    """A file offered on a page: label and href relative to the page's Markdown file."""

    label: str
    href: str


@dataclass(frozen=True, slots=True)
class PageChrome:
    """Site-only additions around a document: downloads and a forced-build banner."""

    downloads: tuple[Download, ...] = ()
    banner: str | None = None
    html_tables: tuple[tuple[str, str], ...] = ()
    """(table anchor, HTML block): tables the site writes as HTML (the matrix), already
    escaped; their caption stays as for every table."""


def escape(text: str) -> str:
    """Escape data text for inline Markdown: no markup, no raw HTML, one line."""
    return markdown_text(text)


def relative_target(page: str, target: str) -> str:
    """Turn a site-relative target ("510209/a.md#x") into a link relative to `page`."""
    path, _, fragment = target.partition("#")
    if not path or path == page:
        return f"#{fragment}" if fragment else posixpath.basename(page)
    rel = _relpath(path, posixpath.dirname(page))
    return f"{rel}#{fragment}" if fragment else rel


def _relpath(path: str, folder: str) -> str:
    """`posixpath.relpath` for the normalized relative paths of docs pages (a hot path)."""
    if ".." in path or ".." in folder or "/." in path or path.startswith("."):
        return posixpath.relpath(path, folder or ".")
    base = folder.split("/") if folder else []
    parts = path.split("/")
    common = 0
    while common < min(len(base), len(parts) - 1) and base[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:])


def link(label: str, page: str, target: str) -> str:
    """A link from `page` to the docs path `target` ("510209/a.md#x"); `label` is Markdown.

    In a split build a target published in another shard gets a raw href (see
    `builder.site.layout`); otherwise MkDocs resolves and validates the Markdown link."""
    href = foreign_href(page, target)
    if href is not None:
        return raw_link(label, href)
    return f"[{label}]({relative_href(relative_target(page, target))})"


def inline(runs: Iterable[Inline], page: str) -> str:
    """Render inline runs: escaped text and relative links."""
    out: list[str] = []
    for run in merged(list(runs)):
        if isinstance(run, Link):
            out.append(link(escape(run.text), page, run.target))
        else:
            out.append(escape(run))
    return "".join(out)


def front_matter(values: dict[str, str]) -> str:
    """YAML front matter (MkDocs reads it with PyYAML 1.1), every value a quoted string.

    The title is HTML-escaped: Material puts `page.meta.title` into `<title>` and the
    header without escaping (MkDocs renders templates with autoescape off)."""
    lines = [
        f"{key}: {yaml_string(nav_title(value) if key == 'title' else value)}"
        for key, value in values.items()
    ]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def nav_title(text: str) -> str:
    """A title for the nav or the front matter: one line, HTML-escaped (templates print it
    as is, in text and in attributes, so `<script>` in a course name would otherwise run on
    every page)."""
    return html_text(text)


def heading_text(block: Heading) -> str:
    """ "5.1 素质" for GB/T numbers, "一、概述" / "（一）目标" for 公文 numbers."""
    if not block.number:
        return block.title
    sep = "" if block.number.endswith(("、", "）")) else " "
    return f"{block.number}{sep}{block.title}"


def render_block(
    block: Block, page: str, status: str = "", html_tables: dict[str, str] | None = None
) -> str:
    """One block as Markdown (no trailing blank line)."""
    if isinstance(block, Heading):
        hashes = "#" * min(block.level + 1, 6)
        anchor = f" {{#{anchor_id(block.anchor)}}}" if block.anchor else ""
        return f"{hashes} {escape(heading_text(block))}{anchor}"
    if isinstance(block, Paragraph):
        return line_start(inline(block.content, page))
    if isinstance(block, ListBlock):
        return "\n".join(
            f"{f'{i}.' if block.ordered else '-'} {line_start(inline(item, page))}"
            for i, item in enumerate(block.items, start=1)
        )
    if isinstance(block, Notice):
        title = {"draft": status or "草案", "retired": status or "已废止", "note": "说明"}[
            block.kind
        ]
        return (
            f'!!! {_NOTICE_TYPES[block.kind]} "{escape(title)}"\n\n    {inline(block.text, page)}'
        )
    if html_tables and block.anchor in html_tables:
        return table_caption(block) + "\n\n" + html_tables[block.anchor]
    return render_table(block, page)


def table_caption(table: Table) -> str:
    """The caption paragraph of a table, with the table's id when it has one."""
    if table.anchor:
        return f"{escape(table.caption)}\n{{: #{anchor_id(table.anchor)} .zb-caption }}"
    return escape(table.caption)


def render_table(table: Table, page: str) -> str:
    """Caption paragraph with an id, then a pipe table; cell anchors become empty spans.

    A table that is not `searchable` is wrapped in a `data-search-exclude` block (md_in_html)
    so Material's search index skips its rows; the caption stays indexed."""
    caption = table_caption(table)
    lines = [
        "| " + " | ".join(escape(h) for h in table.header) + " |",
        "|" + "|".join(" --- " for _ in table.header) + "|",
    ]
    for row in table.rows:
        cells = []
        for cell in row:
            body = inline(cell.content, page)
            if cell.bold and body:
                body = f"**{body}**"
            if cell.anchor:
                body = f'<span id="{anchor_id(cell.anchor)}"></span>{body}'
            cells.append(body)
        lines.append("| " + " | ".join(cells) + " |")
    body = "\n".join(lines)
    if not table.searchable:
        body = f"{SEARCH_EXCLUDE_OPEN}\n\n{body}\n\n</div>"
    if len(table.header) >= WIDE_PRINT_COLUMNS:  # printed on a landscape page (zhibiao.css)
        return f"{WIDE_OPEN}\n\n{caption}\n\n{body}\n\n</div>"
    return caption + "\n\n" + body


def cover_line(tree: DocTree) -> str:
    """One line of document facts under the title: status, version, numbers, dates."""
    cover = tree.cover
    facts = [("状态", cover.status)] + ([("版本", cover.version)] if cover.version else [])
    facts += [("标准编号", cover.standard_no)] if cover.standard_no else []
    if cover.doc_no:
        facts.append(
            ("发文字号", f"{cover.issuer} {cover.doc_no}" if cover.issuer else cover.doc_no)
        )
    facts += [("发布日期", cover.issued_on)] if cover.issued_on else []
    facts += [("实施日期", cover.effective_on)] if cover.effective_on else []
    facts += [("代替", "、".join(cover.replaces))] if cover.replaces else []
    body = "　".join(f"**{escape(k)}**：{escape(v)}" for k, v in facts if v)
    return f"{body}\n{{: .zb-meta }}"


def provenance_line(tree: DocTree) -> str:
    """Who issued, proposed, administers and drafted the document, and when it was compiled
    (what the Word file's cover and 前言 show), or "" when the metadata gives none."""
    cover = tree.cover
    facts = [
        ("发布单位", cover.issuer if not cover.doc_no else None),
        ("提出单位", cover.proposed_by),
        ("归口单位", cover.administered_by),
        ("指导单位", cover.guided_by),
        ("主持单位", cover.led_by),
        ("起草单位", "、".join(cover.drafting_units)),
        ("主要起草人", "、".join(cover.drafters)),
        ("编制日期", cover.compiled_on),
        ("公布", cover.published_by),
        ("抄送", "、".join(cover.copy_to)),
        ("印发", "　".join(part for part in (cover.printed_by, cover.printed_on) if part)),
    ]
    parts = [f"**{escape(k)}**：{escape(v)}" for k, v in facts if v]
    href = http_url(cover.source_url) if cover.source_url else None
    if href and cover.source_url:
        parts.append(
            f'**原文网址**：<a href="{html_text(href)}" rel="noopener">'
            f"{escape(cover.source_url)}</a>"
        )
    body = "　".join(parts)
    return f"{body}\n{{: .zb-meta .zb-provenance }}" if body else ""


def downloads_line(chrome: PageChrome) -> str:
    """ "下载：[YAML 源文件](a.yaml)　[Word 文档](a.docx)" or ""."""
    if not chrome.downloads:
        return ""
    links = "　".join(f"[{escape(d.label)}]({relative_href(d.href)})" for d in chrome.downloads)
    return f"下载：{links}\n{{: .zb-downloads }}"


def banner_block(banner: str | None) -> str:
    """The forced-build warning shown on top of every page."""
    return f'!!! danger "检查未通过"\n\n    {line_start(escape(banner))}' if banner else ""


def render_document(tree: DocTree, chrome: PageChrome | None = None) -> str:
    """A whole document page: front matter, title, facts, downloads, then every block."""
    chrome = chrome or PageChrome()
    parts = [
        banner_block(chrome.banner),
        f"# {escape(tree.cover.title)} {{#title}}",
        cover_line(tree),
        provenance_line(tree),
        downloads_line(chrome),
    ]
    tables = dict(chrome.html_tables)
    parts.extend(render_block(b, tree.page, tree.cover.status, tables) for b in tree.blocks)
    body = "\n\n".join(p for p in parts if p)
    return front_matter({"title": tree.cover.title}) + body + "\n"
