"""The GB/T 1.1 cover page, the 前言 built from cover data, and the 公文 title block."""

from __future__ import annotations

import math
from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt

from builder.doctree import CoverInfo
from builder.docx.lines import add_rule
from builder.docx.profiles import Profile

PATENT_NOTE = "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。"
DRAFT_COVER = frozenset({"草案", "征求意见稿", "送审稿", "报批稿"})
_PT_PER_MM = 72 / 25.4


def status_mark(cover: CoverInfo) -> str:
    """The visible status line, e.g. "（征求意见稿）"; empty for a published document."""
    return "" if cover.status == "发布" else f"（{cover.status}）"


def running_header(cover: CoverInfo) -> str:
    """Header text: the document number, plus the status on drafts."""
    base = cover.standard_no or cover.doc_no or cover.kind_title
    status = cover.status if cover.status != "发布" else ""
    return f"{base}\u3000{status}".strip()


def add_cover(document: Any, cover: CoverInfo, profile: Profile) -> None:
    """Cover page: kind, number, title, status, dates and issuer at the foot of the page."""
    geometry = profile.geometry
    width_pt = geometry.text_width * _PT_PER_MM
    usable = (geometry.height - geometry.top - geometry.bottom) * _PT_PER_MM
    used = 0.0
    kind = "团体标准" if (cover.standard_no or "").startswith("T/") else cover.kind_title
    head = document.add_paragraph(kind, "封面类别")
    add_rule(head, "bottom", size=12, space=4)
    used += 48 + 8
    number = cover.standard_no or cover.doc_no or ""
    document.add_paragraph(number, "封面编号")
    used += 21
    if cover.replaces:
        document.add_paragraph(f"代替 {'、'.join(cover.replaces)}", "封面编号")
        used += 21
    title = document.add_paragraph(style="封面名称")
    lines = _title_lines(cover.title, cover.kind_title, width_pt / 26)
    for index, line in enumerate(lines):
        if index:
            title.add_run().add_break()
        title.add_run(line)
    used += 96 + 12 + 36 * sum(math.ceil(len(line) * 26 / width_pt) for line in lines)
    subtitle = f"（{cover.version} 版）" if cover.version else ""
    if subtitle:
        document.add_paragraph(subtitle, "封面副题")
        used += 24
    mark = status_mark(cover)
    if mark:
        document.add_paragraph(mark, "封面状态")
        used += 52
    if cover.status in {"征求意见稿", "送审稿"}:
        document.add_paragraph(PATENT_NOTE, "封面说明")
        used += 30
    bottom = 24 + 8 + 24 + 28  # dates, rule, issuer line
    dates = document.add_paragraph(style="封面日期")
    dates.paragraph_format.space_before = Pt(max(12.0, usable - used - bottom - 36))
    dates.paragraph_format.tab_stops.add_tab_stop(Mm(geometry.text_width), WD_TAB_ALIGNMENT.RIGHT)
    issued = cover.issued_on or "XXXX-XX-XX"
    effective = cover.effective_on or "XXXX-XX-XX"
    dates.add_run(f"{issued} 发布\t{effective} 实施")
    add_rule(dates, "bottom", size=12, space=4)
    if cover.issuer:
        document.add_paragraph(f"{cover.issuer}\u3000\u3000发\u2002布", "封面发布机构")


def _title_lines(title: str, kind_title: str, per_line: float) -> list[str]:
    """Break a long title before its kind name ("…应用" / "专业教学标准") instead of mid-word."""
    if len(title) <= per_line or not title.endswith(kind_title) or title == kind_title:
        return [title]
    for suffix in (f"专业{kind_title}", kind_title):
        head = title[: -len(suffix)]
        if title.endswith(suffix) and head and len(head) <= per_line:
            return [head, suffix]
    return [title]


def preface(cover: CoverInfo) -> list[str]:
    """前言 paragraphs in the wording GB/T 1.1-2020 prescribes for the usual statements."""
    lines = [
        "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。"
    ]
    if cover.replaces:
        lines.append(f"本文件代替{'、'.join(cover.replaces)}。")
    lines.append("请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。")
    if cover.proposed_by:
        lines.append(f"本文件由{cover.proposed_by}提出。")
    if cover.administered_by:
        lines.append(f"本文件由{cover.administered_by}归口。")
    if cover.drafting_units:
        lines.append(f"本文件起草单位：{'、'.join(cover.drafting_units)}。")
    if cover.drafters:
        lines.append(f"本文件主要起草人：{'、'.join(cover.drafters)}。")
    return lines


def add_gongwen_title(document: Any, cover: CoverInfo) -> None:
    """公文 title block: 2号小标宋 title, then the status in 楷体 on drafts."""
    title = document.add_paragraph(cover.title, "公文标题")
    mark = status_mark(cover)
    if mark:
        document.add_paragraph(mark, "公文副标题")
    else:
        title.paragraph_format.space_after = Pt(28.95)
