"""Metadata carried by every standard document: identity, lifecycle, drafting."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from builder.model.common import PartialDate, Strict
from builder.model.sourced import SourcedList, sourced

Status = Literal[
    "草案", "征求意见稿", "送审稿", "报批稿", "试行", "发布", "修订中", "废止", "被代替"
]
"""Lifecycle state: 草案 → 征求意见稿 → 送审稿 → 报批稿 → 发布（试行/正式） → 修订中 → 废止/被代替."""

STATUS_ORDER: tuple[str, ...] = (
    "草案",
    "征求意见稿",
    "送审稿",
    "报批稿",
    "试行",
    "发布",
    "修订中",
    "废止",
    "被代替",
)
DRAFT_STATUSES = frozenset({"草案", "征求意见稿", "送审稿", "报批稿"})
PUBLISHED_STATUSES = frozenset({"试行", "发布"})
RETIRED_STATUSES = frozenset({"废止", "被代替"})


class PublishNotice(Strict):
    """The notice (公布通知) that issued the document, e.g. a batch of national standards."""

    doc_no: str | None = Field(default=None, title="发文字号", description="如 教职成函〔2018〕1号")
    issuer: str = Field(title="发文机关", min_length=1)
    date: PartialDate | None = Field(default=None, title="成文日期")
    title: str | None = Field(default=None, title="通知标题")


class Meta(Strict):
    """Common metadata of a standard document (封面/前言 information)."""

    title: str = Field(title="文件名称", min_length=1)
    standard_no: str | None = Field(
        default=None,
        title="标准编号",
        description="如 T/CIE 101—2025；团体标准按 T/代号 顺序号—年份",
    )
    doc_no: str | None = Field(
        default=None, title="发文字号", description="如 教职成〔2025〕3号；须同时给出 issuer"
    )
    issuer: str | None = Field(default=None, title="发文机关/发布机构")
    version: str = Field(title="版本", min_length=1, description="版次或年份，如 2025")
    status: Status = Field(title="状态")
    comment_deadline: dt.date | None = Field(default=None, title="征求意见截止日期")
    proposed_by: str | None = Field(default=None, title="提出单位")
    administered_by: str | None = Field(default=None, title="归口单位")
    drafting_units: SourcedList[str] = sourced(default_factory=list, title="起草单位")
    drafters: SourcedList[str] = sourced(default_factory=list, title="主要起草人")
    issued_on: PartialDate | None = Field(default=None, title="发布日期")
    effective_on: PartialDate | None = Field(default=None, title="实施日期")
    compiled_on: PartialDate | None = Field(default=None, title="编制时间")
    published_by: PublishNotice | None = Field(
        default=None,
        title="公布通知",
        description="以通知批量公布、自身没有编号的标准（如教育部公布的专业教学标准），在此填写该通知",
    )
    patent_statement: str | None = Field(
        default=None,
        title="专利说明",
        description="GB/T 1.1：征求意见稿和送审稿封面须说明是否涉及专利",
    )
    normative_references: SourcedList[str] = sourced(default_factory=list, title="规范性引用文件")
    references: SourcedList[str] = sourced(default_factory=list, title="参考文献")
    replaces: list[str] = Field(
        default_factory=list, title="代替", description="被本文件代替的标准编号"
    )
    replaced_by: str | None = Field(
        default=None, title="被代替为", description="代替本文件的标准编号"
    )
