"""Project configuration (`zhibiao.yaml`): catalogs, level vocabulary, rules, severities."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from builder.base.diagnostics import Severity
from builder.base.rules import declare
from builder.model.common import EducationLevel

# `site.engine` names an engine; only the build can tell whether it is installed
# (`builder.site.engines`), but the code belongs with the setting.
ENGINE_MISSING = declare(
    "ZB940",
    "engine-not-installed",
    Severity.ERROR,
    "所选的站点引擎没有安装",
    """
    `zhibiao build --engine zensical`（或 zhibiao.yaml 的 `site.engine: zensical`）选用了 Zensical
    引擎，但当前 Python 环境里没有安装 zensical 包。Zensical 是可选依赖：用
    `pip install -c constraints.txt -e '.[zensical]'` 安装，或去掉该选项改用默认的 mkdocs。
    """,
    "site:\n  engine: zensical   # 需要 pip install -e '.[zensical]'",
)


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

    def describe_share(self, value: float | None = None) -> str:
        """The range as percentages, printed exactly (e.g. "≥ 25%", "≥ 31.33%（47/150）").

        With `value`, enough decimals are used that a value outside the range is never
        shown equal to the bound it fails ("31.3%，要求 ≥ 31.33%", not "≥ 31%").
        """
        ends = [
            (sign, share_text(bound, value))
            for sign, bound in (("≥", self.min), ("≤", self.max))
            if bound is not None
        ]
        if len(ends) == 2:
            return f"{ends[0][1]}–{ends[1][1]}"
        return f"{ends[0][0]} {ends[0][1]}" if ends else "任意"


def _num(value: float) -> str:
    return f"{value:g}"


def decimals_apart(value: float, bound: float, *, scale: float = 1.0, least: int = 0) -> int:
    """Fewest decimals (≥ `least`) at which `value` and `bound` (times `scale`) print differently."""
    for places in range(least, 10):
        if f"{value * scale:.{places}f}" != f"{bound * scale:.{places}f}":
            return places
    return least


def show_number(value: float, bound: float | None = None, *, scale: float = 1.0) -> str:
    """`value` (times `scale`) with one decimal, or more when it would print equal to `bound`."""
    places = 1 if bound is None else decimals_apart(value, bound, scale=scale, least=1)
    return f"{value * scale:.{places}f}"


def share_text(bound: float, value: float | None = None) -> str:
    """A share bound as an exact percentage ("25%", "12.5%"); a bound that is not a short
    decimal gets enough decimals to differ from `value`, and its fraction ("31.33%（47/150）")."""
    from fractions import Fraction

    percent = bound * 100
    for places in range(3):
        if abs(round(percent, places) - percent) < 1e-9:
            return f"{round(percent, places):.{places}f}%"
    places = 2 if value is None else decimals_apart(value, bound, scale=100, least=2)
    text = f"{percent:.{places}f}%"
    fraction = Fraction(bound).limit_denominator(1000)
    if abs(float(fraction) - bound) < 1e-12:
        text += f"（{fraction.numerator}/{fraction.denominator}）"
    return text


class RequiredCourse(_Config):
    """A course a plan must offer, recognised by any of its names."""

    name: str = Field(title="课程", min_length=1, description="如 历史")
    aliases: list[str] = Field(
        default_factory=list,
        title="可用的课程名称",
        description="课程设置中的课程名称含有其中任一词即算开设（不写时用 name）",
    )

    def matches(self, course_name: str) -> bool:
        """True when `course_name` names this course."""
        return any(word in course_name for word in (self.aliases or [self.name]))


class LevelRules(_Config):
    """Rules for one education level (numbers, required courses, 修业年限, 入学要求); null switches a rule off."""

    source: str | None = Field(
        default=None,
        title="规则来源",
        description="本层次规则依据的文件；不写时沿用默认（中职、高职专科：教职成〔2019〕13号）",
    )

    total_hours: Range | None = Field(default=None, title="总学时")
    public_share: Range | None = Field(default=None, title="公共基础课学时占比")
    elective_share: Range | None = Field(default=None, title="选修课学时占比")
    practice_share: Range | None = Field(default=None, title="实践性教学学时占比")
    hours_per_credit: Range | None = Field(default=None, title="每学分学时（实践课除外）")
    core_courses: Range | None = Field(default=None, title="专业核心课程门数")
    internship_months: Range | None = Field(default=None, title="岗位实习时长（月）")
    required_courses: list[RequiredCourse] | None = Field(
        default=None, title="公共基础必修课程", description="课程设置中必须作为必修课开设"
    )
    limited_electives: list[RequiredCourse] | None = Field(
        default=None,
        title="必修或限定选修课程",
        description="课程设置中必须开设，必修或选修均可",
    )
    courses_source: str | None = Field(
        default=None,
        title="课程清单的来源",
        description="required_courses 与 limited_electives 依据的文件；不写时用 source",
    )
    duration_years: list[int] | None = Field(default=None, title="基本修业年限（年）")
    admission: Literal["初中", "高中阶段"] | None = Field(
        default=None,
        title="入学要求的学历层次",
        description="初中：初中毕业生或同等学力；高中阶段：高中阶段教育毕业生或同等学力（招收初中毕业生的五年制除外）",
    )


SOURCE_13 = "教职成〔2019〕13号"
SOURCE_COURSES_ZZ = "《中等职业学校公共基础课程方案》（教育部 2019 年 10 月印发）"
"""The 中职 list of required public courses: the 方案 as reported by the MoE news of 2020-01
("必修课程包括思想政治、语文、历史、数学、外语、信息技术、体育与健康、艺术") [S]; 13号's own
course lists were not read in a checkable copy [U], so they are not a default."""
SOURCE_UNDERGRAD = "项目自定的规则（教职成〔2019〕13号不适用于职业本科，默认沿用其高职比例）"


def _zz_required() -> list[RequiredCourse]:
    """中职 公共基础必修课程 (公共基础课程方案 2019, as reported by 新华社 2020-01)."""
    table = {
        "思想政治": [
            "思想政治",
            "中国特色社会主义",
            "心理健康与职业生涯",
            "哲学与人生",
            "职业道德与法治",
        ],
        "语文": ["语文"],
        "历史": ["历史"],
        "数学": ["数学"],
        "外语": ["外语", "英语", "日语", "俄语", "德语", "法语", "西班牙语"],
        "信息技术": ["信息技术"],
        "体育与健康": ["体育"],
        "艺术": ["艺术", "音乐", "美术"],
    }
    return [RequiredCourse(name=name, aliases=words) for name, words in table.items()]


def _default_levels() -> dict[EducationLevel, LevelRules]:
    """Defaults from 教职成〔2019〕13号; 职业本科 is not covered by 13号, so only shares apply."""
    hours_per_credit = Range(min=16, max=18)
    core = Range(min=6, max=8)
    internship = Range(min=5, max=7)
    return {
        "中职": LevelRules(
            source=SOURCE_13,
            total_hours=Range(min=3000),
            public_share=Range(min=1 / 3 - 0.02),
            elective_share=Range(min=0.10),
            practice_share=Range(min=0.50),
            hours_per_credit=hours_per_credit,
            core_courses=core,
            internship_months=internship,
            required_courses=_zz_required(),
            courses_source=SOURCE_COURSES_ZZ,
            duration_years=[3],
            admission="初中",
        ),
        "高职专科": LevelRules(
            source=SOURCE_13,
            total_hours=Range(min=2500),
            public_share=Range(min=0.25),
            elective_share=Range(min=0.10),
            practice_share=Range(min=0.50),
            hours_per_credit=hours_per_credit,
            core_courses=core,
            internship_months=internship,
            duration_years=[3, 5],
            admission="高中阶段",
        ),
        "职业本科": LevelRules(
            source=SOURCE_UNDERGRAD,
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
            lists = {"required_courses", "limited_electives"}
            if lists & set(changed) and "courses_source" not in changed:
                changed["courses_source"] = None  # the default list's source no longer applies
            if "source" not in changed and changed:
                titles = "、".join(
                    str(LevelRules.model_fields[name].title) for name in sorted(changed)
                )
                changed["source"] = f"{base.source or '项目自定'}；{titles}按 zhibiao.yaml 调整"
            merged[level] = base.model_copy(update=changed)
        return merged

    def source_for(self, level: str) -> str:
        """The document the rules of `level` come from."""
        rules = self.levels.get(level)  # type: ignore[call-overload]
        return (rules.source if rules is not None else None) or self.profile

    def courses_source_for(self, level: str) -> str:
        """The document the required and limited-elective course lists of `level` come from."""
        rules = self.levels.get(level)  # type: ignore[call-overload]
        return (rules.courses_source if rules is not None else None) or self.source_for(level)


class CatalogEntry(_Config):
    """A 专业目录 entry the user adds to the bundled excerpt."""

    code: str
    name: str
    level: EducationLevel


class OccupationEntry(_Config):
    """A 职业分类大典 entry the user adds to the bundled excerpt."""

    code: str = Field(title="职业编码", description="d-dd-dd-dd")
    name: str = Field(title="职业名称", min_length=1)
    marks: list[Literal["S", "L"]] = Field(default_factory=list, title="标识")


class DocxConfig(_Config):
    """Word export settings: layout profile per document kind."""

    profiles: dict[
        Literal["specialty", "competencies", "course", "internship", "training_base", "plan"],
        Literal["gbt9704", "gbt1.1"],
    ] = Field(
        default_factory=lambda: {  # type: ignore[arg-type]
            "specialty": "gbt1.1",
            "competencies": "gbt1.1",
            "course": "gbt9704",
            "internship": "gbt1.1",
            "training_base": "gbt1.1",
            "plan": "gbt9704",
        }
    )
    reference_docx: str | None = Field(default=None, title="自定义参考模板（.docx）")
    profile: Literal["faithful", "gbt1.1"] = Field(
        default="faithful",
        title="结构规范",
        description="faithful（默认）：只印文件自己有的章；gbt1.1：按 GB/T 1.1—2020 补出文件缺少的"
        "“规范性引用文件”“术语和定义”两章（写“本文件没有……”），其后的章条编号顺延。",
    )
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
        default=8,
        ge=1,
        title="自动拆分的专业数",
        description=(
            "split 为 auto 时，专业数超过此值即拆分。不拆分时改动一处就要重建整个站点"
            "（每个专业约 2 秒）；拆分后只重建改动的专业。"
        ),
    )
    engine: Literal["mkdocs", "zensical"] = Field(
        default="mkdocs",
        title="站点引擎",
        description=(
            "mkdocs（默认，mkdocs-material）或 zensical（Material 团队的后继引擎，可选依赖："
            "pip install -e '.[zensical]'）；zhibiao build --engine 可临时改用另一个。"
        ),
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


DEFAULT_VOCABULARY = "学习水平"
"""The name under which `learning_levels` is addressed in `level_vocabularies` mappings."""


class LevelMapping(_Config):
    """How the levels of one vocabulary correspond to those of another (for coverage)."""

    from_: str = Field(
        alias="from", title="从词表", description="level_vocabularies 中的名称或 学习水平"
    )
    to: str = Field(title="到词表", description="level_vocabularies 中的名称或 学习水平")
    levels: dict[str, str] = Field(
        title="对应关系",
        description="从词表的水平 → 到词表的水平；未列出的水平无法比较。须保持由低到高的顺序。",
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
    level_vocabularies: dict[str, list[str]] = Field(
        default_factory=dict,
        title="其他水平词表（由低到高）",
        description=(
            "名称 → 取值，如 职业技能等级: [五级, 四级, 三级, 二级, 一级]；文档用 levels: 名称 选用，"
            "不写 levels 的文档用 learning_levels（名称为 学习水平）"
        ),
    )
    level_mappings: list[LevelMapping] = Field(
        default_factory=list,
        title="水平词表之间的对应关系",
        description="让不同词表的要求与承载仍可比较；没有对应关系的比较报 ZB306（信息）",
    )
    numeric_rules: NumericRules = Field(default_factory=NumericRules)
    severity: dict[str, Literal["error", "warning", "info", "ignore"]] = Field(
        default_factory=dict, title="按规则代码覆盖严重级别"
    )
    catalog_extra: list[CatalogEntry] = Field(default_factory=list, title="补充专业目录条目")
    occupation_extra: list[OccupationEntry] = Field(
        default_factory=list, title="补充职业分类大典条目"
    )
    docx: DocxConfig = Field(default_factory=DocxConfig)
    site: SiteConfig = Field(default_factory=SiteConfig)
    review: ReviewConfig = Field(default_factory=ReviewConfig, title="征求意见与审查")

    def level_rank(self, level: str) -> int | None:
        """Position of `level` in the vocabulary (0 = lowest), None when unknown."""
        try:
            return self.learning_levels.index(level)
        except ValueError:
            return None

    def vocabulary(self, name: str | None) -> list[str] | None:
        """The levels of vocabulary `name` (None or 学习水平: `learning_levels`); None when undeclared."""
        if name is None or name == DEFAULT_VOCABULARY:
            return self.learning_levels
        return self.level_vocabularies.get(name)
