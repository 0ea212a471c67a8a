"""Cover information and lifecycle notices (征求意见稿 banner, replacement pointer)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from builder.compose.across import successor as replacing
from builder.compose.doctree import REFERENCES, CoverInfo, Field, Inline, Link, Notice
from builder.compose.marks import glued, item_runs, list_items, units_field, value_field
from builder.compose.outline import Outline
from builder.compose.text import book_title, cn_date
from builder.model import KIND_TITLES
from builder.model.course import AppliesTo
from builder.model.dates import chinese
from builder.model.meta import DRAFT_STATUSES, Meta
from builder.model.sourced import EXCERPT_LABEL, NOT_LISTED_LABEL, is_excerpt, is_not_given
from builder.read.corpus import Corpus, Loaded, set_code
from builder.view.anchors import page_path


def cover(meta: Meta, kind: str) -> CoverInfo:
    """What a cover or a 公文 head shows, straight from the metadata.

    A document published by a notice (公布通知) without its own number shows the notice's
    文号 and issuer; dates stay as written (YYYY, YYYY-MM or YYYY-MM-DD). The kind line
    follows the title when it uses an older name (顶岗实习标准, 实训教学条件建设标准).
    """
    notice = meta.published_by
    own_number = meta.doc_no is not None
    own = own_number or notice is None
    issuers = meta.issuers if own else (notice.issuer,)  # type: ignore[union-attr]
    if own:
        issuer = units_field(meta.issuer, "meta.issuer")
    else:
        issuer = value_field(notice.issuer, "meta.published_by.issuer")  # type: ignore[union-attr]
    return CoverInfo(
        title=Field(meta.title, "meta.title"),
        kind_title=kind_title(meta.title, kind),
        standard_no=value_field(meta.standard_no, "meta.standard_no"),
        doc_no=value_field(meta.doc_no, "meta.doc_no")
        if own
        else value_field(notice.doc_no, "meta.published_by.doc_no"),  # type: ignore[union-attr]
        issuer=issuer or None,
        issuers=issuers,
        status=Field(meta.status, "meta.status"),
        version="" if is_not_given(meta.version) else Field(meta.version, "meta.version"),
        issued_on=value_field(meta.issued_on, "meta.issued_on")
        or (value_field(notice.date, "meta.published_by.date") if notice else None),
        effective_on=value_field(meta.effective_on, "meta.effective_on"),
        replaces=list_items(meta.replaces, "meta.replaces"),
        drafting_units=list_items(meta.drafting_units, "meta.drafting_units"),
        drafters=list_items(meta.drafters, "meta.drafters"),
        proposed_by=units_field(meta.proposed_by, "meta.proposed_by"),
        administered_by=units_field(meta.administered_by, "meta.administered_by"),
        guided_by=units_field(meta.guided_by, "meta.guided_by"),
        led_by=units_field(meta.led_by, "meta.led_by"),
        copy_to=tuple(meta.copy_to),
        printed_by=meta.printed_by,
        printed_on=meta.printed_on,
        source_url=value_field(meta.source_url, "meta.source_url"),
        compiled_on=value_field(meta.compiled_on, "meta.compiled_on"),
        published_by=published_sentence(meta),
        patent_statement=value_field((meta.patent_statement or "").strip(), "meta.patent_statement")
        or None,
    )


KIND_VARIANTS: dict[str, tuple[str, ...]] = {
    "internship": ("顶岗实习标准", "跟岗实习标准", "岗位实习标准", "实习标准"),
    "training_base": ("实训教学条件建设标准", "实训条件建设标准", "实训基地建设标准"),
}
"""Names a document of a kind may carry at the end of its title (older or official wording)."""


def kind_title(title: str, kind: str) -> str:
    """The document kind as its own title names it, e.g. 顶岗实习标准 for a 2016 standard."""
    for variant in KIND_VARIANTS.get(kind, ()):
        if title.endswith(variant):
            return variant
    return KIND_TITLES[kind]


def published_sentence(meta: Meta) -> str | None:
    """ "本文件由教育部于2018年1月4日以《…》（教职成函〔2018〕1号）公布。" from `published_by`,
    with the batch the notice put it in ("……公布（第二批）。")."""
    notice = meta.published_by
    if notice is None:
        return None
    when = f"于{chinese(notice.date)}" if notice.date else ""
    parts = [book_title(notice.title)] if notice.title else []
    if notice.doc_no:
        parts.append(f"（{notice.doc_no}）" if parts else notice.doc_no)
    how = f"以{''.join(parts)}" if parts else ""
    batch = f"（{notice.batch}）" if notice.batch else ""
    return f"本文件由{notice.issuer}{when}{how}公布{batch}。"


CODE_NOT_GIVEN = "专业代码原文未给出"
"""Shown after the name of a specialty whose code the source does not give."""


def specialty_label(code: str, name: str | None) -> str:
    """ "电子商务（730701）" when the name is known, else the code alone; "电子商务（专业代码原文未给出）"
    when the source gives no code (`specialty: 原文未给出`)."""
    if is_not_given(code):
        return f"{name}（{CODE_NOT_GIVEN}）" if name else f"（{CODE_NOT_GIVEN}）"
    return f"{name}（{code}）" if name else code


def applicability(applies: AppliesTo) -> str:
    """The 适用范围 of a shared course standard: "中职各专业", or the listed codes
    ("中职 730701、710207" when levels are given too)."""
    levels = "、".join(applies.levels)
    if applies.specialties:
        codes = "、".join(applies.specialties)
        return f"{levels} {codes}" if levels else codes
    return f"{levels}各专业"


def patent_text(statement: str) -> str:
    """The body notice of a draft's patent statement (the docx cover shows it instead)."""
    return f"专利说明：{statement}"


