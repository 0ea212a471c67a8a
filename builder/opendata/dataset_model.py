"""The normalised open dataset (`zhibiao export json`): flat tables joined by codes.

These pydantic models are the single source of `schemas/dataset.schema.json`. Every row
names its specialty; rows of the competency tree, courses and documents carry the same
UUIDv5 `id` as the CASE export, so both can be joined.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from builder.model.common import CourseNature, EducationLevel, OutcomeType
from builder.model.meta import Status

FORMAT_VERSION = "1.0"


class Row(BaseModel):
    """Base of every table row: closed, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentRow(Row):
    """One standard document (YAML file)."""

    id: str = Field(title="标识（UUIDv5，与 CASE 导出相同）")
    kind: Literal["specialty", "competencies", "course", "internship", "training_base"] = Field(
        title="文件类型"
    )
    specialty: str = Field(title="专业代码")
    course: str | None = Field(default=None, title="课程代码（课程标准）")
    path: str = Field(title="源文件（相对于标准目录）")
    title: str = Field(title="文件名称")
    version: str = Field(title="版本")
    status: Status = Field(title="状态")
    standard_no: str | None = Field(default=None, title="标准编号")
    doc_no: str | None = Field(default=None, title="发文字号")
    issuer: str | None = Field(default=None, title="发布机构")
    issued_on: dt.date | None = Field(default=None, title="发布日期")
    effective_on: dt.date | None = Field(default=None, title="实施日期")
    applies_levels: list[str] = Field(
        default_factory=list,
        title="适用层次（共用课程标准）",
        description="多个专业共用的课程标准（specialty 为 public-courses）适用的层次，如 中职；其他文件为空",
    )
    applies_specialties: list[str] = Field(
        default_factory=list,
        title="适用专业代码（共用课程标准）",
        description="共用课程标准只适用于这些专业时列出；为空时适用于 applies_levels 的全部专业",
    )


class SpecialtyRow(Row):
    """专业 (from the 专业教学标准)."""

    code: str = Field(title="专业代码")
    name: str = Field(title="专业名称")
    level: EducationLevel = Field(title="层次")
    catalog: str = Field(title="专业目录版本")
    years: int = Field(title="基本修业年限（年）")
    major_category_code: str = Field(title="专业大类代码")
    major_category_name: str = Field(title="专业大类名称")
    major_class_code: str = Field(title="专业类代码")
    major_class_name: str = Field(title="专业类名称")
    posts: list[str] = Field(title="主要岗位（群）或技术领域")
    certificates: list[str] = Field(title="职业类证书")
    total_hours: int | None = Field(default=None, title="总学时（声明值）")
    total_credits: float | None = Field(default=None, title="总学分（声明值）")


class CodeNameRow(Row):
    """对应行业 of a specialty (GB/T 4754 code)."""

    specialty: str = Field(title="专业代码")
    code: str = Field(title="代码")
    name: str = Field(title="名称")


class OccupationRow(Row):
    """主要职业类别 of a specialty (职业分类大典 code, S/L marks)."""

    specialty: str = Field(title="专业代码")
    code: str = Field(title="职业编码")
    name: str = Field(title="职业名称")
    marks: list[Literal["S", "L"]] = Field(title="标识")


class ContinuationRow(Row):
    """接续专业."""

    specialty: str = Field(title="专业代码")
    level: str = Field(title="接续层次")
    code: str = Field(title="接续专业代码")
    name: str = Field(title="接续专业名称")


class DomainRow(Row):
    """工作领域."""

    id: str = Field(title="标识")
    specialty: str = Field(title="专业代码")
    code: str = Field(title="领域编码")
    name: str = Field(title="工作领域")
    description: str | None = Field(default=None, title="说明")
    position: int = Field(title="顺序（从 1 起）")


class TaskRow(Row):
    """工作任务."""

    id: str = Field(title="标识")
    specialty: str = Field(title="专业代码")
    domain: str = Field(title="领域编码")
    code: str = Field(title="任务编码")
    name: str = Field(title="工作任务")
    description: str | None = Field(default=None, title="说明")
    position: int = Field(title="顺序（领域内，从 1 起）")


class CompetencyRow(Row):
    """职业能力."""

    id: str = Field(title="标识")
    specialty: str = Field(title="专业代码")
    domain: str = Field(title="领域编码")
    task: str = Field(title="任务编码")
    code: str = Field(title="能力编码")
    text: str = Field(title="职业能力")
    type: OutcomeType = Field(title="类型")
    level: str = Field(title="要求的学习水平")
    level_rank: int | None = Field(title="学习水平序号（1 为最低；不在词表中为 null）")
    position: int = Field(title="顺序（任务内，从 1 起）")


