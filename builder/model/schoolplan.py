"""人才培养方案 (a school's talent-cultivation plan), derived from a national 专业教学标准.

A plan is a school document, not a standard: it names the school and the national standard
(specialty code and edition) it follows "依据本标准", and may add, raise and localise, but
not fall below. Its course rows may name the competencies they carry, with the level
reached, without a full 课程标准.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from builder.model.common import (
    Code,
    CompetencyRef,
    CourseNature,
    EducationLevel,
    Hours,
    Strict,
    Text,
)
from builder.model.meta import Meta
from builder.model.sourced import SourcedList, sourced
from builder.model.specialty import Duration, HoursPlan, Totals

AdditionType = Literal["新增", "提高", "地方化"]
"""How a school goes beyond the national standard: a new item, a raised requirement, or the
national item adapted to the region (地方化)."""


class Follows(Strict):
    """The national 专业教学标准 the plan follows (依据)."""

    code: Code = Field(title="专业代码", description='国家专业教学标准的专业代码，如 "510209"')
    version: str | None = Field(
        default=None,
        title="标准版本",
        min_length=1,
        description="所依据的国家标准的版本（meta.version），如 2025；方案没有写明依据哪一版时不写",
    )
    title: str | None = Field(default=None, title="标准名称")


class PlanCourse(Strict):
    """A row of the plan's 课程设置 / 教学进程安排.

    `maps_to` declares the national course a renamed course stands for (code or name of a
    course in the national standard's course plan); `addition` marks a course the national
    standard does not have (新增, 地方化) or that raises one (提高).
    """

    code: Code | None = Field(
        default=None,
        title="课程代码",
        description="本校课程代码，如 ZH01；方案没有课程代码时不写，课程以名称识别",
    )
    name: str = Field(title="课程名称", min_length=1)
    nature: CourseNature = Field(title="课程性质")
    hours: Hours | None = Field(default=None, title="学时")
    theory_hours: Hours | None = Field(default=None, title="理论学时")
    practice_hours: Hours | None = Field(default=None, title="实践学时")
    credits: float | None = Field(default=None, title="学分", ge=0, le=100)
    semesters: list[int] = Field(default_factory=list, title="开设学期")
    elective: bool = Field(default=False, title="选修", description="true 为选修，false 为必修")
    competencies: list[CompetencyRef] = Field(
        default_factory=list,
        title="承载的职业能力",
        description="国家职业能力清单或本方案 additions 中的能力编码，带本课程达到的学习水平",
    )
    maps_to: Code | None = Field(
        default=None,
        title="对应国家标准课程",
        description="改名或合并时声明：国家标准课程设置中的课程代码或课程名称",
    )
    addition: AdditionType | None = Field(
        default=None,
        title="增补类型",
        description="国家标准没有的课程标 新增 或 地方化；提高要求的课程标 提高",
    )
    note: str | None = Field(default=None, title="备注")


class Addition(Strict):
    """A competency or requirement the school adds, raises or localises."""

    code: Code = Field(title="编码", description="本校自拟，如 X1；课程可在 competencies 中引用")
    type: AdditionType = Field(title="增补类型")
    text: Text = Field(title="内容")
    level: str | None = Field(default=None, title="要求的学习水平")
    basis: str | None = Field(
        default=None, title="依据", description="如区域产业需求、行业企业调研结论"
    )


class Plan(Strict):
    """人才培养方案 of one school for one specialty (教职成〔2019〕13号 framework)."""

    kind: Literal["plan"] = Field(title="文件类型")
    meta: Meta
    school: str = Field(title="学校名称", min_length=1)
    follows: Follows = Field(title="依据的国家专业教学标准")
    name: str | None = Field(default=None, title="专业名称")
    level: EducationLevel | None = Field(default=None, title="层次")
    grade: str | None = Field(default=None, title="适用年级", description="如 2026级")
    admission: str | None = Field(default=None, title="入学要求")
    duration: Duration | None = Field(default=None, title="修业年限")
    objectives: Text | None = Field(default=None, title="培养目标")
    courses: SourcedList[PlanCourse] = sourced(default_factory=list, title="课程设置及教学进程安排")
    totals: Totals | None = Field(default=None, title="学时学分合计（声明值）")
    hours_plan: HoursPlan | None = Field(default=None, title="学时安排（声明的总学时与占比）")
    additions: SourcedList[Addition] = sourced(
        default_factory=list, title="本校增补（新增、提高、地方化）"
    )
    graduation: SourcedList[str] = sourced(default_factory=list, title="毕业要求")

    @property
    def specialty(self) -> str:
        """The specialty code the plan belongs to: that of the standard it follows."""
        return self.follows.code

    def rows(self) -> list[PlanCourse]:
        """The course rows given (none when the source does not give the course plan)."""
        return self.courses if isinstance(self.courses, list) else []

    def carrying(self, code: str) -> Iterator[tuple[int, int, PlanCourse, CompetencyRef]]:
        """(row index, reference index, row, reference) for each row that carries the
        competency `code`."""
        for c, row in enumerate(self.rows()):
            for r, carried in enumerate(row.competencies):
                if carried.ref == code:
                    yield c, r, row, carried

    def row_label(self, row: PlanCourse, what: str = "课程") -> str:
        """ "江城职业技术学院 课程 ZH01 Python程序设计" (no code when the row has none);
        `what` names the row ("人才培养方案 课程")."""
        return " ".join(f"{self.school} {what} {row.code or ''} {row.name}".split())
