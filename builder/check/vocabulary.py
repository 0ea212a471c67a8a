"""Level vocabularies: documents name a declared scale; comparisons across scales are declared."""

from __future__ import annotations

from collections.abc import Iterator

from builder.base.diagnostics import Diagnostic, Location, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext
from builder.check.coverage import verdict
from builder.read.config import DEFAULT_VOCABULARY
from builder.view.levels import Levels, vocabulary_of


@check(
    "ZB306",
    "levels-not-comparable",
    Severity.INFO,
    "无法比较：两个水平词表之间未声明对应关系",
    "# 清单用 职业技能等级（五级…一级），课程标准用 A/B/C，zhibiao.yaml 没有 level_mappings",
)
def not_comparable(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """职业能力清单和承载它的课程标准（实习、实训）可以用不同的水平词表。比较要求与承载的水平时，
    只在 zhibiao.yaml 的 level_mappings 声明了两个词表的对应关系（直接的，或都对应到同一个词表）
    时才换算；没有声明、也没有别的承载处已达到要求时，覆盖是否达标无法判断，本规则把它说出来
    （不静默跳过，也不报 ZB302）。"""
    levels = Levels(ctx.config)
    for entry, index in ctx.sets():
        if ctx.incomplete(entry.code):
            continue
        for code, uses in index.carried().items():
            defined = index.competencies.get(code)
            if defined is None or verdict(levels, defined, uses) is not None:
                continue
            other = sorted(
                {
                    u.vocabulary
                    for u in uses
                    if levels.rank(u.reached) is not None
                    and levels.reaches(u.reached, defined.required) is None
                }
            )
            yield rule.diag(
                defined.source.rel,
                f"无法比较：职业能力 {code} 要求「{defined.competency.level}」（{defined.vocabulary}），"
                f"承载处用的水平词表 {'、'.join(other)} 与 {defined.vocabulary} 未声明对应关系",
                path=(*defined.path, "level"),
                related=tuple(Location(u.source.rel) for u in uses[:5]),
                hint=(
                    f"在 zhibiao.yaml 的 level_mappings 中声明对应关系，如 "
                    f"{{from: {other[0] if other else '…'}, to: {defined.vocabulary}, levels: {{…}}}}。"
                ),
            )


@check(
    "ZB307",
    "unknown-vocabulary",
    Severity.ERROR,
    "文档选用的水平词表未声明",
    "levels: 职业技能等级   # zhibiao.yaml 的 level_vocabularies 中没有它",
)
def unknown_vocabulary(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """职业能力清单和课程标准用 levels 选用的水平词表，必须在 zhibiao.yaml 的 level_vocabularies
    中声明（或写 学习水平，即 learning_levels）。"""
    names = [DEFAULT_VOCABULARY, *ctx.config.level_vocabularies]
    for item in ctx.corpus.documents:
        name = getattr(item.doc, "levels", None)
        if isinstance(name, str) and ctx.config.vocabulary(name) is None:
            yield rule.diag(
                item.rel,
                f"水平词表「{name}」没有在 zhibiao.yaml 中声明",
                path=("levels",),
                hint="在 level_vocabularies 中声明它，或改用：" + "、".join(names),
            )


@check(
    "ZB308",
    "tick-level-unknown",
    Severity.ERROR,
    "打勾表中的水平不在词表中",
    "level_table:\n  rows:\n    - {content: 信息技术应用基础, level: D}   # 词表为 A/B/C",
)
def tick_level_unknown(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程标准的内容与水平打勾表（level_table）每行打勾的列，必须是该课程标准所用水平词表
    （levels，默认 learning_levels）的取值；同一行不能两次勾同一列。"""
    for item in ctx.corpus.documents:
        table = getattr(item.doc, "level_table", None)
        if table is None or not isinstance(table.rows, list):
            continue
        vocabulary = vocabulary_of(item.doc)
        scale = ctx.config.vocabulary(vocabulary)
        if scale is None:
            continue  # ZB307
        for r, row in enumerate(table.rows):
            ticks = [row.level] if isinstance(row.level, str) else row.level
            path_base = ("level_table", "rows", r, "level")
            if not ticks:
                yield rule.diag(item.rel, "打勾表的一行没有打勾的列", path=path_base)
            for t, tick in enumerate(ticks):
                path = path_base if isinstance(row.level, str) else (*path_base, t)
                if tick not in scale:
                    yield rule.diag(
                        item.rel,
                        f"打勾表中的水平「{tick}」不在词表 {vocabulary} 中",
                        path=path,
                        hint="可用取值（由低到高）：" + " < ".join(scale),
                    )
                elif tick in ticks[:t]:
                    yield rule.diag(item.rel, f"打勾表的同一行两次勾「{tick}」", path=path)
