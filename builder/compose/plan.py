"""Element 8 of the 专业教学标准: 课程设置 (grouped by nature) and 学时安排 (table, totals, shares).

Rows may leave hours, credits and semesters out (national standards often do); such cells
read "—", totals are given only when every row states the figure, and the shares come from
the same `figures()` the numeric rules check (rows, or the declared `hours_plan`).
"""

from __future__ import annotations

from itertools import groupby

from builder.compose.doctree import Cell, Field
from builder.compose.links import course_ref
from builder.compose.marks import as_field, glued, marked_paragraphs
from builder.compose.order import course_order
from builder.compose.outline import Outline, cell, joined, without_empty
from builder.compose.text import flat, num, semesters, total
from builder.model import Specialty
from builder.model.sourced import (
    EXCERPT_LABEL,
    NOT_GIVEN_LABEL,
    NOT_LISTED_LABEL,
    course_key,
    is_excerpt,
    is_not_given,
)
from builder.model.specialty import PlannedCourse
from builder.read.config import LevelRules, ProjectConfig, Range
from builder.read.corpus import SpecialtySet
from builder.view.figures import Figures, figures

NATURE_TITLES = {
    "公共基础": "公共基础课程",
    "专业基础": "专业基础课程",
    "专业核心": "专业核心课程",
    "专业拓展": "专业拓展课程",
    "实践": "实践性教学环节",
}
DESCRIPTIONS = (
    ("domain", "课程涉及的主要领域", 3.0),
    ("tasks", "典型工作任务描述", 5.0),
    ("content", "主要教学内容与要求", 6.0),
)


def course_plan(out: Outline, doc: Specialty, entry: SpecialtySet, config: ProjectConfig) -> None:
    """Clause 8 with 8.1 课程设置 and 8.2 学时安排."""
    out.heading(1, "课程设置及学时安排")
    out.heading(2, "课程设置")
    if is_not_given(doc.courses):
        out.text(NOT_LISTED_LABEL)
    # groups in the order the plan names them, courses in the order written; a plan that
    # interleaves natures is shown as written, in one list, so that no course moves
    runs = [list(group) for _, group in groupby(doc.courses, key=lambda c: c.nature)]
    grouped = len(runs) == len({run[0].nature for run in runs})
    for courses in runs if grouped else ([list(doc.courses)] if doc.courses else []):
        title = NATURE_TITLES[courses[0].nature] if grouped else "课程"
        if grouped:
            out.heading(3, title)
        described = [c for c in courses if any(getattr(c, k) for k, _, _ in DESCRIPTIONS)]
        # A group fully described in its table needs no separate name list.
        if len(described) < len(courses) or any(_facts(c) for c in courses):
            out.items([course_ref(entry, c.code), *_facts(c, grouped)] for c in courses)
        _descriptions(out, title, described, entry)
    if is_excerpt(doc.courses):
        out.text(EXCERPT_LABEL)
    listed = {c.code for c in doc.courses}
    extra = [c for c in course_order(entry) if course_key(c.doc) not in listed]
    if extra:
        out.text(
            "另有课程标准：", *joined([course_ref(entry, course_key(c.doc)) for c in extra]), "。"
        )
    out.heading(2, "学时安排")
    if doc.hours_plan and doc.hours_plan.text:
        out.paragraphs(marked_paragraphs(doc.hours_plan.text, "hours_plan.text"))
    if any(c.hours is not None or c.credits is not None for c in doc.courses):
        out.table(
            "课程设置及学时安排",
            *without_empty(
                (
                    "课程性质",
                    "课程代码",
                    "课程名称",
                    "学时",
                    "理论",
                    "实践",
                    "学分",
                    "开设学期",
                    "修读",
                ),
                _plan_rows(doc, entry),
                (2, 1.6, 4, 1, 1, 1, 1, 1.6, 1),
                optional=("修读",),
            ),
            anchor="tbl-plan",
            total_row=not is_excerpt(doc.courses),
            searchable=False,
        )
    _declared_totals(out, doc)
    _shares(out, doc, config)


def _has_figures(doc: Specialty) -> bool:
    """True when the plan table or the declared totals show some hours or credits."""
    rows = any(c.hours is not None or c.credits is not None for c in doc.courses)
    return rows or doc.totals is not None


def _declared_totals(out: Outline, doc: Specialty) -> None:
    """The declared 总学时/总学分 when the rows do not add up to them by themselves."""
    declared = doc.totals
    rows = doc.courses
    if declared is None:
        return
    summed = (total([c.hours for c in rows]), total([c.credits for c in rows]))
    if rows and None not in summed and not is_excerpt(rows):
        return  # the 合计 row shows them (ZB401/ZB402 compare them with the declaration)
    out.text(f"本专业总学时为 {declared.hours} 学时，总学分为 {num(declared.credits)} 学分。")


def _facts(course: PlannedCourse, grouped: bool = True) -> list[str]:
    parts = [] if grouped else [f"{course.nature}课程"]
    parts += [f"{course.hours} 学时"] if course.hours is not None else []
    parts += [f"{course.weeks} 周"] if course.weeks else []
    parts += [f"{num(course.credits)} 学分"] if course.credits is not None else []
    parts += ["选修"] if course.elective else []
    return [f"（{'，'.join(parts)}）"] if parts else []


