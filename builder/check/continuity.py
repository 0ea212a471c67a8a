"""中高本一体化: a competency's `builds_on` links to the specialties one level below, and the
continuity of the chain (levels that do not fall, nothing assumed that is not taught below,
no course or content repeated verbatim).

A set reads the sets below it only through `ctx.view.chain` and `ctx.view.named_by`: the
facts come from the whole-tree index (`builder.read.chainfacts`) and every read is recorded, so
the cached check gives what a full check gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from builder.base.diagnostics import DataPath, Diagnostic, Severity
from builder.base.rules import Rule, check
from builder.check.context import CheckContext
from builder.check.plan import LEVEL_RANK
from builder.model import BuildsOn, Competency, CompetencyList
from builder.read.catalog import level_of
from builder.read.chainfacts import COMPARED_NATURE, ChainFacts, name_digest, text_digest
from builder.read.corpus import Loaded, SpecialtySet
from builder.view.retired import carries

EXAMPLE = 'code: "2-1-1"\nlevel: 运用\nbuilds_on:\n  - {specialty: "730701", competency: "1-1-2"}'


@dataclass(frozen=True, slots=True)
class Link:
    """One `builds_on` entry of a competency of the set, where it is written."""

    source: Loaded[CompetencyList]
    competency: Competency
    target: BuildsOn
    path: DataPath


def _links(entry: SpecialtySet) -> Iterator[Link]:
    for source in entry.competencies:
        for d, domain in enumerate(source.doc.domains):
            for t, task in enumerate(domain.tasks):
                for c, comp in enumerate(task.competencies):
                    for b, target in enumerate(comp.builds_on):
                        path = ("domains", d, "tasks", t, "competencies", c, "builds_on", b)
                        yield Link(source, comp, target, path)


def own_level(entry: SpecialtySet) -> str | None:
    """The level of a set: its 专业教学标准's, else the one its code gives (2021 catalog)."""
    if entry.specialty is not None:
        return entry.specialty.doc.level
    return level_of(entry.code)


def target_level(ctx: CheckContext, code: str) -> str | None:
    """The level of a specialty code: the catalog's entry, else its 专业大类 code's range."""
    found = ctx.catalog.specialties.get(code)
    if found is not None:
        return found.level
    return level_of(code) if ctx.catalog.edition == "2021" else None


def lower(ctx: CheckContext, entry: SpecialtySet, code: str) -> bool:
    """True when specialty `code` is at a lower level than the set (unknown levels: False)."""
    mine, theirs = own_level(entry), target_level(ctx, code)
    if mine is None or theirs is None:
        return False
    return LEVEL_RANK[theirs] < LEVEL_RANK[mine]


def _present(ctx: CheckContext, asker: str, code: str) -> ChainFacts | None:
    """The facts of set `code` when its competency list is in the tree and loaded cleanly."""
    facts = ctx.view.chain(asker, code)
    if facts is None or not facts.has_competencies:
        return None
    if ctx.view.claims(asker, code) - {"specialty"}:
        return None  # a file of it failed to load (reported there): do not judge from half
    return facts


