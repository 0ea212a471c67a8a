"""The site's consultation sections: how to comment on a draft, and how comments were handled.

For a standard under consultation (征求意见稿) its page gets a section with the deadline,
the 意见反馈表 forms to download (published next to the page) and, when `review.issue_url`
is configured, a link per clause to the issue tracker. Once the comments of its review
record have all been decided, the page shows the 征求意见处理情况 table instead. Every text
goes through the site's Markdown escaping (`render_block`, `escape`, `raw_link`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote, urlsplit

from builder.comments.anchors import Anchor, document_anchors
from builder.comments.forms import FormInfo, short
from builder.comments.model import ReviewRecord
from builder.comments.report import handling, summarise
from builder.comments.store import existing_record, load_review
from builder.compose.doctree import Cell, DocTree, Heading, Link, Paragraph, Table
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded
from builder.site.formcache import Forms, fresh_forms
from builder.site.layout import raw_link
from builder.site.markdown import escape, render_block
from builder.view.anchors import doc_id

UNDER_CONSULTATION = "征求意见稿"
_URL_SAFE = ":/?&=#%+@,;~!$'*"


def form_paths(page: str) -> tuple[str, str]:
    """Where the two forms of a page are published: `…/ZJ02.md` → `…/ZJ02-意见反馈表.xlsx`."""
    stem = PurePosixPath(page).with_suffix("")
    return f"{stem}-意见反馈表.xlsx", f"{stem}-意见反馈表.docx"


def _record(item: Loaded[Any]) -> ReviewRecord | None:
    path = existing_record(item.path)
    if path is None:
        return None
    return load_review(path, item.rel).record


def consultation_parts(
    corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], forms: Forms = fresh_forms
) -> tuple[dict[str, str], dict[str, bytes]]:
    """Page → Markdown to append, and docs path → form bytes, for the given trees; `forms`
    makes a draft's two forms (the site build passes its cache, `builder.site.formcache`)."""
    items = {doc_id(item): item for item in corpus.documents}
    sections: dict[str, str] = {}
    blobs: dict[str, bytes] = {}
    for tree in trees:
        item = items.get(tree.doc_id)
        if item is None:
            continue
        draft = _draft(tree, item, corpus, config)
        if draft is not None:
            info, anchors = draft
            xlsx, word = form_paths(tree.page)
            blobs[xlsx], blobs[word] = forms(info, anchors)
            sections[tree.page] = how_to_comment(tree, info, anchors, config.review.issue_url)
            continue
        record = _record(item)
        decided = record is not None and all(c.disposition for c in record.comments)
        if record is not None and record.comments and decided:
            sections[tree.page] = dispositions(tree.page, record)
    return sections, blobs


def drafts(
    corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], at_least: int = 0
) -> list[tuple[FormInfo, list[Anchor]]]:
    """The form head and anchors of every draft among `trees` (what its forms are made of);
    none when there are fewer than `at_least` drafts (the pages work out the anchors
    again: for a few drafts that is not worth doing twice)."""
    items = {doc_id(item): item for item in corpus.documents}
    found = [(t, items[t.doc_id]) for t in trees if t.doc_id in items]
    if sum(item.doc.meta.status == UNDER_CONSULTATION for _, item in found) < at_least:
        return []
    made = (_draft(tree, item, corpus, config) for tree, item in found)
    return [draft for draft in made if draft is not None]


def _draft(
    tree: DocTree, item: Loaded[Any], corpus: Corpus, config: ProjectConfig
) -> tuple[FormInfo, list[Anchor]] | None:
    meta = item.doc.meta
    if meta.status != UNDER_CONSULTATION:
        return None
    deadline = meta.comment_deadline.isoformat() if meta.comment_deadline else ""
    info = FormInfo(tree.doc_id, meta.title, meta.status, deadline)
    return info, document_anchors(item, corpus, config)


def how_to_comment(
    tree: DocTree, info: FormInfo, anchors: list[Anchor], issue_url: str | None
) -> str:
    """The 征求意见 section of a draft's page."""
    page = tree.page
    xlsx, word = form_paths(page)
    deadline = f"截止日期为 {info.deadline}。" if info.deadline else ""
    blocks: list[str] = [
        render_block(Heading(1, "征求意见", anchor="consultation"), page),
        render_block(
            Paragraph(
                (
                    f"本标准正在征求意见，{deadline}请下载意见反馈表，填写提出单位和每条意见"
                    "（修改建议、理由），“章节号或编码”一栏保留预填的条款号或编码，按征求意见通知的"
                    "方式返回。",
                )
            ),
            page,
        ),
        render_block(
            Paragraph(
                (
                    Link("意见反馈表（Excel）", xlsx),
                    " ｜ ",
                    Link("意见反馈表（Word）", word),
                )
            ),
            page,
        ),
    ]
    base = _safe_url(issue_url)
    if base is not None:
        rows = []
        for anchor in anchors:
            title = quote(f"意见：{info.doc_id} {anchor.key}", safe="")
            href = base.replace("%7Btitle%7D", title).replace("{title}", title)
            rows.append(f"| {escape(anchor.key)} | {escape(short(anchor.text))} | "
                        f"{raw_link('提意见', href)} |")  # fmt: skip
        blocks.append("| 章节号或编码 | 原文 | 逐条意见 |\n| --- | --- | --- |\n" + "\n".join(rows))
    return "\n\n" + "\n\n".join(blocks) + "\n"


def _safe_url(template: str | None) -> str | None:
    """The issue URL template, percent-encoded, or None unless it is http(s)."""
    if not template:
        return None
    encoded = quote(template.strip(), safe=_URL_SAFE + "{}")
    parts = urlsplit(encoded)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return encoded


def dispositions(page: str, record: ReviewRecord) -> str:
    """The 征求意见处理情况 section: the summary and the table of comments and dispositions."""
    summary = summarise(record)
    table = Table(
        caption="征求意见汇总处理表",
        header=("序号", "章节号", "原文", "修改后内容", "理由", "提出单位", "处理意见"),
        rows=tuple(
            tuple(
                Cell((text,))
                for text in (
                    str(n),
                    c.anchor,
                    c.original,
                    c.proposal,
                    c.reason,
                    c.unit,
                    handling(c),
                )
            )
            for n, c in enumerate(record.comments, start=1)
        ),
        widths=(1, 1, 3, 3, 2, 2, 3),
    )
    blocks = [
        render_block(Heading(1, "征求意见处理情况", anchor="consultation"), page),
        render_block(Paragraph((summary.sentence(),)), page),
        render_block(table, page),
    ]
    return "\n\n" + "\n\n".join(blocks) + "\n"