class SpecRow(Row):
    """培养规格."""

    id: str = Field(title="标识")
    specialty: str = Field(title="专业代码")
    code: str = Field(title="编号")
    type: OutcomeType = Field(title="类型")
    text: str = Field(title="内容")


class SpecCompetencyRow(Row):
    """培养规格 ↔ 职业能力."""

    specialty: str = Field(title="专业代码")
    spec: str = Field(title="培养规格编号")
    competency: str = Field(title="能力编码")


class CourseRow(Row):
    """课程: a row of the course plan and/or a course standard."""

    id: str = Field(title="标识")
    specialty: str = Field(title="专业代码")
    code: str = Field(title="课程代码")
    name: str = Field(title="课程名称")
    nature: CourseNature = Field(title="课程性质")
    hours: int | None = Field(title="学时（原文未给出为 null）")
    theory_hours: int | None = Field(title="理论学时（原文未给出为 null）")
    practice_hours: int | None = Field(title="实践学时（原文未给出为 null）")
    credits: float | None = Field(title="学分（原文未给出为 null）")
    semesters: list[int] = Field(title="开设学期")
    elective: bool = Field(title="选修")
    in_plan: bool = Field(title="在专业教学标准课程设置中")
    has_standard: bool = Field(title="有课程标准")
    shared_standard: str | None = Field(
        default=None,
        title="共用课程标准（文件标识）",
        description="课程设置中的这门课对应的共用课程标准（如国家公共基础课程标准）在 documents 中的 id",
    )


class PrerequisiteRow(Row):
    """先修关系: `prerequisite` comes before `course`."""

    specialty: str = Field(title="专业代码")
    course: str = Field(title="课程代码")
    prerequisite: str = Field(title="先修课程代码")


class ModuleRow(Row):
    """教学模块 of a course standard."""

    specialty: str = Field(title="专业代码")
    course: str = Field(title="课程代码")
    code: str = Field(title="模块编号")
    name: str = Field(title="模块名称")
    hours: int | None = Field(title="学时（原文未给出为 null）")


class ContentRow(Row):
    """学习内容 of a course standard."""

    specialty: str = Field(title="专业代码")
    course: str = Field(title="课程代码")
    module: str = Field(title="模块编号")
    code: str = Field(title="内容编号")
    name: str = Field(title="内容名称")
    requirements: str = Field(title="内容与要求")
    hours: int | None = Field(default=None, title="学时")


class CompetencyLinkRow(Row):
    """A 学习内容, 实习任务 or 实训室 reaching a 职业能力 at a 学习水平."""

    specialty: str = Field(title="专业代码")
    competency: str = Field(title="能力编码")
    level: str = Field(title="学习水平")
    source: Literal["content_item", "internship_task", "training_room"] = Field(title="承载方")
    item: str = Field(title="承载方编号（内容编号/实习任务编号/实训室编号）")
    course: str | None = Field(default=None, title="课程代码（学习内容）")


class CourseCompetencyRow(Row):
    """Competency × course matrix: the highest level the course's content items reach."""

    specialty: str = Field(title="专业代码")
    course: str = Field(title="课程代码")
    competency: str = Field(title="能力编码")
    level: str = Field(title="最高学习水平")


class Dataset(Row):
    """职标开放数据集：全部标准的规范化数据（各表以编码关联）。"""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_uri: str | None = Field(
        default=None, alias="$schema", title="JSON Schema", description="如 dataset.schema.json"
    )
    format: Literal["zhibiao-dataset"] = Field(title="数据格式")
    format_version: Literal["1.0"] = Field(title="格式版本")
    generator: str = Field(title="生成工具")
    issuer: str = Field(title="发布机构（项目配置）")
    learning_levels: list[str] = Field(title="学习水平词表（由低到高）")
    documents: list[DocumentRow] = Field(title="标准文件")
    specialties: list[SpecialtyRow] = Field(title="专业")
    industries: list[CodeNameRow] = Field(title="对应行业")
    occupations: list[OccupationRow] = Field(title="主要职业类别")
    continuations: list[ContinuationRow] = Field(title="接续专业")
    domains: list[DomainRow] = Field(title="工作领域")
    tasks: list[TaskRow] = Field(title="工作任务")
    competencies: list[CompetencyRow] = Field(title="职业能力")
    specs: list[SpecRow] = Field(title="培养规格")
    spec_competencies: list[SpecCompetencyRow] = Field(title="培养规格—职业能力")
    courses: list[CourseRow] = Field(title="课程")
    prerequisites: list[PrerequisiteRow] = Field(title="先修关系")
    modules: list[ModuleRow] = Field(title="教学模块")
    content_items: list[ContentRow] = Field(title="学习内容")
    competency_links: list[CompetencyLinkRow] = Field(title="职业能力承载")
    course_competencies: list[CourseCompetencyRow] = Field(title="课程—职业能力矩阵")
