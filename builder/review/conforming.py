"""`zhibiao conform`: judge schools' 人才培养方案 against the national standard they follow.

The plans are read from the files and folders given (inside the project or not); the
national standards from the project's standards directory, or, with `against`, from
another edition (a folder, a specialty.yaml, or a git reference). The judgement itself is
`builder.view.conformance`, the one the conformance rules of `zhibiao check` report.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path

from builder.base.diagnostics import Diagnostics
from builder.model import KIND_TITLES, Plan
from builder.project import Project, UsageError
from builder.read.corpus import (
    Corpus,
    Loaded,
    SpecialtySet,
    discover,
    load_corpus,
    load_document,
    relative,
)
from builder.read.corpus import place as place_diagnostics
from builder.read.locate import compose, locate
from builder.read.yamlsource import decode, read_limited
from builder.view.conformance import Assessment, Finding, assess, assessment_of
from builder.view.conformrun import ConformRun, PlanResult, Revision


def conform(project: Project, paths: Iterable[Path], against: str | None = None) -> ConformRun:
    """Judge every plan found under `paths` against the project's (or `against`'s) standards."""
    cwd = Path.cwd()
    corpus = load_corpus(project.standards, cwd, Diagnostics())
    run = ConformRun()
    plans = _plans(paths, cwd, run)
    if not plans and not run.problems:
        shown = "、".join(p.as_posix() for p in paths)
        raise UsageError(
            f"{shown} 中没有人才培养方案（kind: plan）",
            hint="给出方案文件或存放方案的目录；写法见 docs/conform.md 和 standards/510209-人工智能技术应用/plans/ 中的示例。",
        )
    with ExitStack() as stack:
        newer = _against(against, project, stack) if against is not None else None
        run.against = newer[0] if newer is not None else None
        for plan in plans:
            entry = corpus.specialties.get(plan.doc.specialty) or SpecialtySet(plan.doc.specialty)
            current = assessment_of(plan, entry, project.config)
            result = _result(plan, current)
            if newer is not None:
                other = newer[1].specialties.get(plan.doc.specialty) or SpecialtySet(
                    plan.doc.specialty
                )
                judged = assess(plan.doc, other, project.config)
                result = _with_revisions(result, judged, plan)
            run.results.append(result)
    return run


def _plans(paths: Iterable[Path], cwd: Path, run: ConformRun) -> list[Loaded[Plan]]:
    found: list[Loaded[Plan]] = []
    seen: set[str] = set()
    sink = Diagnostics()
    for given in paths:
        if not given.exists():
            raise UsageError(f"找不到 {given.as_posix()}", hint="给出人才培养方案文件或目录。")
        root = given if given.is_dir() else given.parent
        files = sorted(discover(given)) if given.is_dir() else [given]
        for path in files:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            rel = _shown(path, cwd)
            doc, problems = load_document(path, rel, root)
            sink.extend(problems)
            if isinstance(doc, Plan):
                found.append(Loaded(path, rel, doc))
            elif doc is not None and not given.is_dir():
                kind = KIND_TITLES.get(doc.kind, doc.kind)
                raise UsageError(
                    f"{rel} 是{kind}（kind: {doc.kind}），不是人才培养方案（kind: plan）",
                    file=rel,
                    line=1,
                    column=1,
                )
    run.problems = place_diagnostics(sink.items, cwd)
    return found


def _shown(path: Path, cwd: Path) -> str:
    return relative(path, cwd)


def _against(spec: str, project: Project, stack: ExitStack) -> tuple[str, Corpus]:
    """The corpus of the other edition: a folder, a standards file's folder, or a git ref."""
    from builder.diff.gitref import open_side

    path = Path(spec)
    if path.is_file():
        folder = path.parent
        return spec, load_corpus(folder, Path.cwd(), Diagnostics())
    side = open_side(spec, project, stack)
    return side.label, side.corpus


def _positions(
    plan: Loaded[Plan], findings: Iterable[Finding]
) -> dict[tuple[str | int, ...], tuple[int, int]]:
    try:
        root = compose(decode(read_limited(plan.path)))
    except Exception:  # the file loaded a moment ago; if it changed since, show line 1
        root = None
    found: dict[tuple[str | int, ...], tuple[int, int]] = {}
    for finding in findings:
        if finding.path not in found:
            position = locate(root, finding.path)
            found[finding.path] = (position.line or 1, position.column or 1)
    return found


def _result(plan: Loaded[Plan], current: Assessment) -> PlanResult:
    doc = plan.doc
    name = f"{doc.name}（{doc.specialty}）" if doc.name else doc.specialty
    return PlanResult(plan.rel, doc.meta.title, name, current, _positions(plan, current.findings))


def _with_revisions(result: PlanResult, judged: Assessment, plan: Loaded[Plan]) -> PlanResult:
    unmet_now = {(f.rule, f.subject) for f in result.assessment.findings if f.status == "not_met"}
    revisions = tuple(
        Revision(f, (f.rule, f.subject) not in unmet_now)
        for f in judged.findings
        if f.status == "not_met"
    )
    positions = {**result.positions, **_positions(plan, judged.findings)}
    return PlanResult(
        result.file,
        result.title,
        result.name,
        result.assessment,
        positions,
        judged,
        revisions,
    )