def _descriptions(
    out: Outline, title: str, described: list[PlannedCourse], entry: SpecialtySet
) -> None:
    """The 2025-format table of a course group: 主要领域, 典型工作任务, 主要教学内容与要求."""
    if not described:
        return
    columns = [c for c in DESCRIPTIONS if any(getattr(x, c[0]) for x in described)]
    out.table(
        f"{title}主要教学内容",
        ("课程名称", *(label for _, label, _ in columns)),
        [
            [
                cell(course_ref(entry, c.code)),
                *(cell(flat(getattr(c, key)) or "—") for key, _, _ in columns),
            ]
            for c in described
        ],
        (2.5, *(width for _, _, width in columns)),
    )


def _plan_rows(doc: Specialty, entry: SpecialtySet) -> list[list[Cell]]:
    rows = [
        [
            cell(_home(c.nature, i, "nature", c.code)),
            cell(_home(c.code, i, "code", c.code)),
            cell(
                as_field(
                    course_ref(entry, c.code, with_code=False),
                    f"courses[{i}].name",
                    row=f"courses[{i}]",
                    code=c.code,
                )
            ),
            cell(
                *glued(
                    _home(num(c.hours), i, "hours", c.code),
                    *(("（", _home(str(c.weeks), i, "weeks", c.code), " 周）") if c.weeks else ()),
                )
            ),
            cell(_home(num(c.theory_hours), i, "theory_hours", c.code)),
            cell(_home(num(c.practice_hours), i, "practice_hours", c.code)),
            cell(_home(num(c.credits), i, "credits", c.code)),
            cell(_home(semesters(c.semesters) or "—", i, "semesters", c.code)),
            cell(_home(_elective(c, doc.courses), i, "elective", c.code)),
        ]
        for i, c in enumerate(doc.courses)
    ]
    courses = doc.courses
    totals = [
        "合计",
        "",
        f"{len(courses)} 门",
        num(total([c.hours for c in courses])),
        num(total([c.theory_hours for c in courses])),
        num(total([c.practice_hours for c in courses])),
        num(total([c.credits for c in courses])),
        "",
        "",
    ]
    if not is_excerpt(courses):  # the sum of an excerpt is not the plan's total
        rows.append([cell(t, bold=True) for t in totals])
    return rows


def _home(text: str, index: int, name: str, code: str) -> Field:
    """A field of the plan row that is the home of course `index`."""
    item = f"courses[{index}]"
    return Field(text, f"{item}.{name}", row=item, code=code)


def _elective(course: PlannedCourse, rows: list[PlannedCourse]) -> str:
    """选修/必修 as written; "—" for a row that does not say when others do (the default
    `elective: false` is not the author's 必修), "" when no row says (the column is dropped)."""
    if "elective" in course.model_fields_set:
        return "选修" if course.elective else "必修"
    return "—" if any("elective" in c.model_fields_set for c in rows) else ""


def _shares(out: Outline, doc: Specialty, config: ProjectConfig) -> None:
    found = figures(doc)
    stated = found is not None and any(
        v is not None for v in (found.total, found.public, found.elective, found.practice)
    )
    if found is None or not stated:
        if not (doc.hours_plan and doc.hours_plan.text) and not _has_figures(doc):
            out.text(NOT_GIVEN_LABEL)
        return
    rules = config.numeric_rules.levels.get(doc.level)
    required = "—"
    if rules is not None and rules.total_hours is not None:
        required = f"{rules.total_hours.describe()} 学时"
    if found.declared:
        _declared_shares(out, found, rules, required)
    else:
        rows = doc.courses
        data = [
            ("总学时", num(found.total), "100%" if found.total else "—", required),
            (
                "公共基础课程学时",
                num(sum(c.hours or 0 for c in rows if c.nature == "公共基础")),
                _pct(found.public),
                _bounds(rules, "public_share"),
            ),
            (
                "选修课程学时",
                num(sum(c.hours or 0 for c in rows if c.elective)),
                _pct(found.elective),
                _bounds(rules, "elective_share"),
            ),
            (
                "实践性教学学时",
                num(total([c.practice_hours for c in rows])),
                _pct(found.practice),
                _bounds(rules, "practice_share"),
            ),
        ]
        out.table(
            "学时结构",
            ("项目", "学时", "占总学时比例", "要求"),
            [[cell(a), cell(b), cell(c), cell(d)] for a, b, c, d in data],
            (4, 1.5, 2, 2),
            anchor="tbl-shares",
        )
    origin = "学时与占比取自学时安排中的声明；" if found.declared else ""
    out.text(
        f"{origin}要求依据{config.numeric_rules.source_for(doc.level)}，按{doc.level}层次执行。"
    )


def _declared_shares(out: Outline, found: Figures, rules: LevelRules | None, required: str) -> None:
    """学时结构 from the declared 学时安排: the stated total and shares, no per-row hours."""
    total_hours = f"{num(found.total)} 学时" if found.total is not None else "—"
    data = [
        ("总学时", total_hours, required),
        ("公共基础课程学时占比", _pct(found.public), _bounds(rules, "public_share")),
        ("选修课程学时占比", _pct(found.elective), _bounds(rules, "elective_share")),
        ("实践性教学学时占比", _pct(found.practice), _bounds(rules, "practice_share")),
    ]
    out.table(
        "学时结构",
        ("项目", "学时安排中的声明", "要求"),
        [[cell(a), cell(b), cell(c)] for a, b, c in data],
        (4, 2.5, 2),
        anchor="tbl-shares",
    )


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{share:.1%}"


def _bounds(rules: LevelRules | None, name: str) -> str:
    bounds: Range | None = getattr(rules, name) if rules is not None else None
    return "—" if bounds is None else bounds.describe_share()
