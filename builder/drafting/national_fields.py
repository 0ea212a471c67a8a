"""The elements of a 专业教学标准 read from its chapters (see `national_sections`).

Each reader takes the blocks of its chapter and writes into `Found`: the value, the words it
came from, a report entry. A chapter that is not there becomes `原文未给出` (or, for an
optional value, no key); a value the text does not give in a readable form is reported and
left out, never guessed.
"""

from __future__ import annotations

import re
from typing import Any

from builder.drafting import national_rules as rules
from builder.drafting.national_career import code_name, split_items
from builder.drafting.national_courses import PREFIX, course_tables, read_courses
from builder.drafting.national_found import Found
from builder.drafting.national_plantext import listed_courses, read_hours_plan
from builder.drafting.national_sections import (
    TITLES,
    Layout,
    has_number,
    item_text,
    strip_number,
)
from builder.drafting.national_word import Block, Paragraph, Table, fold
from builder.model.sourced import NOT_GIVEN

LEVELS: tuple[tuple[str, str], ...] = (
    ("中等职业教育", "中职"),
    ("高等职业教育专科", "高职专科"),
    ("高职专科", "高职专科"),
    ("高等职业教育本科", "职业本科"),
    ("职业本科", "职业本科"),
)
CONTINUATION = ("高职专科", "职业本科", "普通本科")
STATUSES = ("征求意见稿", "送审稿", "报批稿", "试行", "草案")
_YEARS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_YEAR = re.compile(
    r"(?<![\d一二两三四五六七八九十至~～\-—–])([一二两三四五六]|[1-6])\s*年(?![级代月底初])"
)
"""「三年」「4年」; not the 5 of 「2025年」 nor a range (「3～5年」「三至五年」 is not one number)."""
_SPEC_CODE = re.compile(r"^([A-Z]{1,2}\d{1,2})[\s　:：、.．]+")
MAX_LINE = 400
"""Cover lines and the 专业名称 line are short; longer paragraphs are not matched against them."""
SPEC_TYPES = {"素质": "素质", "知识": "知识", "能力": "能力"}
SPEC_PREFIX = {"素质": "Q", "知识": "K", "能力": "A"}


def texts(blocks: list[Block]) -> list[Paragraph]:
    return [b for b in blocks if isinstance(b, Paragraph) and b.text]


def read_text(layout: Layout, key: str, found: Found, blocks: list[Block] | None = None) -> None:
    """A text chapter: its paragraphs, one blank line apart, as the source has them."""
    chapter = layout.chapters.get(key)
    paragraphs = texts(blocks if blocks is not None else chapter.blocks if chapter else [])
    title = TITLES[key]
    for table in (
        b for b in (blocks or (chapter.blocks if chapter else [])) if isinstance(b, Table)
    ):
        found.problem(
            rules.IGNORED, f"「{title}」中的表格未导入（模型中这一章是文字）", table.where
        )
    if not paragraphs:
        found.data[key] = NOT_GIVEN
        found.missing(
            key, title, detail="文件中没有这一章" if chapter is None else "这一章没有文字"
        )
        what = f"文件中没有「{title}」一章" if chapter is None else f"「{title}」一章没有文字"
        found.problem(
            rules.MISSING, f"{what}，写为 原文未给出", chapter.heading.where if chapter else ""
        )
        return
    joined = "\n\n".join(p.text for p in paragraphs)
    found.data[key] = joined + "\n" if len(paragraphs) > 1 else joined
    for index, paragraph in enumerate(paragraphs):
        found.saw(f"{key}#{index}", paragraph.text)
    found.read(key, title, paragraphs[0].where, f"{len(paragraphs)} 段")


