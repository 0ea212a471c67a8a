"""Cross-reference checks: every code a document names must exist, once."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from builder.base.diagnostics import DataPath, Diagnostic, Location, Severity
from builder.base.rules import Rule, check
from builder.check.codes import SPECIALTY_CODE
from builder.check.context import CheckContext
from builder.check.suggest import did_you_mean, renamed_hint, same_class
from builder.model import KIND_TITLES, Course, Specialty, scoped_code
from builder.model.sourced import course_key
from builder.read.corpus import OUTSIDE_ROOT, SHARED_SET, DocRef, Loaded, applies_terms


@check(
    "ZB201",
    "dangling-competency",
    Severity.ERROR,
    "引用了不存在的职业能力",
    "competencies:\n  - {ref: 9-9-9, level: 掌握}   # 清单中没有 9-9-9",
)
def dangling_competency(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程内容、实习任务、实训室和培养规格引用的职业能力编码，必须在本专业的职业能力清单中定义。"""
    for entry, index in ctx.sets():
        if not entry.competencies:
            continue
        known = index.competencies.keys()
        for use in index.uses:
            if use.key is None and not use.candidates:
                scope = f"（范围 {use.ref.scope}）" if use.ref.scope else ""
                yield rule.diag(
                    use.source.rel,
                    f"职业能力「{use.ref.ref}」{scope}不在专业 {entry.code} 的职业能力清单中",
                    path=(*use.path, "ref"),
                    hint=_scope_hint(index.by_code.get(use.ref.ref, ()))
                    or renamed_hint(ctx, use.ref.ref)
                    or did_you_mean(use.ref.ref, index.by_code.keys(), what="职业能力"),
                )
        if entry.specialty:
            for s, spec in enumerate(entry.specialty.doc.specs):
                for c, code in enumerate(spec.competencies):
                    key, candidates = index.resolve(code)
                    if key is None and not candidates:
                        yield rule.diag(
                            entry.specialty.rel,
                            f"培养规格 {spec.code} 引用的职业能力「{code}」不存在",
                            path=("specs", s, "competencies", c),
                            hint=renamed_hint(ctx, code)
                            or did_you_mean(code, known, what="职业能力"),
                        )


def _scope_hint(keys: tuple[str, ...]) -> str | None:
    """For a scope that matches nothing: the scopes the code does exist in."""
    if not keys:
        return None
    return "清单中该编码出现在：" + "、".join(keys) + "；scope 写其中一个范围。"


