"""Chapter 8 as the national text writes it: course lists in sentences and 学时安排 in words.

The 2025 national standards rarely give a course table with hours. Under 「（1）专业基础课程」
they write 「主要包括：程序设计基础、数据库技术、……等。」, and under 「（二）学时安排」 they
give the total hours and the shares in a sentence (「总学时一般为2800学时……公共基础课总学时
一般不少于总学时的25%」). Those courses are read with their name and the nature of the heading
above them (a course already in a table is not repeated); the 学时安排 paragraphs become
`hours_plan.text`, with the total and the shares when a sentence states them.
"""

from __future__ import annotations

import re
from typing import Any

from builder.drafting.national_career import split_items
from builder.drafting.national_courses import Seen, nature_of
from builder.drafting.national_found import Found
from builder.drafting.national_sections import subsections
from builder.drafting.national_word import Block, Paragraph, fold

_LISTED = re.compile(r"包括[:：]\s*([^。；;，,]+)")
_AND_SO_ON = re.compile(r"等[^、]*$")
_TOTAL = re.compile(r"总学时[^。；;]*?(\d{3,5})\s*学时")
_SHARES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("public_share", re.compile(r"公共基础课[^。；;，,%％]*?(\d{1,2}(?:\.\d+)?)\s*[%％]")),
    ("elective_share", re.compile(r"选修课[^。；;，,%％]*?(\d{1,2}(?:\.\d+)?)\s*[%％]")),
    ("practice_share", re.compile(r"实践性教学[^。；;，,%％]*?(\d{1,2}(?:\.\d+)?)\s*[%％]")),
)


def listed_courses(blocks: list[Block], known: set[str]) -> list[tuple[dict[str, Any], Seen]]:
    """Courses named in 「主要包括：甲、乙、丙等」 under a course-nature heading."""
    out: list[tuple[dict[str, Any], Seen]] = []
    nature: str | None = None
    heading = ""
    for block in blocks:
        if not isinstance(block, Paragraph) or not block.text:
            continue
        named = nature_of(block.text) if len(block.text) <= 30 else None
        if named is not None:
            nature, heading = named, block.text
            continue
        found = _LISTED.search(block.text)
        if nature is None or found is None:
            continue
        for name in split_items(_AND_SO_ON.sub("", found.group(1))):
            if len(name) > 30 or fold(name) in known:
                continue
            known.add(fold(name))
            out.append(({"name": name, "nature": nature}, {"name": block.text, "nature": heading}))
    return out


def read_hours_plan(blocks: list[Block], found: Found) -> None:
    """`hours_plan` from the 「学时安排」 sub-section, when the chapter has one."""
    parts = subsections(blocks, {"hours": ("学时安排", "学时分配")})
    paragraphs = [b for b in parts.get("hours", []) if isinstance(b, Paragraph) and b.text]
    if not paragraphs:
        return
    text = "\n".join(p.text for p in paragraphs)
    plan: dict[str, Any] = {}
    total = _TOTAL.search(text)
    if total:
        plan["total_hours"] = int(total.group(1))
        found.saw("hours_plan.total_hours", total.group(0))
    for key, pattern in _SHARES:
        share = pattern.search(text)
        if share:
            plan[key] = round(float(share.group(1)) / 100, 4)
            found.saw(f"hours_plan.{key}", share.group(0))
    plan["text"] = text
    for index, paragraph in enumerate(paragraphs):
        found.saw(f"hours_plan.text#{index}", paragraph.text)
    found.data["hours_plan"] = plan
    found.read("hours_plan", "学时安排", paragraphs[0].where, f"{len(plan) - 1} 个数字")
