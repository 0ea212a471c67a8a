"""Published 专业教学标准 as an office would type them (python-docx), and the recovery measure.

`national_docx` renders a specialty YAML in the plain national 2025 layout, not through
Zhibiao's exporter: a cover (title, 「（2025年版）」, the issuer), a 前言 with 提出/归口/起草单位/
起草人, chapters 一～十一 with hand-typed numbers, the vertical 职业面向 table, 培养规格 under
素质/知识/能力 sub-headings with （1）（2）… items, one course table, 质量保障/毕业要求/接续专业.
A `Variant` changes what offices change: numbering, Word heading styles or bold body text,
a merged 课程类别 column or nature rows, a course table split across pages, a two-row header,
half-width punctuation, a horizontal 职业面向 table, no course codes.

`measure` compares a recovered document with the YAML the fixture was rendered from, leaf by
leaf: each value present in the source counts once (list items each), 原文未给出 included.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

NOT_GIVEN = "原文未给出"
CN = "零一二三四五六七八九十"
ARABIC_YEARS = False


@dataclass(frozen=True)
class Variant:
    numbering: str = (
        "cn"  # cn 一、 | arabic 1 | decimal 1. | paren （一） | auto (Word numbering, no text)
    )
    headings: str = "bold"  # bold body text | styled (Word 标题 1) | plain (no emphasis)
    nature: str = "merged"  # merged 课程类别 column | rows (a row naming the nature)
    split: bool = False  # the course table continued as a second table with its header
    repeat_header: bool = False  # one table with its header row repeated midway
    two_row_header: bool = False  # 学时 over 合计｜理论｜实践
    half_width: bool = False  # ( ) : instead of （ ）：
    horizontal_career: bool = False
    course_codes: bool = True
    spec_codes: bool = False


def _cn(number: int) -> str:
    if number <= 10:
        return CN[number]
    return "十" + (CN[number - 10] if number > 10 else "")


def _paren(text: str, v: Variant) -> str:
    return text.replace("（", "(").replace("）", ")").replace("：", ":") if v.half_width else text


class _Writer:
    def __init__(self, v: Variant) -> None:
        self.v = v
        self.doc = docx.Document()

    def para(self, text: str, *, bold: bool = False) -> Any:
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = bold
        return paragraph

    def heading(self, number: int, title: str) -> None:
        v = self.v
        prefix = {
            "cn": f"{_cn(number)}、",
            "arabic": f"{number} ",
            "decimal": f"{number}. ",
            "paren": f"（{_cn(number)}）",
            "auto": "",
        }[v.numbering]
        text = _paren(prefix + title, v)
        if v.headings == "styled":
            self.doc.add_paragraph(text, style="Heading 1")
            return
        paragraph = self.para(text, bold=v.headings == "bold")
        if v.numbering == "auto":
            props = paragraph._p.get_or_add_pPr()
            num = OxmlElement("w:numPr")
            for tag, value in (("w:ilvl", "0"), ("w:numId", "1")):
                child = OxmlElement(tag)
                child.set(qn("w:val"), value)
                num.append(child)
            props.append(num)

    def texts(self, value: Any) -> None:
        for part in re.split(r"\n\s*\n", str(value).strip()):
            self.para(part.strip())

    def table(self, rows: list[list[str]]) -> Any:
        columns = max(len(r) for r in rows)
        table = self.doc.add_table(rows=len(rows), cols=columns)
        table.style = "Table Grid"
        for row, cells in zip(rows, table.rows, strict=True):
            for text, cell in zip(row, cells.cells, strict=False):
                cell.text = text
        return table


def _units(value: Any) -> str:
    return "、".join(value) if isinstance(value, list) else str(value)


def _items(value: Any) -> list[Any]:
    if isinstance(value, dict) and set(value) == {"节选"}:
        return list(value["节选"])
    return list(value) if isinstance(value, list) else []


def _semesters(values: list[int]) -> str:
    if len(values) > 2 and values == list(range(values[0], values[-1] + 1)):
        return f"{values[0]}–{values[-1]}"
    return "、".join(str(n) for n in values)


def national_docx(data: dict[str, Any], out: Path, v: Variant = Variant()) -> Path:
    """Write `data` (a specialty's YAML, parsed) as an office-typed national-layout .docx."""
    w = _Writer(v)
    meta = data["meta"]
    w.para(meta["title"], bold=True)
    version = str(meta.get("version", ""))
    if version:
        w.para(
            _paren(
                f"（{version}年版）" if re.fullmatch(r"\d{4}", version) else f"（{version}版）", v
            )
        )
    if meta.get("status") not in (None, "发布"):
        w.para(_paren(f"（{meta['status']}）", v))
    if meta.get("issuer"):
        issuer = _units(meta["issuer"])
        if meta.get("status") == "发布" and meta.get("issued_on"):
            y, m, d = (int(x) for x in str(meta["issued_on"]).split("-"))
            w.para(f"{issuer}  {y}年{m}月{d}日发布")
        else:
            w.para(f"{issuer}{'发布' if meta.get('status') == '发布' else ' 编制'}")
    if meta.get("proposed_by"):
        w.para(f"本标准由{_units(meta['proposed_by'])}提出。")
    if meta.get("administered_by"):
        w.para(f"本标准由{_units(meta['administered_by'])}归口。")
    if meta.get("drafting_units"):
        w.para(_paren(f"本标准起草单位：{_units(meta['drafting_units'])}。", v))
    if meta.get("drafters"):
        w.para(_paren(f"本标准主要起草人：{_units(meta['drafters'])}。", v))
    number = 0

    def chapter(title: str) -> None:
        nonlocal number
        number += 1
        w.heading(number, title)

    for key, title in (("overview", "概述"),):
        if data.get(key) not in (None, NOT_GIVEN):
            chapter(title)
            w.texts(data[key])
    chapter("专业名称（专业代码）")
    w.para(f"{data['name']}{_paren('（', v)}{data['code']}{_paren('）', v)}")
    if data.get("catalog"):
        w.para(f"注：专业名称和专业代码依据《职业教育专业目录（{data['catalog']}年）》。")
    if data.get("admission") not in (None, NOT_GIVEN):
        chapter("入学基本要求")
        w.texts(data["admission"])
    chapter("基本修业年限")
    w.para(f"{_cn(int(data['duration']['years']))}年")
    if data["duration"].get("note"):
        w.texts(data["duration"]["note"])
    chapter("职业面向")
    _career(w, data["career"], v)
    for key, title in (("objectives", "培养目标"),):
        if data.get(key) not in (None, NOT_GIVEN):
            chapter(title)
            w.texts(data[key])
    if data.get("specs") not in (None, NOT_GIVEN):
        chapter("培养规格")
        _specs(w, data["specs"], v)
    if data.get("courses") not in (None, NOT_GIVEN):
        chapter("课程设置及学时安排")
        _courses(w, data, v)
    for key, title in (("teachers", "师资队伍"), ("conditions", "教学条件")):
        if data.get(key) not in (None, NOT_GIVEN):
            chapter(title)
            w.texts(data[key])
    if data.get("quality") not in (None, NOT_GIVEN):
        chapter("质量保障和毕业要求")
        _quality(w, data, v)
    out.parent.mkdir(parents=True, exist_ok=True)
    w.doc.save(str(out))
    return out


def _occupation(item: dict[str, Any], v: Variant) -> str:
    marks = "".join(item.get("marks", []))
    code = _paren(f"（{item['code']}）", v)
    return f"{item['name']}{(' ' + marks) if marks else ''}{code}"


def _career(w: _Writer, career: dict[str, Any], v: Variant) -> None:
    def coded(item: dict[str, Any]) -> str:
        return f"{item['name']}{_paren('（', v)}{item['code']}{_paren('）', v)}"

    rows = [
        ["所属专业大类（代码）", coded(career["major_category"])],
        ["所属专业类（代码）", coded(career["major_class"])],
        ["对应行业（代码）", "、".join(coded(i) for i in _items(career.get("industries")))],
        [
            "主要职业类别（代码）",
            "、".join(_occupation(i, v) for i in _items(career.get("occupations"))),
        ],
        ["主要岗位（群）或技术领域", "、".join(_items(career.get("posts")))],
        ["职业类证书", "、".join(_items(career.get("certificates")))],
    ]
    rows = [[_paren(a, v), b] for a, b in rows if b]
    if v.horizontal_career:
        w.table([[r[0] for r in rows], [r[1] for r in rows]])
    else:
        w.table(rows)


def _specs(w: _Writer, specs: list[dict[str, Any]], v: Variant) -> None:
    w.para("本专业学生应在素质、知识和能力方面达到以下要求：")
    kind = None
    group = 0
    count = 0
    for spec in specs:
        if spec["type"] != kind:
            kind = spec["type"]
            group += 1
            count = 0
            w.para(
                _paren(
                    f"{group}. {kind}" if v.numbering != "paren" else f"（{_cn(group)}）{kind}", v
                )
            )
        count += 1
        head = f"{spec['code']} " if v.spec_codes else _paren(f"（{count}）", v)
        w.para(head + spec["text"])


NATURE_TITLES = {
    "公共基础": "公共基础课程",
    "专业基础": "专业基础课程",
    "专业核心": "专业核心课程",
    "专业拓展": "专业拓展课程",
    "实践": "实践性教学环节",
}


def _courses(w: _Writer, data: dict[str, Any], v: Variant) -> None:
    courses = data["courses"]
    w.para(_paren("（一）课程设置", v))
    header = ["序号"]
    header += ["课程类别"] if v.nature == "merged" else []
    header += ["课程代码"] if v.course_codes else []
    header += ["课程名称"]
    hours = ["学时", "理论学时", "实践学时"]
    header += [*hours, "学分", "开设学期", "修读"]
    has_weeks = any("weeks" in c for c in courses)
    if has_weeks:
        header.append("周数")
    rows: list[list[str]] = []
    merges: list[tuple[int, int]] = []
    nature = None
    start = 0
    for number, course in enumerate(courses, start=1):
        if course["nature"] != nature:
            if v.nature == "merged" and nature is not None:
                merges.append((start, len(rows) - 1))
            nature = course["nature"]
            start = len(rows)
            if v.nature == "rows":
                rows.append([NATURE_TITLES[nature]] * len(header))
        row = [str(number)]
        row += [NATURE_TITLES[nature]] if v.nature == "merged" else []
        row += [course["code"]] if v.course_codes else []
        row += [course["name"]]
        for key in ("hours", "theory_hours", "practice_hours", "credits"):
            value = course.get(key)
            row.append(
                "—" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
            )
        row.append(_semesters(course.get("semesters", [])) or "—")
        row.append("选修" if course.get("elective") else "必修")
        if has_weeks:
            row.append(str(course["weeks"]) if course.get("weeks") else "—")
        rows.append(row)
    if v.nature == "merged" and nature is not None:
        merges.append((start, len(rows) - 1))
    if data.get("totals"):
        total = ["合计"] + [""] * (len(header) - 1)
        total[header.index("学时")] = str(data["totals"]["hours"])
        total[header.index("学分")] = f"{data['totals']['credits']:g}"
        rows.append(total)
    top = [header]
    if v.two_row_header:
        first = [("学时" if h in hours else h) for h in header]
        second = [
            ({"学时": "合计", "理论学时": "理论", "实践学时": "实践"}.get(h, h)) for h in header
        ]
        top = [first, second]
    header_rows = len(top)
    if v.split:
        half = len(rows) // 2
        parts = [rows[:half], rows[half:]]
    else:
        parts = [rows]
    if v.repeat_header and not v.split:
        half = len(rows) // 2
        rows[half:half] = [list(r) for r in top]
        merges = [
            (a + (header_rows if a >= half else 0), b + (header_rows if b >= half else 0))
            for a, b in merges
        ]
    offset = 0
    for index, part in enumerate(parts):
        if index:
            brk = w.doc.add_paragraph().add_run()
            brk.add_break(WD_BREAK.PAGE)
        table = w.table([list(r) for r in top] + part)
        if v.two_row_header:
            _merge_header(table, header, hours)
        if v.nature == "merged":
            column = header.index("课程类别")
            for a, b in merges:
                lo, hi = max(a, offset), min(b, offset + len(part) - 1)
                if hi > lo:
                    cell = table.cell(lo - offset + header_rows, column)
                    text = cell.text
                    merged = cell.merge(table.cell(hi - offset + header_rows, column))
                    merged.text = text
        offset += len(part)
    w.para(_paren("（二）学时安排", v))
    w.para("每学年教学时间一般为40周，总学时与学分见上表。")


def _merge_header(table: Any, header: list[str], hours: list[str]) -> None:
    for column, name in enumerate(header):
        if name not in hours:
            cell = table.cell(0, column)
            text = cell.text
            cell.merge(table.cell(1, column)).text = text
    first, last = header.index(hours[0]), header.index(hours[-1])
    table.cell(0, first).merge(table.cell(0, last)).text = "学时"


def _quality(w: _Writer, data: dict[str, Any], v: Variant) -> None:
    graduation = _items(data.get("graduation"))
    continuation = _items(data.get("continuation"))
    if graduation or continuation:
        w.para(_paren("（一）质量保障", v))
    w.texts(data["quality"])
    if graduation:
        w.para(_paren("（二）毕业要求", v))
        for number, item in enumerate(graduation, start=1):
            w.para(f"{number}. {item}")
    if continuation:
        w.para(_paren("（三）接续专业", v))
        by_level: dict[str, list[str]] = {}
        for item in continuation:
            code = _paren(f"（{item['code']}）", v)
            by_level.setdefault(item["level"], []).append(f"{item['name']}{code}")
        for level, names in by_level.items():
            w.para(f"{level}{_paren('：', v)}{'、'.join(names)}")


# ---------------------------------------------------------------- measuring the recovery

LAYOUT_LEAVES = re.compile(
    r"^(kind|competencies|specs\[\d+\]\.competencies\[\d+\]|courses\[\d+\]\.standard"
    r"|meta\.(?!title|version|status|issuer|issued_on|proposed_by|administered_by|drafting_units|drafters)\w+.*)$"
)
"""Leaves the national layout does not print (file links, competency links, other metadata)."""


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """The leaf values of a parsed YAML by path (节选 lists read as their items)."""
    if isinstance(value, dict) and set(value) == {"节选"}:
        value = value["节选"]
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(leaves(item, f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(value, list):
        out = {}
        for index, item in enumerate(value):
            out.update(leaves(item, f"{path}[{index}]"))
        return out
    return {path: value}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dt.date):
        a = a.isoformat()
    if isinstance(a, str) and isinstance(b, str):
        norm = lambda s: "\n".join(x.strip() for x in s.strip().splitlines() if x.strip())  # noqa: E731
        return norm(a) == norm(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)
    return bool(a == b)


@dataclass
class Measure:
    total: int
    recovered: int
    assigned: int
    gaps: list[str]
    layout_total: int
    layout_recovered: int

    @property
    def share(self) -> float:
        return self.layout_recovered / self.layout_total

    @property
    def share_all(self) -> float:
        return self.recovered / self.total


def measure(source: dict[str, Any], recovered: dict[str, Any], assigned: set[str]) -> Measure:
    """Fields of `source` recovered equal from the text (assigned codes do not count)."""
    want, got = leaves(source), leaves(recovered)
    total = recovered_count = assigned_count = layout_total = layout_recovered = 0
    gaps: list[str] = []
    for path, value in want.items():
        total += 1
        printed = not LAYOUT_LEAVES.match(path)
        layout_total += printed
        if path in assigned:
            assigned_count += 1
            gaps.append(f"{path}（自拟编码）")
            continue
        if path in got and _same(value, got[path]):
            recovered_count += 1
            layout_recovered += printed
        else:
            gaps.append(f"{path}：原 {value!r}，读出 {got.get(path)!r}")
    return Measure(total, recovered_count, assigned_count, gaps, layout_total, layout_recovered)
