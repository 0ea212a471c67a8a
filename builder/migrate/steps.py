"""The registry of migration steps, applied in order; each is small, named and idempotent.

A step recognises an old shape at one field of the round-trip tree and rewrites it there,
or, when it cannot tell what the old file meant, leaves the value and says why. Model v1
(commit baf15ee) and v2 (1f9add0) transcriptions wrote what the source does not give as
`待补充  # 原文未给出`, with invented numbers and placeholder rows where the model forced a
value (`area: 1  # 原文未给出`, `- {name: 待补充, …, quantity: 1}  # 原文未给出`); model v3
writes `原文未给出`, `{节选: [...]}` or leaves an optional value out (docs/transcribe.md).
A bare `待补充` without that comment is the skeleton's "still to be written" and is never
touched: it does not mean the same thing.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from builder.base.diagnostics import DataPath
from builder.migrate.fields import (
    NAME_FIELDS,
    PLACEHOLDER,
    Site,
    _unwrap,
    accepts_marked_list,
    accepts_text,
    comment_before,
    comment_text,
    is_code,
    is_number,
    is_placeholder,
    is_text,
    marked_here,
)
from builder.model.sourced import NOT_GIVEN


@dataclass(frozen=True, slots=True)
class Rewrite:
    """Replace the value at the site by `value`, or remove the key when `value` is REMOVE."""

    value: Any


REMOVE: Any = object()


@dataclass(frozen=True, slots=True)
class Undecided:
    """An old-looking value the step leaves alone, and why (shown by migrate, ZB017)."""

    path: DataPath
    reason: str


Outcome = Rewrite | Undecided | None


@dataclass(frozen=True, slots=True)
class Step:
    """One migration: its name, what it does (Chinese, one line), and its recogniser."""

    name: str
    label: str
    description: str
    recognise: Callable[[Site], Outcome]


def _placeholder(site: Site) -> bool:
    """The value is an old placeholder: all filler or marked, marked somewhere, and either
    holding a 待补充 or a forced number (a marked real text is the transcriber's choice)."""
    ok, marked, filler = is_placeholder(site.value, marked_here(site.container, site.key))
    return ok and marked and (filler or is_number(site.value))


def placeholder_list(site: Site) -> Outcome:
    """A list of placeholder rows marked 原文未给出 → `原文未给出` (the list is not given)."""
    value = site.value
    if not isinstance(value, CommentedSeq) or not accepts_marked_list(site.hint):
        return None
    if _placeholder(site):
        return Rewrite(NOT_GIVEN)
    rows = [is_placeholder(item, marked_here(value, i)) for i, item in enumerate(value)]
    if any(ok and marked and fill for ok, marked, fill in rows) and not all(r[0] for r in rows):
        return Undecided(
            site.path,
            "列表中既有原文的条目，又有标注“原文未给出”的占位条目；若原文只列出一部分，"
            "请删去占位条目并改写为 {节选: [...]}",
        )
    return None


def optional_placeholder(site: Site) -> Outcome:
    """A value the old model forced (a number, a list, a choice) marked 原文未给出 on a field
    that is now optional → the key is removed (an optional value the source lacks is not
    written). Texts and lists that take the marker are left to the other steps."""
    if is_text(site.hint) or accepts_marked_list(site.hint) or not _placeholder(site):
        return None
    if isinstance(site.value, CommentedMap):
        return None  # a section of its own: its texts say 原文未给出 (placeholder-text)
    if not site.required:
        return Rewrite(REMOVE)
    if is_code(site.hint) or not is_number(site.value):
        return None  # codes stay 待补充 with the comment; a chosen value is the author's
    return Undecided(
        site.path,
        "标注“原文未给出”的值在当前模型中仍是必填项，无法删除；请按原文填写",
    )


NOT_GIVEN_CODES = frozenset(
    {("specialty", kind) for kind in ("competencies", "course", "internship", "training_base")}
    | {("code", "course")}
)
"""Codes a document may write 原文未给出 (docs/transcribe.md「没有专业代码的标准」): the specialty
of a standard named by its specialty only, the course code of a course standard."""


def _code_not_given(site: Site) -> bool:
    return len(site.path) == 1 and (site.key, str(site.container.get("kind"))) in NOT_GIVEN_CODES


def placeholder_text(site: Site) -> Outcome:
    """`待补充  # 原文未给出` on a text (or on a code that may be not given: a document's
    `specialty`, a course's `code`) → `原文未给出`. Names and titles keep 待补充 (they must be
    filled, docs/transcribe.md) and are reported."""
    value = site.value
    if not (isinstance(value, str) and value.strip() == PLACEHOLDER):
        return None
    if not (is_text(site.hint) or _code_not_given(site)):
        return None
    if not marked_here(site.container, site.key):
        return None  # the skeleton's 待补充: the author still has to write it
    if site.key in NAME_FIELDS:
        return Undecided(site.path, "名称不能写“原文未给出”，保留“待补充”；请按原文填写名称")
    if not accepts_text(site, NOT_GIVEN):
        return Undecided(
            site.path, "这个字段（日期、编号等）不能写“原文未给出”；请按原文填写或删去"
        )
    return Rewrite(NOT_GIVEN)


_SOURCE_TERM = re.compile(r"原文(?:为|作|写作)[“\"「]([^”\"」]+)[”\"」]")


def _choices(hint: Any) -> set[str]:
    found: set[str] = set()
    for candidate in _unwrap(hint):
        if typing.get_origin(candidate) is typing.Literal:
            found.update(a for a in typing.get_args(candidate) if isinstance(a, str))
    return found


def source_term(site: Site) -> Outcome:
    """A choice the old model forced, with the source's own term in the comment
    (`type: 岗位实习  # 原文为“顶岗实习”`) → the source's term, once the model accepts it."""
    value = site.value
    if not isinstance(value, str):
        return None
    match = _SOURCE_TERM.search(comment_text(site.container, site.key))
    if match is None or match.group(1) == value.strip():
        return None
    if match.group(1) in _choices(site.hint):
        return Rewrite(match.group(1))
    return None


_CUT_OFF = re.compile(r"截断|节选|未能取得|未取得|只列出|只取得")


def excerpt_note(site: Site) -> Outcome:
    """A list whose comment says the copy stops there (截断, 节选, 未能取得): it may be an
    excerpt (`{节选: [...]}`), or the source may end there; only the transcriber knows."""
    if not isinstance(site.value, CommentedSeq) or not accepts_marked_list(site.hint):
        return None
    notes = comment_before(site.container, site.key) + comment_text(site.container, site.key)
    if not _CUT_OFF.search(notes) or NOT_GIVEN in notes:
        return None
    return Undecided(
        site.path,
        "注释说这个列表在副本中截断或只列出一部分；若原文（或副本）只给出一部分，"
        "请改写为 {节选: [...]}，列出的条目后会显示“（节选）”",
    )


STEPS: tuple[Step, ...] = (
    Step(
        "placeholder-rows",
        "占位行",
        "整个列表都是标注“# 原文未给出”的占位条目（待补充、凑数的 1 或 100）时，改写为 原文未给出",
        placeholder_list,
    ),
    Step(
        "forced-values",
        "强制填写的数值",
        "旧模型强制填写、标注“# 原文未给出”的数值或条目（面积 1、学时 0、学期 [1] 等），"
        "在字段已可省略时删除该键",
        optional_placeholder,
    ),
    Step(
        "placeholder-text",
        "注明原文未给出的待补充",
        "正文字段（以及文件的专业代码、课程标准的课程代码）写“待补充”并注明“# 原文未给出”的，"
        "改写为 原文未给出（没有该注释的“待补充”不动）",
        placeholder_text,
    ),
    Step(
        "source-term",
        "改写过的原文术语",
        "旧模型不接受原文的术语、只能改写并在注释中写明“原文为“…””的选项值（如实习类型 顶岗实习），"
        "在当前模型接受该术语时恢复原文",
        source_term,
    ),
    Step(
        "excerpt-note",
        "截断的列表",
        "注释说明列表在副本中截断的，只报告（可能应写作 {节选: [...]}），不改动",
        excerpt_note,
    ),
)
"""Every step, in the order applied."""
