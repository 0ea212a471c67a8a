"""Published documents say what they lack: no placeholders, no undisclosed gaps."""

from __future__ import annotations

from collections.abc import Iterator

from builder.base.diagnostics import Diagnostic, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext
from builder.check.lifecycle import PLACEHOLDER
from builder.model.meta import PUBLISHED_STATUSES
from builder.model.sourced import NOT_GIVEN, is_not_given


@check(
    "ZB607",
    "published-with-placeholders",
    Severity.ERROR,
    "已发布文件仍有“待补充”",
    "meta: {status: 发布, …}\nteachers: 待补充",
)
def published_with_placeholders(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """状态为“试行”或“发布”的文件不得再有“待补充”（ZB605 逐处列出）：发布的文本会把占位当作正文。
    转录已有标准时，原文没有的内容写 原文未给出（见 docs/transcribe.md），不写“待补充”。"""
    for item in ctx.corpus.documents:
        meta = item.doc.meta
        if meta.status not in PUBLISHED_STATUSES:
            continue
        count = item.doc.model_dump_json().count(PLACEHOLDER)
        if count:
            yield rule.diag(
                item.rel,
                f"状态为「{meta.status}」，但仍有 {count} 处“待补充”",
                path=("meta", "status"),
                hint=f"写入正文；原文没有的内容写 {NOT_GIVEN}，或把状态改回草案阶段。",
            )


@check(
    "ZB608",
    "published-undisclosed-gap",
    Severity.ERROR,
    "已发布文件有未说明的空缺",
    "meta: {status: 发布, …}\ncourses: []   # 原文未列出时写 courses: 原文未给出",
)
def published_undisclosed_gap(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """状态为“试行”或“发布”的专业教学标准，课程设置（courses）不得是空列表：空列表既可能是原文没有，
    也可能是还没写，读者无从分辨。原文没有列出课程时写 courses: 原文未给出，网站和 Word 显示“（原文未列出）”。"""
    for item in ctx.corpus.documents:
        doc = item.doc
        if doc.meta.status not in PUBLISHED_STATUSES or doc.kind != "specialty":
            continue
        if not doc.courses and not is_not_given(doc.courses):
            yield rule.diag(
                item.rel,
                f"状态为「{doc.meta.status}」，但课程设置为空，没有说明原文是否列出课程",
                path=("courses",),
                hint=f"原文没有列出课程时写 courses: {NOT_GIVEN}；否则写入课程。",
            )
