"""The chapters of a 专业教学标准 found by their numbering and wording, not by Word styles.

A heading is a paragraph whose text, after an optional number (「一、」「第五章」「5」「5.」「（五）」
「五.」…) and with full-width and half-width forms folded together, is one of the chapter names
below (or begins with one, followed by 「：」 and the chapter's first line, as offices often type
「三、入学基本要求：初级中等学校毕业……」). Style, bold or Word's automatic numbering play no part,
so a file typed with bold body text or numbered by hand reads the same. Lines of a table of
contents (a name followed by dot leaders or a tab and a page number) are not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder.drafting.national_word import Block, Paragraph, fold

CHAPTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("overview", ("概述", "前言说明", "总则")),
    (
        "name",
        ("专业名称(专业代码)", "专业名称及代码", "专业名称与代码", "专业名称和代码", "专业名称"),
    ),
    ("admission", ("入学基本要求", "入学要求", "招生对象")),
    ("duration", ("基本修业年限", "修业年限", "学制")),
    ("career", ("职业面向",)),
    ("objectives", ("培养目标",)),
    ("specs", ("培养规格",)),
    ("courses", ("课程设置及学时安排", "课程设置与学时安排", "课程设置和学时安排", "课程设置")),
    ("teachers", ("师资队伍",)),
    ("conditions", ("教学条件",)),
    ("quality", ("质量保障和毕业要求", "质量保障与毕业要求", "质量保障及毕业要求", "质量保障")),
)
"""The eleven chapters of the 2025 layout: key, accepted names (folded, longest first)."""

TITLES: dict[str, str] = {
    "overview": "1 概述",
    "name": "2 专业名称（专业代码）",
    "admission": "3 入学基本要求",
    "duration": "4 基本修业年限",
    "career": "5 职业面向",
    "objectives": "6 培养目标",
    "specs": "7 培养规格",
    "courses": "8 课程设置及学时安排",
    "teachers": "9 师资队伍",
    "conditions": "10 教学条件",
    "quality": "11 质量保障和毕业要求",
}

_CN = "一二三四五六七八九十"
NUMBER = re.compile(
    rf"^(?:第[{_CN}\d]+[章部分节条]|[{_CN}]+[、.]|\(?[{_CN}]+\)|\(?\d+\)|\d+(?:\.\d+)*[、.)]?"
    rf"|[①-⑳]|[A-Za-z][.、)])"
)
"""A number in front of a heading or an item, on folded text."""
_DELIMITERS = frozenset("、.)")
_TOC = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|\t)\s*\d+$")


def strip_number(text: str) -> str:
    """The folded text without its leading number (「（三）」「4.1」「①」「第五章」)."""
    folded = fold(text)
    found = NUMBER.match(folded)
    return folded[found.end() :] if found else folded


def item_text(text: str) -> str:
    """The original text of a list item without its leading number and the space after it."""
    stripped = text.strip()
    for end in range(1, min(len(stripped), 12) + 1):
        head = fold(stripped[:end])
        found = NUMBER.match(head)
        if found and found.end() == len(head) and not _longer_number(stripped, end):
            last = stripped[:end].rstrip()[-1]
            if head[-1] in _DELIMITERS or not last.isdigit() or _circled(last):
                return stripped[end:].lstrip(" \u3000\t")
    return stripped


def _circled(char: str) -> bool:
    return "\u2460" <= char <= "\u2473"


def _longer_number(text: str, end: int) -> bool:
    """True when the number continues after `end` (「4.1」 read as far as 「4.」)."""
    if end >= len(text) or text[end].isspace():
        return False
    longer = fold(text[: end + 1])
    found = NUMBER.match(longer)
    return bool(found and found.end() == len(longer))


def has_number(text: str) -> bool:
    """True when the text begins with an item number."""
    return item_text(text) != text.strip()


@dataclass(slots=True)
class Chapter:
    """A chapter: its key, heading paragraph, first line typed after the heading, blocks."""

    key: str
    heading: Paragraph
    blocks: list[Block] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph) and b.text]


@dataclass(slots=True)
class Layout:
    """The front matter (before the first chapter) and the chapters found, by key."""

    front: list[Block] = field(default_factory=list)
    chapters: dict[str, Chapter] = field(default_factory=dict)
    repeated: list[Paragraph] = field(default_factory=list)
    """Headings of a chapter already found (a second 「培养目标」): read into the first."""


def heading_of(paragraph: Paragraph) -> tuple[str, str] | None:
    """(chapter key, text typed after 「：」) when the paragraph is a chapter heading."""
    text = paragraph.text
    if not text or len(text) > 80 or _TOC.search(text):
        return None
    rest = strip_number(text)
    for key, names in CHAPTERS:
        for name in names:
            if rest == name or rest == name + ":":
                return key, ""
            if rest.startswith(name + ":"):
                return key, _after_colon(text)
    return None


def _after_colon(text: str) -> str:
    for mark in ("：", ":"):
        if mark in text:
            return text.split(mark, 1)[1].strip()
    return ""


def split_chapters(blocks: list[Block]) -> Layout:
    """Blocks grouped under the chapter headings; what precedes the first one is front matter."""
    layout = Layout()
    current: Chapter | None = None
    for block in blocks:
        found = heading_of(block) if isinstance(block, Paragraph) else None
        if found is not None:
            key, rest = found
            if current is not None and current.key == key:
                current.blocks.append(block)  # a sub-heading of the same name (8.1 课程设置)
                continue
            if key in layout.chapters:
                layout.repeated.append(block)  # type: ignore[arg-type]
                current = layout.chapters[key]
            else:
                current = Chapter(key, block)  # type: ignore[arg-type]
                layout.chapters[key] = current
            if rest:
                current.blocks.append(Paragraph(rest, block.where))
            continue
        if current is None:
            layout.front.append(block)
        else:
            current.blocks.append(block)
    return layout


def subsections(blocks: list[Block], names: dict[str, tuple[str, ...]]) -> dict[str, list[Block]]:
    """Blocks of a chapter grouped under its sub-headings (by wording, any numbering).

    Blocks before the first sub-heading are under the key ""."""
    out: dict[str, list[Block]] = {"": []}
    current = ""
    for block in blocks:
        if isinstance(block, Paragraph) and block.text and len(block.text) <= 40:
            rest = strip_number(block.text).rstrip(":")
            key = next((k for k, ns in names.items() if rest in ns), None)
            if key is not None:
                current = key
                out.setdefault(key, [])
                continue
        out.setdefault(current, []).append(block)
    return out
