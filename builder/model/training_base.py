"""实训基地建设标准 (实训教学条件建设标准)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from builder.model.common import Code, CompetencyRef, Strict, Text
from builder.model.meta import Meta
from builder.model.sourced import NonEmptyList, SourcedList, sourced


class Equipment(Strict):
    """A line of a 实训室 equipment list."""

    name: str = Field(title="设备名称", min_length=1)
    spec: Text = Field(title="主要功能及技术要求")
    unit: str | None = Field(
        default=None, title="单位", min_length=1, description="原文未给出时省略"
    )
    quantity: int | None = Field(
        default=None,
        title="数量",
        ge=1,
        description="按 class_size 名学生一个教学班配置；原文未给出时省略",
    )
    note: str | None = Field(default=None, title="备注", description="如 2 人一套")


class Room(Strict):
    """校内实训室."""

    code: Code = Field(title="实训室编号", description="如 R1")
    name: str = Field(title="实训室名称", min_length=1)
    functions: Text = Field(title="主要功能")
    group: Literal["基本技能", "专业核心技能", "专业拓展技能"] | None = Field(
        default=None, title="实训类别"
    )
    requirement: Literal["必备", "选建", "自选"] = Field(default="必备", title="建设要求")
    area: float | None = Field(default=None, title="使用面积（㎡）", gt=0)
    stations: int | None = Field(default=None, title="工位数", ge=1)
    projects: SourcedList[str] = sourced(default_factory=list, title="实训项目")
    courses: SourcedList[Code] = sourced(
        default_factory=list, title="支撑课程", description="课程代码，或课程设置中的课程名称"
    )
    competencies: SourcedList[CompetencyRef] = sourced(default_factory=list, title="培养的职业能力")
    equipment: NonEmptyList[Equipment] = sourced(title="主要设备")


class SiteRequirement(Strict):
    """A general requirement on training sites (采光、照明、通风、消防、网络 …)."""

    title: str = Field(title="要求", min_length=1)
    clauses: NonEmptyList[str] = sourced(title="条款")


class ExternalBase(Strict):
    """校外实训基地 requirement."""

    name: str = Field(title="基地类型", min_length=1)
    requirements: Text = Field(title="基本要求")


class TrainingBase(Strict):
    """实训基地建设标准 of one specialty."""

    kind: Literal["training_base"] = Field(title="文件类型")
    meta: Meta
    specialty: Code = Field(title="专业代码")
    specialty_name: str | None = Field(default=None, title="专业名称")
    scope: Text = Field(title="适用范围")
    class_size: int | None = Field(
        default=None, title="教学班人数", ge=1, le=200, description="设备数量按此班额配置"
    )
    site_requirements: SourcedList[SiteRequirement] = sourced(
        default_factory=list, title="实训场所基本要求"
    )
    rooms: NonEmptyList[Room] = sourced(title="校内实训室")
    external: SourcedList[ExternalBase] = sourced(default_factory=list, title="校外实训基地")
    management: Text = Field(title="实训教学管理与安全")