def read_front(layout: Layout, found: Found) -> None:
    """The cover and 前言: title, version, status, issuer, date, 提出/归口, 起草单位/起草人."""
    lines = texts(layout.front)
    meta: dict[str, Any] = {}
    title = next((p for p in lines if "教学标准" in p.text), None)
    if title is not None:
        text = title.text
        after = lines[lines.index(title) + 1] if lines.index(title) + 1 < len(lines) else None
        if after is not None and re.fullmatch(r"[（(][^）)]*教育[^）)]*[）)]", after.text):
            text += after.text
        meta["title"] = text
        found.saw("meta.title", text)
        found.read("meta.title", "文件名称", title.where)
    else:
        found.missing("meta.title", "文件名称")
    for paragraph in lines:
        _front_line(paragraph, meta, found)
    found.data["meta"] = meta


def _front_line(paragraph: Paragraph, meta: dict[str, Any], found: Found) -> None:
    text = paragraph.text.strip()
    if len(text) > MAX_LINE:
        return
    folded = fold(text)
    version = re.search(
        r"[（(]\s*(\d{4})\s*年?\s*版\s*[）)]|[（(]\s*([^（）()]{1,12}?)\s*版\s*[）)]", text
    )
    if version and "version" not in meta:
        meta["version"] = version.group(1) or version.group(2)
        found.saw("meta.version", version.group(0))
        found.read("meta.version", "版本", paragraph.where)
    status = next((s for s in STATUSES if f"({s})" in folded), None)
    if status and "status" not in meta:
        meta["status"] = status
        found.saw("meta.status", status)
        found.read("meta.status", "状态", paragraph.where)
    issued = re.fullmatch(r"(.+?)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*发布", text)
    plain = re.fullmatch(r"(?:发布单位[:：]\s*)?(.+?)\s*(发布|编制|印发|制定)", text)
    if issued or plain:
        issuer = (issued or plain).group(1)  # type: ignore[union-attr]
        if "issuer" not in meta and _unit_like(issuer):
            _units(meta, "issuer", issuer, found)
            found.read("meta.issuer", "发布单位", paragraph.where)
        if issued:
            year, month, day = (int(issued.group(n)) for n in (2, 3, 4))
            meta["issued_on"] = f"{year:04d}-{month:02d}-{day:02d}"
            found.saw("meta.issued_on", issued.group(0))
            found.read("meta.issued_on", "发布日期", paragraph.where)
        if (issued or (plain and plain.group(2) == "发布")) and "status" not in meta:
            meta["status"] = "发布"
            found.saw("meta.status", "发布")
            found.read("meta.status", "状态", paragraph.where)
    for key, pattern, title in (
        ("proposed_by", r"由(.+?)提出", "提出单位"),
        ("administered_by", r"由(.+?)归口", "归口单位"),
        ("drafting_units", r"起草单位[:：]\s*(.+?)。?$", "起草单位"),
        ("drafters", r"起草人[:：]\s*(.+?)。?$", "主要起草人"),
    ):
        found_unit = re.search(pattern, text)
        if found_unit and key not in meta:
            value = found_unit.group(1).removesuffix("提出并")
            if key in ("drafting_units", "drafters"):
                meta[key] = split_items(value)
                found.saw_all(f"meta.{key}", meta[key], text)
            else:
                _units(meta, key, value, found)
            found.read(f"meta.{key}", title, paragraph.where)


def _unit_like(text: str) -> bool:
    """A name of one or more units, not a sentence (「本标准……制定」 is not an issuer)."""
    return (
        len(text) <= 60
        and not text.startswith("本")
        and "教学标准" not in text
        and not any(mark in text for mark in "，。；,;")
    )


def _units(meta: dict[str, Any], key: str, text: str, found: Found) -> None:
    units = split_items(text)
    meta[key] = units[0] if len(units) == 1 else units
    found.saw_all(f"meta.{key}", meta[key], text)