@check(
    "ZB202",
    "dangling-course",
    Severity.ERROR,
    "引用了不存在的课程",
    "prerequisites: [ZY99]   # 课程设置中没有 ZY99",
)
def dangling_course(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """先修/后续课程和实训室支撑的课程，必须是本专业课程设置中的课程（代码或课程名称），或有课程标准的课程。
    单独发布、没有专业教学标准的文件无从对照，不检查。"""
    for entry, index in ctx.sets():
        if not index.has_plan:
            continue  # no course plan to compare with; ZB205 reports the missing specialty
        known = index.known_courses | set(index.course_names)
        for course in entry.courses:
            for field in ("prerequisites", "followups"):
                for i, code in enumerate(getattr(course.doc, field)):
                    if index.resolve_course(code) is None:
                        yield rule.diag(
                            course.rel,
                            f"课程「{code}」不在专业 {entry.code} 的课程设置中",
                            path=(field, i),
                            hint=renamed_hint(ctx, code) or did_you_mean(code, known, what="课程"),
                        )
        for base in entry.training_bases:
            for r, room in enumerate(base.doc.rooms):
                for i, code in enumerate(room.courses):
                    if index.resolve_course(code) is None:
                        yield rule.diag(
                            base.rel,
                            f"实训室 {room.code} 支撑的课程「{code}」不在课程设置中",
                            path=("rooms", r, "courses", i),
                            hint=renamed_hint(ctx, code) or did_you_mean(code, known, what="课程"),
                        )


@check(
    "ZB203",
    "missing-file",
    Severity.ERROR,
    "引用的文件不存在或类型不符",
    "courses:\n  - code: ZY01\n    standard: courses/zy01.yaml   # 文件不存在",
)
def missing_file(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """专业教学标准中 `standard`（课程标准）与 `competencies`（职业能力清单）字段给出的路径必须存在，
    文件类型与所引用的内容一致（课程代码相同），且文件的 `specialty` 是本专业的代码
    （链接多个专业共用的课程标准时，由 ZB219 检查它是否适用于本专业）。路径相对于专业教学标准所在的目录；指向标准目录之外的
    路径报告为 ZB013。"""
    corpus = ctx.corpus
    inside = str(corpus.root.resolve()).rstrip(os.sep) + os.sep
    for entry, _ in ctx.sets():
        if entry.specialty is None:
            continue
        spec = entry.specialty
        base = os.path.dirname(corpus.location(spec))  # noqa: PTH120  (text paths are faster)
        targets: list[tuple[str, DataPath, str | None]] = [
            (c.standard, ("courses", i, "standard"), c.code)
            for i, c in enumerate(spec.doc.courses)
            if c.standard
        ]
        if spec.doc.competencies:
            targets.append((spec.doc.competencies, ("competencies",), None))
        for target, path, course_code in targets:
            where = ctx.view.resolve_path(entry.code, base, target)
            resolved, found = where.resolved, where.found
            if not resolved.startswith(inside):
                yield OUTSIDE_ROOT.diag(
                    spec.rel,
                    f"路径「{target}」指向标准目录之外",
                    path=path,
                    hint="引用路径须相对于本文件、且位于标准目录内。",
                )
                continue
            if where.failed:
                continue
            if not where.exists:
                yield rule.diag(
                    spec.rel,
                    f"引用的文件「{target}」不存在",
                    path=path,
                    hint=_nearby(spec.path.parent, target),
                )
            elif found is not None:
                yield from _kind_mismatch(rule, spec, found, path, course_code)


def _kind_mismatch(
    rule: Rule, spec: Loaded[Specialty], found: DocRef, path: DataPath, code: str | None
) -> Iterator[Diagnostic]:
    expected = "course" if code is not None else "competencies"
    if found.kind == expected == "course" and found.specialty == SHARED_SET:
        return  # a shared course standard: ZB219 judges the link
    if found.kind != expected:
        yield rule.diag(
            spec.rel,
            f"引用的文件「{found.rel}」是{KIND_TITLES[found.kind]}（{found.kind}），"
            f"应为{KIND_TITLES[expected]}（{expected}）",
            path=path,
            related=(Location(found.rel),),
        )
    elif found.kind == "course" and found.code != code:
        yield rule.diag(
            spec.rel,
            f"课程 {code} 链接的课程标准「{found.rel}」的课程代码是 {found.code}",
            path=path,
            related=(Location(found.rel),),
        )
    elif found.specialty != spec.doc.code:
        what = f"课程 {code} 链接的课程标准" if code is not None else "链接的职业能力清单"
        yield rule.diag(
            spec.rel,
            f"{what}「{found.rel}」属于专业 {found.specialty}，不是本专业 {spec.doc.code}",
            path=path,
            related=(Location(found.rel),),
            hint="核对该文件的 specialty 字段（是否从别的专业复制后忘了修改），或改正链接。",
        )


def _nearby(base: Path, target: str) -> str | None:
    folder = (base / target).parent
    if not folder.is_dir():
        return None
    names = [p.name for p in folder.iterdir() if p.suffix in {".yaml", ".yml"}]
    return did_you_mean(Path(target).name, names)


@check(
    "ZB204",
    "duplicate-code",
    Severity.ERROR,
    "编码重复",
    "- code: 1-1-1\n  ...\n- code: 1-1-1   # 与上面重复",
)
def duplicate_code(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """同一范围内的编码必须唯一：职业能力清单中的领域、任务、能力编码（清单按表或列重新编号时，
    在各自的编码范围 scope 内唯一，如 五级 的技能要求 1.1.1 与相关知识要求 1.1.1 不算重复）；课程设置中的课程代码；
    课程标准中的模块与内容编号；实习任务编号；实训室编号。"""
    for item in ctx.corpus.documents:
        for what, codes in _scoped_codes(item.doc):
            yield from _duplicates(rule, item.rel, what, codes)


def _scoped_codes(doc: Any) -> Iterator[tuple[str, list[tuple[str, DataPath]]]]:
    kind = doc.kind
    if kind == "competencies":
        domains: list[tuple[str, DataPath]] = []
        tasks: list[tuple[str, DataPath]] = []
        comps: list[tuple[str, DataPath]] = []
        for d, domain in enumerate(doc.domains):
            domains.append((scoped_code(domain.code, domain.scope), ("domains", d, "code")))
            for t, task in enumerate(domain.tasks):
                path: DataPath = ("domains", d, "tasks", t, "code")
                tasks.append((scoped_code(task.code, domain.scope), path))
                for c, comp in enumerate(task.competencies):
                    key = scoped_code(comp.code, domain.scope, comp.scope)
                    comps.append((key, ("domains", d, "tasks", t, "competencies", c, "code")))
        yield from (("工作领域", domains), ("工作任务", tasks), ("职业能力", comps))
    elif kind == "specialty":
        yield "课程代码", [(c.code, ("courses", i, "code")) for i, c in enumerate(doc.courses)]
        yield "培养规格编号", [(s.code, ("specs", i, "code")) for i, s in enumerate(doc.specs)]
    elif kind == "course":
        yield "模块编号", [(m.code, ("modules", i, "code")) for i, m in enumerate(doc.modules)]
        yield (
            "内容编号",
            [
                (it.code, ("modules", m, "items", i, "code"))
                for m, module in enumerate(doc.modules)
                for i, it in enumerate(module.items)
            ],
        )
    elif kind == "internship":
        yield "实习任务编号", [(t.code, ("tasks", i, "code")) for i, t in enumerate(doc.tasks)]
    elif kind == "training_base":
        yield "实训室编号", [(r.code, ("rooms", i, "code")) for i, r in enumerate(doc.rooms)]


def _duplicates(
    rule: Rule, rel: str, what: str, codes: list[tuple[str, DataPath]]
) -> Iterator[Diagnostic]:
    counts = Counter(code for code, _ in codes)
    first: dict[str, DataPath] = {}
    for code, path in codes:
        if code not in first:
            first[code] = path
        elif counts[code] > 1:
            yield rule.diag(rel, f"{what}「{code}」重复", path=path, hint="每个编码只能定义一次。")


@check(
    "ZB205",
    "unknown-specialty",
    Severity.WARNING,
    "所属专业没有专业教学标准",
    'specialty: "510299"   # 标准目录中没有这个专业',
)
def unknown_specialty(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """职业能力清单、课程标准、岗位实习标准和实训基地建设标准的 `specialty` 应是标准目录中
    某个专业教学标准的专业代码。代码不在专业目录（含 catalog_extra）中，或标准库中有同一专业类的专业
    （多半是从别的专业复制后没改、或写错了代码）时报本警告；专业目录中有、只是标准库中没有它的专业教学标准
    （单独发布的国家实训教学条件建设标准等）时报 ZB512（提示）。此时依赖课程设置的引用与覆盖检查（ZB202、ZB301、ZB302、ZB304）不对该专业运行。
    专业代码本身格式不对时只报 ZB501（及 ZB213）；专业教学标准存在但读取失败时，只在它出错的地方报告。
    提示只提出同一专业类（前 4 位相同）的专业；与基线比较（--base）时，若该专业代码在本次修改中改过，提示新代码。"""
    for code, entry in ctx.corpus.specialties.items():
        if entry.specialty is not None or ctx.specialty_broken(code):
            continue  # a broken specialty.yaml is reported where it is broken
        if not SPECIALTY_CODE.match(code):
            continue  # ZB501 reports the malformed code
        hint = _meant(ctx, code)
        if hint is None and code in ctx.catalog.specialties:
            continue  # a real specialty whose standard is kept elsewhere: ZB512
        for item in entry.documents():
            yield rule.diag(
                item.rel,
                f"专业代码「{code}」没有对应的专业教学标准，依赖课程设置的引用与覆盖检查"
                "（ZB202、ZB301、ZB304）没有对本文件运行",
                path=("specialty",),
                hint=hint,
            )


def _meant(ctx: CheckContext, code: str) -> str | None:
    """The code the author probably meant: one the change renamed, or a specialty of the same
    专业类 whose standard the library holds (a document copied from another specialty)."""
    known = ctx.view.specialty_codes(code)
    return renamed_hint(ctx, code) or did_you_mean(code, same_class(code, known))


@check(
    "ZB512",
    "specialty-standard-elsewhere",
    Severity.INFO,
    "所属专业的专业教学标准不在标准库中",
    'specialty: "510209"   # 专业目录中有 510209，标准库中只有它的实训教学条件建设标准',
)
def standard_elsewhere(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """单独发布的标准（国家实训教学条件建设标准、岗位实习标准等）属于专业目录中的专业，但标准库中没有
    该专业的专业教学标准：这不是文件的错误，提示说明依赖课程设置的引用与覆盖检查（ZB202、ZB301、ZB302、
    ZB304）没有对本文件运行，而不是悄悄跳过。专业代码不在专业目录中、或标准库中有同一专业类的专业（多半
    写错了代码）时报 ZB205（警告）。"""
    for code, entry in ctx.corpus.specialties.items():
        if entry.specialty is not None or ctx.specialty_broken(code):
            continue
        known = ctx.catalog.specialties.get(code)
        if known is None or not SPECIALTY_CODE.match(code) or _meant(ctx, code) is not None:
            continue  # ZB205: not a real specialty, or probably meant another one
        for item in entry.documents():
            yield rule.diag(
                item.rel,
                f"专业 {code}（{known.name}）的专业教学标准不在标准库中，依赖课程设置的引用与覆盖检查"
                "（ZB202、ZB301、ZB304）没有对本文件运行",
                path=("specialty",),
                hint="把该专业的 specialty.yaml 放进标准库即可运行这些检查；单独发布的标准不需要。",
            )


@check(
    "ZB206",
    "course-mismatch",
    Severity.ERROR,
    "课程标准与课程设置不一致",
    "# 课程设置: ZY03 64 学时；课程标准 ZY03: hours: 72",
)
def course_mismatch(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """课程标准的名称、课程性质、学时（含理论/实践）、学分和学期必须与专业教学标准课程设置中同代码的课程一致。"""
    fields = {
        "name": "课程名称",
        "nature": "课程性质",
        "hours": "学时",
        "theory_hours": "理论学时",
        "practice_hours": "实践学时",
        "credits": "学分",
        "semesters": "开设学期",
    }
    for entry, _ in ctx.sets():
        if entry.specialty is None:
            continue
        plan = {c.code: (i, c) for i, c in enumerate(entry.specialty.doc.courses)}
        for course in entry.courses:
            if course.doc.code not in plan:
                continue
            _, planned = plan[course.doc.code]
            for field, label in fields.items():
                mine, theirs = getattr(course.doc, field), getattr(planned, field)
                if mine in (None, []) or theirs in (None, []):
                    continue
                if mine != theirs:
                    yield rule.diag(
                        course.rel,
                        f"{label}为 {_show(mine)}，而课程设置中为 {_show(theirs)}",
                        path=(field,),
                        related=(Location(entry.specialty.rel),),
                        hint=f"以专业教学标准课程设置中 {planned.code} 一行为准，或同时修改两处。",
                    )


def _show(value: object) -> str:
    if isinstance(value, list):
        return "、".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@check(
    "ZB207",
    "duplicate-document",
    Severity.ERROR,
    "同一对象有多份文件",
    "# 两个文件都是专业 510209 的专业教学标准",
)
def duplicate_document(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """一个专业只能有一份专业教学标准和一份职业能力清单；同一课程代码只能有一份课程标准
    （多个专业共用的课程标准：同一课程代码、同一适用范围只能有一份）。"""
    for entry, _ in ctx.sets():
        if entry.specialty:
            for spec in entry.extra_specialties:
                yield _again(rule, spec, f"专业 {entry.code} 的专业教学标准", entry.specialty)
        for listing in entry.competencies[1:]:
            yield _again(rule, listing, f"专业 {entry.code} 的职业能力清单", entry.competencies[0])
        seen: dict[tuple[str, ...], Loaded[Course]] = {}
        for course in entry.courses:
            key = (course_key(course.doc), *applies_terms(course.doc))
            if key in seen:
                yield _again(rule, course, f"课程 {course_key(course.doc)} 的课程标准", seen[key])
            else:
                seen[key] = course


def _again(rule: Rule, item: Loaded[Any], what: str, first: Loaded[Any]) -> Diagnostic:
    return rule.diag(
        item.rel,
        f"{what}已在 {first.rel} 中定义",
        path=("code",) if item.kind in {"specialty", "course"} else ("specialty",),
        related=(Location(first.rel),),
        hint="删除其中一份，或修改编码。",
    )
