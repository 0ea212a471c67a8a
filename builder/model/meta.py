"""Metadata carried by every standard document: identity, lifecycle, drafting."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator

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


Unit = Annotated[str, Field(min_length=1)]
Units = Unit | list[Unit]
"""One unit (机构) or several, as a source lists them: `教育部` or `[教育部, 人力资源社会保障部]`."""


def unit_list(value: str | list[str] | None) -> tuple[str, ...]:
    """The units a role names, in the source's order (a single name is a list of one)."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def joined(value: str | list[str] | None) -> str | None:
    """The units of a role as one phrase (教育部、人力资源社会保障部), None when none."""
    units = unit_list(value)
    return "、".join(units) if units else None


def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL (what `builder.base.escape.http_url` accepts)."""
    parts = urlsplit(value.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class PublishNotice(Strict):
    """The notice (公布通知) that issued the document, e.g. a batch of national standards."""

    doc_no: str | None = Field(default=None, title="发文字号", description="如 教职成函〔2018〕1号")
    issuer: str = Field(title="发文机关", min_length=1)
    date: PartialDate | None = Field(default=None, title="成文日期")
    title: str | None = Field(default=None, title="通知标题")
    batch: str | None = Field(
        default=None,
        title="批次",
        min_length=1,
        description="本文件在通知中所属的批次，如 第二批（通知分批公布标准时）",
    )


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
    issuer: Units | None = Field(
        default=None,
        title="发文机关/发布机构",
        description="一个机构，或联合发布时的机构列表（主办机关在前）",
    )
    version: str = Field(title="版本", min_length=1, description="版次或年份，如 2025")
    status: Status = Field(title="状态")
    comment_deadline: dt.date | None = Field(default=None, title="征求意见截止日期")
    proposed_by: Units | None = Field(default=None, title="提出单位")
    administered_by: Units | None = Field(default=None, title="归口单位")
    guided_by: Units | None = Field(default=None, title="指导单位")
    led_by: Units | None = Field(
        default=None, title="主持单位", description="主持（牵头）起草的单位"
    )
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
    copy_to: list[Unit] = Field(
        default_factory=list,
        title="抄送机关",
        description="公文格式版记中的抄送机关（GB/T 9704 7.4.2）",
    )
    printed_by: str | None = Field(
        default=None,
        title="印发机关",
        min_length=1,
        description="公文格式版记中的印发机关（GB/T 9704 7.4.3），印发日期为发布日期",
    )
    printed_on: PartialDate | None = Field(
        default=None, title="印发日期", description="默认为发布日期 issued_on"
    )
    source_url: str | None = Field(
        default=None,
        title="原文网址",
        description="本文件原文的 http(s) 网址，如教育部网站上的公布页面",
    )

    @field_validator("source_url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        if value is not None and not is_http_url(value):
            raise ValueError("原文网址只能是 http:// 或 https:// 开头的完整网址")
        return value

    @property
    def issuers(self) -> tuple[str, ...]:
        """The issuing bodies (发布机构), lead body first."""
        return unit_list(self.issuer)

    @property
    def lead_issuer(self) -> str | None:
        """The first (or only) issuing body, whose 代字 a 发文字号 carries."""
        return self.issuers[0] if self.issuers else None
