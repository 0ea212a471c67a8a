"""Generate a national-scale standards corpus for benchmarks, deterministically from a seed.

Each specialty set holds a 专业教学标准 (specialty.yaml), a 职业能力清单 of 30–80
competencies, 20–30 课程标准, a 岗位实习标准 and a 实训基地建设标准, with valid
references between them and sums that add up, so the corpus checks clean. Specialty `i`
depends only on the seed and `i`: a corpus of 50 is the first 50 sets of a corpus of 1,000.

    python3 benchmarks/generate.py OUT --specialties 1000 [--seed 2025] [--jobs 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import multiprocessing
import random
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from benchmarks.wordlists import (
    ACTIONS,
    CATEGORIES,
    CITIES,
    COMPANY_KINDS,
    GIVEN,
    OBJECTS,
    QUALITIES,
    SCHOOL_KINDS,
    SUFFIXES,
    SURNAMES,
    VERBS,
    Category,
)
from builder.read.occupations import bundled_occupations
from builder.read.yamlsource import parse

LEVELS = ("高职专科", "中职", "职业本科")
LEVEL_WEIGHTS = (744, 358, 247)  # 2021 专业目录 counts
LEVEL_BASE = {"职业本科": 20, "高职专科": 40, "中职": 60}
LEARNING = ("了解", "理解", "掌握", "运用")
SCHEMA_LINE = "# yaml-language-server: $schema={up}schemas/{kind}.schema.json\n"


@dataclass(frozen=True)
class Identity:
    """Who a specialty set is: code, name, level and 专业大类."""

    index: int
    code: str
    name: str
    level: str
    category: Category
    class_name: str

    @property
    def folder(self) -> str:
        """Folder name under standards/: `<code>-<name>`."""
        return f"{self.code}-{self.name}"


def _marks(code: str) -> list[str]:
    """S/L marks of an occupation in the bundled 职业分类大典 excerpt."""
    found = bundled_occupations("2022")[0].get(code)
    return sorted(found.marks) if found else []


@functools.cache
def _catalog_names() -> dict[str, str]:
    """Code → name of the 专业大类 and 专业类 of the bundled 专业目录 (2021)."""
    from builder.read.catalog import load_catalog
    from builder.read.config import ProjectConfig

    catalog = load_catalog(ProjectConfig())
    return {e.code: e.name for e in [*catalog.categories.values(), *catalog.classes.values()]}


def _catalog_name(code: str, made_up: str) -> str:
    """The catalog's name of a 专业大类 or 专业类 code (ZB508), else the word list's."""
    return _catalog_names().get(code, made_up)


def identities(count: int, seed: int) -> list[Identity]:
    """The first `count` specialties of the seeded sequence (unique codes and names)."""
    rng = random.Random(f"ids-{seed}")
    used_names: set[tuple[str, str]] = set()
    sequence: dict[str, int] = {}
    found: list[Identity] = []
    while len(found) < count:
        level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
        category = rng.choice(CATEGORIES)
        class_no = rng.randrange(len(category.classes))
        field_word = rng.choice(category.fields)
        name = field_word + rng.choice(SUFFIXES[level])
        if (level, name) in used_names:
            name = f"{field_word}{rng.choice(SUFFIXES[level])}（{rng.choice(category.topics)}方向）"
            if (level, name) in used_names:
                continue
        prefix = f"{LEVEL_BASE[level] + category.offset:02d}{class_no + 1:02d}"
        seq = sequence.get(prefix, 0) + 1
        if seq > 99:
            continue
        sequence[prefix] = seq
        used_names.add((level, name))
        found.append(
            Identity(
                len(found),
                f"{prefix}{seq:02d}",
                name,
                level,
                category,
                category.classes[class_no],
            )
        )
    return found


class _Dumper(yaml.CSafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data: dict[str, Any], kind: str, depth: int) -> str:
    """YAML text as an author would write it: schema comment, block style, flow leaves."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100000,
        default_flow_style=None,
    )
    return SCHEMA_LINE.format(up="../" * depth, kind=kind) + body


def split(total: int, parts: int, rng: random.Random, unit: int = 2) -> list[int]:
    """Split `total` into `parts` roughly even, positive multiples of `unit`."""
    units = total // unit
    parts = max(1, min(parts, units))
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    spare = units - parts
    sizes = [1 + int(spare * w / sum(weights)) for w in weights]
    sizes[-1] += units - sum(sizes)
    result = [size * unit for size in sizes]
    result[-1] += total - units * unit
    return result


