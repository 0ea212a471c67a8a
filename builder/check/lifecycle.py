"""Lifecycle and metadata checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from builder.base.diagnostics import Diagnostic, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext
from builder.check.fieldnames import describe_field
from builder.model.meta import PUBLISHED_STATUSES, RETIRED_STATUSES, STATUS_ORDER
from builder.view.identity import document_key

PLACEHOLDER = "待补充"
"""Text that `zhibiao new` puts where an author still has to write."""


SCHOOL_NAME = re.compile(r"(学院|学校|大学|中专|技校|职教中心)$")
"""An issuer named like this is a school: its documents carry no 编号."""


def is_school_document(doc: Any) -> bool:
    """True for a school's own document (校本课程标准、人才培养方案): issued by a school, or a
    课程标准 with a school sign-off block or naming no issuing body and no number at all."""
    meta = doc.meta
    if any(SCHOOL_NAME.search(unit.strip()) for unit in meta.issuers):
        return True
    if doc.kind != "course":
        return False
    official = meta.issuer or meta.standard_no or meta.doc_no or meta.published_by
    return doc.signoff is not None or not official


@check(
    "ZB601",
    "published-without-number",
    Severity.ERROR,
    "已发布文件缺少编号或发布日期",
    "status: 发布\n# 缺少 doc_no / standard_no 或 issued_on",
)
def published_without_number(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """状态为“试行”或“发布”的文件，必须有标准编号（standard_no）、发文字号（doc_no），或写明文号的公布通知
    （published_by.doc_no，以通知批量公布的国家标准）——只写发文机关、没有文号的通知不算编号；并有日期：
    发布日期 issued_on、公布通知的日期或编制时间 compiled_on（均可只写年月）。
    原文只有编制时间、由发布机构署名而本身没有编号的标准（如 2021 年的实训教学条件建设标准：meta.issuer
    与 compiled_on）不要求编号；只写了发文机关、没有文号的公布通知不能代替这一署名。学校自己的文件（发布机构是学校，或课程标准带制定/审核栏、或没有任何发布机构
    和编号的校本课程标准）没有编号和发文日期，不检查。"""
    for item in ctx.corpus.documents:
        meta = item.doc.meta
        if meta.status not in PUBLISHED_STATUSES or is_school_document(item.doc):
            continue
        notice = meta.published_by
        numbered = meta.doc_no or meta.standard_no or (notice is not None and notice.doc_no)
        # an own signature (发布机构) with the 编制时间; a notice naming only its issuer is
        # neither a number nor a signature of the document
        compiled_form = meta.compiled_on is not None and bool(meta.issuers)
        if not numbered and not compiled_form:
            bare_notice = notice is not None and not notice.doc_no
            yield rule.diag(
                item.rel,
                f"状态为「{meta.status}」，但没有标准编号或发文字号"
                + ("（公布通知只写了发文机关，没有文号）" if bare_notice else ""),
                path=("meta", "published_by") if bare_notice else ("meta", "status"),
                hint="在 published_by 中填写通知的文号 doc_no。"
                if bare_notice
                else "在 meta 中填写 standard_no（如 T/CIE 101—2025）或 doc_no 与 issuer，"
                "或以 published_by 写明公布通知及其文号。",
            )
        if (
            meta.issued_on is None
            and meta.compiled_on is None
            and (notice is None or notice.date is None)
        ):
            yield rule.diag(
                item.rel,
                f"状态为「{meta.status}」，但没有发布日期 issued_on",
                path=("meta", "status"),
                hint="在 meta 中填写 issued_on（YYYY-MM-DD）；原文只有编制时间时填写 compiled_on。",
            )


@check(
    "ZB602",
    "retired-without-replacement",
    Severity.ERROR,
    "被代替的文件没有指明替代者",
    "status: 被代替\n# 缺少 replaced_by",
)
def retired_without_replacement(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """状态为“被代替”的文件必须用 replaced_by 指明代替它的标准编号；“废止”文件可不填。"""
    for item in ctx.corpus.documents:
        meta = item.doc.meta
        if meta.status == "被代替" and not meta.replaced_by:
            yield rule.diag(
                item.rel,
                "状态为「被代替」，但没有 replaced_by",
                path=("meta", "status"),
                hint="填写代替本文件的标准编号。",
            )
        if meta.replaced_by and meta.status not in RETIRED_STATUSES:
            yield rule.diag(
                item.rel,
                f"填写了 replaced_by，但状态为「{meta.status}」",
                path=("meta", "replaced_by"),
                hint="被代替的文件状态应为“被代替”。",
            )


@check(
    "ZB603",
    "doc-no-without-issuer",
    Severity.ERROR,
    "发文字号缺少发文机关",
    "doc_no: 教职成〔2019〕13号\n# 缺少 issuer",
)
def doc_no_without_issuer(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """发文字号并不全局唯一（如河南省教育厅与教育部都用“教职成”代字），填写 doc_no 时必须同时填写 issuer。"""
    for item in ctx.corpus.documents:
        meta = item.doc.meta
        if meta.doc_no and not meta.issuer:
            yield rule.diag(
                item.rel,
                f"发文字号「{meta.doc_no}」没有对应的发文机关 issuer",
                path=("meta", "doc_no"),
                hint="在 meta 中填写 issuer（如 教育部）。",
            )


@check(
    "ZB604",
    "comment-deadline",
    Severity.WARNING,
    "征求意见稿缺少截止日期",
    "status: 征求意见稿\n# 缺少 comment_deadline",
)
def comment_deadline(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """征求意见稿应给出征求意见截止日期（comment_deadline），网站横幅会显示它。"""
    for item in ctx.corpus.documents:
        meta = item.doc.meta
        if meta.status == "征求意见稿" and meta.comment_deadline is None:
            yield rule.diag(
                item.rel,
                "征求意见稿没有 comment_deadline",
                path=("meta", "status"),
                hint="在 meta 中填写 comment_deadline（YYYY-MM-DD）。",
            )


@check("ZB605", "to-be-completed", Severity.WARNING, "内容待补充", "overview: 待补充")
def to_be_completed(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """`zhibiao new` 生成的骨架用“待补充”标出作者还需填写的地方；它们在发布前都应替换为正文。
    消息写出字段的中文名称和 YAML 路径，如「设备名称」（rooms[0].equipment[0].name）。"""
    for item in ctx.corpus.documents:
        if PLACEHOLDER not in item.doc.model_dump_json():  # fast filter (serialised in Rust)
            continue
        for path, value in _strings(item.doc.model_dump(mode="python"), ()):
            if PLACEHOLDER in value:
                yield rule.diag(
                    item.rel,
                    f"{describe_field(type(item.doc), path)}的内容待补充" if path else "内容待补充",
                    path=path,
                    hint="发布前用正文替换“待补充”。",
                )


@check(
    "ZB606",
    "status-backwards",
    Severity.ERROR,
    "已发布文件的状态回退而未升版本",
    '# 基线：version: "2025", status: 发布\n# 本次：version: "2025", status: 征求意见稿',
)
def status_backwards(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """与基线版本（`zhibiao check --base REF`，CI 中为目标分支）比较：基线中状态为“试行”“发布”
    （或“废止”“被代替”）的文件，在版本号（meta.version）不变的情况下，状态不得退回到更早的阶段
    （如“发布”→“征求意见稿”，“发布”→“试行”，“废止”→“发布”）。修订已发布的标准时，
    应同时升版本号（如 2025 → 2026），或把状态改为“修订中”。不给 --base 时不检查。"""
    if ctx.baseline is None:
        return
    before = {document_key(item.doc): item for item in ctx.baseline.documents}
    for item in ctx.corpus.documents:
        old = before.get(document_key(item.doc))
        if old is None:
            continue
        was, now = old.doc.meta, item.doc.meta
        if was.version != now.version or was.status not in PUBLISHED_STATUSES | RETIRED_STATUSES:
            continue
        if now.status in RETIRED_STATUSES and was.status in RETIRED_STATUSES:
            continue
        if STATUS_ORDER.index(now.status) < STATUS_ORDER.index(was.status):
            yield rule.diag(
                item.rel,
                f"状态从「{was.status}」退回到「{now.status}」，但版本号仍为「{now.version}」",
                path=("meta", "status"),
                hint="修订已发布的标准请升版本号（meta.version），或把状态改为“修订中”。",
            )


def _strings(
    value: object, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))
