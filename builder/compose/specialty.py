"""专业教学标准 → DocTree in the 2025 eleven-element format (GB/T 1.1-style numbering)."""

from __future__ import annotations

from builder.check.numeric import figures
from builder.compose.anchors import doc_id, page_path
from builder.compose.coverage import course_order
from builder.compose.links import competency_ref, course_ref, related_documents, specialty_set
from builder.compose.meta import cover, notices
from builder.compose.outline import Outline, cell, joined
from builder.compose.text import num, paragraphs, split_paragraphs, total
from builder.config import LevelRules, ProjectConfig, Range
from builder.corpus import Corpus, Loaded, SpecialtySet
from builder.doctree import Cell, DocTree, Inline, Link
from builder.model import Specialty
from builder.model.specialty import Career, PlannedCourse

NATURE_TITLES = {
    "公共基础": "公共基础课程",
    "专业基础": "专业基础课程",
    "专业核心": "专业核心课程",
    "专业拓展": "专业拓展课程",
    "实践": "实践性教学环节",
}
SPEC_TITLES = {"素质": "素质", "知识": "知识", "能力": "能力"}
CONTINUATION_TITLES = {
    "高职专科": "接续高职专科专业",
    "职业本科": "接续职业本科专业",
    "普通本科": "接续普通本科专业",
}


def compose_specialty(item: Loaded[Specialty], corpus: Corpus, config: ProjectConfig) -> DocTree:
    """The whole 专业教学标准 in reading order: notices, then elements 1–11."""
    doc = item.doc
    entry = specialty_set(corpus, doc.code)
    out = Outline("gbt")
    out.add(*notices(item, corpus))
    out.heading(1, "概述")
    out.paragraphs(paragraphs(doc.overview))
    companions = related_documents(entry, exclude=item)
    if companions or entry.courses:
        runs: list[Inline] = ["本标准的配套文件："]
        runs.extend(joined(companions))
        if entry.courses:
            runs.append(f"{'及 ' if companions else ''}{len(entry.courses)} 份课程标准（见 8.1）")
        out.text(*runs, "。")
    out.heading(1, "专业名称（专业代码）")
    out.text(f"{doc.name}（{doc.code}）")
    _continuation(out, doc, corpus)
    out.heading(1, "入学基本要求")
    out.paragraphs(paragraphs(doc.admission))
    out.heading(1, "基本修业年限")
    out.text(f"{doc.duration.years}年")
    if doc.duration.note:
        out.paragraphs(paragraphs(doc.duration.note))
    out.heading(1, "职业面向")
    out.table("职业面向", ("项目", "内容"), _career_rows(doc.career), (3, 7), anchor="tbl-career")
    out.heading(1, "培养目标")
    out.paragraphs(paragraphs(doc.objectives))
    _specs(out, doc, entry)
    _courses(out, doc, entry, config)
    out.heading(1, "师资队伍")
    out.paragraphs(paragraphs(doc.teachers))
    out.heading(1, "教学条件")
    out.paragraphs(paragraphs(doc.conditions))
    if entry.training_bases:
        refs = [Link(f"《{b.doc.meta.title}》", page_path(b)) for b in entry.training_bases]
        out.text("校内外实训基地的具体要求见", *joined(refs), "。")
    _quality(out, doc, entry)
    return DocTree(
        doc_id(item), "specialty", page_path(item), cover(doc.meta, "specialty"), tuple(out.blocks)
    )


def _continuation(out: Outline, doc: Specialty, corpus: Corpus) -> None:
    if not doc.continuation:
        return
    entries: list[list[Inline]] = []
    for cont in doc.continuation:
        label = f"{cont.name}（{cont.code}）"
        target = corpus.specialties.get(cont.code)
        shown: Inline = label
        if target is not None and target.specialty is not None:
            shown = Link(label, page_path(target.specialty))
        entries.append([f"{CONTINUATION_TITLES[cont.level]}：", shown])
    out.text("接续专业举例：")
    out.items(entries)


def _career_rows(career: Career) -> list[list[Cell]]:
    def coded(name: str, code: str) -> str:
        return f"{name}（{code}）"

    occupations = [
        f"{o.name}{'/'.join(sorted(o.marks, reverse=True))}（{o.code}）" for o in career.occupations
    ]
    rows = [
        ("所属专业大类（代码）", coded(career.major_category.name, career.major_category.code)),
        ("所属专业类（代码）", coded(career.major_class.name, career.major_class.code)),
        ("对应行业（代码）", "、".join(coded(i.name, i.code) for i in career.industries)),
        ("主要职业类别（代码）", "、".join(occupations)),
        ("主要岗位（群）或技术领域", "、".join(career.posts)),
        ("职业类证书", "、".join(career.certificates) or "—"),
    ]
    return [[cell(label, bold=True), cell(value)] for label, value in rows]


def _specs(out: Outline, doc: Specialty, entry: SpecialtySet) -> None:
    out.heading(1, "培养规格")
    out.text("本专业学生应全面提升素质、知识、能力，总体上须达到以下要求。")
    for kind, title in SPEC_TITLES.items():
        specs = [s for s in doc.specs if s.type == kind]
        if not specs:
            continue
        out.heading(2, title)
        entries: list[list[Inline]] = []
        for spec in specs:
            runs: list[Inline] = [f"{spec.code} "]
            runs.append("".join(split_paragraphs(spec.text)))
            if spec.competencies:
                refs = [competency_ref(entry, code) for code in spec.competencies]
                runs.extend(["（对应职业能力：", *joined(refs), "）"])
            entries.append(runs)
        out.items(entries)


