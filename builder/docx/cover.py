"""The GB/T 1.1 cover page, the 前言 built from cover data, and the 公文 title block."""

from __future__ import annotations

import math
from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt

from builder.compose.doctree import CoverInfo, Field
from builder.docx import xmlorder
from builder.docx.ending import add_record, add_signature
from builder.docx.frontfields import add_line, add_marked, chinese_date, joined_run
from builder.docx.lines import add_rule
from builder.docx.marks import editing
from builder.docx.profiles import Profile
from builder.model.dates import chinese

PATENT_NOTE = "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。"
DRAFT_COVER = frozenset({"草案", "征求意见稿", "送审稿", "报批稿"})
PATENT_COVER = frozenset({"征求意见稿", "送审稿"})
"""Drafts whose GB/T 1.1 cover carries the patent statement."""
_PT_PER_MM = 72 / 25.4


UNMARKED = frozenset({"发布", "修订中"})
"""States in force as issued: no status line (修订中 is said by the notice in the body)."""


def shown_status(cover: CoverInfo) -> str:
    """The status printed on the cover and in the header ("" for a document in force)."""
    return "" if cover.status in UNMARKED else cover.status


def status_mark(cover: CoverInfo) -> str:
    """The visible status line, e.g. "（征求意见稿）"; empty for a document in force."""
    status = shown_status(cover)
    return f"（{status}）" if status else ""


def running_header(cover: CoverInfo) -> str:
    """Header text: the document number, plus the status on drafts."""
    base = cover.standard_no or cover.doc_no or cover.kind_title
    return f"{base}\u3000{shown_status(cover)}".strip()


def add_cover(document: Any, cover: CoverInfo, profile: Profile) -> None:
    """Cover page: kind, number, title, status, dates and issuer at the foot of the page."""
    geometry = profile.geometry
    width_pt = geometry.text_width * _PT_PER_MM
    usable = (geometry.height - geometry.top - geometry.bottom) * _PT_PER_MM
    used = 0.0
    kind = "团体标准" if (cover.standard_no or "").startswith("T/") else cover.kind_title
    head = document.add_paragraph(style="封面类别")
    _fit_spacing(head.add_run(kind), len(kind), width_pt)
    add_rule(head, "bottom", size=12, space=4)
    used += 48 + 8
    number = cover.standard_no or cover.doc_no or ""
    add_line(document, (number,), "封面编号")
    used += 21
    if cover.replaces:
        add_line(document, ("代替 ", joined_run(cover.replaces)), "封面编号")
        used += 21
    # one character less than the geometry allows: the document grid widens the glyphs
    lines = _title_lines(cover.title, cover.kind_title, width_pt / 26 - 1)
    if editing() and isinstance(cover.title, Field):  # one field, broken where it was
        add_line(document, (Field("\n".join(lines), cover.title.path),), "封面名称")
    else:
        title = document.add_paragraph(style="封面名称")
        for index, line in enumerate(lines):
            if index:
                title.add_run().add_break()
            title.add_run(line)
    used += 96 + 12 + 36 * sum(math.ceil(len(line) * 26 / width_pt) for line in lines)
    if cover.version:
        add_line(document, version_runs(cover), "封面副题")
        used += 24
    if shown_status(cover):
        add_line(document, ("（", cover.status, "）"), "封面状态")
        used += 52
    if cover.status in PATENT_COVER:
        note = cover.patent_statement or PATENT_NOTE
        add_line(document, (note,), "封面说明")
        used += 30 * math.ceil(len(note) * 10.5 / width_pt)
    bottom = 24 + 8 + 24 + 28  # dates, rule, issuer line
    dates = document.add_paragraph(style="封面日期")
    dates.paragraph_format.space_before = Pt(max(12.0, usable - used - bottom - 36))
    dates.paragraph_format.tab_stops.add_tab_stop(Mm(geometry.text_width), WD_TAB_ALIGNMENT.RIGHT)
    if editing():
        add_marked(dates, _dates_runs(cover))
    else:
        dates.add_run(_dates_line(cover))
    add_rule(dates, "bottom", size=12, space=4)
    if cover.issuer:
        add_line(document, (cover.issuer, "\u3000\u3000发\u2002布"), "封面发布机构")


