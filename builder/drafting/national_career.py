"""Chapter 5 职业面向: the table of 所属专业大类（代码） … 职业类证书, read by its labels.

The national layout prints it vertically (label | value, one row each); a table typed the
other way (labels in the header row, values in the row below) reads the same, and so do the
rows of a table continued on the next page as a second table. Values keep the source's
words; the code is the part in parentheses (full-width or half-width), or a code typed
before the name (「31 电子与信息大类」).
"""

from __future__ import annotations

import re
from typing import Any

from builder.drafting import national_rules as rules
from builder.drafting.national_found import Found
from builder.drafting.national_sections import TITLES
from builder.drafting.national_word import Block, Cell, Table, fold

LABELS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("major_category", ("所属专业大类",), "所属专业大类（代码）"),
    ("major_class", ("所属专业类",), "所属专业类（代码）"),
    ("industries", ("对应行业",), "对应行业（代码）"),
    ("occupations", ("主要职业类别", "职业类别"), "主要职业类别（代码）"),
    ("posts", ("主要岗位", "岗位(群)", "技术领域"), "主要岗位（群）或技术领域"),
    ("certificates", ("职业类证书", "职业资格证书", "证书"), "职业类证书"),
)
_CODE_AFTER = re.compile(r"^(?P<name>.*?)\s*[（(]\s*(?P<code>[0-9A-Za-z][0-9A-Za-z\-.]*)\s*[)）]$")
_CODE_BEFORE = re.compile(r"^(?P<code>\d[\d\-.]*)\s+(?P<name>\S.*)$")
_OCCUPATION = re.compile(
    r"^(?P<name>.*?)\s*(?P<pre>(?:[SL]\s*)*)[（(]\s*(?P<code>\d-\d{2}-\d{2}-\d{2}(?:-\d{2})?)\s*[)）]"
    r"\s*(?P<post>(?:[SL]\s*)*)$"
)
_SEPARATORS = "、，,；;\n"
_TAIL = re.compile(r"(?:等|……|…|\.{3,})$")


def label_of(text: str) -> str | None:
    """The career field a row label names, if any."""
    folded = fold(text)
    for key, names, _ in LABELS:
        if any(folded.startswith(name) for name in names):
            return key
    return None


def split_items(text: str) -> list[str]:
    """Items of a list cell, split at 、，；and line breaks outside parentheses."""
    items: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        if char in _SEPARATORS and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    cleaned = [item.strip().rstrip("。") for item in items]
    if cleaned and cleaned[-1]:
        cleaned[-1] = _TAIL.sub("", cleaned[-1]).strip()
    return [item for item in cleaned if item]


MAX_VALUE = 200
"""Longer text is not a name with a code (and is never given to the patterns: no backtracking)."""


def code_name(text: str) -> dict[str, str] | None:
    """{code, name} from 「名称（代码）」 or 「代码 名称」, None when there is no code."""
    value = text.strip().rstrip("。")
    if len(value) > MAX_VALUE:
        return None
    found = _CODE_AFTER.match(value) or _CODE_BEFORE.match(value)
    if found is None or not found.group("name").strip():
        return None
    return {"code": found.group("code"), "name": found.group("name").strip()}


def occupation(text: str) -> dict[str, Any] | None:
    if len(text.strip()) > MAX_VALUE:
        return None
    found = _OCCUPATION.match(text.strip().rstrip("。"))
    if found is None or not found.group("name").strip():
        return None
    marks = [m for m in (found.group("pre") + found.group("post")) if m in "SL"]
    value: dict[str, Any] = {"code": found.group("code"), "name": found.group("name").strip()}
    if marks:
        value["marks"] = marks
    return value


def career_rows(blocks: list[Block]) -> dict[str, Cell]:
    """The value cell of each label, from every table of the chapter (first one wins)."""
    rows: dict[str, Cell] = {}
    for table in (b for b in blocks if isinstance(b, Table)):
        header = [label_of(c.text) for c in table.rows[0]] if table.rows else []
        if sum(1 for key in header if key) >= 3 and len(table.rows) > 1:
            for column, key in enumerate(header):
                if key and key not in rows and column < len(table.rows[1]):
                    rows[key] = table.rows[1][column]
            continue
        for row in table.rows:
            if len(row) < 2:
                continue
            key = label_of(row[0].text)
            value = next((c for c in row[1:] if not c.spanned or c.text), row[1])
            if key and key not in rows:
                rows[key] = value
    return rows


def read_career(blocks: list[Block] | None, found: Found) -> None:
    """Fill `found.data["career"]` from the chapter's table (see the module)."""
    title = TITLES["career"]
    if blocks is None:
        found.missing("career", title, detail="文件中没有这一章")
        found.problem(rules.MISSING, f"文件中没有「{title}」一章", "")
        return
    rows = career_rows(blocks)
    career: dict[str, Any] = {}
    for key, _, label in LABELS:
        path = f"career.{key}"
        cell = rows.get(key)
        if cell is None or not cell.text.strip():
            found.missing(path, label)
            if key not in ("major_category", "major_class"):
                career[key] = "原文未给出"
            found.problem(rules.MISSING, f"职业面向表中没有「{label}」一栏", "")
            continue
        value = _value(key, cell, found, label)
        if value is None:
            found.unread(path, label, cell.where, cell.text[:40])
            if key not in ("major_category", "major_class"):
                career[key] = "原文未给出"
            continue
        career[key] = value
        found.saw_all(path, value, cell.text)
        count = f"{len(value)} 项" if isinstance(value, list) else ""
        found.read(path, label, cell.where, count)
    found.data["career"] = career


def _value(key: str, cell: Cell, found: Found, label: str) -> Any:
    if key in ("major_category", "major_class"):
        value = code_name(cell.text)
        if value is None:
            found.problem(
                rules.UNREAD, f"「{cell.text[:30]}」没有括号中的代码（{label}）", cell.where
            )
        return value
    items = split_items(cell.text)
    if key == "industries":
        parsed = [code_name(item) for item in items]
    elif key == "occupations":
        parsed = [occupation(item) for item in items]
    else:
        return items or None
    bad = [item for item, value in zip(items, parsed, strict=True) if value is None]
    for item in bad:
        found.problem(
            rules.UNREAD,
            f"「{item[:30]}」读不出名称和括号中的代码（{label}），未导入这一项",
            cell.where,
        )
    kept = [value for value in parsed if value is not None]
    return kept or None
