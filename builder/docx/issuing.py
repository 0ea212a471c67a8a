"""The issuing notice as a GB/T 9704 公文: 版头, 主体, attachments bound in, 版记.

Element rules (GB/T 9704-2012 §7): red 发文机关标志 and separator; 发文字号 centred two lines
below the mark; 2号小标宋 title; 主送机关 flush left with a full-width colon; 附件说明
"附件：1. …"; 署名 and 成文日期 (Arabic numerals, no padding); attachments start on a new
page with "附件1" flush left; 版记 (抄送, 印发机关和印发日期) between rules at the foot of
the last page, which carries no page number.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx.enum.text import WD_BREAK
from docx.shared import Pt

from builder.doctree import DocTree
from builder.docx.ending import add_record, add_signature
from builder.docx.fonts import fit_size, scale_run
from builder.docx.lines import add_rule
from builder.docx.notice import NoticeFile
from builder.docx.package import CoreInfo, fixed_time, set_core
from builder.docx.page import add_page_numbers, setup_section
from builder.docx.parts import drop_parts
from builder.docx.profiles import GBT9704
from builder.docx.template import load_template
from builder.docx.writer import write_blocks
from builder.project import UsageError

RED = "E60012"


def cn_date(day: dt.date) -> str:
    """成文日期 as GB/T 9704 writes it: 2026年7月1日 (no zero padding)."""
    return f"{day.year}年{day.month}月{day.day}日"


def render_notice(
    notice: NoticeFile, trees: dict[str, DocTree], *, template: Path | None = None
) -> Any:
    """The notice document with every attachment that names a standard bound after it."""
    bound = _bound(notice, trees)
    profile = GBT9704
    document, _added = load_template(template)
    drop_parts(document)
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    setup_section(section, profile)
    add_page_numbers(section, profile)
    _head(document, notice)
    _main(document, notice)
    for number, (title, tree) in enumerate(bound, start=1):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        label = f"附件{number}" if len(notice.attachments) > 1 else "附件"
        document.add_paragraph(label, "公文附件标识")
        document.add_paragraph(title, "公文标题").paragraph_format.space_after = Pt(28.95)
        write_blocks(document, tree.blocks, profile)
    _record(document, notice)
    set_core(
        document,
        CoreInfo(
            title=notice.title,
            subject="通知",
            author=notice.issuer,
            identifier=notice.doc_no,
            when=fixed_time(notice.date.isoformat()),
        ),
    )
    return document


def _bound(notice: NoticeFile, trees: dict[str, DocTree]) -> list[tuple[str, DocTree]]:
    bound: list[tuple[str, DocTree]] = []
    for index, attachment in enumerate(notice.attachments):
        if attachment.document is None:
            continue
        tree = trees.get(attachment.document)
        if tree is None:
            known = "、".join(sorted(trees)) or "（无）"
            raise UsageError(
                f"通知附件 attachments[{index}] 引用的标准文件 {attachment.document} 不存在",
                hint=f"可用的文件标识：{known}",
            )
        bound.append((attachment.title, tree))
    return bound


def _head(document: Any, notice: NoticeFile) -> None:
    mark = notice.mark or f"{notice.issuer}文件"
    width_pt = GBT9704.geometry.text_width * 72 / 25.4
    paragraph = document.add_paragraph(style="公文发文机关标志")
    run = paragraph.add_run(mark)
    size, scale = fit_size(mark, width_pt, 36, 22)
    run.font.size = Pt(size)
    scale_run(run, scale)
    number = document.add_paragraph(notice.doc_no, "公文发文字号")
    add_rule(number, "bottom", size=12, color=RED, space=12)
    title = document.add_paragraph(notice.title, "公文标题")
    title.paragraph_format.space_before = Pt(28.95 * 2)
    title.paragraph_format.space_after = Pt(28.95)


def _main(document: Any, notice: NoticeFile) -> None:
    document.add_paragraph(f"{'、'.join(notice.recipients)}：", "公文主送机关")
    for text in notice.paragraphs():
        document.add_paragraph(text, "公文正文")
    _attachment_notes(document, notice)
    add_signature(document, [notice.signer or notice.issuer], cn_date(notice.date))


def _attachment_notes(document: Any, notice: NoticeFile) -> None:
    titles = [attachment.title for attachment in notice.attachments]
    if not titles:
        return
    first = document.add_paragraph(style="公文附件说明")
    first.paragraph_format.space_before = Pt(28.95)
    if len(titles) == 1:
        first.add_run(f"附件：{titles[0]}")
        return
    first.add_run(f"附件：1. {titles[0]}")
    for number, title in enumerate(titles[1:], start=2):
        paragraph = document.add_paragraph(style="公文附件说明")
        # Aligned under the first name: 2 characters indent + "附件：" (3 characters).
        paragraph.paragraph_format.first_line_indent = Pt(16 * 5)
        paragraph.add_run(f"{number}. {title}")


def _record(document: Any, notice: NoticeFile) -> None:
    """版记 at the foot of the last page, an even one, unnumbered (`builder.docx.ending`)."""
    printed = notice.printed_on or notice.date
    add_record(document, notice.cc, notice.printer or notice.issuer, cn_date(printed))
