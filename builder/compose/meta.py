"""Cover information and lifecycle notices (征求意见稿 banner, replacement pointer)."""

from __future__ import annotations

from typing import Any

from builder.compose.anchors import page_path
from builder.compose.outline import Outline
from builder.compose.text import book_title, cn_date
from builder.corpus import Corpus, Loaded
from builder.doctree import CoverInfo, Inline, Link, Notice
from builder.model import KIND_TITLES
from builder.model.meta import DRAFT_STATUSES, Meta


def cover(meta: Meta, kind: str) -> CoverInfo:
    """What a cover or a 公文 head shows, straight from the metadata.

    A document published by a notice (公布通知) without its own number shows the notice's
    文号 and issuer; dates stay as written (YYYY, YYYY-MM or YYYY-MM-DD).
    """
    notice = meta.published_by
    own_number = meta.doc_no is not None
    return CoverInfo(
        title=meta.title,
        kind_title=KIND_TITLES[kind],
        standard_no=meta.standard_no,
        doc_no=meta.doc_no if own_number or notice is None else notice.doc_no,
        issuer=meta.issuer if own_number or notice is None else notice.issuer,
        status=meta.status,
        version=meta.version,
        issued_on=meta.issued_on or (notice.date if notice else None),
        effective_on=meta.effective_on,
        replaces=tuple(meta.replaces),
        drafting_units=tuple(meta.drafting_units),
        drafters=tuple(meta.drafters),
        proposed_by=meta.proposed_by,
        administered_by=meta.administered_by,
    )


def notices(item: Loaded[Any], corpus: Corpus) -> list[Notice]:
    """The lifecycle notices a document's status calls for (none for 发布/试行)."""
    meta: Meta = item.doc.meta
    if meta.status in DRAFT_STATUSES:
        found = [draft_notice(meta)]
        if meta.patent_statement:
            found.append(Notice("note", (f"专利说明：{meta.patent_statement.strip()}",)))
        return found
    if meta.status in {"废止", "被代替"}:
        return [retired_notice(meta, corpus)]
    if meta.status == "修订中":
        return [Notice("note", ("本文件正在修订中，修订稿发布前本文件继续有效。",))]
    return []


def draft_notice(meta: Meta) -> Notice:
    """征求意见稿/送审稿/… banner with the comment deadline when given."""
    text: list[Inline] = [
        f"本文件为{meta.status}，不是正式发布的文本，内容可能调整，请勿作为正式依据。"
    ]
    if meta.status == "征求意见稿":
        if meta.comment_deadline:
            text.append(f"征求意见截止日期：{cn_date(meta.comment_deadline)}。")
        else:
            text.append("欢迎提出修改意见。")
    return Notice("draft", tuple(text))


def retired_notice(meta: Meta, corpus: Corpus) -> Notice:
    """废止/被代替 notice; links to the replacing document when it is in the corpus."""
    if meta.status == "废止":
        return Notice("retired", ("本文件已废止，仅供查阅。",))
    if not meta.replaced_by:
        return Notice("retired", ("本文件已被代替，仅供查阅。",))
    successor = find_by_number(corpus, meta.replaced_by)
    if successor is None:
        return Notice("retired", (f"本文件已被 {meta.replaced_by} 代替，仅供查阅。",))
    title = successor.doc.meta.title
    return Notice(
        "retired",
        (
            f"本文件已被 {meta.replaced_by} 代替，仅供查阅。现行文件：",
            Link(book_title(title), page_path(successor)),
            "。",
        ),
    )


def find_by_number(corpus: Corpus, number: str) -> Loaded[Any] | None:
    """The document whose standard number or document number is `number`."""
    for candidate in corpus.documents:
        meta: Meta = candidate.doc.meta
        if number in {meta.standard_no, meta.doc_no}:
            return candidate
    return None


def back_matter(out: Outline, meta: Meta, *, normative: bool = True) -> None:
    """Unnumbered closing sections: 规范性引用文件 (when the body has no chapter for them)
    and 参考文献, as listed in the metadata."""
    if normative and meta.normative_references:
        out.unnumbered(1, "规范性引用文件", "normative-references")
        out.items([ref] for ref in meta.normative_references)
    if meta.references:
        out.unnumbered(1, "参考文献", "references")
        out.items(([ref] for ref in meta.references), ordered=True)
