"""Shared field types, enums and small value objects of the standards model."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

EducationLevel = Literal["中职", "高职专科", "职业本科"]
"""Education level (层次) of a specialty, as in the 2021 专业目录."""

ContinuationLevel = Literal["高职专科", "职业本科", "普通本科"]
"""Level of a 接续专业 (continuation specialty)."""

CourseNature = Literal["公共基础", "专业基础", "专业核心", "专业拓展", "实践"]
"""课程性质: public basic, specialty basic, core, extension, practice."""

OutcomeType = Literal["素质", "知识", "能力"]
"""培养规格 / 课程目标 / 职业能力 dimension."""

Code = Annotated[
    str,
    Field(min_length=1, max_length=64, description="稳定编码（字符串，数字编码请加引号）"),
]
Text = Annotated[
    str,
    Field(min_length=1, description="正文（可多段，段间空行）；原文没有这一项时写 原文未给出"),
]
PartialDate = Annotated[
    str,
    Field(
        pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
        description="日期 YYYY-MM-DD；原文只给出年月或年份时写 YYYY-MM 或 YYYY",
    ),
]
Hours = Annotated[int, Field(ge=0, le=10000, description="学时")]


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class CodeName(Strict):
    """A coded entry of a classification (专业大类, 专业类, 行业)."""

    code: Code = Field(title="代码")
    name: str = Field(title="名称", min_length=1)


class CompetencyRef(Strict):
    """A link to a 职业能力 with the 学习水平 the linking item reaches."""

    ref: Code = Field(title="职业能力编码", description="职业能力清单中的编码，如 1-2-3")
    level: str = Field(
        title="学习水平",
        description="须属于本文档所用水平词表（levels，默认 learning_levels）的取值",
    )
    scope: str | None = Field(
        default=None,
        title="编码范围",
        description="清单按表或列重新编号时，写所引能力的范围，如 五级/技能要求（可只写足以区分的部分）",
    )


class AssessmentPart(Strict):
    """One component of 考核评价 with its weight in percent."""

    name: str = Field(title="考核项目", min_length=1)
    weight: float | None = Field(
        default=None, title="权重（%）", ge=0, le=100, description="原文未给出时省略"
    )
    method: str | None = Field(default=None, title="考核方式与标准")
