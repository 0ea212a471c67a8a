"""Code-system checks: 专业代码, 职业分类大典 codes, GB/T 4754 industries, 文号."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator

from builder.base.diagnostics import DataPath, Diagnostic, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext
from builder.check.lifecycle import PLACEHOLDER
from builder.check.lookalike import has_confusable
from builder.model.sourced import is_not_given
from builder.read.catalog import LEVEL_RANGES, level_of

SPECIALTY_CODE = re.compile(r"^\d{6}K?$", re.ASCII)
"""6 digits; the 2021 catalog marks 国家控制布点专业 with a trailing K (e.g. 520101K)."""
OCCUPATION_CODE = re.compile(r"^\d-\d{2}-\d{2}-\d{2}$", re.ASCII)
OCCUPATION_MINOR = re.compile(r"^\d-\d{2}-\d{2}$", re.ASCII)
INDUSTRY_CODE = re.compile(r"^(?:[A-T]|\d{2}|\d{3}|\d{4})$", re.ASCII)
DOC_NO = re.compile(r"^(?P<org>[\u4e00-\u9fa5]+)〔(?P<year>[0-9]{4})〕(?P<seq>[1-9][0-9]*)号$")


@check(
    "ZB501",
    "specialty-code-format",
    Severity.ERROR,
    "专业代码不是 6 位数字",
    'code: "51029"   # 少一位',
)
def specialty_code_format(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """专业代码为 6 位数字（前 2 位专业大类，前 4 位专业类），国家控制布点专业后缀 K；
    各文件的 specialty 字段、共用课程标准适用范围中的专业代码（applies_to.specialties）同样如此（原文没有专业代码时
    写 原文未给出，不报告）。含全角数字等形似字符的代码只报 ZB507。"""
    for item in ctx.corpus.documents:
        field = "code" if item.kind == "specialty" else "specialty"
        places: list[tuple[str, DataPath]] = []
        value = getattr(item.doc, field)
        if value is not None and not (field == "specialty" and is_not_given(value)):
            places.append((value, (field,)))
        applies = getattr(item.doc, "applies_to", None)
        if applies is not None:
            places += [
                (c, ("applies_to", "specialties", i)) for i, c in enumerate(applies.specialties)
            ]
        for code, path in places:
            if not SPECIALTY_CODE.match(code) and not has_confusable(code):
                yield rule.diag(
                    item.rel,
                    f"专业代码「{code}」应为 6 位数字（国家控制布点专业可带后缀 K）",
                    path=path,
                )


@check(
    "ZB502",
    "specialty-code-level",
    Severity.ERROR,
    "专业代码与层次不符",
    'code: "510209"\nlevel: 中职   # 51 是高职专科的电子与信息大类',
)
def specialty_code_level(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """2021 年版专业目录中，专业代码前 2 位是专业大类代码，并标示层次：21–39 职业本科，
    41–59 高职专科，61–79 中职（如 51 与 71 都是电子与信息大类）。
    专业大类、专业类代码必须是专业代码的前 2、4 位。接续专业中高职专科、职业本科的代码同样核对。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None or not SPECIALTY_CODE.match(spec.doc.code):
            continue
        doc = spec.doc
        expected = level_of(doc.code)
        if ctx.catalog.edition == "2021" and expected != doc.level:
            ranges = "，".join(f"{low}–{high} {level}" for low, high, level in LEVEL_RANGES)
            yield rule.diag(
                spec.rel,
                f"专业代码 {doc.code} 的专业大类代码为 {doc.code[:2]}，对应「{expected or '未知层次'}」，但层次写的是「{doc.level}」",
                hint=f"2021 年版目录的专业大类代码：{ranges}。",
                path=("level",),
            )
        for i, follow in enumerate(doc.continuation):
            wanted = {low: (lo, hi) for lo, hi, low in LEVEL_RANGES}.get(follow.level)
            if wanted and not (
                SPECIALTY_CODE.match(follow.code) and level_of(follow.code) == follow.level
            ):
                yield rule.diag(
                    spec.rel,
                    f"接续专业「{follow.name}」的代码 {follow.code} 与层次「{follow.level}」不符"
                    f"（应为专业大类代码 {wanted[0]}–{wanted[1]} 开头的 6 位数字）",
                    path=("continuation", i, "code"),
                )
        career = doc.career
        if career.major_category.code != doc.code[:2]:
            yield rule.diag(
                spec.rel,
                f"专业大类代码 {career.major_category.code} 应为专业代码的前 2 位 {doc.code[:2]}",
                path=("career", "major_category", "code"),
            )
        if career.major_class.code != doc.code[:4]:
            yield rule.diag(
                spec.rel,
                f"专业类代码 {career.major_class.code} 应为专业代码的前 4 位 {doc.code[:4]}",
                path=("career", "major_class", "code"),
            )