@dataclass
class Row:
    """A row of 课程设置 (planned course)."""

    code: str
    name: str
    nature: str
    credits: int
    per_credit: int
    semesters: list[int]
    elective: bool = False
    practice_ratio: float = 0.5
    fixed_hours: int | None = None
    standard: bool = False

    @property
    def hours(self) -> int:
        """学时 (fixed for 实践 courses, else credits × per_credit)."""
        return self.fixed_hours if self.fixed_hours is not None else self.credits * self.per_credit

    @property
    def practice_hours(self) -> int:
        """实践学时 (even, never above the hours)."""
        return min(self.hours, int(self.hours * self.practice_ratio) // 2 * 2)

    def as_dict(self) -> dict[str, Any]:
        """The row as it appears in specialty.yaml."""
        row: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "nature": self.nature,
            "hours": self.hours,
            "theory_hours": self.hours - self.practice_hours,
            "practice_hours": self.practice_hours,
            "credits": self.credits,
            "semesters": self.semesters,
        }
        if self.elective:
            row["elective"] = True
        if self.standard:
            row["standard"] = f"courses/{self.code.lower()}.yaml"
        return row


PUBLIC_HIGHER = (
    ("思想道德与法治", 3, 16, 0.2),
    ("毛泽东思想和中国特色社会主义理论体系概论", 2, 16, 0.2),
    ("习近平新时代中国特色社会主义思想概论", 3, 16, 0.2),
    ("形势与政策", 2, 16, 0.0),
    ("大学英语", 8, 16, 0.3),
    ("高等数学", 4, 16, 0.1),
    ("信息技术", 3, 16, 0.5),
    ("体育", 6, 18, 0.9),
    ("心理健康教育", 2, 16, 0.3),
    ("军事理论", 2, 18, 0.0),
    ("职业发展与就业指导", 2, 16, 0.5),
    ("创新创业教育", 2, 16, 0.5),
    ("劳动教育", 1, 16, 0.8),
    ("国家安全教育", 1, 16, 0.0),
)
PUBLIC_SECONDARY = (
    ("中国特色社会主义", 2, 18, 0.1),
    ("心理健康与职业生涯", 2, 18, 0.3),
    ("哲学与人生", 2, 18, 0.1),
    ("职业道德与法治", 2, 18, 0.1),
    ("语文", 11, 18, 0.2),
    ("数学", 8, 18, 0.1),
    ("英语", 8, 18, 0.3),
    ("信息技术", 6, 18, 0.5),
    ("体育与健康", 8, 18, 0.9),
    ("历史", 4, 18, 0.1),
    ("艺术", 2, 18, 0.5),
    ("劳动教育", 1, 18, 0.8),
)
PUBLIC_ELECTIVE = (
    ("中华优秀传统文化", 2),
    ("大学语文", 2),
    ("公共艺术", 2),
    ("党史国史", 1),
    ("普通话", 2),
    ("应用文写作", 2),
    ("美育", 2),
    ("职业素养", 2),
)
LEVEL_TARGETS = {  # total hours aimed at, min public share, semesters
    "高职专科": (2700, 0.27, 6),
    "中职": (3200, 0.335, 6),
    "职业本科": (3300, 0.27, 8),
}


def course_plan(ident: Identity, rng: random.Random) -> list[Row]:
    """课程设置 that satisfies 教职成〔2019〕13号 (hours, shares, credits, 6–8 core courses)."""
    target, public_min, semesters = LEVEL_TARGETS[ident.level]
    last = semesters
    rows: list[Row] = []
    public = PUBLIC_SECONDARY if ident.level == "中职" else PUBLIC_HIGHER
    for i, (name, credits, per, ratio) in enumerate(public, 1):
        term = [1 + i % 4] if credits < 6 else [1, 2]
        rows.append(Row(f"GG{i:02d}", name, "公共基础", credits, per, term, practice_ratio=ratio))
    topics = list(ident.category.topics)
    rng.shuffle(topics)
    word = ident.name.split("（")[0]
    basics = topics[:6]
    cores = [*topics[6:], f"{word}综合应用", f"{word}项目实践"]
    n_core = rng.randint(6, 8)
    for i, topic in enumerate(basics, 1):
        rows.append(
            Row(
                f"ZJ{i:02d}",
                topic,
                "专业基础",
                rng.choice((3, 4)),
                16,
                [1 + i % 3],
                practice_ratio=0.5,
            )
        )
    for i in range(n_core):
        name = cores[i] if i < len(cores) else f"{word}技术实务（{i + 1 - len(cores)}）"
        rows.append(
            Row(
                f"ZH{i + 1:02d}",
                name,
                "专业核心",
                rng.choice((4, 4, 5, 6)),
                16,
                [3 + i % (last - 3)],
                practice_ratio=0.6,
            )
        )
    for i in range(rng.randint(4, 6)):
        name = f"{rng.choice(topics)}{rng.choice(('新技术', '专题', '拓展', '前沿', '创新实践', '案例分析'))}"
        if any(r.name == name for r in rows):
            name = f"{name}（{i + 1}）"
        rows.append(
            Row(
                f"ZT{i + 1:02d}",
                name,
                "专业拓展",
                rng.choice((2, 3)),
                16,
                [last - 2 + i % 2],
                elective=True,
                practice_ratio=0.6,
            )
        )
    practice = [
        ("军事技能", 2, 112, [1]),
        ("认识实习", 1, 26, [2]),
        ("专业综合实训", 4, 104, [last - 1]),
        ("毕业设计", 6, 156, [last]),
        ("岗位实习", 24, 624, [last]),
    ]
    for i, (name, credits, hours, term) in enumerate(practice, 1):
        rows.append(
            Row(
                f"SJ{i:02d}", name, "实践", credits, 16, term, practice_ratio=1.0, fixed_hours=hours
            )
        )
    _balance(rows, target, public_min, rng)
    return rows


