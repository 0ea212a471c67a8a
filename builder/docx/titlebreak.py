"""Breaking a 公文 title into lines by meaning (GB/T 9704 7.3.1: "回行时，要做到词意完整，
排列对称，长短适宜").

Break opportunities are word boundaries (jieba, with the names that must stay whole added to
its dictionary); a line never starts with a closing mark (》）、，。) nor ends with an opening
one (《（). Among the breaks that keep every line inside the text block, the one chosen
costs least: a break inside a 书名号 or a parenthesis costs more than one outside, a break
inside a protected name (a specialty or course name) far more, a word cut in two most (only
when no other way fits), and lines of unequal length cost a little, so the lines come out
balanced (a trapezoid or diamond, not one full line and a stub).
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

OPENING = "《（(「『〈【“‘"
CLOSING = "》）)」』〉】”’、，。：；！？"
INSIDE_QUOTES = 15.0
INSIDE_PARENS = 40.0
INSIDE_NAME = 400.0
MID_WORD = 5000.0
PER_LINE = 5.0
KIND_NAMES = (
    "专业教学标准",
    "课程标准",
    "岗位实习标准",
    "顶岗实习标准",
    "实训教学条件建设标准",
    "实训基地建设标准",
    "职业能力清单",
    "人才培养方案",
    "征求意见稿",
)
"""Names of document kinds, kept whole like the names a caller protects."""
BALANCE = 60.0


def char_width(ch: str) -> float:
    """Width of a character in em: full-width 1, half-width ½."""
    return 1.0 if unicodedata.east_asian_width(ch) in "FWA" and not ch.isascii() else 0.5


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


def _boundaries(text: str, names: Sequence[str]) -> set[int]:
    tokenizer = _tokenizer()
    for name in names:
        tokenizer.add_word(name, freq=10**6)
    try:
        cuts, at = set(), 0
        for token in tokenizer.cut(text, HMM=False):
            at += len(token)
            cuts.add(at)
        return cuts
    finally:
        for name in names:
            tokenizer.del_word(name)


def _penalties(text: str, names: Sequence[str]) -> list[float]:
    """Cost of a break before each position 0…len(text) (inf where a break is forbidden)."""
    cost = [0.0] * (len(text) + 1)
    words = _boundaries(text, names)
    quotes = parens = 0
    for at in range(1, len(text)):
        before, after = text[at - 1], text[at]
        quotes += (before == "《") - (before == "》")
        parens += (before in "（(") - (before in "）)")
        if after in CLOSING or before in OPENING:
            cost[at] = float("inf")
            continue
        cost[at] = (0.0 if at in words else MID_WORD) + INSIDE_QUOTES * max(quotes, 0)
        cost[at] += INSIDE_PARENS * max(parens, 0)
    for name in names:
        start = text.find(name)
        while name and start >= 0:
            for at in range(start + 1, start + len(name)):
                cost[at] += INSIDE_NAME
            start = text.find(name, start + 1)
    return cost


def title_lines(text: str, width: float, names: Iterable[str] = ()) -> list[str]:
    """`text` as lines of at most `width` em, broken where the meaning allows (see above);
    one line when it fits."""
    widths = [char_width(ch) for ch in text]
    if sum(widths) <= width or not text:
        return [text]
    protected = sorted({n for n in (*names, *KIND_NAMES) if n and n in text}, key=len, reverse=True)
    cost = _penalties(text, protected)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    size = len(text)
    best: list[float] = [0.0] + [float("inf")] * size
    back = [0] * (size + 1)
    for end in range(1, size + 1):
        if end < size and cost[end] == float("inf"):
            continue
        for start in range(end - 1, -1, -1):
            line = prefix[end] - prefix[start]
            if line > width:
                break
            if best[start] == float("inf"):
                continue
            total = best[start] + PER_LINE + BALANCE * ((width - line) / width) ** 2
            total += cost[end] if end < size else 0.0
            if total < best[end]:
                best[end], back[end] = total, start
    if best[size] == float("inf"):  # a single character wider than the line
        return [text]
    lines, end = [], size
    while end > 0:
        lines.append(text[back[end] : end])
        end = back[end]
    return lines[::-1]
