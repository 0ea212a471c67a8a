"""`zhibiao comments report`: the 征求意见汇总处理表 (Word) and a summary by unit and outcome."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from builder.comments.model import DISPOSITIONS, Comment, ReviewRecord
from builder.compose.doctree import Paragraph, Table
from builder.compose.doctree import text_cells as cells

HEADER = ("序号", "章节号", "原文", "修改后内容", "理由", "提出单位", "处理意见")
WIDTHS = (0.9, 1.4, 3.0, 3.0, 2.0, 1.6, 2.4)
PENDING = "未处理"
OUTCOMES = (*DISPOSITIONS, PENDING)


def outcome(comment: Comment) -> str:
    """采纳 / 部分采纳 / 未采纳, or 未处理."""
    return comment.disposition or PENDING


def handling(comment: Comment) -> str:
    """The 处理意见 cell: the outcome, its reason and the adopted wording."""
    text = outcome(comment)
    if comment.response:
        text += f"。{comment.response.strip()}"
    if comment.revised and comment.revised.strip() != comment.proposal.strip():
        text += f"（修改为：{comment.revised.strip()}）"
    return text


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts by unit and outcome, units in order of first comment."""

    units: tuple[str, ...]
    counts: dict[tuple[str, str], int]
    totals: dict[str, int]

    @property
    def total(self) -> int:
        """Number of comments."""
        return sum(self.totals.values())

    def sentence(self) -> str:
        """共收到 3 个单位的 7 条意见：采纳 3 条，部分采纳 2 条，未采纳 1 条，未处理 1 条。"""
        parts = "，".join(f"{o} {self.totals.get(o, 0)} 条" for o in OUTCOMES)
        return f"共收到 {len(self.units)} 个单位的 {self.total} 条意见：{parts}。"


def summarise(record: ReviewRecord) -> Summary:
    """Counts of the record's comments by unit and outcome."""
    units: dict[str, None] = {}
    counts: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    for comment in record.comments:
        units.setdefault(comment.unit, None)
        counts[(comment.unit, outcome(comment))] += 1
        totals[outcome(comment)] += 1
    return Summary(tuple(units), dict(counts), dict(totals))


def summary_table(summary: Summary) -> Table:
    """提出单位 | 意见数 | 采纳 | 部分采纳 | 未采纳 | 未处理, with a 合计 row."""
    rows = [
        cells(
            unit,
            str(sum(summary.counts.get((unit, o), 0) for o in OUTCOMES)),
            *(str(summary.counts.get((unit, o), 0)) for o in OUTCOMES),
        )
        for unit in summary.units
    ]
    rows.append(
        cells("合计", str(summary.total), *(str(summary.totals.get(o, 0)) for o in OUTCOMES))
    )
    return Table(
        caption="表2 意见处理情况统计（按提出单位）",
        header=("提出单位", "意见数", *OUTCOMES),
        rows=tuple(rows),
        widths=(4, 1, 1, 1, 1, 1),
        total_row=True,
    )


def report_docx(title: str, record: ReviewRecord, *, when: str | None = None) -> bytes:
    """The 征求意见汇总处理表 of one standard as .docx bytes (same input, same bytes)."""
    from builder.comments.docxout import table_document  # python-docx, only when writing

    summary = summarise(record)
    rows = tuple(
        cells(
            str(number),
            comment.anchor,
            comment.original.strip(),
            comment.proposal.strip(),
            comment.reason.strip(),
            comment.unit,
            handling(comment),
        )
        for number, comment in enumerate(record.comments, start=1)
    )
    table = Table(caption="表1 征求意见汇总处理表", header=HEADER, rows=rows, widths=WIDTHS)
    return table_document(
        f"《{title}》征求意见汇总处理表",
        [Paragraph((summary.sentence(),)), table, summary_table(summary)],
        landscape=True,
        subject="征求意见汇总处理表",
        when=when,
    )


def summary_text(title: str, record: ReviewRecord) -> str:
    """The summary for a terminal: one line per unit, then the totals."""
    summary = summarise(record)
    lines = [f"《{title}》{summary.sentence()}"]
    for unit in summary.units:
        counts = "，".join(
            f"{o} {summary.counts[(unit, o)]}" for o in OUTCOMES if summary.counts.get((unit, o))
        )
        lines.append(f"  {unit}：{counts}")
    return "\n".join(lines) + "\n"
