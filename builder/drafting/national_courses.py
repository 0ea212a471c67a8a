"""Chapter 8 课程设置及学时安排: course tables read by their header words.

A course table is one whose header row names 课程名称 (a second header row under it, as in
「学时」 over 「合计｜理论｜实践」, is joined to it column by column). Columns are known by
their words (课程代码, 课程类别/课程性质, 学时, 理论, 实践, 学分, 开设学期, 周数, 修读/必修/选修,
课程涉及的主要领域, 典型工作任务描述, 主要教学内容与要求); others are reported and left out.
A header row repeated further down (a table split across pages) is skipped, and so is a
second table that starts with the same header. The course nature comes from its column
(merged cells included), from a row that only names a nature (「专业核心课程」 across the
table), or from the sub-heading above the table. 合计 gives the declared totals; 小计 rows
are derived and not read.
"""

from __future__ import annotations

import re
from typing import Any

from builder.drafting import national_rules as rules
from builder.drafting.national_found import Found
from builder.drafting.national_sections import strip_number
from builder.drafting.national_word import Block, Cell, Paragraph, Table, fold

NATURES: tuple[tuple[str, str, str], ...] = (
    ("公共基础", "公共基础", "GG"),
    ("专业基础", "专业基础", "ZJ"),
    ("专业核心", "专业核心", "ZH"),
    ("专业拓展", "专业拓展", "ZT"),
    ("实践性教学", "实践", "SJ"),
    ("综合实践", "实践", "SJ"),
    ("实践", "实践", "SJ"),
)
PREFIX = {nature: prefix for _, nature, prefix in NATURES}
_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("code", ("课程代码", "课程编码", "课程编号", "代码", "编码")),
    ("name", ("课程名称", "名称")),
    ("nature", ("课程类别", "课程性质", "课程类型", "类别", "性质")),
    ("theory_hours", ("理论",)),
    ("practice_hours", ("实践", "实验", "实训")),
    ("credits", ("学分",)),
    ("semesters", ("开设学期", "学期")),
    ("weeks", ("周数",)),
    ("elective", ("修读", "必修", "选修", "课程属性")),
    ("domain", ("课程涉及的主要领域", "主要领域")),
    ("tasks", ("典型工作任务描述", "典型工作任务")),
    ("content", ("主要教学内容与要求", "主要教学内容和要求", "教学内容")),
    ("hours", ("学时", "总学时", "合计")),
    ("number", ("序号",)),
)
_INT = re.compile(r"^\d{1,5}$")
_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_EMPTY = {"", "—", "-", "–", "/", "—/—", "无"}


def nature_of(text: str) -> str | None:
    """The course nature a cell or heading names (「专业核心课程」 → 专业核心)."""
    folded = strip_number(text)
    for word, nature, _ in NATURES:
        if folded.startswith(word) and len(folded) <= len(word) + 8:
            return nature
    return None


def _column(label: str) -> str | None:
    folded = fold(label)
    for key, words in _COLUMNS:
        if any(word in folded for word in words):
            return key
    return None


def _header_rows(table: Table) -> int:
    """How many rows at the top form the header (0 when it is not a course table)."""
    if not table.rows or not any("课程名称" in fold(c.text) for c in table.rows[0]):
        return 0
    if len(table.rows) > 1:
        second = [fold(c.text) for c in table.rows[1]]
        if any(word in text for text in second for word in ("理论", "实践", "合计")) and not any(
            _INT.match(text) for text in second
        ):
            return 2
    return 1


def course_tables(blocks: list[Block]) -> list[tuple[Table, int, str | None]]:
    """Course tables of the chapter with their header height and the nature heading above."""
    out: list[tuple[Table, int, str | None]] = []
    heading: str | None = None
    for block in blocks:
        if isinstance(block, Paragraph):
            nature = nature_of(block.text) if len(block.text) <= 30 else None
            heading = nature or heading
        elif _header_rows(block):
            out.append((block, _header_rows(block), heading))
    return out


Seen = dict[str, str]
"""The words each field of one course was read from."""


def read_courses(blocks: list[Block], found: Found) -> list[tuple[dict[str, Any], Seen]]:
    """Courses of every course table in `blocks` with the words each field was read from;
    totals from a 合计 row go into `found.data`."""
    courses: list[tuple[dict[str, Any], Seen]] = []
    nature: str | None = None
    last_heading: str | None = None
    for table, height, heading in course_tables(blocks):
        labels = _labels(table, height)
        keys = [_column(label) for label in labels]
        for column, (label, key) in enumerate(zip(labels, keys, strict=True)):
            if key is None and label and not table.rows[0][column].spanned:
                found.problem(
                    rules.IGNORED,
                    f"不认识的列「{label[:20]}」，未导入",
                    table.rows[0][column].where,
                )
        if heading != last_heading:  # a table continued on the next page keeps its nature
            nature, last_heading = heading, heading
        for row in table.rows[height:]:
            texts = [c.text.strip() for c in row]
            if [fold(t) for t in texts] == [fold(t) for t in labels[: len(texts)]] or _repeat(
                row, table, height
            ):
                continue
            distinct = {t for t in texts if t}
            if len(distinct) == 1:
                named = nature_of(next(iter(distinct)))
                if named:
                    nature = named
                    continue
            course = _course(row, keys, nature, found)
            if course is not None:
                courses.append(course)
    return courses