def _balance(rows: list[Row], target: int, public_min: float, rng: random.Random) -> None:
    """Add public electives and grow courses until totals and shares meet the rules."""
    extra = 0

    def total() -> int:
        return sum(r.hours for r in rows)

    def public() -> int:
        return sum(r.hours for r in rows if r.nature == "公共基础")

    while public() < public_min * total() and extra < len(PUBLIC_ELECTIVE):
        name, credits = PUBLIC_ELECTIVE[extra]
        extra += 1
        rows.append(
            Row(
                f"GX{extra:02d}",
                name,
                "公共基础",
                credits,
                16,
                [2 + extra % 3],
                elective=True,
                practice_ratio=0.3,
            )
        )
    growable = [r for r in rows if r.nature in ("专业基础", "专业核心")]
    while total() < target:
        row = rng.choice(growable)
        row.credits += 1
        if public() < public_min * total() and extra < len(PUBLIC_ELECTIVE):
            name, credits = PUBLIC_ELECTIVE[extra]
            extra += 1
            rows.append(
                Row(
                    f"GX{extra:02d}",
                    name,
                    "公共基础",
                    credits,
                    16,
                    [2 + extra % 3],
                    elective=True,
                    practice_ratio=0.3,
                )
            )
    electives = [r for r in rows if r.nature == "专业拓展"]
    while sum(r.hours for r in rows if r.elective) < 0.11 * total():
        row = min(electives, key=lambda r: (r.credits, r.code))
        row.credits += 1
    hours = total()
    assert public() >= 0.255 * hours or rows[0].per_credit == 18
    assert sum(r.hours for r in rows if r.elective) >= 0.10 * hours
    assert sum(r.practice_hours for r in rows) >= 0.5 * hours


class Writer:
    """Chinese prose from templates, drawn from one specialty's vocabulary."""

    def __init__(self, ident: Identity, rng: random.Random) -> None:
        self.ident = ident
        self.rng = rng
        self.cat = ident.category

    def person(self) -> str:
        """A plausible Chinese name."""
        given = "".join(self.rng.sample(GIVEN, self.rng.choice((1, 2))))
        return self.rng.choice(SURNAMES) + given

    def unit(self) -> str:
        """A school or company name."""
        city = self.rng.choice(CITIES)
        if self.rng.random() < 0.6:
            return f"{city}{self.rng.choice(('工业', '信息', '城市', '交通', '科技', '经贸'))}{self.rng.choice(SCHOOL_KINDS)}"
        return f"{city}{self.rng.choice(self.cat.fields)}{self.rng.choice(COMPANY_KINDS)}"

    def sentence(self, topic: str | None = None) -> str:
        """One sentence about `topic` (or a random topic of the category)."""
        r = self.rng
        topic = topic or r.choice(self.cat.topics)
        post = r.choice(self.cat.posts)
        templates = (
            f"围绕{post}岗位的典型工作任务，系统讲授{topic}的基本原理、方法和规范，注重理论与实践相结合。",
            f"以真实项目为载体，采用任务驱动、情境教学等方法组织{topic}教学，学生在做中学、学中做。",
            f"结合{self.ident.name}领域的新技术、新工艺、新规范，及时更新{topic}的教学内容。",
            f"通过校企合作共建实训条件，使学生熟悉{post}岗位的工作流程和质量标准。",
            f"教学中融入课程思政元素，培养学生{r.choice(QUALITIES)[2:]}。",
            f"考核采用过程性评价与终结性评价相结合的方式，重点考查学生运用{topic}解决实际问题的能力。",
            f"对接{r.choice(self.cat.certificates)}的相关要求，将证书考核内容融入{topic}的教学。",
            f"应配备满足{topic}教学需要的实训设备，如{r.choice(self.cat.equipment)}等，并建立设备维护制度。",
            f"学生应能{r.choice(ACTIONS)}{topic}相关的{r.choice(OBJECTS)}，并按规定填写记录。",
            f"注重培养学生的安全意识、规范意识和{r.choice(('质量', '服务', '成本', '环保', '创新'))}意识。",
        )
        return r.choice(templates)

    def paragraph(self, sentences: int, topic: str | None = None) -> str:
        """Several sentences in one paragraph."""
        return "".join(self.sentence(topic) for _ in range(sentences))

    def text(self, paragraphs: int, sentences: int = 4, topic: str | None = None) -> str:
        """Paragraphs separated by blank lines (Text fields allow several)."""
        low, high = max(2, sentences - 1), sentences + 2
        return "\n\n".join(
            self.paragraph(self.rng.randint(low, high), topic) for _ in range(paragraphs)
        )

    def competency_text(self, topic: str) -> str:
        """A 职业能力 statement: behaviour, conditions, standard."""
        r = self.rng
        return (
            f"{r.choice(VERBS)}根据{r.choice(OBJECTS)}{r.choice(ACTIONS)}{topic}相关的"
            f"{r.choice(OBJECTS)}，符合{r.choice(('国家标准', '行业规范', '企业标准', '安全操作规程'))}要求"
        )