CATEGORY_PT = 36
CATEGORY_SPACING_PT = 12


def _fit_spacing(run: Any, chars: int, width_pt: float) -> None:
    """Narrow the letter spacing of the cover's kind line so a long kind name
    (实训教学条件建设标准) stays on one line; short ones keep the style's spacing."""
    room = width_pt / max(chars, 1) - CATEGORY_PT - 1
    if room >= CATEGORY_SPACING_PT:
        return
    spacing = xmlorder.element("w:spacing", val=str(max(0, int(room * 20))))
    xmlorder.replace(run._r.get_or_add_rPr(), spacing)


def _dates_line(cover: CoverInfo) -> str:
    """ "2026-03-18 发布<tab>2026-09-01 实施"; drafts show XXXX-XX-XX for dates not yet set,
    other documents leave a date they do not state out instead of inventing a placeholder."""
    return "".join(_dates_runs(cover))


def _dates_runs(cover: CoverInfo) -> tuple[str, ...]:
    """The dates line in pieces, each date a field (the placeholder XXXX-XX-XX of a draft
    one too, so the drafter can type the date over it)."""
    draft = cover.status in DRAFT_COVER
    runs: list[str] = []
    paths = (
        _path(cover.issued_on, "meta.issued_on"),
        _path(cover.effective_on, "meta.effective_on"),
    )
    for index, (value, label) in enumerate(
        ((cover.issued_on, "发布"), (cover.effective_on, "实施"))
    ):
        if index:
            runs.append("\t")
        if value or draft:
            shown = value or "XXXX-XX-XX"
            runs += [Field(shown, paths[index]) if paths[index] else shown, f" {label}"]
    return tuple(runs)


def _path(value: str | None, default: str) -> str:
    """The YAML path a cover value shows: its field's, or `default` for a date not given
    (typed over the placeholder); "" for a value that is not a field (from elsewhere)."""
    if isinstance(value, Field):
        return value.path
    return default if not value else ""


def _title_lines(title: str, kind_title: str, per_line: float) -> list[str]:
    """Break a long title at a natural place instead of mid-word: before "专业<kind>" or the
    kind name ("…技术运用" / "专业实训教学条件建设标准"), before a parenthesis ("…教学标准" /
    "（高等职业教育本科）") or after "专业". Titles that fit, or that have no break point
    giving two fitting lines, are left to the word processor."""
    if len(title) <= per_line:
        return [title]
    kind = kind_title.removeprefix("专业")
    ranked = [
        [len(title) - len(f"专业{kind}")] if title.endswith(f"专业{kind}") else [],
        [len(title) - len(kind)] if title.endswith(kind) else [],
        [i for i, char in enumerate(title) if char == "（"],
        [i + 2 for i in range(len(title)) if title.startswith("专业", i)],
    ]
    for breaks in ranked:
        fitting = [i for i in breaks if 0 < i < len(title) and max(i, len(title) - i) <= per_line]
        if fitting:
            best = min(fitting, key=lambda i: abs(len(title) - 2 * i))
            return [title[:best], title[best:]]
    return [title]


def preface(cover: CoverInfo) -> list[str]:
    """The 前言 paragraphs as text (`preface_runs` joined)."""
    return ["".join(line) for line in preface_runs(cover)]


def preface_runs(cover: CoverInfo) -> list[tuple[str, ...]]:
    """前言 paragraphs in the wording GB/T 1.1-2020 prescribes for the usual statements.

    The 起草规则 and patent sentences are GB/T 1.1 front matter of a standard with its own
    number (`standard_no`); a document without one (a national 专业教学标准 published by a
    notice, a school's 课程标准) does not say them, so they are not put in its mouth."""
    numbered = bool(cover.standard_no)
    lines: list[tuple[str, ...]] = [(DRAFTING_RULES,)] if numbered else []
    if cover.replaces:
        lines.append(("本文件代替", joined_run(cover.replaces), "。"))
    if numbered:
        lines.append((PATENT_SENTENCE,))
    return lines + statement_runs(cover, replaces=False)


DRAFTING_RULES = (
    "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。"
)
PATENT_SENTENCE = "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。"


