"""The issuing notice as a GB/T 9704 公文: 版头, 主体, attachments bound in, 版记.

Element rules (GB/T 9704-2012 §7): red 发文机关标志 and separator; 发文字号 centred two lines
below the mark; 2号小标宋 title; 主送机关 flush left with a full-width colon; 附件说明
"附件：1. …"; 署名 and 成文日期 (Arabic numerals, no padding); attachments start on a new
page with "附件1" flush left; 版记 (抄送, 印发机关和印发日期) between rules at the foot of
the last page, which carries no page number.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
from docx.shared import Pt

from builder.compose.doctree import DocTree
from builder.docx import xmlorder
from builder.docx.cover import status_mark
from builder.docx.ending import CHAR, add_record, add_signature
from builder.docx.fonts import fit_size, scale_run
from builder.docx.lines import add_rule
from builder.docx.notice import (
    ATTACHMENT_MISMATCH,
    NoticeFile,
    attachment_position,
    normalized_title,
)
from builder.docx.package import CoreInfo, fixed_time, set_core
from builder.docx.page import add_page_numbers, setup_section
from builder.docx.parts import drop_parts
from builder.docx.profiles import GBT9704
from builder.docx.template import load_template
from builder.docx.titlebreak import title_lines
from builder.docx.writer import write_blocks
from builder.project import UsageError
from builder.read.catalog import load_catalog
from builder.read.config import ProjectConfig

RED = "E60012"


def cn_date(day: dt.date) -> str:
    """成文日期 as GB/T 9704 writes it: 2026年7月1日 (no zero padding)."""
    return f"{day.year}年{day.month}月{day.day}日"


def render_notice(
    notice: NoticeFile,
    trees: dict[str, DocTree],
    *,
    template: Path | None = None,
    source: Path | None = None,
) -> Any:
    """The notice document with every attachment that names a standard bound after it.

    Attachment names come from the bound documents (title and 稿别); a name written in the
    notice that disagrees with its document is ZB609 (`UsageError` at its place in `source`)."""
    titles = attachment_titles(notice, trees, source)
    profile = GBT9704
    document, _added = load_template(template)
    drop_parts(document)
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    setup_section(section, profile)
    add_page_numbers(section, profile)
    names = protected_names(trees)
    _head(document, notice, names)
    _main(document, notice, titles)
    bound = [
        (title, trees[a.document])
        for title, a in zip(titles, notice.attachments, strict=True)
        if a.document is not None
    ]
    for number, (title, tree) in enumerate(bound, start=1):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        label = f"附件{number}" if len(notice.attachments) > 1 else "附件"
        document.add_paragraph(label, "公文附件标识")
        heading = _title(document, title, names)
        heading.paragraph_format.space_after = Pt(28.95)
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


def document_title(tree: DocTree) -> str:
    """The name of a bound standard as an attachment: its title and 稿别."""
    return f"{tree.cover.title}{status_mark(tree.cover)}"


def attachment_titles(
    notice: NoticeFile, trees: dict[str, DocTree], source: Path | None = None
) -> list[str]:
    """The name of each attachment: its bound document's title and status, or the name the
    notice gives an attachment that binds nothing. Unknown documents and names that
    disagree with their document are usage errors (ZB609 for the latter)."""
    shown = source.as_posix() if source is not None else ""
    titles: list[str] = []
    for index, attachment in enumerate(notice.attachments):
        if attachment.document is None:
            titles.append(attachment.title or "")
            continue
        tree = trees.get(attachment.document)
        if tree is None:
            known = "、".join(sorted(trees)) or "（无）"
            raise UsageError(
                f"通知附件 attachments[{index}] 引用的标准文件 {attachment.document} 不存在",
                file=shown,
                hint=f"可用的文件标识：{known}",
            )
        expected = document_title(tree)
        given = attachment.title
        if given is not None and normalized_title(given) != normalized_title(expected):
            line, column = attachment_position(source, index) if source else (0, 0)
            raise UsageError(
                f"通知附件 {index + 1} 的名称「{given}」与装订的标准文件 {attachment.document}"
                f"「{expected}」不一致",
                file=shown,
                line=line,
                column=column,
                hint=f"删去 title 由文件自动取用，或改为「{expected}」；"
                "如果装订错了文件，请改正 document。",
                code=ATTACHMENT_MISMATCH.code,
            )
        titles.append(given if given is not None else expected)
    return titles


def protected_names(trees: dict[str, DocTree]) -> list[str]:
    """Names a title line must not cut: the 书名号 contents of the bound documents' titles
    and the specialty names of the bundled catalog."""
    names = {m for tree in trees.values() for m in re.findall(r"《([^《》]+)》", tree.cover.title)}
    return sorted(names | catalog_names())


@lru_cache(maxsize=1)
def catalog_names() -> frozenset[str]:
    """Specialty names of the bundled 专业目录."""
    return frozenset(e.name for e in load_catalog(ProjectConfig()).specialties.values())


TITLE_CHARS = 20
"""A 2号 (22 pt) line of the 156 mm text block holds 20 characters."""


def _title(document: Any, text: str, names: list[str]) -> Any:
    """A 公文 title (2号小标宋, centred) broken into lines by meaning (`titlebreak`)."""
    paragraph = document.add_paragraph(style="公文标题")
    for number, line in enumerate(title_lines(text, TITLE_CHARS, names)):
        run = paragraph.add_run(line)
        if number:
            run._r.addprevious(_line_break())
    return paragraph


def _line_break() -> Any:
    run = xmlorder.element("w:r")
    run.append(xmlorder.element("w:br"))
    return run


def _head(document: Any, notice: NoticeFile, names: list[str]) -> None:
    mark = notice.mark or f"{notice.issuer}文件"
    width_pt = GBT9704.geometry.text_width * 72 / 25.4
    paragraph = document.add_paragraph(style="公文发文机关标志")
    run = paragraph.add_run(mark)
    size, scale = fit_size(mark, width_pt, 36, 22)
    run.font.size = Pt(size)
    scale_run(run, scale)
    number = document.add_paragraph(notice.doc_no, "公文发文字号")
    add_rule(number, "bottom", size=12, color=RED, space=12)
    title = _title(document, notice.title, names)
    title.paragraph_format.space_before = Pt(28.95 * 2)
    title.paragraph_format.space_after = Pt(28.95)


def _main(document: Any, notice: NoticeFile, titles: list[str]) -> None:
    document.add_paragraph(f"{'、'.join(notice.recipients)}：", "公文主送机关")
    for text in notice.paragraphs():
        document.add_paragraph(text, "公文正文")
    _attachment_notes(document, titles)
    add_signature(document, [notice.signer or notice.issuer], cn_date(notice.date))


NOTE_INDENT = 2
"""附件说明 starts 2 characters in (GB/T 9704 7.3.4)."""


def _attachment_notes(document: Any, titles: list[str]) -> None:
    """附件说明: "附件：1. 名称", each further name under the first; a name that wraps goes on
    under its own first character (a hanging indent to a tab stop, GB/T 9704 7.3.4: "回行时
    应当与上一行附件名称的首字对齐")."""
    if not titles:
        return
    lead = 3 + (0 if len(titles) == 1 else 2)  # "附件：" and "1. " (a number and its tab)
    hang = Pt(CHAR * (NOTE_INDENT + lead))
    for number, title in enumerate(titles, start=1):
        paragraph = document.add_paragraph(style="公文附件说明")
        fmt = paragraph.paragraph_format
        fmt.left_indent = hang
        fmt.tab_stops.add_tab_stop(hang, WD_TAB_ALIGNMENT.LEFT)
        if number == 1:
            fmt.space_before = Pt(28.95)
            fmt.first_line_indent = Pt(-CHAR * lead)
            prefix = "附件：" if len(titles) == 1 else "附件：1.\t"
        else:
            fmt.first_line_indent = Pt(-CHAR * 2)
            prefix = f"{number}.\t"
        paragraph.add_run(f"{prefix}{title}")


def _record(document: Any, notice: NoticeFile) -> None:
    """版记 at the foot of the last page, an even one, unnumbered (`builder.docx.ending`)."""
    printed = notice.printed_on or notice.date
    add_record(document, notice.cc, notice.printer or notice.issuer, cn_date(printed))
