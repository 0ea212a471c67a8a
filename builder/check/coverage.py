"""Coverage checks: the competency list is taught, at the level it requires."""

from __future__ import annotations

from collections.abc import Iterator

from builder.base.diagnostics import Diagnostic, Location, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext, Defined, Use
from builder.check.lifecycle import PLACEHOLDER
from builder.model.sourced import is_not_given
from builder.read.config import DEFAULT_VOCABULARY
from builder.view.levels import Levels

_OWNER = {"course": "课程", "internship": "实习任务", "room": "实训室"}


@check(
    "ZB301",
    "uncovered-competency",
    Severity.ERROR,
    "职业能力没有任何课程、实习或实训承载",
    "# 1-3-2 在所有课程标准、实习任务和实训室中都没有被引用",
)
def uncovered(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """职业能力清单中的每一项能力，至少要被一门课程的学习内容、一项岗位实习任务或一个实训室引用。
    已废止或被代替的文件（meta.status 为“废止”“被代替”）只供查阅，不再承载能力：只被它们引用的能力也报本规则，
    与网站和 Word 中能力覆盖矩阵显示的「（未承载）」一致。
    没有专业教学标准的专业（单独发布的能力清单）不检查；承载文件读取失败时也暂不检查。描述仍为“待补充”的能力
    （`zhibiao new` 生成的骨架）只报 ZB605，不报本规则。"""
    for entry, index in ctx.sets():
        if not index.has_plan or ctx.incomplete(entry.code):
            continue  # a carrying document failed to load: it is reported where it failed
        carried = index.carried()
        for code, defined in index.competencies.items():
            if code in carried or defined.competency.text.strip() == PLACEHOLDER:
                continue
            stale = index.retired_uses(code)
            what = f"职业能力 {code}「{_short(defined.competency.text)}」"
            if stale:
                owners = "、".join(sorted({_owner(u) for u in stale}))
                yield rule.diag(
                    defined.source.rel,
                    f"{what}只由已废止或被代替的文件承载（{owners}），视为没有承载",
                    path=(*defined.path, "code"),
                    related=tuple(Location(u.source.rel) for u in stale[:5]),
                    hint="在现行的课程标准、实习任务或实训室中引用它，或删去该能力。",
                )
            else:
                yield rule.diag(
                    defined.source.rel,
                    f"{what}没有任何课程、实习或实训承载",
                    path=(*defined.path, "code"),
                    hint="在相应课程标准的学习内容（competencies）中引用它，或删去该能力。",
                )


@check(
    "ZB302",
    "level-below-required",
    Severity.ERROR,
    "承载的学习水平低于要求",
    "# 清单要求 1-2-1 达到“运用”，但所有引用处最高只到“理解”",
)
def level_below_required(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """每项职业能力在所有引用处达到的最高学习水平，不得低于清单中要求的学习水平（同一词表内按
    learning_levels 或 level_vocabularies 中的顺序比较；不同词表之间经 level_mappings 换算）。
    已废止或被代替的文件中的引用不计；无法比较的引用（未声明对应关系、水平不在词表中）不算低于要求，
    由 ZB306、ZB305 报告。"""
    levels = Levels(ctx.config)
    for entry, index in ctx.sets():
        if ctx.incomplete(entry.code):
            continue
        for code, uses in index.carried().items():
            defined = index.competencies.get(code)
            if defined is None or verdict(levels, defined, uses) is not False:
                continue
            top = max(uses, key=lambda u: levels.rank(u.reached) or -1)
            where = "、".join(sorted({_owner(u) for u in uses}))
            yield rule.diag(
                defined.source.rel,
                f"职业能力 {code} 要求达到「{defined.competency.level}」，"
                f"但承载处最高只到「{top.ref.level}」（{where}）",
                path=(*defined.path, "level"),
                related=tuple(Location(u.source.rel) for u in uses[:5]),
                hint="提高某一承载处的学习水平，或调整清单中的要求。",
            )


@check(
    "ZB303",
    "orphan-course",
    Severity.WARNING,
    "课程标准不在课程设置中",
    "# courses/zy99.yaml 的课程代码 ZY99 不在专业教学标准的课程设置中",
)
def orphan_course(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """每份课程标准都应对应专业教学标准课程设置中的一门课程；对应不上的课程标准不会出现在课程体系里。
    原文没有课程代码（code: 原文未给出）的课程标准按课程名称对应。"""
    for entry, index in ctx.sets():
        if entry.specialty is None:
            continue
        for course in entry.courses:
            doc = course.doc
            code = index.course_names.get(doc.name) if is_not_given(doc.code) else doc.code
            if code not in index.planned_courses:
                shown = (
                    f"「{doc.name}」（课程代码原文未给出）"
                    if is_not_given(doc.code)
                    else f" {doc.code}「{doc.name}」"
                )
                yield rule.diag(
                    course.rel,
                    f"课程{shown}不在专业 {entry.code} 的课程设置中",
                    path=("code",),
                    related=(Location(entry.specialty.rel),),
                    hint="在专业教学标准 courses 中加入该课程，或删除此课程标准。",
                )


@check(
    "ZB304",
    "orphan-room",
    Severity.WARNING,
    "实训室不承载任何职业能力",
    "# 实训室 R5 没有列出职业能力，它支撑的课程也都没有映射职业能力",
)
def orphan_room(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """实训室应直接列出它培养的职业能力，或至少支撑一门已映射职业能力的课程，否则无法说明建设依据。
    没有专业教学标准的专业（单独发布的实训教学条件建设标准）不检查；整份标准没有任何实训室列出职业能力或
    支撑课程时（如国家实训教学条件建设标准，按实训类别列实训室与设备，不做能力映射）也不检查。"""
    for entry, index in ctx.sets():
        if not index.has_plan or ctx.incomplete(entry.code):
            continue  # without a plan (ZB205) or with a broken course the basis is unknown
        mapped = {u.owner[1] for u in index.uses if u.owner[0] == "course" and u.carries}
        for base in entry.training_bases:
            if not any(room.competencies or room.courses for room in base.doc.rooms):
                continue  # the standard does not map rooms at all (national 实训条件标准)
            for r, room in enumerate(base.doc.rooms):
                served = {index.resolve_course(c) for c in room.courses}
                if not room.competencies and not mapped.intersection(c for c in served if c):
                    yield rule.diag(
                        base.rel,
                        f"实训室 {room.code}「{room.name}」不承载任何职业能力",
                        path=("rooms", r, "code"),
                        hint="在 competencies 中列出该实训室培养的职业能力。",
                    )


@check(
    "ZB305",
    "unknown-level",
    Severity.ERROR,
    "学习水平不在配置的词表中",
    "level: 精通   # 词表为 了解/理解/掌握/运用",
)
def unknown_level(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """职业能力要求的学习水平和各处引用的学习水平，必须是所在文档所用水平词表的取值之一：文档写了
    levels 时为 zhibiao.yaml 中 level_vocabularies 的该词表，否则为 learning_levels。词表未声明时由
    ZB307 报告。"""
    levels = Levels(ctx.config)

    def hint(vocabulary: str, scale: list[str]) -> str:
        named = "" if vocabulary == DEFAULT_VOCABULARY else f"{vocabulary}，"
        return f"可用取值（{named}由低到高）：" + " < ".join(scale)

    for _, index in ctx.sets():
        for code, defined in index.competencies.items():
            scale = levels.scale(defined.vocabulary)
            if scale is not None and defined.competency.level not in scale:
                yield rule.diag(
                    defined.source.rel,
                    f"职业能力 {code} 的学习水平「{defined.competency.level}」不在词表中",
                    path=(*defined.path, "level"),
                    hint=hint(defined.vocabulary, scale),
                )
        for use in index.uses:
            scale = levels.scale(use.vocabulary)
            if scale is not None and use.ref.level not in scale:
                yield rule.diag(
                    use.source.rel,
                    f"学习水平「{use.ref.level}」不在词表中",
                    path=(*use.path, "level"),
                    hint=hint(use.vocabulary, scale),
                )


def verdict(levels: Levels, defined: Defined, uses: tuple[Use, ...]) -> bool | None:
    """Whether the carriers reach the level `defined` requires: True, False, or None when
    it cannot be decided (a carrier in a scale with no declared mapping). Levels outside
    their scale are left out (ZB305 reports them), as is a requirement outside its scale."""
    if levels.rank(defined.required) is None:
        return True
    known = [u.reached for u in uses if levels.rank(u.reached) is not None]
    if not known:
        return True
    return levels.judge(defined.required, known)


def _owner(use: Use) -> str:
    return f"{_OWNER[use.owner[0]]} {use.owner[1]}"


def _short(text: str, limit: int = 24) -> str:
    text = text.strip().replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
