"""职业能力清单: 工作领域 → 工作任务 → 职业能力."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from builder.model.common import Code, OutcomeType, Strict, Text
from builder.model.meta import Meta
from builder.model.sourced import NonEmptyList, SourcedList, sourced


class Requirement(Strict):
    """一项带标题的内容（如 申报条件中的一个等级），保留原文."""

    name: str = Field(title="名称", min_length=1)
    text: Text = Field(title="内容")


class WeightRow(Strict):
    """权重表的一行：项目及其在各等级的权重（%）."""

    item: str = Field(title="项目", min_length=1)
    group: str | None = Field(default=None, title="类别", description="如 理论知识、技能要求")
    weights: dict[str, float | None] = Field(
        title="各等级权重（%）", description="等级 → 百分数；原文该格为空或“—”时写 null"
    )


class OccupationStandard(Strict):
    """国家职业技能标准的本身内容：职业概况、申报条件、权重表."""

    title: str = Field(
        title="标准名称", min_length=1, description="如 人工智能训练师国家职业技能标准（2021年版）"
    )
    code: Code | None = Field(default=None, title="职业编码", description="如 4-04-05-05")
    name: str | None = Field(default=None, title="职业名称")
    definition: str | None = Field(default=None, title="职业定义")
    grades: SourcedList[str] = sourced(default_factory=list, title="职业技能等级")
    training_hours: SourcedList[Requirement] = sourced(default_factory=list, title="培训参考学时")
    eligibility: SourcedList[Requirement] = sourced(default_factory=list, title="申报条件")
    weights: SourcedList[WeightRow] = sourced(default_factory=list, title="权重表")
    url: str | None = Field(default=None, title="来源网址")


class BuildsOn(Strict):
    """The 职业能力 of a specialty one level below that a competency builds on (中高本一体化)."""

    specialty: Code = Field(
        title="下一层次的专业代码", description='6 位专业代码，如中职电子商务 "730701"'
    )
    competency: Code = Field(title="所衔接的职业能力编码", description="该专业职业能力清单中的编码")


class Competency(Strict):
    """A 职业能力 with the 学习水平 the specialty requires."""

    code: Code = Field(title="能力编码", description="如 1-2-3（领域-任务-能力）")
    text: Text = Field(title="职业能力描述")
    type: OutcomeType = Field(default="能力", title="类型")
    level: str = Field(title="要求的学习水平")
    scope: str | None = Field(
        default=None,
        title="编码范围（列）",
        description="原文按列重新编号时写列名，如 技能要求、相关知识要求；引用时用 scope 区分",
    )
    builds_on: list[BuildsOn] = Field(
        default_factory=list,
        title="衔接的下一层次职业能力",
        description="中高本一体化：本能力以下一层次专业的哪些职业能力为基础（可写多个）",
    )


class Task(Strict):
    """工作任务."""

    code: Code = Field(title="任务编码", description="如 1-2")
    name: str = Field(title="工作任务", min_length=1)
    description: str | None = Field(default=None, title="说明")
    competencies: NonEmptyList[Competency] = sourced(title="职业能力")


class Domain(Strict):
    """工作领域."""

    code: Code = Field(title="领域编码", description="如 1")
    scope: str | None = Field(
        default=None,
        title="编码范围（表）",
        description="原文每张表重新编号时写表名，如 五级/初级工；同一范围的领域在网站和 Word 中合为一张表",
    )
    name: str = Field(title="工作领域", min_length=1)
    description: str | None = Field(default=None, title="说明")
    tasks: NonEmptyList[Task] = sourced(title="工作任务")


class CompetencyList(Strict):
    """职业能力清单 of one specialty."""

    kind: Literal["competencies"] = Field(title="文件类型")
    meta: Meta
    specialty: Code = Field(title="专业代码")
    specialty_name: str | None = Field(default=None, title="专业名称")
    levels: str | None = Field(
        default=None,
        title="水平词表",
        description="zhibiao.yaml 中 level_vocabularies 的名称；不写时用 learning_levels",
    )
    occupation: OccupationStandard | None = Field(
        default=None,
        title="来源国家职业技能标准",
        description="清单取自国家职业技能标准时，记录该标准本身的内容",
    )
    domains: NonEmptyList[Domain] = sourced(title="工作领域")


def scoped_code(code: str, *scopes: str | None) -> str:
    """The key of a code inside its numbering scopes: "1.1.1（五级/技能要求）", or the code alone
    (each scope split at "/" and trimmed, so "五级 / 初级工" and "五级/初级工" are one scope)."""
    scope = "/".join(p.strip() for s in scopes if s for p in s.split("/") if p.strip())
    return f"{code}（{scope}）" if scope else code


def scope_parts(*scopes: str | None) -> tuple[str, ...]:
    """The non-empty scope names, outermost first."""
    return tuple(s for s in scopes if s)