def statements(cover: CoverInfo, *, replaces: bool = True, effective: bool = False) -> list[str]:
    """The metadata statements of a 前言 as text (`statement_runs` joined)."""
    runs = statement_runs(cover, replaces=replaces, effective=effective)
    return ["".join(line) for line in runs]


def statement_runs(
    cover: CoverInfo, *, replaces: bool = True, effective: bool = False
) -> list[tuple[str, ...]]:
    """The metadata statements of a 前言: 代替, 提出, 归口, 起草单位, 主要起草人, then where
    the document was published and when it was compiled (and, on request, when it applies),
    each in pieces with the metadata's fields (`builder.docx.frontfields`)."""
    lines: list[tuple[str, ...]] = []
    if replaces and cover.replaces:
        lines.append(("本文件代替", joined_run(cover.replaces), "。"))
    if cover.proposed_by:
        lines.append(("本文件由", cover.proposed_by, "提出。"))
    if cover.administered_by:
        lines.append(("本文件由", cover.administered_by, "归口。"))
    if cover.guided_by:
        lines.append(("本文件指导单位：", cover.guided_by, "。"))
    if cover.led_by:
        lines.append(("本文件主持单位：", cover.led_by, "。"))
    if cover.drafting_units:
        lines.append(("本文件起草单位：", joined_run(cover.drafting_units), "。"))
    if cover.drafters:
        lines.append(("本文件主要起草人：", joined_run(cover.drafters), "。"))
    if cover.standard_no and cover.doc_no:  # the cover shows the standard number only
        lines.append(("本文件发文字号：", cover.doc_no, "。"))
    if cover.published_by:
        lines.append((cover.published_by,))
    if cover.compiled_on:
        lines.append(("本文件编制于", chinese_date(cover.compiled_on), "。"))
    if effective and cover.effective_on:
        lines.append(("本文件自", chinese_date(cover.effective_on), "起施行。"))
    if cover.source_url:
        lines.append(("本文件原文网址：", cover.source_url))
    return lines


def add_gongwen_title(document: Any, cover: CoverInfo) -> None:
    """公文 title block: 2号小标宋 title, the status in 楷体 on drafts, then the number and
    version (the 版次 a GB/T cover would show)."""
    title = add_line(document, (cover.title,), "公文标题")
    mark = status_mark(cover)
    if mark:
        add_line(document, ("（", cover.status, "）"), "公文副标题")
    number = cover.standard_no or cover.doc_no
    runs: tuple[str, ...] = (number,) if number else ()
    if cover.version:
        runs += ("\u3000", *version_runs(cover)) if runs else version_runs(cover)
    line = "".join(runs)
    if line:
        add_line(document, runs, "公文副标题")
    if not mark and not line:
        title.paragraph_format.space_after = Pt(28.95)


def version_mark(cover: CoverInfo) -> str:
    """ "（2026 版）" or "" when the version is not known."""
    return "".join(version_runs(cover))


def version_runs(cover: CoverInfo) -> tuple[str, ...]:
    """`version_mark` in pieces (the version a field)."""
    return ("（", cover.version, " 版）") if cover.version else ()


def add_gongwen_signature(document: Any, cover: CoverInfo) -> None:
    """署名 and 成文日期 at the end of an issued 公文-style document with the place of the
    seal (GB/T 9704 7.3.5, `builder.docx.ending`); a document without a 发布日期 (a draft) is
    not signed."""
    if not cover.issued_on:
        return
    signers = cover.issuers or ((cover.issuer,) if cover.issuer else ())
    add_signature(document, signers, chinese(cover.issued_on))


def add_gongwen_record(document: Any, cover: CoverInfo) -> None:
    """The 版记 (抄送, 印发机关和印发日期) on the last, even page when the metadata gives
    抄送机关 or 印发机关 (GB/T 9704 7.4); the 印发日期 defaults to the 发布日期."""
    if not cover.copy_to and not cover.printed_by:
        return
    printer = cover.printed_by or cover.issuer or ""
    printed = cover.printed_on or cover.issued_on
    add_record(document, cover.copy_to, printer, chinese(printed) if printed else "")