def read_name(layout: Layout, found: Found) -> None:
    """2 专业名称（专业代码）, the catalog note, and the level from the title or 概述."""
    chapter = layout.chapters.get("name")
    lines = texts(chapter.blocks) if chapter else []
    for paragraph in lines:
        text = paragraph.text
        if len(text) > MAX_LINE:
            continue
        pair = re.search(r"专业名称[:：]\s*(.+?)\s*[，,；;\s]\s*专业代码[:：]\s*(\d{6})", text)
        value = (
            {"name": pair.group(1), "code": pair.group(2)} if pair else code_name(item_text(text))
        )
        if value and re.fullmatch(r"\d{6}", value["code"]) and "code" not in found.data:
            found.data["name"], found.data["code"] = value["name"], value["code"]
            found.saw("name", text)
            found.saw("code", text)
            found.read("code", "专业名称（专业代码）", paragraph.where)
        catalog = re.search(r"《职业教育专业目录（(\d{4})年）》", text)
        if catalog and "catalog" not in found.data:
            found.data["catalog"] = catalog.group(1)
            found.saw("catalog", catalog.group(0))
            found.read("catalog", "专业目录版本", paragraph.where)
    if "code" not in found.data:
        found.missing("code", "专业名称（专业代码）")
    title = found.data.get("meta", {}).get("title", "")
    overview = found.data.get("overview", "")
    level = next(((w, lv) for w, lv in LEVELS if w in title), None)
    where = "标题"
    if level is None and isinstance(overview, str):
        # 概述 may name other levels in passing (贯通培养): only one stated level counts
        stated = {(w, lv) for w, lv in LEVELS if "教育" in w and f"全国{w}" in overview}
        level, where = (next(iter(stated)), "概述") if len(stated) == 1 else (None, "")
    if level is not None:
        found.data["level"] = level[1]
        found.saw("level", level[0])
        found.read("level", "层次", where)
    else:
        found.missing("level", "层次")
    if "name" not in found.data and title:
        named = re.match(r"(.+?)专业教学标准", title)
        if named:
            found.data["name"] = named.group(1)
            found.saw("name", title)
            found.read("name", "专业名称（取自标题）", "标题")


def read_duration(layout: Layout, found: Found) -> None:
    chapter = layout.chapters.get("duration")
    lines = texts(chapter.blocks) if chapter else []
    for index, paragraph in enumerate(lines):
        years = _YEAR.search(paragraph.text)
        if years:
            digit = years.group(1)
            duration: dict[str, Any] = {"years": _YEARS.get(digit) or int(digit)}
            found.saw("duration.years", years.group(0))
            rest = [p.text for n, p in enumerate(lines) if n != index]
            if rest:
                duration["note"] = "\n".join(rest)
                for n, text in enumerate(rest):
                    found.saw(f"duration.note#{n}", text)
            found.data["duration"] = duration
            found.read("duration", TITLES["duration"], paragraph.where)
            return
    if lines:
        found.unread("duration", TITLES["duration"], lines[0].where, lines[0].text[:30])
        found.problem(rules.UNREAD, f"「{lines[0].text[:30]}」中读不出年限", lines[0].where)
    else:
        found.missing("duration", TITLES["duration"])


def read_specs(layout: Layout, found: Found) -> None:
    """7 培养规格: numbered items under 素质/知识/能力 sub-headings (or with their code)."""
    chapter = layout.chapters.get("specs")
    title = TITLES["specs"]
    if chapter is None:
        found.data["specs"] = NOT_GIVEN
        found.missing("specs", title, detail="文件中没有这一章")
        found.problem(rules.MISSING, f"文件中没有「{title}」一章，写为 原文未给出", "")
        return
    specs: list[dict[str, Any]] = []
    kind: str | None = None
    untyped: list[Paragraph] = []
    for paragraph in texts(chapter.blocks):
        rest = strip_number(paragraph.text).rstrip(":")
        named = next(
            (t for w, t in SPEC_TYPES.items() if rest in (w, w + "要求", w + "目标")), None
        )
        if named is not None:
            kind = named
            continue
        coded = _SPEC_CODE.match(paragraph.text)
        if not (has_number(paragraph.text) or paragraph.numbered or coded):
            found.problem(
                rules.IGNORED, f"说明文字「{paragraph.text[:20]}…」未导入", paragraph.where
            )
            continue
        if kind is None:
            untyped.append(paragraph)
            continue
        index = len(specs)
        text = item_text(paragraph.text)
        spec: dict[str, Any] = {"type": kind}
        if coded:
            spec["code"] = coded.group(1)
            found.saw(f"specs[{index}].code", coded.group(0))
            text = paragraph.text[coded.end() :].strip()
        spec["text"] = text
        found.saw(f"specs[{index}].type", kind)
        found.saw(f"specs[{index}].text", paragraph.text)
        specs.append(spec)
    for paragraph in untyped:
        found.problem(
            rules.UNREAD,
            f"培养规格「{paragraph.text[:20]}…」不在素质、知识、能力的分组下，类型读不出，未导入",
            paragraph.where,
        )
    if untyped and not specs:
        found.notes["specs"] = [
            "原文的培养规格没有按素质、知识、能力分组，类型无法从原文确定；原文各条如下，分类后写入 specs：",
            *(p.text for p in untyped),
        ]
    if not specs:
        found.data["specs"] = NOT_GIVEN
        found.missing("specs", title, chapter.heading.where, "没有可读出的条目")
        return
    _assign(specs, "specs", lambda s: SPEC_PREFIX[s["type"]], found, "培养规格")
    found.data["specs"] = specs
    found.read("specs", title, chapter.heading.where, f"{len(specs)} 条")


