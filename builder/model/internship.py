"""岗位实习标准 (formerly 顶岗实习标准)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from builder.model.common import AssessmentPart, Code, CompetencyRef, Strict, Text
from builder.model.meta import Meta
from builder.model.sourced import NonEmptyList, sourced


class Phase(Strict):
    """时间安排: one internship phase."""

    type: Literal["认识实习", "岗位实习", "跟岗实习", "顶岗实习"] = Field(
        title="实习类型",
        description="2021 年起为 认识实习/岗位实习；跟岗实习、顶岗实习 为 2016 年版用语",
    )
    semesters: list[int] = Field(default_factory=list, title="安排学期")
    course: Code | None = Field(
        default=None, title="对应课程代码", description="专业教学标准课程设置中的实践课程"
    )
    weeks: int | None = Field(default=None, ge=1, le=104, title="周数")
    months: float | None = Field(default=None, gt=0, le=24, title="月数")
    arrangement: Literal["集中", "分段"] = Field(default="集中", title="组织方式")


class Conditions(Strict):
    """实习条件."""

    enterprises: Text = Field(title="实习单位要求")
    posts: NonEmptyList[str] = sourced(title="实习岗位")
    supervisors: Text = Field(title="指导教师要求")
    facilities: str | None = Field(default=None, title="实习场所与设施")


class InternshipTask(Strict):
    """实习内容: a task done on the post, mapped to competencies."""

    code: Code = Field(title="任务编号", description="如 T1")
    name: str = Field(title="实习任务", min_length=1)
    post: str | None = Field(default=None, title="实习岗位")
    content: Text = Field(title="内容与要求")
    weeks: int | None = Field(default=None, ge=1, le=104, title="参考周数")
    competencies: list[CompetencyRef] = Field(default_factory=list, title="对应职业能力")


class Internship(Strict):
    """岗位实习标准 of one specialty."""

    kind: Literal["internship"] = Field(title="文件类型")
    meta: Meta
    specialty: Code = Field(title="专业代码")
    specialty_name: str | None = Field(default=None, title="专业名称")
    scope: Text = Field(title="适用范围")
    objectives: NonEmptyList[str] = sourced(title="实习目标")
    schedule: NonEmptyList[Phase] = sourced(title="时间安排")
    conditions: Conditions = Field(title="实习条件")
    tasks: NonEmptyList[InternshipTask] = sourced(title="实习内容")
    outcomes: NonEmptyList[str] = sourced(title="实习成果")
    assessment: NonEmptyList[AssessmentPart] = sourced(title="考核评价")
    management: Text = Field(title="实习管理与安全")