def _courses(out: Outline, doc: Specialty, entry: SpecialtySet, config: ProjectConfig) -> None:
    out.heading(1, "课程设置及学时安排")
    out.heading(2, "课程设置")
    for nature, title in NATURE_TITLES.items():
        courses = [c for c in doc.courses if c.nature == nature]
        if not courses:
            continue
        out.heading(3, title)
        out.items(
            [
                course_ref(entry, c.code),
                _row_summary(c),
            ]
            for c in courses
        )
    if entry.courses:
        listed = {c.code for c in doc.courses}
        extra = [c for c in course_order(entry) if c.doc.code not in listed]
        if extra:
            out.text(
                "另有课程标准：", *joined([course_ref(entry, c.doc.code) for c in extra]), "。"
            )
    out.heading(2, "学时安排")
    out.table(
        "课程设置及学时安排",
        ("课程性质", "课程代码", "课程名称", "学时", "理论", "实践", "学分", "开设学期", "修读"),
        _plan_rows(doc, entry),
        (2, 1.6, 4, 1, 1, 1, 1, 1.6, 1),
        anchor="tbl-plan",
        total_row=True,
    )
    out.table(
        "学时结构",
        ("项目", "学时", "占总学时比例", "要求"),
        _share_rows(doc, config),
        (4, 1.5, 2, 2),
        anchor="tbl-shares",
    )
    out.text(f"要求依据 {config.numeric_rules.profile}，按{doc.level}层次执行。")


def _plan_rows(doc: Specialty, entry: SpecialtySet) -> list[list[Cell]]:
    rows = [
        [
            cell(c.nature),
            cell(c.code),
            cell(course_ref(entry, c.code, with_code=False)),
            cell(num(c.hours)),
            cell(num(c.theory_hours)),
            cell(num(c.practice_hours)),
            cell(num(c.credits)),
            cell("、".join(str(s) for s in c.semesters)),
            cell("选修" if c.elective else "必修"),
        ]
        for c in doc.courses
    ]
    totals = [
        "合计",
        "",
        f"{len(doc.courses)} 门",
        total([c.hours for c in doc.courses]),
        total([c.theory_hours for c in doc.courses]),
        total([c.practice_hours for c in doc.courses]),
        total([c.credits for c in doc.courses]),
        "",
        "",
    ]
    rows.append([cell(t, bold=True) for t in totals])
    return rows


def _row_summary(course: PlannedCourse) -> str:
    parts = []
    if course.hours is not None:
        parts.append(f"{course.hours} 学时")
    if course.credits is not None:
        parts.append(f"{num(course.credits)} 学分")
    if course.elective:
        parts.append("选修")
    return f"（{'，'.join(parts)}）" if parts else ""


def _share_rows(doc: Specialty, config: ProjectConfig) -> list[list[Cell]]:
    """学时结构: from the rows when they all state hours, else the declared 学时安排."""
    rules = config.numeric_rules.levels.get(doc.level)
    found = figures(doc)
    required = "—"
    if rules is not None and rules.total_hours is not None:
        required = f"{rules.total_hours.describe()} 学时"
    if found is None:
        return []
    whole = found.total

    def hours(share: float | None) -> str:
        if share is None or whole is None or found is None or found.declared:
            return "—"
        return num(round(share * whole))

    def ratio(share: float | None) -> str:
        return "—" if share is None else f"{share:.1%}"

    rows = [
        ("总学时", num(whole), "100%" if whole else "—", required),
        (
            "公共基础课程学时",
            hours(found.public),
            ratio(found.public),
            _share(rules, "public_share"),
        ),
        (
            "选修课程学时",
            hours(found.elective),
            ratio(found.elective),
            _share(rules, "elective_share"),
        ),
        (
            "实践性教学学时",
            hours(found.practice),
            ratio(found.practice),
            _share(rules, "practice_share"),
        ),
    ]
    return [[cell(a), cell(b), cell(c), cell(d)] for a, b, c, d in rows]


def _share(rules: LevelRules | None, name: str) -> str:
    bounds: Range | None = getattr(rules, name) if rules is not None else None
    if bounds is None:
        return "—"
    low = f"{bounds.min:.0%}" if bounds.min is not None else None
    high = f"{bounds.max:.0%}" if bounds.max is not None else None
    if low and high:
        return f"{low}–{high}"
    return f"≥ {low}" if low else f"≤ {high}"


def _quality(out: Outline, doc: Specialty, entry: SpecialtySet) -> None:
    out.heading(1, "质量保障和毕业要求")
    if not doc.graduation:
        out.paragraphs(paragraphs(doc.quality))
        return
    out.heading(2, "质量保障")
    out.paragraphs(paragraphs(doc.quality))
    out.heading(2, "毕业要求")
    out.items(([g] for g in doc.graduation), ordered=True)
    if entry.internships:
        refs = [Link(f"《{i.doc.meta.title}》", page_path(i)) for i in entry.internships]
        out.text("岗位实习的考核要求见", *joined(refs), "。")
