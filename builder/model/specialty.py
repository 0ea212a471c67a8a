"""专业教学标准 in the 2025 eleven-element format."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from builder.model.common import (
    Code,
    CodeName,
    ContinuationLevel,
    CourseNature,
    EducationLevel,
    Hours,
    OutcomeType,
    Strict,
    Text,
)
from builder.model.meta import Meta
from builder.model.sourced import NonEmptyList, SourcedList, sourced


class Duration(Strict):
    """基本修业年限."""

    years: int = Field(title="基本修业年限（年）", ge=1, le=6)
    note: str | None = Field(default=None, title="说明", description="如弹性学制、五年制说明")


class Occupation(Strict):
    """主要职业类别 from the 国家职业分类大典."""

    code: Code = Field(title="职业编码", description="大典编码 d-dd-dd-dd，如 4-04-05-05")
    name: str = Field(title="职业名称", min_length=1)
    marks: list[Literal["S", "L"]] = Field(
        default_factory=list, title="标识", description="S 数字职业，L 绿色职业"
    )


class Career(Strict):
    """职业面向 (the specialty ↔ industry ↔ occupation table)."""

    major_category: CodeName = Field(title="所属专业大类（代码）")
    major_class: CodeName = Field(title="所属专业类（代码）")
    industries: NonEmptyList[CodeName] = sourced(title="对应行业（代码）")
    occupations: NonEmptyList[Occupation] = sourced(title="主要职业类别（代码）")
    posts: NonEmptyList[str] = sourced(title="主要岗位（群）或技术领域")
    certificates: SourcedList[str] = sourced(default_factory=list, title="职业类证书")


class Spec(Strict):
    """One 培养规格 item (素质/知识/能力), linked to the competencies it summarises."""

    code: Code = Field(title="编号", description="如 Q1、K3、A5")
    type: OutcomeType = Field(title="类型")
    text: Text = Field(title="内容")
    competencies: list[Code] = Field(default_factory=list, title="对应职业能力编码")


class PlannedCourse(Strict):
    """A row of 课程设置及学时安排.

    National 专业教学标准 list courses with their content but often without hours; school
    plans give hours, credits and semesters. Numbers left out are "not stated", and the
    numeric rules then fall back to the declared `hours_plan`.
    """

    code: Code = Field(title="课程代码", description="稳定编码；原文无代码时自拟，如 ZH01")
    name: str = Field(title="课程名称", min_length=1)
    nature: CourseNature = Field(title="课程性质")
    hours: Hours | None = Field(default=None, title="学时")
    theory_hours: Hours | None = Field(default=None, title="理论学时")
    practice_hours: Hours | None = Field(default=None, title="实践学时")
    credits: float | None = Field(default=None, title="学分", ge=0, le=100)
    semesters: list[int] = Field(
        default_factory=list, title="开设学期", description="如 [1] 或 [3, 4]"
    )
    weeks: int | None = Field(
        default=None, ge=1, le=104, title="周数", description="按周安排的实践环节"
    )
    elective: bool = Field(default=False, title="选修", description="true 为选修，false 为必修")
    domain: str | None = Field(default=None, title="课程涉及的主要领域")
    tasks: str | None = Field(default=None, title="典型工作任务描述")
    content: str | None = Field(default=None, title="主要教学内容与要求")
    standard: str | None = Field(
        default=None,
        title="课程标准文件",
        description="相对于本文件的课程标准 YAML 路径；有课程标准的课程须填写",
    )


class Totals(Strict):
    """Declared totals of the course plan; checked against the sum of the rows."""

    hours: Hours = Field(title="总学时")
    credits: float = Field(title="总学分", ge=0)


class HoursPlan(Strict):
    """学时安排 as declared in the text (total and shares), when rows carry no hours."""

    total_hours: Hours | None = Field(default=None, title="总学时")
    public_share: float | None = Field(default=None, ge=0, le=1, title="公共基础课学时占比")
    elective_share: float | None = Field(default=None, ge=0, le=1, title="选修课学时占比")
    practice_share: float | None = Field(default=None, ge=0, le=1, title="实践性教学学时占比")
    text: str | None = Field(default=None, title="学时安排说明")


class Continuation(Strict):
    """接续专业 at a higher level."""

    level: ContinuationLevel = Field(title="接续层次")
    code: Code = Field(title="专业代码")
    name: str = Field(title="专业名称", min_length=1)


class Specialty(Strict):
    """专业教学标准 (specialty teaching standard), eleven elements (2025 format)."""

    kind: Literal["specialty"] = Field(title="文件类型")
    meta: Meta
    code: Code = Field(title="专业代码", description='6 位数字字符串，如 "510209"')
    name: str = Field(title="专业名称", min_length=1)
    level: EducationLevel = Field(title="层次")
    catalog: str = Field(default="2021", title="专业目录版本")
    overview: Text = Field(title="1 概述")
    admission: Text = Field(title="3 入学基本要求")
    duration: Duration = Field(title="4 基本修业年限")
    career: Career = Field(title="5 职业面向")
    objectives: Text = Field(title="6 培养目标")
    specs: NonEmptyList[Spec] = sourced(title="7 培养规格")
    courses: SourcedList[PlannedCourse] = sourced(
        default_factory=list, title="8 课程设置及学时安排"
    )
    totals: Totals | None = Field(default=None, title="学时学分合计（声明值）")
    hours_plan: HoursPlan | None = Field(default=None, title="学时安排（声明的总学时与占比）")
    teachers: Text = Field(title="9 师资队伍")
    conditions: Text = Field(title="10 教学条件")
    quality: Text = Field(title="11 质量保障和毕业要求")
    graduation: SourcedList[str] = sourced(default_factory=list, title="毕业要求")
    continuation: SourcedList[Continuation] = sourced(default_factory=list, title="接续专业")
    competencies: str | None = Field(
        default=None,
        title="职业能力清单文件",
        description="相对于本文件的路径，如 competencies.yaml",
    )
