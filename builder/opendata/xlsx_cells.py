"""A field's value in one cell, and back.

`shown` gives what the export writes (text stays text, numbers are numbers); `parse` reads
what a drafter typed. Lists are one item per line (学期 with 、), competency links are
`编码：水平` lines, a list the source does not give is `原文未给出`, and an excerpt starts with
`（节选）`. The importer parses only cells whose text differs from what the export wrote, so
a value written in any way the model accepts comes back unchanged when nobody edits it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from builder.base.hints import did_you_mean
from builder.model.sourced import EXCERPT_KEY, EXCERPT_LABEL, NOT_GIVEN, is_excerpt, is_not_given
from builder.opendata.xlsx_reader import cell_text
from builder.opendata.xlsx_tables import Column
from builder.read.yamlparse import UNPRINTABLE, describe_char

ABSENT: Any = object()
"""A cell left empty: the field is absent from the YAML."""

_INT = re.compile(r"^[+-]?\d+$")
_SEMESTER_SPLIT = re.compile(r"[、,，;；\s]+")
_REF = re.compile(r"^(?P<ref>.+?)(?:（(?P<scope>[^（）]*)）)?\s*[：:]\s*(?P<level>[^：:]+)$")
"""`1-2-3：掌握`, or with the numbering scope of a scoped code `1.1.1（五级/技能要求）：掌握`."""


class CellProblem(Exception):
    """A cell whose text cannot be read as the field's value."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def shown(column: Column, value: Any) -> Any:
    """The cell value the export writes for a field value (None: an empty cell)."""
    if value is None:
        return None
    if column.sourced and is_not_given(value):
        return NOT_GIVEN
    body = _body(column, value)
    if is_excerpt(value):
        return (
            f"{EXCERPT_LABEL}\n{body}" if column.form in ("texts", "refs") else EXCERPT_LABEL + body
        )
    return None if body == "" and isinstance(value, list) else body


def _body(column: Column, value: Any) -> Any:
    form = column.form
    if form == "bool":
        return column.words[0] if value else column.words[1]
    if form == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if form == "ints":
        return "、".join(str(v) for v in value)
    if form == "texts":
        return "\n".join(value)
    if form == "levels":
        return "\n".join(value) if isinstance(value, list) else value
    if form == "refs":
        return "\n".join(f"{_ref(ref.ref, ref.scope)}：{ref.level}" for ref in value)
    return value


def _ref(ref: str, scope: str | None) -> str:
    """A reference as a cell line: its code, then its scope in （） when it has one (a code that
    itself ends in （…） is followed by an empty （） so that it reads back as written)."""
    if scope:
        return f"{ref}（{scope}）"
    return f"{ref}（）" if ref.endswith("）") else ref


def field_shown(column: Column, item: Any) -> Any:
    """The cell of a row's field: empty when the author did not write the field (a default
    the model supplies is not shown, so it is never written back as if the author had)."""
    if column.field not in item.model_fields_set:
        return None
    return shown(column, getattr(item, column.field))


def shown_text(column: Column, item: Any) -> str:
    """`field_shown` as the importer reads it back (the comparison that decides "unchanged")."""
    return cell_text(field_shown(column, item))


def parse(column: Column, text: str) -> Any:
    """The YAML value of what was typed (`ABSENT` for an empty cell); `CellProblem` if unreadable."""
    bad = UNPRINTABLE.search(text)
    if bad:
        raise CellProblem(
            f"含有不允许的字符 {describe_char(bad.group())}",
            "删除单元格中的不可见字符（常见于从其他系统导出的数据）。",
        )
    value = text.strip() if column.stripped or column.form != "text" else text
    if not value.strip():
        return ABSENT
    if column.sourced and value.strip() == NOT_GIVEN:
        return NOT_GIVEN
    if column.form == "levels":
        lines = [line.strip() for line in value.splitlines() if line.strip()]
        return lines[0] if len(lines) == 1 else lines
    if column.form in ("ints", "texts", "refs") and value.lstrip().startswith(EXCERPT_LABEL):
        items = _parse_list(column, value.lstrip()[len(EXCERPT_LABEL) :])
        if not column.sourced:
            raise CellProblem(f"此列不能标注{EXCERPT_LABEL}", "删除「（节选）」，只列出各项。")
        return {EXCERPT_KEY: items}
    if column.form in ("ints", "texts", "refs"):
        return _parse_list(column, value)
    return _parse_one(column, value)


def _parse_one(column: Column, value: str) -> Any:
    form = column.form
    if form == "text":
        if column.choices and value not in column.choices:
            raise CellProblem(
                f"「{value}」不是可用的取值",
                did_you_mean(value, list(column.choices))
                or f"可用取值：{'、'.join(column.choices)}",
            )
        return value
    if form == "int":
        return _int(value)
    if form == "float":
        return _float(value)
    if form == "bool":
        words = {column.words[0]: True, column.words[1]: False, "是": True, "否": False}
        if value not in words:
            raise CellProblem(
                f"「{value}」不是可用的取值", f"填写 {column.words[0]} 或 {column.words[1]}"
            )
        return words[value]
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise CellProblem(f"「{value}」不是日期", "日期写作 2025-09-01") from None


def _int(value: str) -> int:
    if _INT.match(value):
        return int(value)
    number = _number(value)
    if number is None or not number.is_integer():
        raise CellProblem(f"「{value}」不是整数", "填写不带小数的数字，如 36")
    return int(number)


def _float(value: str) -> int | float:
    number = _number(value)
    if number is None:
        raise CellProblem(f"「{value}」不是数字", "填写数字，如 4.5")
    return int(number) if number.is_integer() else number


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _parse_list(column: Column, value: str) -> list[Any]:
    if column.form == "ints":
        return [_int(part) for part in _SEMESTER_SPLIT.split(value.strip()) if part]
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if column.form == "texts":
        return lines
    refs: list[dict[str, str]] = []
    for line in lines:
        found = _REF.match(line)
        if found is None:
            raise CellProblem(
                f"「{line}」不是「能力编码：学习水平」",
                "每行写一项，如 1-2-3：掌握；编码分范围时写 1.1.1（五级/技能要求）：五级",
            )
        ref = {"ref": found["ref"].strip(), "level": found["level"].strip()}
        if found["scope"] and found["scope"].strip():
            ref["scope"] = found["scope"].strip()
        refs.append(ref)
    return refs