@dataclass
class Competencies:
    """The generated 职业能力清单 and the codes with required levels."""

    data: dict[str, Any]
    required: dict[str, str] = field(default_factory=dict)


def meta(ident: Identity, title: str, rng: random.Random, status: str) -> dict[str, Any]:
    """Common metadata; published documents carry a standard number and dates."""
    result: dict[str, Any] = {"title": title, "version": "2025", "status": status}
    if status in ("发布", "试行"):
        result["standard_no"] = f"T/CAVE {100 + ident.index % 900:03d}—2025"
        result["issuer"] = "中国职业技术教育学会"
        result["issued_on"] = dt.date(2025, 3, 1) + dt.timedelta(days=ident.index % 200)
        result["effective_on"] = dt.date(2025, 9, 1)
    if status == "征求意见稿":
        result["comment_deadline"] = dt.date(2025, 12, 31)
    result["proposed_by"] = f"全国{ident.category.name[:-2]}职业教育教学指导委员会"
    writer = Writer(ident, rng)
    result["drafting_units"] = sorted({writer.unit() for _ in range(rng.randint(2, 5))})
    result["drafters"] = [Writer(ident, rng).person() for _ in range(rng.randint(3, 8))]
    return result


def competency_list(ident: Identity, rng: random.Random, status: str) -> Competencies:
    """职业能力清单: 4–8 domains × 2–4 tasks × 2–5 competencies, 30–80 in all."""
    w = Writer(ident, rng)
    goal = rng.randint(30, 80)
    posts = list(ident.category.posts)
    topics = list(ident.category.topics)
    rng.shuffle(topics)
    domains: list[dict[str, Any]] = []
    result = Competencies({})
    made = 0
    d = 0
    while made < goal:
        d += 1
        tasks = []
        for t in range(1, rng.randint(2, 4) + 1):
            topic = topics[(d * 3 + t) % len(topics)]
            comps = []
            for c in range(1, rng.randint(2, 5) + 1):
                code = f"{d}-{t}-{c}"
                level = rng.choices(LEARNING[1:], (2, 5, 4))[0]
                kind = rng.choices(("能力", "知识", "素质"), (7, 2, 1))[0]
                comps.append(
                    {"code": code, "text": w.competency_text(topic), "type": kind, "level": level}
                )
                result.required[code] = level
                made += 1
            task: dict[str, Any] = {
                "code": f"{d}-{t}",
                "name": f"{topic}{rng.choice(('实施', '作业', '管理', '分析', '检测', '维护'))}",
            }
            if rng.random() < 0.4:
                task["description"] = w.sentence(topic)
            task["competencies"] = comps
            tasks.append(task)
        domain: dict[str, Any] = {
            "code": str(d),
            "name": posts[(d - 1) % len(posts)] + ("" if d <= len(posts) else f"（{d}）"),
        }
        domain["description"] = w.sentence()
        domain["tasks"] = tasks
        domains.append(domain)
    result.data = {
        "kind": "competencies",
        "meta": meta(ident, f"{ident.name}专业职业能力清单", rng, status),
        "specialty": ident.code,
        "domains": domains,
    }
    return result


