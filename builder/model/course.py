"""课程标准 (course standard)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from builder.model.common import (
    AssessmentPart,
    Code,
    CompetencyRef,
    CourseNature,
    EducationLevel,
    Hours,
    OutcomeType,
    Strict,
    Text,
)
from builder.model.meta import Meta
from builder.model.sourced import NonEmptyList, SourcedList, sourced


class Objective(Strict):
    """A 课程目标 (素质/知识/能力)."""

    type: OutcomeType = Field(title="类型")
    text: Text = Field(title="目标")


class ContentItem(Strict):
    """A 学习内容 item mapped to competencies."""

    code: Code = Field(title="编号", description="如 M1-2")
    name: str = Field(title="内容名称", min_length=1)
    requirements: Text = Field(title="内容与要求")
    hours: Hours | None = Field(default=None, title="学时")
    competencies: list[CompetencyRef] = Field(default_factory=list, title="对应职业能力")


class Module(Strict):
    """A 教学模块 / 学习情境 with its hours."""

    code: Code = Field(title="模块编号", description="如 M1")
    name: str = Field(title="模块名称", min_length=1)
    hours: Hours | None = Field(default=None, title="学时")
    items: NonEmptyList[ContentItem] = sourced(title="学习内容")


class LevelRow(Strict):
    """打勾表的一行：一个内容条目及其所要求的水平（打勾的列）."""

    group: str | None = Field(
        default=None, title="分组", description="如 主题、模块；与上一行相同时合并显示"
    )
    content: Text = Field(title="内容")
    level: str | list[str] = Field(
        title="水平",
        description="打勾的列：所用水平词表中的一个取值（或几个）",
    )


class LevelTable(Strict):
    """课程内容 × 水平 打勾表（如 A/B/C 目标要求）：内容为行，词表的每个水平为一列."""

    title: str | None = Field(
        default=None, title="表题", description="原文的表题，如 课程内容分层次要求"
    )
    group_header: str | None = Field(default=None, title="分组列标题", description="如 主题")
    content_header: str | None = Field(default=None, title="内容列标题", description="如 内容")
    note: str | None = Field(default=None, title="表注", description="如 A、B、C 的含义")
    rows: NonEmptyList[LevelRow] = sourced(title="行")


class Implementation(Strict):
    """教学实施与保障."""

    design: str | None = Field(default=None, title="教学设计与方法")
    resources: str | None = Field(default=None, title="教学资源开发与应用")
    teachers: str | None = Field(default=None, title="师资要求")
    cooperation: str | None = Field(default=None, title="校企合作")
    textbooks: str | None = Field(default=None, title="教材选用及辅助资料")
    facilities: str | None = Field(default=None, title="教学条件")


class Signoff(Strict):
    """制定人 / 审核人 / 批准人 / 制定日期."""

    author: str = Field(title="制定人", min_length=1)
    reviewer: str | None = Field(default=None, title="审核人")
    approver: str | None = Field(default=None, title="批准人")
    date: dt.date | None = Field(default=None, title="制定日期")


class AppliesTo(Strict):
    """适用范围 of a course standard shared by several specialties (e.g. a national
    公共基础课程标准): every specialty of the given levels, or the listed specialty codes."""

    levels: list[EducationLevel] = Field(
        default_factory=list,
        title="适用层次",
        description="适用于这些层次的全部专业，如 [中职]；与 specialties 同时给出时，"
        "specialties 中的专业须属于这些层次",
    )
    specialties: list[Code] = Field(
        default_factory=list,
        title="适用专业代码",
        description="只适用于这些专业（专业目录中的专业代码）；不写时适用于 levels 中各层次的全部专业",
    )
    note: str | None = Field(
        default=None,
        title="适用范围说明",
        min_length=1,
        description="原文对适用范围的表述，如 “各专业学生必修的公共基础课程”",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> AppliesTo:
        if not self.levels and not self.specialties:
            raise ValueError(
                "适用范围 applies_to 须给出 levels（适用层次）或 specialties（适用专业代码）"
            )
        return self

    def covers(self, code: str, level: str | None) -> bool:
        """True when the standard applies to specialty `code` of education level `level`."""
        if self.specialties:
            return code in self.specialties
        return level is not None and level in self.levels


class Course(Strict):
    """课程标准 of one course of a specialty, or shared by several (`applies_to`)."""

    model_config = ConfigDict(
        **Strict.model_config,
        json_schema_extra={"oneOf": [{"required": ["specialty"]}, {"required": ["applies_to"]}]},
    )

    kind: Literal["course"] = Field(title="文件类型")
    meta: Meta
    specialty: Code | None = Field(
        default=None,
        title="专业代码",
        description="本课程标准所属专业的代码；多个专业共用的课程标准（如国家公共基础课程标准）不写，改写 applies_to",
    )
    applies_to: AppliesTo | None = Field(
        default=None,
        title="适用范围（共用课程标准）",
        description="多个专业共用的课程标准（如《中等职业学校信息技术课程标准》）：写适用层次 levels "
        "或适用专业代码 specialties，不写 specialty。各专业课程设置中同名（或同代码）的课程链接到它",
    )
    code: Code = Field(title="课程代码")
    name: str = Field(title="课程名称", min_length=1)
    nature: CourseNature = Field(title="课程性质")
    specialty_name: str | None = Field(default=None, title="适用专业（名称）")
    levels: str | None = Field(
        default=None,
        title="水平词表",
        description="zhibiao.yaml 中 level_vocabularies 的名称；不写时用 learning_levels",
    )
    hours: Hours | None = Field(default=None, title="学时")
    theory_hours: Hours | None = Field(default=None, title="理论学时")
    practice_hours: Hours | None = Field(default=None, title="实践学时")
    credits: float | None = Field(default=None, title="学分", ge=0, le=100)
    semesters: list[int] = Field(default_factory=list, title="开设学期")
    audience: str | None = Field(default=None, title="适用对象")
    preface: str | None = Field(default=None, title="前言")
    design: str | None = Field(default=None, title="课程设计思路")
    learner_analysis: str | None = Field(default=None, title="学情分析")
    ideology: str | None = Field(default=None, title="课程思政")
    prerequisites: SourcedList[Code] = sourced(
        default_factory=list, title="先修课程", description="课程代码，或课程设置中的课程名称"
    )
    followups: SourcedList[Code] = sourced(
        default_factory=list, title="后续课程", description="课程代码，或课程设置中的课程名称"
    )
    description: Text = Field(title="课程性质与任务")
    objectives: NonEmptyList[Objective] = sourced(title="课程目标")
    modules: NonEmptyList[Module] = sourced(title="课程内容")
    level_table: LevelTable | None = Field(
        default=None, title="内容与水平打勾表", description="如 附录 课程内容分层次要求（A/B/C）"
    )
    implementation: Implementation = Field(title="教学实施与保障")
    assessment: NonEmptyList[AssessmentPart] = sourced(title="考核评价")
    signoff: Signoff | None = Field(default=None, title="制定与审批")

    @model_validator(mode="after")
    def _one_owner(self) -> Course:
        if self.specialty is None and self.applies_to is None:
            raise ValueError(
                "缺少 specialty（所属专业代码）；多个专业共用的课程标准写 applies_to（适用范围）"
            )
        if self.specialty is not None and self.applies_to is not None:
            raise ValueError(
                "specialty 与 applies_to 只能写一个：一个专业的课程标准写 specialty，"
                "多个专业共用的写 applies_to"
            )
        return self

    @property
    def shared(self) -> bool:
        """True for a standard shared by several specialties (`applies_to`)."""
        return self.applies_to is not None
