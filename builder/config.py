"""Project configuration (`zhibiao.yaml`): catalogs, level vocabulary, rules, severities."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from builder.model.common import EducationLevel

CONFIG_NAME = "zhibiao.yaml"


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Catalogs(_Config):
    """Editions of the code systems the corpus cites."""

    specialty: str = Field(default="2021", title="职业教育专业目录版本")
    occupation: str = Field(default="2022", title="国家职业分类大典版本")
    industry: str = Field(default="GB/T 4754-2017", title="国民经济行业分类版本")


class Range(_Config):
    """A closed numeric range; either end may be open (null)."""

    min: float | None = None
    max: float | None = None

    def contains(self, value: float) -> bool:
        """True when `value` lies inside the range."""
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)

    def describe(self) -> str:
        """Human-readable range, e.g. "16–18" or "≥ 2500"."""
        if self.min is not None and self.max is not None:
            return f"{_num(self.min)}–{_num(self.max)}"
        if self.min is not None:
            return f"≥ {_num(self.min)}"
        if self.max is not None:
            return f"≤ {_num(self.max)}"
        return "任意"


def _num(value: float) -> str:
    return f"{value:g}"


class LevelRules(_Config):
    """Numeric rules for one education level; null switches a rule off."""

    total_hours: Range | None = Field(default=None, title="总学时")
    public_share: Range | None = Field(default=None, title="公共基础课学时占比")
    elective_share: Range | None = Field(default=None, title="选修课学时占比")
    practice_share: Range | None = Field(default=None, title="实践性教学学时占比")
    hours_per_credit: Range | None = Field(default=None, title="每学分学时（实践课除外）")
    core_courses: Range | None = Field(default=None, title="专业核心课程门数")
    internship_months: Range | None = Field(default=None, title="岗位实习时长（月）")


def _default_levels() -> dict[EducationLevel, LevelRules]:
    """Defaults from 教职成〔2019〕13号; 职业本科 is not covered by 13号, so only shares apply."""
    hours_per_credit = Range(min=16, max=18)
    core = Range(min=6, max=8)
    internship = Range(min=5, max=7)
    return {
        "中职": LevelRules(
            total_hours=Range(min=3000),
            public_share=Range(min=1 / 3 - 0.02),
            elective_share=Range(min=0.10),
            practice_share=Range(min=0.50),
            hours_per_credit=hours_per_credit,
            core_courses=core,
            internship_months=internship,
        ),
        "高职专科": LevelRules(
            total_hours=Range(min=2500),
            public_share=Range(min=0.25),
            elective_share=Range(min=0.10),
            practice_share=Range(min=0.50),
            hours_per_credit=hours_per_credit,
            core_courses=core,
            internship_months=internship,
        ),
        "职业本科": LevelRules(
            public_share=Range(min=0.25),
            elective_share=Range(min=0.10),
            practice_share=Range(min=0.50),
            hours_per_credit=hours_per_credit,
            internship_months=internship,
        ),
    }


class NumericRules(_Config):
    """The numeric rules profile."""

    profile: str = Field(default="教职成〔2019〕13号", title="规则来源")
    levels: dict[EducationLevel, LevelRules] = Field(
        default_factory=_default_levels,
        title="各层次的数值规则",
        description="只写要改动的规则：未写出的规则沿用默认值（教职成〔2019〕13号），写 null 关闭该规则",
    )

    @field_validator("levels", mode="after")
    @classmethod
    def _merge_defaults(
        cls, levels: dict[EducationLevel, LevelRules]
    ) -> dict[EducationLevel, LevelRules]:
        """Overlay the configured rules on the defaults, rule by rule and level by level."""
        merged = _default_levels()
        for level, rules in levels.items():
            base = merged.get(level, LevelRules())
            changed = {name: getattr(rules, name) for name in rules.model_fields_set}
            merged[level] = base.model_copy(update=changed)
        return merged


class CatalogEntry(_Config):
    """A 专业目录 entry the user adds to the bundled excerpt."""

    code: str
    name: str
    level: EducationLevel


class DocxConfig(_Config):
    """Word export settings: layout profile per document kind."""

    profiles: dict[
        Literal["specialty", "competencies", "course", "internship", "training_base"],
        Literal["gbt9704", "gbt1.1"],
    ] = Field(
        default_factory=lambda: {  # type: ignore[arg-type]
            "specialty": "gbt1.1",
            "competencies": "gbt1.1",
            "course": "gbt9704",
            "internship": "gbt1.1",
            "training_base": "gbt1.1",
        }
    )
    reference_docx: str | None = Field(default=None, title="自定义参考模板（.docx）")
    toc_pages: Literal["auto", "always", "never"] = Field(
        default="auto",
        title="目次页码",
        description="导出 Word 时用 LibreOffice 排版一次，把目次页码写进文件：auto 为找到 LibreOffice "
        "时填写，always 为必须填写（找不到 LibreOffice 时报错），never 为留给 Word 打开时更新。",
    )


class SiteConfig(_Config):
    """Documentation site settings."""

    title: str = Field(default="职业教育标准", title="站点标题")
    url: str | None = Field(default=None, title="站点地址 site_url")
    split: Literal["auto", "none", "specialty", "category"] = Field(
        default="auto",
        title="分站点",
        description=(
            "全国规模时把站点拆成门户和分站点：specialty 每个专业一个，category 每个专业大类一个，"
            "none 不拆分，auto 在专业数超过 split_above 时按专业拆分。"
        ),
    )
    split_above: int = Field(
        default=60,
        ge=1,
        title="自动拆分的专业数",
        description="split 为 auto 时，专业数超过此值即拆分。",
    )


class ReviewConfig(_Config):
    """Public consultation and review meeting settings (`builder.comments`)."""

    vote_threshold: float = Field(
        default=0.75,
        gt=0,
        le=1,
        title="审查通过所需赞成票比例",
        description="赞成票占出席人数的最低比例；团体标准常用 3/4（0.75），可按本组织章程修改",
    )
    issue_url: str | None = Field(
        default=None,
        title="逐条意见的议题链接",
        description=(
            "征求意见稿网页上每条条款旁的“提意见”链接，{title} 替换为 URL 编码的“文件标识 条款”，"
            "如 https://github.com/org/repo/issues/new?title={title}；不填则不显示"
        ),
    )


class ProjectConfig(_Config):
    """Everything in `zhibiao.yaml`."""

    issuer: str = Field(default="", title="发布机构（行业组织）")
    catalogs: Catalogs = Field(default_factory=Catalogs)
    learning_levels: list[str] = Field(
        default_factory=lambda: ["了解", "理解", "掌握", "运用"],
        min_length=1,
        title="学习水平（由低到高）",
    )
    numeric_rules: NumericRules = Field(default_factory=NumericRules)
    severity: dict[str, Literal["error", "warning", "info", "ignore"]] = Field(
        default_factory=dict, title="按规则代码覆盖严重级别"
    )
    catalog_extra: list[CatalogEntry] = Field(default_factory=list, title="补充专业目录条目")
    docx: DocxConfig = Field(default_factory=DocxConfig)
    site: SiteConfig = Field(default_factory=SiteConfig)
    review: ReviewConfig = Field(default_factory=ReviewConfig, title="征求意见与审查")

    def level_rank(self, level: str) -> int | None:
        """Position of `level` in the vocabulary (0 = lowest), None when unknown."""
        try:
            return self.learning_levels.index(level)
        except ValueError:
            return None


def find_config(start: Path) -> Path | None:
    """Look for `zhibiao.yaml` in `start` and its parents."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None
