"""Heading numbers as printed by each profile.

DocTree headings carry literal numbers ("4", "4.1", "4.1.2", "附录A"). GB/T 1.1 prints
them as they are; GB/T 9704 prints the same position in 公文 style: depth 1 "四、",
depth 2 "（一）", depth 3 "2.", depth 4 "（3）". Numbers that are not dotted Arabic
(already 公文 style, appendix labels) are printed unchanged.
"""

from __future__ import annotations

import re

_DOTTED = re.compile(r"^\d+(\.\d+)*$")
_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(value: int) -> str:
    """Chinese numeral for 1–99 (十, 十一, 二十三); larger values fall back to digits."""
    if value <= 0 or value >= 100:
        return str(value)
    tens, units = divmod(value, 10)
    if tens == 0:
        return _DIGITS[units]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[units] if units else "")


def gongwen_number(number: str) -> str:
    """The 公文 form of a dotted number: 一、 / （一） / 1. / （1）."""
    if not _DOTTED.match(number):
        return number
    parts = number.split(".")
    value = int(parts[-1])
    depth = len(parts)
    if depth == 1:
        return f"{chinese_numeral(value)}、"
    if depth == 2:
        return f"（{chinese_numeral(value)}）"
    if depth == 3:
        return f"{value}."
    return f"（{value}）"


def depth_of(number: str, level: int) -> int:
    """Heading depth: from a dotted number when there is one, else the tree level."""
    if _DOTTED.match(number):
        return number.count(".") + 1
    return level


def heading_text(number: str, title: str, style: str) -> str:
    """Full heading text for a profile's numbering style (`gongwen` or `standard`)."""
    if not number:
        return title
    if style == "gongwen" and _DOTTED.match(number):
        return f"{gongwen_number(number)}{title}"
    if number.endswith(("、", "）", ".", "．")):
        return f"{number}{title}"
    return f"{number}\u3000{title}"


def is_appendix(number: str) -> bool:
    """True for appendix labels such as 附录A."""
    return number.startswith("附录")
