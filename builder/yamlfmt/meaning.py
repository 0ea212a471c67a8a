"""Did formatting change what `zhibiao check` reads? Same values, same types, any key order.

`zhibiao fmt` writes a file only when the data `builder.read.yamlparse` reads from the new text
equals the data it reads from the old one, except at the places where fmt deliberately
turned a bare-number code into the quoted string of the same digits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from builder.base.diagnostics import DataPath

_TYPE_NAMES: dict[type, str] = {
    str: "文本",
    int: "整数",
    float: "小数",
    bool: "布尔值",
    type(None): "空值",
    list: "列表",
    dict: "映射",
}


@dataclass(frozen=True, slots=True)
class Difference:
    """The first place where the two readings differ."""

    path: DataPath
    before: Any
    after: Any

    def describe(self) -> str:
        """「old」（type）→「new」（type）, short enough for one diagnostic line."""
        return f"{_shown(self.before)} 将变为 {_shown(self.after)}"


_ABSENT: Any = object()


def _shown(value: Any) -> str:
    if value is _ABSENT:
        return "（不存在）"
    name = _TYPE_NAMES.get(type(value), type(value).__name__)
    if isinstance(value, (dict, list)):
        return name
    text = (
        "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    )
    if len(text) > 40:
        text = text[:40] + "…"
    return f"「{text}」（{name}）"


def _same_scalar(before: Any, after: Any) -> bool:
    if type(before) is not type(after):
        return False
    if isinstance(before, float):
        if math.isnan(before) or math.isnan(after):
            return math.isnan(before) and math.isnan(after)
        return before == after and math.copysign(1, before) == math.copysign(1, after)
    return bool(before == after)


def first_difference(
    before: Any, after: Any, quoted: frozenset[DataPath] = frozenset(), path: DataPath = ()
) -> Difference | None:
    """The first path (depth first, in the order of `before`) where `after` means something
    else, or None. At a path in `quoted`, an integer may have become the text of its digits."""
    if isinstance(before, dict) and isinstance(after, dict):
        keys_after = {(type(k), k): k for k in after}
        for key, value in before.items():
            if (type(key), key) not in keys_after:
                return Difference((*path, key), value, _ABSENT)
            found = first_difference(value, after[key], quoted, (*path, key))
            if found is not None:
                return found
        keys_before = {(type(k), k) for k in before}
        for marker, key in keys_after.items():
            if marker not in keys_before:
                return Difference((*path, key), _ABSENT, after[key])
        return None
    if isinstance(before, list) and isinstance(after, list):
        for i, (old, new) in enumerate(zip(before, after, strict=False)):
            found = first_difference(old, new, quoted, (*path, i))
            if found is not None:
                return found
        if len(before) != len(after):
            i = min(len(before), len(after))
            old = before[i] if i < len(before) else _ABSENT
            new = after[i] if i < len(after) else _ABSENT
            return Difference((*path, i), old, new)
        return None
    if _same_scalar(before, after):
        return None
    if path in quoted and type(before) is int and type(after) is str and str(before) == after:
        return None
    return Difference(path, before, after)