@check(
    "ZB931",
    "builds-on-unknown",
    Severity.ERROR,
    "衔接的下一层次职业能力不存在",
    EXAMPLE + "   # 730701 的职业能力清单中没有 1-1-2",
)
def builds_on_unknown(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """职业能力的 builds_on 指向下一层次专业的职业能力：该专业的职业能力清单在本仓库中时，所写的能力编码必须在清单中
    （清单中的编码改了或删了，高一层次的衔接就断了）。"""
    for entry, _ in ctx.sets():
        for link in _links(entry):
            facts = _present(ctx, entry.code, link.target.specialty)
            if facts is None or link.target.competency in facts.levels:
                continue
            head = link.target.competency.split("-")[0]
            near = sorted(c for c in facts.levels if c.split("-")[0] == head)
            yield rule.diag(
                link.source.rel,
                f"职业能力 {link.competency.code} 衔接的 {link.target.specialty} 专业职业能力 "
                f"{link.target.competency} 不在该专业的职业能力清单中",
                path=(*link.path, "competency"),
                hint=f"该清单中相近的编码：{'、'.join(near[:8])}。"
                if near
                else "核对能力编码，或先在下一层次的清单中补充该能力。",
            )


@check(
    "ZB932",
    "builds-on-outside",
    Severity.INFO,
    "衔接的下一层次专业不在本仓库中",
    'builds_on:\n  - {specialty: "730799", competency: "1-1-1"}',
)
def builds_on_outside(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """builds_on 所写的专业在本仓库中没有职业能力清单时，无法核对所衔接的能力是否存在、水平是否下降：给出提示，
    不算错误（下一层次的标准可能由别的单位维护）。"""
    for entry, _ in ctx.sets():
        seen: set[str] = set()
        for link in _links(entry):
            code = link.target.specialty
            if code in seen:
                continue
            facts = ctx.view.chain(entry.code, code)
            if facts is not None and facts.has_competencies:
                continue
            seen.add(code)
            known = ctx.catalog.specialties.get(code)
            named = f"「{known.name}」（{known.level}）" if known else "（不在专业目录中）"
            yield rule.diag(
                link.source.rel,
                f"衔接的专业 {code}{named}的职业能力清单不在本仓库中，无法核对所衔接的职业能力",
                path=(*link.path, "specialty"),
                hint="把该专业的职业能力清单放入 standards/，或核对专业代码。",
            )


@check(
    "ZB933",
    "builds-on-direction",
    Severity.ERROR,
    "衔接的专业不是更低层次的专业",
    'level: 中职\n...\nbuilds_on:\n  - {specialty: "530701", competency: "1-1-1"}',
)
def builds_on_direction(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """builds_on 写的是本能力以之为基础的下一层次能力：中职 → 高职专科 → 职业本科，高职专科 → 职业本科（层次顺序与
    接续专业的 ZB208 相同）。衔接同层次或更高层次的专业写反了方向；层次由专业目录（或专业代码的专业大类）确定。"""
    for entry, _ in ctx.sets():
        mine = own_level(entry)
        if mine is None:
            continue
        for link in _links(entry):
            theirs = target_level(ctx, link.target.specialty)
            if theirs is None or LEVEL_RANK[theirs] < LEVEL_RANK[mine]:
                continue
            yield rule.diag(
                link.source.rel,
                f"{mine}专业的职业能力 {link.competency.code} 衔接 {link.target.specialty} "
                f"专业（{theirs}），该专业不低于本专业的层次",
                path=(*link.path, "specialty"),
                hint="builds_on 只写下一层次专业的能力（中职 → 高职专科 → 职业本科）；"
                "高一层次以本能力为基础时，在高一层次的清单中写 builds_on。",
            )


@check(
    "ZB934",
    "builds-on-level-falls",
    Severity.ERROR,
    "衔接后要求的学习水平低于下一层次",
    EXAMPLE.replace("运用", "理解") + "   # 730701 的 1-1-2 要求运用",
)
def builds_on_level_falls(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """沿衔接链，要求的学习水平不得下降：高一层次的职业能力要求的学习水平（按 learning_levels 由低到高）
    不得低于它所衔接的下一层次职业能力的要求。"""
    for entry, _ in ctx.sets():
        for link in _links(entry):
            facts = _present(ctx, entry.code, link.target.specialty)
            below = facts.levels.get(link.target.competency) if facts else None
            if below is None or not lower(ctx, entry, link.target.specialty):
                continue
            high, low = ctx.config.level_rank(link.competency.level), ctx.config.level_rank(below)
            if high is None or low is None or high >= low:
                continue
            yield rule.diag(
                link.source.rel,
                f"职业能力 {link.competency.code} 要求「{link.competency.level}」，低于所衔接的 "
                f"{link.target.specialty} 专业职业能力 {link.target.competency} 要求的「{below}」",
                path=(*link.path[:-2], "level"),
                hint=f"高一层次的要求至少为「{below}」；学习水平由低到高："
                f"{'、'.join(ctx.config.learning_levels)}。",
            )


@check(
    "ZB935",
    "builds-on-not-taught",
    Severity.WARNING,
    "所衔接的下一层次职业能力在下一层次没有承载",
    EXAMPLE + "   # 730701 没有课程、实习或实训室承载 1-1-2",
)
def builds_on_not_taught(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """高一层次的职业能力以下一层次的能力为基础，而下一层次没有任何现行的课程标准、岗位实习或实训室承载该能力：
    高一层次假定学生已具备的能力，下一层次并没有培养（“断裂”）。"""
    for entry, _ in ctx.sets():
        for link in _links(entry):
            facts = _present(ctx, entry.code, link.target.specialty)
            target = link.target.competency
            if facts is None or target not in facts.levels or target in facts.carried:
                continue
            if not lower(ctx, entry, link.target.specialty):
                continue
            yield rule.diag(
                link.source.rel,
                f"职业能力 {link.competency.code} 以 {link.target.specialty} 专业的职业能力 "
                f"{target} 为基础，但该专业没有课程、岗位实习或实训室承载 {target}",
                path=(*link.path, "competency"),
                hint=f"在 {link.target.specialty} 专业的课程标准或岗位实习标准中承载该能力，"
                "或在本专业补上这部分教学。",
            )


def below_sets(ctx: CheckContext, entry: SpecialtySet) -> list[tuple[str, ChainFacts]]:
    """The lower-level sets connected to `entry` (by its builds_on, or naming it as a
    接续专业) whose competency list is in the tree, in code order."""
    codes = {link.target.specialty for link in _links(entry)}
    codes |= ctx.view.named_by(entry.code, entry.code)
    found = []
    for code in sorted(codes):
        if code == entry.code or not lower(ctx, entry, code):
            continue
        facts = ctx.view.chain(entry.code, code)
        if facts is not None:
            found.append((code, facts))
    return found


def _content(entry: SpecialtySet) -> Iterator[tuple[Loaded[Any], DataPath, str, str]]:
    """Every content text of a set's courses and internships in force: (document, path,
    label, text)."""
    for course in entry.courses:
        if not carries(course):
            continue
        for m, module in enumerate(course.doc.modules):
            for i, item in enumerate(module.items):
                label = f"课程 {course.doc.code}「{course.doc.name}」的 {item.code}「{item.name}」"
                yield course, ("modules", m, "items", i, "requirements"), label, item.requirements
    for internship in entry.internships:
        if not carries(internship):
            continue
        for t, task in enumerate(internship.doc.tasks):
            label = f"岗位实习任务 {task.code}「{task.name}」"
            yield internship, ("tasks", t, "content"), label, task.content


@check(
    "ZB936",
    "content-repeated",
    Severity.WARNING,
    "学习内容与下一层次专业逐字重复",
    "requirements: 能编写商品标题、设置类目属性和价格库存，规范发布商品。   # 与中职课程一字不差",
)
def content_repeated(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """高一层次专业的课程内容与要求、岗位实习任务与所衔接的下一层次专业（builds_on 所写的专业，或把本专业列为
    接续专业的专业）逐字相同（忽略空白和标点，不区分全半角）：这是中高职衔接中“重复又断裂”的重复一半。高一层次应在
    同一主题上提高要求。比较的是规范化文本的摘要，不逐对比较全文；很短的内容（少于 12 个字）不比较。"""
    for entry, _ in ctx.sets():
        below = below_sets(ctx, entry)
        if not below:
            continue
        for item, path, label, text in _content(entry):
            found = text_digest(text)
            hits = [code for code, facts in below if found is not None and found in facts.texts]
            if hits:
                yield rule.diag(
                    item.rel,
                    f"{label}的内容与要求与 {'、'.join(hits)} 专业的学习内容逐字相同",
                    path=path,
                    hint="高一层次应在同一主题上提高要求（更复杂的任务、更高的学习水平），"
                    "而不是重复下一层次已教过的内容。",
                )


@check(
    "ZB937",
    "course-repeated",
    Severity.INFO,
    "专业核心课程与下一层次专业同名",
    "- {code: ZH01, name: 网店运营, nature: 专业核心}   # 中职的专业核心课程也是「网店运营」",
)
def course_repeated(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """高一层次专业的专业核心课程与所衔接的下一层次专业的专业核心课程名称相同（忽略空白和标点）：核心课程同名往往
    意味着内容重复，给出提示（内容是否逐字重复由 ZB936 判断）。公共基础课程、专业基础课程和实践环节（电子商务基础、
    岗位实习等）各层次按规定或惯例都开设，不比较。"""
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        below = below_sets(ctx, entry)
        if not below:
            continue
        for i, course in enumerate(spec.doc.courses):
            if course.nature != COMPARED_NATURE:
                continue
            found = name_digest(course.name)
            hits = [code for code, facts in below if found is not None and found in facts.courses]
            if hits:
                yield rule.diag(
                    spec.rel,
                    f"专业核心课程 {course.code}「{course.name}」与 {'、'.join(hits)} "
                    "专业的专业核心课程同名",
                    path=("courses", i, "name"),
                    hint="课程名称和内容应体现层次的提高（如「网店运营」→「网店运营推广」），"
                    "或在课程标准中写明与下一层次课程的分工。",
                )


@check(
    "ZB939",
    "continuation-unknown",
    Severity.WARNING,
    "接续专业不在专业目录中或名称不符",
    'continuation:\n  - {level: 职业本科, code: "330701", name: 电子商务运营}   # 目录中为 电子商务',
)
def continuation_unknown(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """接续高职专科、职业本科专业的代码应能在所用版本的专业目录中查到，名称与目录一致（代码与层次不符的由 ZB502
    报告；普通本科专业属于另一目录，不核对）。随附的是 2021 年目录及此后的增补，更晚增补的专业可在 zhibiao.yaml 的
    catalog_extra 中补充。"""
    known = ctx.catalog.specialties
    for entry, _ in ctx.sets():
        spec = entry.specialty
        if spec is None:
            continue
        for i, follow in enumerate(spec.doc.continuation):
            if follow.level == "普通本科" or target_level(ctx, follow.code) != follow.level:
                continue
            found = known.get(follow.code)
            if found is None:
                yield rule.diag(
                    spec.rel,
                    f"接续专业 {follow.code}「{follow.name}」不在随附的专业目录（{ctx.catalog.edition}）中",
                    path=("continuation", i, "code"),
                    hint="核对代码；如确属目录中的专业，请在 zhibiao.yaml 的 catalog_extra 中补充。",
                )
            elif found.name != follow.name.strip():
                yield rule.diag(
                    spec.rel,
                    f"接续专业 {follow.code} 写作「{follow.name}」，专业目录中为「{found.name}」",
                    path=("continuation", i, "name"),
                    hint=f"改为「{found.name}」，或核对代码。",
                )
