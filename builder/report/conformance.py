"""The conformance report of `zhibiao conform`, as text and as Markdown (a GitHub step
summary or a pull-request comment): one verdict line per plan, the items not met,
exceeded and localised with their place in the plan, and a summary table for several plans."""

from __future__ import annotations

from collections.abc import Iterable

from builder.base.escape import line_start, markdown_text
from builder.report.text import format_line, printable
from builder.view.conformance import STATUS_LABELS, Finding, Status
from builder.view.conformrun import ConformRun, PlanResult
from builder.view.findings import follows_text

SHOWN: tuple[Status, ...] = ("not_met", "exceeded", "localised", "undecided")
"""The statuses listed item by item (met items are counted, and listed in Markdown's details)."""
MARKS = {"not_met": "✗", "exceeded": "↑", "localised": "◇", "undecided": "?", "met": "✓"}
DETAILS_UP_TO = 10
"""Markdown lists the met items of each plan (folded) only up to this many plans, so the
report of a whole province stays within a step summary's size."""


def _items(result: PlanResult, status: Status) -> list[Finding]:
    return [f for f in result.assessment.findings if f.status == status]


def text(run: ConformRun) -> str:
    """The report as plain text."""
    lines: list[str] = [format_line(d) for d in run.problems]
    for result in run.results:
        lines += ["", f"{result.title}", f"  文件：{result.file}"]
        lines.append(f"  学校：{result.assessment.school}　专业：{result.name}")
        lines.append(f"  依据：{_edition(result)}")
        lines.append(f"  结论：{result.assessment.verdict()}")
        for status in SHOWN:
            found = _items(result, status)
            if found:
                lines.append(f"  {STATUS_LABELS[status]}（{len(found)}）：")
                lines += [f"    {MARKS[status]} {_line(f)}（{result.where(f)}）" for f in found]
        if result.against is not None:
            lines += _revisions_text(result, run.against or "")
    if len(run.results) > 1:
        lines += ["", *_summary_text(run.results)]
    lines.append("")
    lines.append(_closing(run))
    return "\n".join(printable(line) for line in lines).lstrip("\n") + "\n"


def _line(f: Finding) -> str:
    return f"{f.rule} {f.topic} {f.subject}：要求 {f.required}，方案 {f.actual}"


def _edition(result: PlanResult) -> str:
    a = result.assessment
    have = f"标准库中为 {a.edition} 版" if a.edition else "标准库中没有该标准"
    return f"专业 {a.code} 国家专业教学标准 {follows_text(a.follows)}（{have}）"


def _revisions_text(result: PlanResult, label: str) -> list[str]:
    judged = result.judged
    lines = [f"  对照 {label}：{judged.verdict()}"]
    if not result.revisions:
        lines.append("    无须修订。")
    for revision in result.revisions:
        why = "新版要求" if revision.new else "现行版本已不符合"
        f = revision.finding
        lines.append(f"    须修订（{why}）：{_line(f)}（{result.where(f)}）")
    return lines


def _summary_text(results: Iterable[PlanResult]) -> list[str]:
    lines = ["汇总：", "  结论    未达到  超出  地方化  学校 · 专业 · 文件"]
    for r in results:
        a = r.judged
        mark = a.outcome.ljust(4, "\u3000")
        lines.append(
            f"  {mark}  {a.count('not_met'):>6}  {a.count('exceeded'):>4}  "
            f"{a.count('localised'):>6}  {a.school} · {r.name} · {r.file}"
        )
    return lines


def _closing(run: ConformRun) -> str:
    total = len(run.results)
    good = sum(1 for r in run.results if r.judged.conforms)
    failed = sum(1 for r in run.results if r.judged.outcome == "不符合")
    rest = total - good - failed
    open_ = f"，{rest} 份未能判定" if rest else ""
    tail = f"，{len(run.problems)} 个文件无法读取" if run.problems else ""
    return f"审查了 {total} 份人才培养方案：{good} 份符合，{failed} 份不符合{open_}{tail}"


def _cell(value: str) -> str:
    return "<br>".join(
        line_start(markdown_text(line)) for line in value.splitlines() if line.strip()
    )


def markdown(run: ConformRun, *, title: str = "人才培养方案符合性审查") -> str:
    """The report as Markdown: summary table first when there are several plans."""
    out = [f"## {title}", "", f"{_closing(run)}。", ""]
    if run.problems:
        out += ["| 无法读取的文件 | 问题 |", "| --- | --- |"]
        out += [
            f"| {_cell(f'{d.file}:{d.line}:{d.column}')} | {_cell(f'{d.code} {d.message}')} |"
            for d in run.problems
        ]
        out.append("")
    if len(run.results) > 1:
        out += _summary_table(run.results)
    details = len(run.results) <= DETAILS_UP_TO
    for result in run.results:
        out += _plan_markdown(result, run.against, details=details)
    return "\n".join(out) + "\n"


def _summary_table(results: list[PlanResult]) -> list[str]:
    out = [
        "| 结论 | 学校 | 专业 | 依据版本 | 未达到 | 超出 | 地方化 | 文件 |",
        "| --- | --- | --- | --- | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        a = r.judged
        mark = f"{'✅' if a.conforms else '❌'} {a.outcome}"
        out.append(
            f"| {mark} | {_cell(a.school)} | {_cell(r.name)} | {_cell(a.follows or '—')} "
            f"| {a.count('not_met')} | {a.count('exceeded')} | {a.count('localised')} "
            f"| {_cell(r.file)} |"
        )
    return [*out, ""]


def _plan_markdown(result: PlanResult, against: str | None, *, details: bool) -> list[str]:
    a = result.assessment
    mark = "✅" if a.conforms else "❌"
    out = [
        f"### {mark} {_cell(result.title)}",
        "",
        f"**结论**：{_cell(a.verdict())}  ",
        f"**学校**：{_cell(a.school)}　**专业**：{_cell(result.name)}  ",
        f"**依据**：{_cell(_edition(result))}  ",
        f"**文件**：{_cell(result.file)}",
        "",
    ]
    for status in SHOWN:
        found = _items(result, status)
        if found:
            out += [f"**{STATUS_LABELS[status]}（{len(found)}）**", "", *_table(result, found), ""]
    met = _items(result, "met")
    if details and met:
        out += [f"<details><summary>达到（{len(met)}）</summary>", "", *_table(result, met)]
        out += ["", "</details>", ""]
    if result.against is not None:
        out += [
            f"**对照 {_cell(against or '')}**：{_cell(result.judged.verdict())}",
            "",
        ]
        if result.revisions:
            out += [
                "| 须修订 | 代码 | 项目 | 要求 | 方案 | 位置 |",
                "| --- | --- | --- | --- | --- | --- |",
            ]
            for revision in result.revisions:
                f = revision.finding
                why = "新版要求" if revision.new else "现行版本已不符合"
                out.append(
                    f"| {why} | {f.rule} | {_cell(f'{f.topic} {f.subject}')} | {_cell(f.required)} "
                    f"| {_cell(f.actual)} | {_cell(result.where(f))} |"
                )
            out.append("")
        else:
            out += ["无须修订。", ""]
    return out


def _table(result: PlanResult, findings: list[Finding]) -> list[str]:
    out = ["| 代码 | 项目 | 要求 | 方案 | 位置 |", "| --- | --- | --- | --- | --- |"]
    for f in findings:
        out.append(
            f"| {f.rule} | {_cell(f'{f.topic} {f.subject}')} | {_cell(f.required)} "
            f"| {_cell(f.actual)} | {_cell(result.where(f))} |"
        )
    return out
