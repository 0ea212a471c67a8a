"""The review record (`kind: review`) kept next to a standard: comments, dispositions, vote."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from builder.model.common import Code, Strict

Disposition = Literal["采纳", "部分采纳", "未采纳"]
"""处理结果 of one comment."""
DISPOSITIONS: tuple[str, ...] = ("采纳", "部分采纳", "未采纳")


class Comment(Strict):
    """One comment returned by a unit (a row of a 意见反馈表) and its disposition."""

    id: Code = Field(title="意见编号", description="本文件内唯一，如 C001")
    unit: str = Field(title="提出单位", min_length=1)
    anchor: str = Field(
        title="章节号或编码",
        min_length=1,
        description="反馈表中预填的位置：条款号（如 7.1）、能力 1-2-3、课程 ZJ02、实训室 R1、全文",
    )
    original: str = Field(default="", title="原文")
    proposal: str = Field(title="修改建议", min_length=1)
    reason: str = Field(default="", title="理由")
    source: str | None = Field(
        default=None, title="来源", description="导入自哪个反馈表的哪一行，如 某校.xlsx 第 12 行"
    )
    disposition: Disposition | None = Field(
        default=None, title="处理结果", description="采纳 / 部分采纳 / 未采纳；未处理时省略"
    )
    revised: str | None = Field(default=None, title="修改后内容")
    response: str | None = Field(
        default=None, title="处理意见", description="部分采纳、未采纳须说明理由"
    )


class Vote(Strict):
    """The review meeting's (审查会) vote on the 送审稿."""

    date: dt.date = Field(title="审查日期")
    method: Literal["会议审查", "函审"] = Field(default="会议审查", title="审查方式")
    present: int = Field(ge=1, title="出席（参加表决）人数")
    approve: int = Field(ge=0, title="赞成")
    against: int = Field(ge=0, title="反对")
    abstain: int = Field(ge=0, title="弃权")
    conclusion: str | None = Field(default=None, title="审查结论")


class Confirmation(Strict):
    """A reviewer's confirmation that the links of this file to a changed competency still
    hold: the competency's fingerprint at the time of review (see `suspect`)."""

    ref: Code = Field(title="职业能力编码")
    fingerprint: str = Field(
        pattern=r"^[0-9a-f]{12}$", title="指纹", description="zhibiao confirm 写入，勿手改"
    )
    by: str = Field(title="复核人", min_length=1)
    on: dt.date = Field(title="复核日期")


class ReviewRecord(Strict):
    """征求意见与审查记录 of one standard file."""

    kind: Literal["review"] = Field(title="文件类型")
    standard: str = Field(
        title="标准文件", min_length=1, description="同一目录下的标准文件名，如 specialty.yaml"
    )
    comments: list[Comment] = Field(default_factory=list, title="征求意见")
    vote: Vote | None = Field(default=None, title="审查表决")
    confirmations: list[Confirmation] = Field(default_factory=list, title="复核确认")