def _assign(items: list[dict[str, Any]], path: str, prefix: Any, found: Found, what: str) -> None:
    """Codes for the items without one: prefix + two digits, after the highest one used."""
    used = {item["code"] for item in items if "code" in item}
    made: list[str] = []
    counters: dict[str, int] = {}
    for index, item in enumerate(items):
        if "code" in item:
            continue
        head = prefix(item)
        number = counters.get(head, 0)
        while True:
            number += 1
            code = f"{head}{number:02d}" if path == "courses" else f"{head}{number}"
            if code not in used:
                break
        counters[head] = number
        item["code"] = code
        found.assigned[f"{path}[{index}].code"] = code
        made.append(code)
    if made:
        found.problem(
            rules.ASSIGNED,
            f"{len(made)} 项{what}原文没有编码，按编号规则自拟：{'、'.join(made[:12])}"
            + ("…" if len(made) > 12 else ""),
            "",
        )
    for index, item in enumerate(items):  # the key order of the hand-written files
        items[index] = {"code": item.pop("code"), **item}


def read_plan(layout: Layout, found: Found) -> None:
    """8 课程设置及学时安排: the course tables; the chapter's text goes to hours_plan.text."""
    chapter = layout.chapters.get("courses")
    title = TITLES["courses"]
    if chapter is None:
        found.data["courses"] = NOT_GIVEN
        found.missing("courses", title, detail="文件中没有这一章")
        found.problem(rules.MISSING, f"文件中没有「{title}」一章，写为 原文未给出", "")
        return
    read = read_courses(chapter.blocks, found)
    tables = {id(table) for table, _, _ in course_tables(chapter.blocks)}
    for block in chapter.blocks:
        if isinstance(block, Table) and id(block) not in tables:
            found.problem(
                rules.IGNORED,
                "表头没有「课程名称」，不是可读入的课程表，未导入（如只有「课程涉及的主要领域」的表）",
                block.where,
            )
    read += listed_courses(chapter.blocks, {fold(course["name"]) for course, _ in read})
    read_hours_plan(chapter.blocks, found)
    if not read:
        found.data["courses"] = NOT_GIVEN
        found.missing(
            "courses",
            title,
            chapter.heading.where,
            "没有找到课程表（表头含「课程名称」）或「主要包括：……」",
        )
        found.problem(
            rules.MISSING,
            "「课程设置及学时安排」中没有课程表或课程列举，courses 写为 原文未给出",
            chapter.heading.where,
        )
        return
    courses = [course for course, _ in read]
    for index, (_, seen) in enumerate(read):
        for key, words in seen.items():
            found.saw(f"courses[{index}].{key}", words)
    _assign(courses, "courses", lambda c: PREFIX[c["nature"]], found, "课程")
    found.data["courses"] = courses
    found.read("courses", title, chapter.heading.where, f"{len(courses)} 门课程")