def _repeat(row: list[Cell], table: Table, height: int) -> bool:
    """A header row typed again further down (the table continued on the next page)."""
    if any(fold(c.text) == "课程名称" for c in row):
        return True
    return any(
        [fold(c.text) for c in row] == [fold(c.text) for c in table.rows[h]] for h in range(height)
    )


def _labels(table: Table, height: int) -> list[str]:
    top = table.rows[0]
    labels = [c.text.strip() for c in top]
    if height == 2:
        below = table.rows[1]
        for column, cell in enumerate(below[: len(labels)]):
            if cell.text.strip() and cell.text.strip() != labels[column]:
                labels[column] = labels[column] + cell.text.strip()
    return labels


def _course(
    row: list[Cell], keys: list[str | None], nature: str | None, found: Found
) -> tuple[dict[str, Any], Seen] | None:
    cells: dict[str, Cell] = {}
    for cell, key in zip(row, keys, strict=False):
        if key is not None and key not in cells:
            cells[key] = cell
    name = cells.get("name")
    if any(fold(c.text).startswith(("合计", "总计")) for c in row):
        _totals(cells, found)
        return None
    if any(fold(c.text).startswith("小计") for c in row):
        return None
    if name is None or not name.text.strip():
        return None
    seen: Seen = {}
    course: dict[str, Any] = {"name": name.text.strip()}
    seen["name"] = name.text
    if "code" in cells and cells["code"].text.strip():
        course["code"] = cells["code"].text.strip()
        seen["code"] = cells["code"].text
    kind = nature_of(cells["nature"].text) if "nature" in cells else None
    if kind is not None:
        seen["nature"] = cells["nature"].text
    elif nature is not None:
        kind = nature
        seen["nature"] = nature
    if kind is None:
        found.problem(
            rules.UNREAD, f"课程「{course['name'][:20]}」看不出课程性质，未导入", name.where
        )
        return None
    course["nature"] = kind
    for key in ("hours", "theory_hours", "practice_hours", "credits", "weeks"):
        if key in cells:
            _number(course, seen, key, cells[key], found)
    if "semesters" in cells:
        _semesters(course, seen, cells["semesters"], found)
    if "elective" in cells and "选修" in cells["elective"].text:
        course["elective"] = True
        seen["elective"] = cells["elective"].text
    for key in ("domain", "tasks", "content"):
        if key in cells and cells[key].text.strip():
            course[key] = cells[key].text.strip()
            seen[key] = cells[key].text
    return course, seen


def _number(course: dict[str, Any], seen: Seen, key: str, cell: Cell, found: Found) -> None:
    text = fold(cell.text)
    if text in _EMPTY:
        return
    if key == "credits" and _NUMBER.match(text):
        value: float = float(text)
        course[key] = int(value) if value.is_integer() else value
    elif key != "credits" and _INT.match(text):
        course[key] = int(text)
    else:
        found.problem(rules.UNREAD, f"「{cell.text[:20]}」不是数字，这一格未导入", cell.where)
        return
    seen[key] = cell.text


def _semesters(course: dict[str, Any], seen: Seen, cell: Cell, found: Found) -> None:
    text = fold(cell.text).replace("第", "").replace("学期", "")
    if text in _EMPTY:
        return
    span = re.fullmatch(r"(\d{1,2})[-~–—至](\d{1,2})", text)
    if span and int(span.group(1)) <= int(span.group(2)) <= 12:
        course["semesters"] = list(range(int(span.group(1)), int(span.group(2)) + 1))
    elif re.fullmatch(r"\d{1,2}(?:[、,，;；]\d{1,2})*", text):
        course["semesters"] = [int(n) for n in re.split(r"[、,，;；]", text)]
    else:
        found.problem(rules.UNREAD, f"开设学期「{cell.text[:20]}」读不出，这一格未导入", cell.where)
        return
    seen["semesters"] = cell.text


def _totals(cells: dict[str, Cell], found: Found) -> None:
    hours = fold(cells["hours"].text) if "hours" in cells else ""
    credits = fold(cells["credits"].text) if "credits" in cells else ""
    if _INT.match(hours) and _NUMBER.match(credits):
        value = float(credits)
        found.data["totals"] = {
            "hours": int(hours),
            "credits": int(value) if value.is_integer() else value,
        }
        found.saw("totals.hours", cells["hours"].text)
        found.saw("totals.credits", cells["credits"].text)
        found.read("totals", "学时学分合计", cells["hours"].where)