@check(
    "ZB503", "specialty-code-unknown", Severity.WARNING, "专业代码不在专业目录中", 'code: "510299"'
)
def specialty_code_unknown(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """专业代码及名称应能在所用版本的专业目录中查到。随附的是 2021 年目录及此后的增补，更晚增补的专业可能查不到：查不到时给出警告，
    可在 zhibiao.yaml 的 catalog_extra 中补充条目。名称与目录不一致时同样警告。"""
    known = ctx.catalog.specialties
    for entry, _ in ctx.sets():
        same_class = [c for c in known if entry.code[:4] == c[:4]]
        spec = entry.specialty
        if spec is None or not SPECIALTY_CODE.match(spec.doc.code):
            continue
        found = known.get(spec.doc.code)
        if found is None:
            yield rule.diag(
                spec.rel,
                f"专业代码 {spec.doc.code} 不在随附的专业目录（{ctx.catalog.edition}）中",
                path=("code",),
                hint=_typo(spec.doc.code, same_class)
                + "如确属目录中的专业，请在 zhibiao.yaml 的 catalog_extra 中补充。",
            )
        elif found.name != spec.doc.name:
            yield rule.diag(
                spec.rel,
                f"专业名称「{spec.doc.name}」与目录中 {found.code}「{found.name}」不一致",
                path=("name",),
            )


@check(
    "ZB504",
    "occupation-code",
    Severity.ERROR,
    "职业编码格式错误",
    'code: "4-4-5-5"   # 应为 4-04-05-05',
)
def occupation_code(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """主要职业类别的编码采用《国家职业分类大典》格式 大类-中类-小类-细类，即 d-dd-dd-dd；
    2018 年参考格式要求“到小类”，所以只到小类的 d-dd-dd 也接受。尚未填写的“待补充”只报 ZB605。"""
    for entry, _ in ctx.sets():
        if entry.specialty is None:
            continue
        for i, occupation in enumerate(entry.specialty.doc.career.occupations):
            if (
                OCCUPATION_CODE.match(occupation.code)
                or OCCUPATION_MINOR.match(occupation.code)
                or occupation.code == PLACEHOLDER
                or has_confusable(occupation.code)
            ):
                continue
            yield rule.diag(
                entry.specialty.rel,
                f"职业编码「{occupation.code}」格式应为 d-dd-dd-dd（如 4-04-05-05）",
                path=("career", "occupations", i, "code"),
                hint=_occupation_hint(occupation.code),
            )


def _typo(code: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(code, sorted(known), n=1, cutoff=0.8)
    return f"若是笔误，是否应为「{close[0]}」？" if close else ""


def _occupation_hint(code: str) -> str | None:
    """Suggest the zero-padded form of a code such as 4-4-5-5."""
    parts = code.replace("－", "-").replace("—", "-").split("-")
    if len(parts) in {3, 4} and all(p.isdigit() for p in parts):
        padded = "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])
        if OCCUPATION_CODE.match(padded) or OCCUPATION_MINOR.match(padded):
            return f"是否应为「{padded}」？"
    return None


@check("ZB505", "industry-code", Severity.ERROR, "行业代码格式错误", 'code: "6５"')
def industry_code(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """对应行业的代码采用 GB/T 4754：门类为一个大写字母 A–T，大类 2 位、中类 3 位、小类 4 位数字。
    尚未填写的“待补充”只报 ZB605。"""
    for entry, _ in ctx.sets():
        if entry.specialty is None:
            continue
        for i, industry in enumerate(entry.specialty.doc.career.industries):
            if (
                not INDUSTRY_CODE.match(industry.code)
                and industry.code != PLACEHOLDER
                and not has_confusable(industry.code)
            ):
                joined = re.match(r"^[A-T](\d{2,4})$", industry.code)
                yield rule.diag(
                    entry.specialty.rel,
                    f"行业代码「{industry.code}」不符合 GB/T 4754（门类 A–T，或 2–4 位数字）",
                    path=("career", "industries", i, "code"),
                    hint=f"门类字母不与数字连写；是否应为「{joined.group(1)}」？"
                    if joined
                    else None,
                )


@check(
    "ZB506",
    "doc-no-format",
    Severity.ERROR,
    "发文字号格式错误",
    "doc_no: 教职成[2019]13号   # 应使用六角括号〔〕",
)
def doc_no_format(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """发文字号写作 机关代字〔年份〕序号号（GB/T 9704-2012 7.2.5）：年份用六角括号〔〕、写全 4 位，
    序号不编虚位（不写 01）、不加“第”。"""
    for item in ctx.corpus.documents:
        doc_no = item.doc.meta.doc_no
        if doc_no and not DOC_NO.match(doc_no):
            fixed = (
                doc_no.replace("[", "〔").replace("]", "〕").replace("【", "〔").replace("】", "〕")
            )
            fixed = re.sub(
                r"〕0+(\d)", r"〕\1", unicodedata.normalize("NFKC", fixed.replace("第", ""))
            )
            fixed = fixed.replace("[", "〔").replace("]", "〕")
            hint = f"是否应为「{fixed}」？" if DOC_NO.match(fixed) else "格式如 教职成〔2019〕13号"
            yield rule.diag(
                item.rel, f"发文字号「{doc_no}」格式不正确", path=("meta", "doc_no"), hint=hint
            )
