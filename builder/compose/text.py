"""Text helpers of the composers: paragraphs, Chinese numerals, dates and shares."""

from __future__ import annotations

import datetime as dt
import re

from builder.compose.doctree import Paragraph
from builder.model.sourced import NOT_GIVEN_LABEL, is_not_given

_DIGITS = "零一二三四五六七八九"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def cn_number(n: int) -> str:
    """Chinese numeral for 1–99 as used in 公文 headings: 1 → 一, 10 → 十, 21 → 二十一."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return f"{head}十{_DIGITS[ones] if ones else ''}"


def gongwen_number(level: int, n: int) -> str:
    """公文 heading number: level 1 "一、", level 2 "（一）", level 3 "1.", level 4 "（1）"."""
    if level == 1:
        return f"{cn_number(n)}、"
    if level == 2:
        return f"（{cn_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def cn_date(value: dt.date | None) -> str:
    """A date written the Chinese way: 2025年12月31日 (no zero padding)."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def num(value: float | None) -> str:
    """A number without a useless decimal part: 4.0 → "4", 2.5 → "2.5"; None → "—"."""
    return "—" if value is None else f"{value:g}"


def total(values: list[int | None] | list[float | None]) -> float | None:
    """Sum of a column, or None when any value is not stated."""
    if any(v is None for v in values):
        return None
    return sum(v or 0 for v in values)


def semesters(values: list[int]) -> str:
    """Semesters as printed in plans: [1] → "1", [5, 6] → "5、6", [1, 2, 3, 4] → "1–4"."""
    found = sorted(set(values))
    runs: list[list[int]] = []
    for value in found:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]}–{run[-1]}")
        else:
            parts.extend(str(v) for v in run)
    return "、".join(parts)


def percent(part: float, whole: float) -> str:
    """Share as a percentage with one decimal: 0.2534 → "25.3%"."""
    if whole <= 0:
        return "—"
    return f"{part / whole:.1%}"


def _is_wide(char: str) -> bool:
    return ord(char) >= 0x2E80


def join_lines(text: str) -> str:
    """Join the lines of one paragraph: no space between Chinese characters, one otherwise."""
    out = ""
    for line in (part.strip() for part in text.splitlines()):
        if not line:
            continue
        if out and not (_is_wide(out[-1]) or _is_wide(line[0])):
            out += " "
        out += line
    return out


def split_paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a multi-paragraph text field (separated by blank lines)."""
    if not text:
        return []
    if is_not_given(text):
        return [NOT_GIVEN_LABEL]
    return [p for p in (join_lines(chunk) for chunk in _BLANK_LINE.split(text)) if p]


def flat(text: str | None) -> str:
    """A multi-line or multi-paragraph text on one line (for table cells and list items)."""
    return join_lines("\n".join(split_paragraphs(text)))


def paragraphs(text: str | None) -> list[Paragraph]:
    """Body paragraphs of a text field."""
    return [Paragraph((p,)) for p in split_paragraphs(text)]


def book_title(title: str) -> str:
    """A title in book marks; marks inside become 〈〉: 《〈数据采集与标注〉课程标准》.

    A title the author already wrote in book marks (《…》, inner marks as they are) is kept
    as written, never wrapped a second time."""
    title = title.strip()
    if _quoted(title):
        return title
    inner = title.replace("《", "〈").replace("》", "〉")
    return f"《{inner}》"


def _quoted(title: str) -> bool:
    """True when the whole title is one 《…》 pair (the opening mark closes at the end)."""
    if not (title.startswith("《") and title.endswith("》")):
        return False
    depth = 0
    for index, char in enumerate(title):
        depth += {"《": 1, "》": -1}.get(char, 0)
        if depth == 0:
            return index == len(title) - 1
    return False
