"""Names against the bundled classifications: 专业大类/专业类 (专业目录) and 职业 (职业分类大典)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from builder.base.diagnostics import Diagnostic, Severity
from builder.base.rules import Rule, check
from builder.check.codes import OCCUPATION_CODE, OCCUPATION_MINOR
from builder.check.context import CheckContext
from builder.check.lifecycle import PLACEHOLDER
from builder.read.occupations import load_occupations

MARK_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff）)])[\s\u3000]*[（(]?(L/S|S/L|S|L)[)）]?$")
"""A 大典 mark typed at the end of an occupation name: 计算机软件工程技术人员S, …人员（L/S）."""


def split_marks(name: str) -> tuple[str, frozenset[str]]:
    """The occupation name without a trailing mark, and the marks it carried."""
    found = MARK_IN_NAME.search(name)
    if found is None:
        return name, frozenset()
    return name[: found.start()].rstrip(), frozenset(found.group(1).replace("/", ""))


def _marks(marks: frozenset[str] | set[str]) -> str:
    return "、".join(sorted(marks)) if marks else "无"


@check(
    "ZB508",
    "category-name",
    Severity.ERROR,
    "专业大类、专业类名称与专业目录不符",
    'major_category: {code: "51", name: 电子信息大类}   # 2021 年目录为 电子与信息大类',
)
def category_name(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """职业面向中的所属专业大类、专业类，名称须与所用版本专业目录中同一代码的名称一致（随附目录节选中查得到的
    代码才比较，随附的是完整的 2021 年目录及增补；2015 年目录的旧名称如“电子信息大类”在 2021 年目录中已改为“电子与信息大类”）。"""
    tables = (
        ("major_category", "专业大类", ctx.catalog.categories),
        ("major_class", "专业类", ctx.catalog.classes),
    )
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        for field, label, table in tables:
            given = getattr(spec.doc.career, field)
            known = table.get(given.code)
            if known is not None and known.name != given.name.strip():
                yield rule.diag(
                    spec.rel,
                    f"{label} {given.code} 写作「{given.name}」，"
                    f"专业目录（{ctx.catalog.edition}）中为「{known.name}」",
                    path=("career", field, "name"),
                    hint=f"改为「{known.name}」，或核对代码。",
                )


@check(
    "ZB509",
    "occupation-name",
    Severity.ERROR,
    "职业名称与职业分类大典不符",
    '{code: "2-02-10-03", name: 计算机软件工程技术人员S}   # 标识应写在 marks 中',
)
def occupation_name(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """主要职业类别的名称须与《国家职业分类大典》（版本见 catalogs.occupation，随附 2022 年版节选）中同一编码的
    职业名称一致；名称末尾不得带数字职业、绿色职业标识（S、L、L/S），标识写在 marks 中。"""
    data = load_occupations(ctx.config)
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        for i, occupation in enumerate(spec.doc.career.occupations):
            name, typed = split_marks(occupation.name.strip())
            if typed:
                yield rule.diag(
                    spec.rel,
                    f"职业名称「{occupation.name}」末尾的「{occupation.name[len(name) :].strip()}」"
                    "是大典的标识，不是名称的一部分",
                    path=("career", "occupations", i, "name"),
                    hint=f"名称写「{name}」，标识写 marks: [{', '.join(sorted(typed))}]。",
                )
            known = data.occupations.get(occupation.code)
            if known is not None and known.name != name:
                elsewhere = data.code_of(name)
                yield rule.diag(
                    spec.rel,
                    f"职业 {occupation.code} 写作「{name}」，职业分类大典（{data.edition}）中为「{known.name}」",
                    path=("career", "occupations", i, "name"),
                    hint=f"「{name}」在大典中的编码是 {elsewhere}，是否应改编码？"
                    if elsewhere
                    else f"改为「{known.name}」，或核对编码。",
                )


@check(
    "ZB510",
    "occupation-marks",
    Severity.WARNING,
    "职业的数字/绿色标识与职业分类大典不符",
    '{code: "4-04-05-05", name: 人工智能训练师}   # 大典标为 S（数字职业）',
)
def occupation_marks(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """主要职业类别的标识（marks：S 数字职业、L 绿色职业）须与职业分类大典一致：2025 年专业教学标准在职业名称后
    标注 S/L，漏标或错标都会报告。写在名称末尾的标识（ZB509）也计入。"""
    data = load_occupations(ctx.config)
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        for i, occupation in enumerate(spec.doc.career.occupations):
            known = data.occupations.get(occupation.code)
            if known is None:
                continue
            given = set(occupation.marks) | split_marks(occupation.name.strip())[1]
            if given != known.marks:
                yield rule.diag(
                    spec.rel,
                    f"职业 {occupation.code}「{known.name}」的标识写的是「{_marks(given)}」，"
                    f"职业分类大典（{data.edition}）中为「{_marks(set(known.marks))}」",
                    path=("career", "occupations", i, "code"),
                    hint=f"写 marks: [{', '.join(sorted(known.marks))}]。"
                    "（S 数字职业，L 绿色职业）",
                )


@check(
    "ZB511",
    "occupation-unknown",
    Severity.WARNING,
    "职业编码不在职业分类大典中",
    'code: "4-04-05-99"',
)
def occupation_unknown(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """格式正确的职业编码（细类 d-dd-dd-dd 或小类 d-dd-dd）应能在所用版本的职业分类大典中查到。随附的是
    2022 年版（含此后公布的新职业）的节选：查不到时给出警告，可在 zhibiao.yaml 的 occupation_extra 中补充。
    没有随附数据的大典版本不检查。"""
    data = load_occupations(ctx.config)
    if not data.available:
        return
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        for i, occupation in enumerate(spec.doc.career.occupations):
            code = occupation.code
            if code == PLACEHOLDER:
                continue
            if OCCUPATION_CODE.match(code):
                missing = code not in data.occupations
            elif OCCUPATION_MINOR.match(code):
                missing = code not in data.minor_groups
            else:
                continue  # ZB504 reports the format
            if missing:
                by_name = data.code_of(split_marks(occupation.name.strip())[0])
                siblings = sorted(
                    f"{c} {o.name}" for c, o in data.occupations.items() if c[:7] == code[:7]
                )
                shown = "、".join(siblings[:5]) + ("…" if len(siblings) > 5 else "")
                yield rule.diag(
                    spec.rel,
                    f"职业编码 {code} 不在职业分类大典（{data.edition}）节选中",
                    path=("career", "occupations", i, "code"),
                    hint=(
                        f"大典（{data.edition}）中「{occupation.name}」的编码是 {by_name}"
                        "（旧版大典的编码？）。"
                        if by_name
                        else (f"同一小类的职业：{shown}。" if siblings else "")
                    )
                    + "如确属大典中的职业，请在 zhibiao.yaml 的 occupation_extra 中补充。",
                )
