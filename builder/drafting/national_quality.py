"""Chapter 11 质量保障和毕业要求: the 质量保障 text, 毕业要求 items and 接续专业 lines.

Sub-sections are found by wording (「（二）毕业要求」「接续专业」「继续学习深造建议」, any number);
without them the whole chapter is `quality`. A 接续专业 line reads 「高职专科：电子商务（530701）」.
"""

from __future__ import annotations

import re

from builder.drafting import national_rules as rules
from builder.drafting.national_career import code_name, split_items
from builder.drafting.national_fields import CONTINUATION, read_text, texts
from builder.drafting.national_found import Found
from builder.drafting.national_sections import Layout, item_text, subsections
from builder.drafting.national_word import Paragraph


def read_quality(layout: Layout, found: Found) -> None:
    """11: 质量保障 text, 毕业要求 items, 接续专业 lines (by sub-heading; all text otherwise)."""
    chapter = layout.chapters.get("quality")
    parts = subsections(
        chapter.blocks if chapter else [],
        {
            "quality": ("质量保障",),
            "graduation": ("毕业要求",),
            "continuation": ("接续专业", "继续学习专业", "继续学习深造建议", "接续高一层次专业"),
        },
    )
    quality = parts.get("", []) + parts.get("quality", [])
    read_text(layout, "quality", found, quality if chapter else None)
    items = texts(parts.get("graduation", []))
    if items:
        found.data["graduation"] = [item_text(p.text) for p in items]
        for index, paragraph in enumerate(items):
            found.saw(f"graduation[{index}]", paragraph.text)
        found.read("graduation", "毕业要求", items[0].where, f"{len(items)} 条")
    else:
        found.missing("graduation", "毕业要求", detail="没有「毕业要求」小节，不写")
    _continuation(texts(parts.get("continuation", [])), found)


def _continuation(lines: list[Paragraph], found: Found) -> None:
    out: list[dict[str, str]] = []
    for paragraph in lines:
        text = item_text(paragraph.text)
        level = next(
            (lv for lv in CONTINUATION if text.startswith(lv) or f"接续{lv}" in text), None
        )
        rest = re.split(r"[:：]", text, maxsplit=1)
        pairs = (
            [code_name(item) for item in split_items(rest[1])] if level and len(rest) == 2 else []
        )
        if not level or not pairs or any(p is None for p in pairs):
            found.problem(
                rules.UNREAD, f"接续专业「{text[:30]}」读不出层次、名称和代码", paragraph.where
            )
            continue
        for pair in pairs:
            assert pair is not None
            index = len(out)
            out.append({"level": level, "code": pair["code"], "name": pair["name"]})
            found.saw_all(f"continuation[{index}]", out[-1], paragraph.text)
    if out:
        found.data["continuation"] = out
        found.read("continuation", "接续专业", lines[0].where, f"{len(out)} 个")
    elif not lines:
        found.missing("continuation", "接续专业", detail="没有「接续专业」小节，不写")
