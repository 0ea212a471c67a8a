"""The conformance report of `zhibiao conform --format docx` as a DocTree (a provincial
review file in 公文 layout): the verdicts of all plans, then one chapter per plan with the
items not met, exceeded, localised and undecided, and the revisions a new edition asks for."""

from __future__ import annotations

import datetime as dt

from builder.compose.doctree import CoverInfo, DocTree
from builder.compose.outline import Outline, cell
from builder.view.conformance import STATUS_LABELS, Finding, Status
from builder.view.conformrun import ConformRun, PlanResult
from builder.view.findings import follows_text

SHOWN: tuple[Status, ...] = ("not_met", "exceeded", "localised", "undecided")
REPORT_TITLE = "人才培养方案符合性审查报告"


def compose_report(run: ConformRun, *, issuer: str | None = None, today: dt.date) -> DocTree:
    """The whole review file; `today` is the date printed on it (given, so output is stable)."""
    out = Outline("gongwen")
    out.heading(1, "审查结论", anchor="verdicts")
    total = len(run.results)
    good = sum(1 for r in run.results if r.judged.conforms)
    failed = sum(1 for r in run.results if r.judged.outcome == "不符合")
    rest = f"，{total - good - failed} 份未能判定" if total - good - failed else ""
    out.text(f"本次审查人才培养方案 {total} 份：{good} 份符合，{failed} 份不符合{rest}。")
    rows = [
        [
            cell(r.judged.school),
            cell(r.name),
            cell(r.judged.follows or "—"),
            cell(r.judged.outcome, bold=not r.judged.conforms),
            cell(str(r.judged.count("not_met"))),
            cell(str(r.judged.count("exceeded"))),
            cell(str(r.judged.count("localised"))),
        ]
        for r in run.results
    ]
    out.table(
        "审查结论汇总",
        ("学校", "专业", "依据版本", "结论", "未达到", "超出", "地方化"),
        rows,
        (3.2, 3, 1.4, 1.2, 1, 1, 1),
        anchor="tbl-verdicts",
    )
    for result in run.results:
        _plan(out, result, run.against)
    cover = CoverInfo(
        title=REPORT_TITLE,
        kind_title=REPORT_TITLE,
        standard_no=None,
        doc_no=None,
        issuer=issuer,
        status="发布",
        version="",
        issued_on=today.isoformat(),
        effective_on=None,
    )
    return DocTree("conformance/report", "conformance", "conformance.md", cover, tuple(out.blocks))


def _plan(out: Outline, result: PlanResult, against: str | None) -> None:
    a = result.assessment
    out.heading(1, result.title)
    out.text(f"学校：{a.school}；专业：{result.name}；文件：{result.file}。")
    shown = f"标准库中为 {a.edition} 版" if a.edition else "标准库中没有该标准"
    out.text(f"依据：专业 {a.code} 国家专业教学标准 {follows_text(a.follows)}（{shown}）。")
    out.text(f"结论：{a.verdict()}。")
    for status in SHOWN:
        found = [f for f in a.findings if f.status == status]
        if found:
            out.heading(2, f"{STATUS_LABELS[status]}的项目（{len(found)} 项）")
            _findings(out, result, found, f"{STATUS_LABELS[status]}的项目")
    if result.against is not None:
        out.heading(2, f"对照 {against or '新版标准'}须修订的项目")
        out.text(f"结论：{result.judged.verdict()}。")
        if not result.revisions:
            out.text("无须修订。")
        else:
            rows = [
                [
                    cell("新版要求" if r.new else "现行版本已不符合"),
                    cell(f"{r.finding.topic} {r.finding.subject}"),
                    cell(r.finding.required),
                    cell(r.finding.actual),
                    cell(result.where(r.finding)),
                ]
                for r in result.revisions
            ]
            out.table(
                "须修订的项目",
                ("原因", "项目", "要求", "方案", "位置"),
                rows,
                (1.6, 4, 2, 2, 3),
            )


def _findings(out: Outline, result: PlanResult, found: list[Finding], title: str) -> None:
    rows = [
        [
            cell(f.rule),
            cell(f"{f.topic} {f.subject}"),
            cell(f.required),
            cell(f.actual),
            cell(result.where(f).rpartition("/")[2]),
        ]
        for f in found
    ]
    out.table(title, ("代码", "项目", "要求", "方案", "位置"), rows, (1.5, 4.3, 2, 2, 2.6))
