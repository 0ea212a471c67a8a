"""What a conformance finding is (`builder.view.conformance`), and how a plan's course row is
matched to a course of the national standard: by code, by name, or by its declared `maps_to`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from builder.base.diagnostics import DataPath
from builder.model import Plan, PlanCourse, PlannedCourse

Status = Literal["met", "not_met", "exceeded", "localised", "undecided"]
STATUS_LABELS: dict[str, str] = {
    "met": "达到",
    "not_met": "未达到",
    "exceeded": "超出",
    "localised": "地方化",
    "undecided": "未判定",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One requirement of the national standard, judged on the plan."""

    rule: str
    """The rule code (ZB9xx) that reports it when not met."""
    status: Status
    topic: str
    subject: str
    required: str
    actual: str
    message: str
    path: DataPath
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Assessment:
    """Every finding of one plan against one edition of its national standard."""

    school: str
    code: str
    follows: str | None
    """The edition the plan declares (follows.version; None: the plan does not say)."""
    edition: str | None
    """The edition judged against (None: the standard is not in the corpus)."""
    findings: tuple[Finding, ...]

    def count(self, status: Status) -> int:
        """How many findings have `status`."""
        return sum(1 for f in self.findings if f.status == status)

    @property
    def conforms(self) -> bool:
        """True when the standard was found and every requirement was judged and met: a
        requirement that cannot be compared (undecided) is no proof of conformance."""
        return (
            self.edition is not None and not self.count("not_met") and not self.count("undecided")
        )

    @property
    def outcome(self) -> str:
        """符合, 不符合, 未能判定 (requirements could not be compared) or 无法判定 (no standard)."""
        if self.edition is None:
            return "无法判定"
        if self.count("not_met"):
            return "不符合"
        return "未能判定" if self.count("undecided") else "符合"

    def verdict(self) -> str:
        """One line: 符合 / 不符合 / 未能判定 with the counts."""
        if self.edition is None:
            return f"无法判定：标准库中没有专业 {self.code} 的国家专业教学标准"
        counts = "，".join(
            f"{STATUS_LABELS[s]} {self.count(s)} 项"
            for s in ("met", "exceeded", "localised", "not_met", "undecided")
            if self.count(s)
        )
        if self.conforms:
            return f"符合（{counts}）"
        status = "not_met" if self.count("not_met") else "undecided"
        topics = "、".join(dict.fromkeys(f.topic for f in self.findings if f.status == status))
        head = "不符合" if status == "not_met" else "未能判定"
        return f"{head}：{topics}（{counts}）"


def follows_text(version: str | None) -> str:
    """The edition a plan follows, worded: "2025 版", or that the plan does not say."""
    return f"{version} 版" if version else "版本未写明"


def row_label(row: PlanCourse) -> str:
    """A plan's course row as "代码 名称", or the name alone when the plan gives no code."""
    return f"{row.code} {row.name}" if row.code else row.name


def row_quoted(row: PlanCourse) -> str:
    """A plan's course row after a word: " 代码「名称」", or "「名称」" when the plan gives no
    code (so "课程" + it reads "课程 ZH01「名称」" or "课程「名称」")."""
    return f" {row.code}「{row.name}」" if row.code else f"「{row.name}」"


def matches(row: PlanCourse, national: PlannedCourse) -> bool:
    """True when a plan's course row stands for a course of the national plan."""
    return (
        (row.code is not None and row.code == national.code)
        or row.name == national.name
        or row.maps_to in (national.code, national.name)
    )


def match(plan: Plan, national: PlannedCourse) -> tuple[int, PlanCourse] | None:
    """The first row of `plan` (index, row) that stands for `national`, if any."""
    return next(((i, r) for i, r in enumerate(plan.courses) if matches(r, national)), None)