def notices(item: Loaded[Any], corpus: Corpus) -> list[Notice]:
    """The lifecycle notices a document's status calls for (none for 发布/试行)."""
    meta: Meta = item.doc.meta
    if meta.status in DRAFT_STATUSES:
        found = [draft_notice(meta)]
        if meta.patent_statement and meta.patent_statement.strip():
            found.append(Notice("note", (patent_text(meta.patent_statement.strip()),)))
        return found
    if meta.status in {"废止", "被代替"}:
        return [retired_notice(meta, corpus, set_code(item.doc))]
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
            when = Field(cn_date(meta.comment_deadline), "meta.comment_deadline")
            text.extend(glued("征求意见截止日期：", when, "。"))
        else:
            text.append("欢迎提出修改意见。")
    return Notice("draft", tuple(text))


def retired_notice(meta: Meta, corpus: Corpus, asker: str = "") -> Notice:
    """废止/被代替 notice; links to the replacing document when it is in the corpus (a
    lookup recorded under the set `asker`, see `builder.compose.across`)."""
    if meta.status == "废止":
        return Notice("retired", ("本文件已废止，仅供查阅。",))
    if not meta.replaced_by:
        return Notice("retired", ("本文件已被代替，仅供查阅。",))
    successor = replacing(corpus, asker, meta.replaced_by)
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


NORMATIVE_LEAD = (
    "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
    "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。"
)
"""The lead-in sentence of GB/T 1.1—2020 8.6.2 for the 规范性引用文件 element."""
NO_NORMATIVE = "本文件没有规范性引用文件。"


def normative_references(
    out: Outline,
    references: Sequence[Sequence[Inline]],
    *,
    chapter: bool = True,
    always: bool = False,
) -> None:
    """The 规范性引用文件 element: a numbered chapter (or, with `chapter=False`, a paragraph
    inside the current one) with the GB/T 1.1 lead-in and one entry per reference.

    Without references nothing is added, unless `always` asks for the chapter with the
    sentence "本文件没有规范性引用文件。".
    """
    if not references and not always:
        return
    if chapter:
        out.heading(1, "规范性引用文件", anchor="normative-references")
    if not references:
        out.text(NO_NORMATIVE)
        return
    out.text(NORMATIVE_LEAD)
    out.items(references)


def back_matter(out: Outline, meta: Meta) -> None:
    """The unnumbered closing element 参考文献, numbered [1], [2] … as GB/T 1.1 lists it."""
    if meta.references:
        out.unnumbered(1, "参考文献", REFERENCES)
        for number, ref in enumerate(meta.references, start=1):
            item = f"meta.references[{number - 1}]"
            out.text(*glued(f"[{number}]\u2002", Field(ref, item, row=item)))


def references(out: Outline, listed: list[str]) -> None:
    """The 规范性引用文件 chapter when the document gives it (or marks it 原文未给出)."""
    if is_not_given(listed):
        out.heading(1, "规范性引用文件", anchor="normative-references")
        out.text(NOT_LISTED_LABEL)
        return
    normative_references(out, item_runs(listed, "meta.normative_references"))
    if is_excerpt(listed):
        out.text(EXCERPT_LABEL)