def _level_upto(required: str, rng: random.Random) -> str:
    return rng.choice(LEARNING[: LEARNING.index(required) + 1])


Layout = list[tuple[int, list[int]]]
"""Module hours with the hours of their content items."""


def layout(row: Row, rng: random.Random) -> Layout:
    """Split a course's hours into 3–6 modules of 2–4 content items."""
    n_modules = min(rng.randint(3, 6), row.hours // 8)
    return [
        (hours, split(hours, min(rng.randint(2, 4), hours // 2), rng))
        for hours in split(row.hours, n_modules, rng)
    ]


def course_standard(
    ident: Identity,
    row: Row,
    rows: list[Row],
    plan: Layout,
    refs: dict[str, list[tuple[str, str]]],
    rng: random.Random,
    status: str,
) -> dict[str, Any]:
    """课程标准 matching its plan row; `refs` maps `ROW/ITEM` slots to (competency, level)."""
    w = Writer(ident, rng)
    modules = []
    for m, (hours, item_hours) in enumerate(plan, 1):
        with_hours = rng.random() < 0.7
        items = []
        for i, ih in enumerate(item_hours, 1):
            code = f"M{m}-{i}"
            item: dict[str, Any] = {
                "code": code,
                "name": f"{rng.choice(ident.category.topics)}{rng.choice(('基础', '方法', '规范', '实训', '综合应用', '案例'))}",
                "requirements": w.paragraph(rng.randint(2, 4), row.name),
            }
            if with_hours:
                item["hours"] = ih
            slot = refs.get(f"{row.code}/{code}", [])
            if slot:
                item["competencies"] = [{"ref": ref, "level": level} for ref, level in slot]
            items.append(item)
        modules.append(
            {
                "code": f"M{m}",
                "name": f"{row.name}模块{m}：{rng.choice(ident.category.topics)}",
                "hours": hours,
                "items": items,
            }
        )
    others = [r.code for r in rows if r.nature in ("专业基础", "专业核心") and r.code != row.code]
    data: dict[str, Any] = {
        "kind": "course",
        "meta": meta(ident, f"{row.name}课程标准", rng, status),
        "specialty": ident.code,
        **{k: v for k, v in row.as_dict().items() if k not in ("elective", "standard")},
        "audience": f"{ident.level}{ident.name}专业学生",
        "prerequisites": sorted(rng.sample(others, min(len(others), rng.randint(0, 2)))),
        "followups": sorted(rng.sample(others, min(len(others), rng.randint(0, 2)))),
        "description": w.text(2, 4, row.name),
        "objectives": [
            {"type": kind, "text": w.sentence(row.name)}
            for kind in ("素质", "素质", "知识", "知识", "知识", "能力", "能力", "能力", "能力")
        ],
        "modules": modules,
        "implementation": {
            "design": w.paragraph(4, row.name),
            "resources": w.paragraph(3, row.name),
            "teachers": w.paragraph(3, row.name),
            "cooperation": w.paragraph(2, row.name),
            "textbooks": f"优先选用国家规划教材《{row.name}》，并结合企业真实案例编写活页式讲义。",
            "facilities": w.paragraph(2, row.name),
        },
        "assessment": [
            {"name": "过程考核", "weight": 40, "method": w.sentence(row.name)},
            {"name": "实践考核", "weight": 30, "method": w.sentence(row.name)},
            {
                "name": "期末考试",
                "weight": 30,
                "method": "闭卷笔试，题型包括选择、简答和案例分析。",
            },
        ],
        "signoff": {
            "author": w.person(),
            "reviewer": w.person(),
            "approver": w.person(),
            "date": dt.date(2025, 1, 6) + dt.timedelta(days=rng.randint(0, 120)),
        },
    }
    return data


def specialty_doc(
    ident: Identity, rows: list[Row], comps: Competencies, rng: random.Random, status: str
) -> dict[str, Any]:
    """专业教学标准 in the eleven-element format."""
    w = Writer(ident, rng)
    cat = ident.category
    codes = list(comps.required)
    occupations = rng.sample(cat.occupations, min(len(cat.occupations), rng.randint(2, 4)))
    specs: list[dict[str, Any]] = []
    for i, quality in enumerate(rng.sample(QUALITIES, 5), 1):
        specs.append({"code": f"Q{i}", "type": "素质", "text": quality + "。" + w.sentence()})
    for i, topic in enumerate(rng.sample(cat.topics, 6), 1):
        specs.append(
            {
                "code": f"K{i}",
                "type": "知识",
                "text": f"掌握{topic}的基本知识和基本原理。" + w.sentence(topic),
            }
        )
    for i, topic in enumerate(rng.sample(cat.topics, 8), 1):
        specs.append(
            {
                "code": f"A{i}",
                "type": "能力",
                "text": f"具有{topic}的实践能力，{w.competency_text(topic)}。",
                "competencies": sorted(rng.sample(codes, rng.randint(2, 5))),
            }
        )
    years = 4 if ident.level == "职业本科" else 3
    hours = sum(r.hours for r in rows)
    credits = sum(r.credits for r in rows)
    doc: dict[str, Any] = {
        "kind": "specialty",
        "meta": meta(ident, f"{ident.level}{ident.name}专业教学标准", rng, status),
        "code": ident.code,
        "name": ident.name,
        "level": ident.level,
        "catalog": "2021",
        "overview": (
            f"为贯彻落实党中央、国务院关于发展现代职业教育的决策部署，依据《职业教育专业目录（2021年）》，"
            f"制定{ident.level}{ident.name}专业教学标准。本标准是全国开设该专业的职业院校制定人才培养方案的基本依据。\n\n"
            + w.text(2, 4)
        ),
        "admission": "初中毕业或具有同等学力"
        if ident.level == "中职"
        else "普通高级中学毕业、中等职业学校毕业或具备同等学力",
        "duration": {
            "years": years,
            "note": "实行学分制的学校，修业年限可为 3–6 年。" if years == 3 else "4 年",
        },
        "career": {
            "major_category": {
                "code": ident.code[:2],
                "name": _catalog_name(ident.code[:2], cat.name),
            },
            "major_class": {
                "code": ident.code[:4],
                "name": _catalog_name(ident.code[:4], ident.class_name),
            },
            "industries": [
                {"code": c, "name": n}
                for c, n in rng.sample(cat.industries, min(2, len(cat.industries)))
            ],
            "occupations": [
                {"code": c, "name": n, **({"marks": marks} if (marks := _marks(c)) else {})}
                for c, n in occupations
            ],
            "posts": rng.sample(cat.posts, rng.randint(3, len(cat.posts))),
            "certificates": list(cat.certificates),
        },
        "objectives": (
            f"本专业培养能够践行社会主义核心价值观，德智体美劳全面发展，具有一定的科学文化水平，良好的人文素养、"
            f"科学素养、职业道德和创新意识，精益求精的工匠精神，较强的就业能力和可持续发展的能力，掌握本专业知识和技术技能，"
            f"面向{cat.industries[0][1]}的{occupations[0][1]}等职业，能够从事{'、'.join(cat.posts[:3])}等工作的高技能人才。"
        ),
        "specs": specs,
        "courses": [r.as_dict() for r in rows],
        "totals": {"hours": hours, "credits": credits},
        "teachers": w.text(3, 4),
        "conditions": w.text(4, 5),
        "quality": w.text(3, 4),
        "graduation": [
            f"修满本专业人才培养方案规定的全部课程，取得不少于 {credits} 学分。",
            "完成岗位实习并考核合格。",
            f"鼓励取得{cat.certificates[0]}。",
            "体质健康测试达到《国家学生体质健康标准》合格要求。",
        ],
        # 职业本科 continues into 专业学位研究生, which the catalog (and the model) does not list.
        "continuation": [continuation_of(ident)] if ident.level != "职业本科" else [],
        "competencies": "competencies.yaml",
    }
    return doc


@functools.cache
def _specialty_names() -> dict[str, str]:
    """Code → name of the bundled 2021 catalog's specialties."""
    source = resources.files("builder.data").joinpath("catalog-2021.yaml")
    return {row["code"]: row["name"] for row in parse(source.read_text("utf-8"))["specialties"]}


def continuation_of(ident: Identity) -> dict[str, str]:
    """The 职业本科 接续专业 of a set: the first specialty of the same 专业大类, under its catalog
    name (a code the catalog lacks gets a made-up name and a catalog_extra entry)."""
    code = f"{LEVEL_BASE['职业本科'] + ident.category.offset:02d}0101"
    name = _specialty_names().get(code, f"{ident.category.fields[0]}工程技术")
    return {"level": "职业本科", "code": code, "name": name}


def internship_doc(
    ident: Identity, rows: list[Row], comps: Competencies, rng: random.Random, status: str
) -> dict[str, Any]:
    """岗位实习标准 (6 months of 岗位实习)."""
    w = Writer(ident, rng)
    last = LEVEL_TARGETS[ident.level][2]
    codes = list(comps.required)
    tasks = []
    for t in range(1, rng.randint(5, 10) + 1):
        post = rng.choice(ident.category.posts)
        tasks.append(
            {
                "code": f"T{t}",
                "name": f"{post}{rng.choice(('岗位实践', '任务实施', '综合训练', '跟岗作业'))}",
                "post": post,
                "content": w.text(2, 3),
                "weeks": rng.randint(2, 6),
                "competencies": [
                    {"ref": c, "level": rng.choice(("掌握", "运用"))}
                    for c in sorted(rng.sample(codes, rng.randint(2, 6)))
                ],
            }
        )
    return {
        "kind": "internship",
        "meta": meta(ident, f"{ident.level}{ident.name}专业岗位实习标准", rng, status),
        "specialty": ident.code,
        "scope": f"本标准适用于{ident.level}{ident.name}专业学生在{ident.category.industries[0][1]}等领域企业开展的岗位实习。",
        "objectives": [w.sentence() for _ in range(rng.randint(4, 7))],
        "schedule": [
            {"type": "认识实习", "semesters": [2], "weeks": 1, "arrangement": "集中"},
            {"type": "岗位实习", "semesters": [last], "months": 6, "arrangement": "集中"},
        ],
        "conditions": {
            "enterprises": w.text(2, 3),
            "posts": list(ident.category.posts),
            "supervisors": w.text(1, 4),
            "facilities": w.paragraph(3),
        },
        "tasks": tasks,
        "outcomes": ["实习日志", "实习报告", "岗位作品或技术总结", "企业实习鉴定表"],
        "assessment": [
            {"name": "企业指导教师评价", "weight": 50, "method": w.sentence()},
            {"name": "学校指导教师评价", "weight": 30, "method": w.sentence()},
            {"name": "实习报告", "weight": 20},
        ],
        "management": w.text(3, 4),
    }


def training_base_doc(
    ident: Identity, rows: list[Row], comps: Competencies, rng: random.Random, status: str
) -> dict[str, Any]:
    """实训基地建设标准: 4–8 rooms with equipment lists."""
    w = Writer(ident, rng)
    codes = list(comps.required)
    pro = [r for r in rows if r.nature in ("专业基础", "专业核心", "专业拓展")]
    rooms = []
    for r in range(1, rng.randint(4, 8) + 1):
        topic = rng.choice(ident.category.topics)
        rooms.append(
            {
                "code": f"R{r}",
                "name": f"{topic}实训室" + ("" if r <= 3 else f"（{r}）"),
                "functions": w.paragraph(3, topic),
                "area": float(rng.choice((90, 120, 150, 180, 240))),
                "stations": rng.choice((20, 25, 40, 50)),
                "courses": sorted({c.code for c in rng.sample(pro, rng.randint(2, 4))}),
                "competencies": [
                    {"ref": c, "level": rng.choice(LEARNING[1:])}
                    for c in sorted(rng.sample(codes, rng.randint(2, 5)))
                ],
                "equipment": [
                    {
                        "name": name,
                        "spec": f"{w.sentence(topic)}主要技术参数满足{topic}实训教学要求。",
                        "unit": rng.choice(("台", "套", "个")),
                        "quantity": rng.choice((1, 2, 5, 10, 20, 25)),
                    }
                    for name in rng.sample(
                        ident.category.equipment, rng.randint(3, len(ident.category.equipment))
                    )
                ],
            }
        )
    return {
        "kind": "training_base",
        "meta": meta(ident, f"{ident.level}{ident.name}专业实训教学条件建设标准", rng, status),
        "specialty": ident.code,
        "scope": f"本标准适用于开设{ident.level}{ident.name}专业的学校校内实训基地建设。",
        "class_size": 40,
        "rooms": rooms,
        "external": [
            {"name": f"{post}校外实训基地", "requirements": w.paragraph(3)}
            for post in rng.sample(ident.category.posts, 2)
        ],
        "management": w.text(3, 4),
    }


def assign_refs(
    rows: list[Row], comps: Competencies, slots: dict[str, list[str]], rng: random.Random
) -> dict[str, list[tuple[str, str]]]:
    """Map course item slots to competency refs so that every competency is covered at its level."""
    refs: dict[str, list[tuple[str, str]]] = {key: [] for keys in slots.values() for key in keys}
    pro_slots = [key for row in rows if row.nature != "公共基础" for key in slots.get(row.code, [])]
    codes = list(comps.required)
    if not pro_slots:
        pro_slots = [key for keys in slots.values() for key in keys]
    for code in codes:
        key = rng.choice(pro_slots)
        refs[key].append((code, comps.required[code]))
    for key in pro_slots:
        for code in rng.sample(codes, rng.randint(0, 2)):
            if all(code != c for c, _ in refs[key]):
                refs[key].append((code, _level_upto(comps.required[code], rng)))
        refs[key].sort()
    return refs


def build_set(ident: Identity, seed: int, course_standards: int | None = None) -> dict[str, str]:
    """Every file of one specialty set: relative path → YAML text.

    `course_standards` limits the number of 课程标准 (default: 20–30) for small test sets;
    the competencies are then covered by the fewer courses, the internship and the rooms.
    """
    rng = random.Random(f"{seed}-{ident.code}")
    status = rng.choices(("发布", "征求意见稿", "草案", "送审稿"), (4, 3, 2, 1))[0]
    rows = course_plan(ident, rng)
    candidates = [r for r in rows if r.nature in ("专业基础", "专业核心", "专业拓展")]
    publics = [r for r in rows if r.nature == "公共基础"]
    wanted = rng.randint(20, 30)
    chosen = candidates + rng.sample(publics, max(0, min(len(publics), wanted - len(candidates))))
    if course_standards is not None:
        chosen = chosen[:course_standards]
    for row in chosen:
        row.standard = True
    comps = competency_list(ident, rng, status)
    plans = {row.code: layout(row, rng) for row in chosen}
    slots = {
        code: [
            f"{code}/M{m}-{i}"
            for m, (_, items) in enumerate(plan, 1)
            for i in range(1, len(items) + 1)
        ]
        for code, plan in plans.items()
    }
    refs = assign_refs(rows, comps, slots, rng)
    files = {
        "specialty.yaml": dump(specialty_doc(ident, rows, comps, rng, status), "specialty", 2),
        "competencies.yaml": dump(comps.data, "competencies", 2),
        "internship.yaml": dump(internship_doc(ident, rows, comps, rng, status), "internship", 2),
        "training-base.yaml": dump(
            training_base_doc(ident, rows, comps, rng, status), "training_base", 2
        ),
    }
    for row in chosen:
        data = course_standard(ident, row, rows, plans[row.code], refs, rng, status)
        files[f"courses/{row.code.lower()}.yaml"] = dump(data, "course", 3)
    return files


def _write_set(args: tuple[Identity, int, str, int | None]) -> tuple[int, int]:
    ident, seed, out, course_standards = args
    folder = Path(out) / "standards" / ident.folder
    files = build_set(ident, seed, course_standards)
    size = 0
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        size += len(data)
    return len(files), size


CONFIG = """\
# yaml-language-server: $schema=schemas/zhibiao.schema.json
# 基准测试语料（benchmarks/generate.py 生成，种子 {seed}，{count} 个专业）。
issuer: 中国职业技术教育学会
catalogs:
  specialty: "2021"
learning_levels: [了解, 理解, 掌握, 运用]
site:
  title: 职业教育专业标准（基准语料）
"""


@dataclass(frozen=True)
class Summary:
    """What was generated."""

    specialties: int
    files: int
    bytes: int


def generate(
    out: Path, count: int, seed: int = 2025, jobs: int = 1, course_standards: int | None = None
) -> Summary:
    """Write `out/zhibiao.yaml` and `out/standards/` with `count` specialty sets."""
    ids = identities(count, seed)
    out.mkdir(parents=True, exist_ok=True)
    extra = [{"code": i.code, "name": i.name, "level": i.level} for i in ids]
    for follow in (continuation_of(i) for i in ids if i.level != "职业本科"):
        row = {"code": follow["code"], "name": follow["name"], "level": follow["level"]}
        if follow["code"] not in _specialty_names() and row not in extra:
            extra.append(row)
    config = CONFIG.format(seed=seed, count=count) + yaml.dump(
        {"catalog_extra": extra},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=100000,
    )
    (out / "zhibiao.yaml").write_text(config, encoding="utf-8")
    work = [(ident, seed, str(out), course_standards) for ident in ids]
    if jobs > 1 and count > 4:
        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            results = pool.map(_write_set, work, chunksize=8)
    else:
        results = [_write_set(item) for item in work]
    return Summary(count, sum(r[0] for r in results) + 1, sum(r[1] for r in results))


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="生成基准测试语料 / generate a benchmark corpus")
    parser.add_argument("out", type=Path, help="输出目录 / output folder")
    parser.add_argument("-n", "--specialties", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--course-standards", type=int, help="每个专业的课程标准数（默认 20–30）")
    args = parser.parse_args(argv)
    summary = generate(args.out, args.specialties, args.seed, args.jobs, args.course_standards)
    print(  # noqa: T201
        f"{summary.specialties} 个专业，{summary.files} 个文件，{summary.bytes / 1048576:.1f} MB → {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
