"""Scoped codes: a competency list numbered per table or per column (国家职业技能标准)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from builder.base.diagnostics import Diagnostic, Location, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext, Defined


@check(
    "ZB216",
    "ambiguous-scoped-reference",
    Severity.ERROR,
    "引用的能力编码在多个编码范围中出现，须写明范围",
    "competencies:\n  - {ref: 1.1.1, level: 四级}   # 五级与四级的表中都有 1.1.1：加 scope: 五级/技能要求",
)
def ambiguous_reference(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """职业能力清单按表（Domain.scope，如 五级/初级工）或按列（Competency.scope，如 技能要求、
    相关知识要求）重新编号时，同一个编码可以出现多次，每处以（范围, 编码）区分。引用这样的编码时，
    如果只凭编码（或所写的 scope）仍对应多项能力，就无法确定承载的是哪一项：须在引用中写出 scope
    （可只写足以区分的部分，如 五级/技能要求）。培养规格中按编码引用的能力同样检查。"""
    for entry, index in ctx.sets():
        for use in index.uses:
            if use.key is None and len(use.candidates) > 1:
                yield rule.diag(
                    use.source.rel,
                    f"职业能力「{use.ref.ref}」"
                    + (f"（范围 {use.ref.scope}）" if use.ref.scope else "")
                    + f"在专业 {entry.code} 的职业能力清单中对应 {len(use.candidates)} 项："
                    + "、".join(use.candidates),
                    path=(*use.path, "ref"),
                    related=tuple(
                        Location(rel)
                        for rel in dict.fromkeys(
                            index.competencies[k].source.rel for k in use.candidates
                        )
                    ),
                    hint=_hint(index.competencies, use.candidates),
                )
        if entry.specialty is None:
            continue
        for s, spec in enumerate(entry.specialty.doc.specs):
            for c, code in enumerate(spec.competencies):
                key, candidates = index.resolve(code)
                if key is None and len(candidates) > 1:
                    yield rule.diag(
                        entry.specialty.rel,
                        f"培养规格 {spec.code} 引用的职业能力「{code}」对应多项："
                        + "、".join(candidates),
                        path=("specs", s, "competencies", c),
                        hint=f"写出完整的键，如「{candidates[0]}」。",
                    )


def _hint(competencies: Mapping[str, Defined], candidates: tuple[str, ...]) -> str:
    scopes = ["/".join(competencies[k].scope) or "（无范围）" for k in candidates]
    return "在引用中写明范围，如 scope: " + "，或 scope: ".join(scopes) + "。"
