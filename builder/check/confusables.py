"""Codes written with look-alike characters, and documents whose specialty matches nothing.

A code typed in a Chinese input method easily gets a fullwidth digit (５10209), a Cyrillic
or Greek letter that looks Latin (Ζ, Н), or an invisible zero-width space. Python's `\\d`
and `str.isdigit` accept fullwidth digits, so such a code looked valid and silently
matched nothing; ZB507 names the character, its exact line and column, and the ASCII code.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from builder.base.diagnostics import DataPath, Diagnostic, Severity
from builder.base.rules import Rule, check
from builder.check.codes import SPECIALTY_CODE
from builder.check.context import CheckContext
from builder.check.fieldnames import inner_model
from builder.check.lifecycle import PLACEHOLDER
from builder.check.lookalike import ascii_code, has_confusable, problem
from builder.model import Specialty
from builder.model.sourced import is_not_given
from builder.read.locate import compose, locate
from builder.read.yamlsource import decode, read_limited

CODE_FIELDS = frozenset(
    {"code", "specialty", "ref", "course", "prerequisites", "followups", "courses", "competencies"}
)
"""Fields that hold codes (or code-or-name references)."""


def code_strings(doc: Any) -> Iterator[tuple[DataPath, str]]:
    """(path, value) of every code-holding string of a document (meta and file paths left out)."""
    yield from _walk(doc, ())


def _walk(model: BaseModel, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    codes, children = _plan(type(model))
    for name in codes:
        if not path and name == "competencies" and isinstance(model, Specialty):
            continue  # the path of the competency list file, not a code
        value = getattr(model, name)
        if isinstance(value, str):
            yield (*path, name), value
        elif isinstance(value, list):
            yield from (((*path, name, i), v) for i, v in enumerate(value) if isinstance(v, str))
    for name in children:
        value = getattr(model, name)
        if isinstance(value, list):
            for i, child in enumerate(value):
                if isinstance(child, BaseModel):
                    yield from _walk(child, (*path, name, i))
        elif isinstance(value, BaseModel):
            yield from _walk(value, (*path, name))


def _all_ascii(model: BaseModel) -> bool:
    """True when every code string under `model` is ASCII (the usual case, checked cheaply)."""
    codes, children = _plan(type(model))
    for name in codes:
        value = getattr(model, name)
        if isinstance(value, str):
            if not value.isascii():
                return False
        elif isinstance(value, list) and not all(v.isascii() for v in value if isinstance(v, str)):
            return False
    for name in children:
        value = getattr(model, name)
        if isinstance(value, list):
            if not all(_all_ascii(c) for c in value if isinstance(c, BaseModel)):
                return False
        elif isinstance(value, BaseModel) and not _all_ascii(value):
            return False
    return True


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Code fields and nested-model fields of a model class (meta is skipped)."""
    codes, children = [], []
    for name, info in model.model_fields.items():
        if name == "meta":
            continue
        if inner_model(info.annotation) is not None:
            children.append(name)
        elif name in CODE_FIELDS:
            codes.append(name)
    return tuple(codes), tuple(children)


@check(
    "ZB507",
    "confusable-code",
    Severity.ERROR,
    "编码中有全角、形似或看不见的字符",
    'code: "５10209"   # 第 1 位是全角数字',
)
def confusable_code(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """编码（专业代码、课程代码、能力编码、职业与行业代码、引用的编码等）只能用 ASCII 字符。全角数字和字母
    （５、Ｚ）、形似拉丁字母的西里尔或希腊字母（Н、Ζ）、破折号代替的连字符、零宽空格等看起来一样，却与任何编码
    都对不上。消息给出第一个这样的字符、它的行列位置和应写的 ASCII 编码；ZB501、ZB504、ZB505 不再重复报告。"""
    for item in ctx.corpus.documents:
        if _all_ascii(item.doc):
            continue
        for path, value in code_strings(item.doc):
            if value.isascii() or not has_confusable(value):
                continue
            index = next(i for i, c in enumerate(value) if problem(c))
            count = sum(1 for c in value if problem(c))
            line, column = _char_position(ctx.corpus.location(item), path, value, index)
            more = f"（共 {count} 个这样的字符）" if count > 1 else ""
            yield rule.diag(
                item.rel,
                f"编码「{value}」的第 {index + 1} 个字符{problem(value[index])}{more}",
                path=path,
                line=line,
                column=column,
                hint=f"应为「{ascii_code(value)}」。",
            )


def _char_position(file: str, path: DataPath, value: str, index: int) -> tuple[int, int]:
    """Line and column of `value[index]` in the file; (0, 0) leaves placing to the data path."""
    try:
        text = decode(read_limited(Path(file)))
    except Exception:  # the file loaded a moment ago; if it is gone, fall back to the path
        return 0, 0
    position = locate(compose(text), path)
    if not position.found:
        return 0, 0
    lines = text.replace("\r\n", "\n").split("\n")
    raw = lines[position.line - 1] if position.line <= len(lines) else ""
    start = position.column - 1
    quoted = start < len(raw) and raw[start] in "\"'"
    exact = start + (1 if quoted else 0) + index
    if exact < len(raw) and raw[exact] == value[index]:
        return position.line, exact + 1
    found = raw.find(value[index], start)
    return position.line, (found + 1 if found >= 0 else position.column)


@check(
    "ZB213",
    "references-skipped",
    Severity.INFO,
    "专业代码对不上，引用与覆盖检查没有运行",
    'specialty: "５10209"   # 与 510209 的专业教学标准对不上',
)
def references_skipped(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """文件的 `specialty`（或专业教学标准的 `code`）格式不对时（ZB501、ZB507），它与任何专业都对不上：课程引用、
    能力覆盖和实训室检查（ZB201、ZB202、ZB301、ZB302、ZB304）都不会对它运行。本规则说明这一点，并在有同一代码的
    ASCII 写法的专业时指出它。格式正确却没有专业教学标准的，见 ZB205；仍为“待补充”的只报 ZB605；原文没有专业代码
    （specialty: 原文未给出）的文件按原文给出的专业名称归在一起，不报告。"""
    known = {ref.specialty for ref in ctx.corpus.index.values() if ref.kind == "specialty"}
    for code, entry in ctx.corpus.specialties.items():
        if SPECIALTY_CODE.match(code) or code == PLACEHOLDER or _named(entry) or entry.is_shared:
            continue
        meant = ascii_code(code)
        for item in entry.documents():
            field = "code" if item.kind == "specialty" else "specialty"
            yield rule.diag(
                item.rel,
                f"专业代码「{code}」格式不对，本文件与任何专业都对不上，其引用与覆盖检查没有运行",
                path=(field,),
                hint=f"改正后将与专业 {meant} 的文件一起检查。"
                if meant in known and meant != code
                else "改正专业代码后再检查一次。",
            )


def _named(entry: Any) -> bool:
    """A set keyed by a name: every document says the source gives no specialty code."""
    return all(
        item.kind != "specialty" and is_not_given(item.doc.specialty) for item in entry.documents()
    )
