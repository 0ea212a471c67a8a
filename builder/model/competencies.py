"""职业能力清单: 工作领域 → 工作任务 → 职业能力."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from builder.model.common import Code, OutcomeType, Strict, Text
from builder.model.meta import Meta
from builder.model.sourced import NonEmptyList, sourced


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
    name: str = Field(title="工作领域", min_length=1)
    description: str | None = Field(default=None, title="说明")
    tasks: NonEmptyList[Task] = sourced(title="工作任务")


class CompetencyList(Strict):
    """职业能力清单 of one specialty."""

    kind: Literal["competencies"] = Field(title="文件类型")
    meta: Meta
    specialty: Code = Field(title="专业代码")
    specialty_name: str | None = Field(default=None, title="专业名称")
    domains: NonEmptyList[Domain] = sourced(title="工作领域")
