"""`zhibiao export case`: one 1EdTech CASE 1.1 CFPackage (JSON) per standard document.

Every specialty yields `specialty.json` (培养规格 and the course plan), `competencies.json`
(工作领域 → 工作任务 → 职业能力) and `course-<代码>.json` per 课程标准 (教学模块 → 学习内容).
Identifiers are UUIDv5 of stable keys, so they do not change between builds; associations
between documents name each other's identifiers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.base.outputs import Written
from builder.model import CompetencyList, Course, Specialty, scoped_code
from builder.model.sourced import course_key, is_not_given
from builder.opendata import ids
from builder.opendata.case_defs import (
    CASE_VERSION,
    Uris,
    level_extension,
    subjects_of,
)
from builder.opendata.case_package import (
    Package,
    PackageFile,
    Scope,
    document_row,
    first_paragraph,
    register,
)
from builder.opendata.links import course_matrix
from builder.opendata.loading import load_standards
from builder.opendata.output import output_dir, safe_part, write_outputs
from builder.opendata.stamps import source_date_epoch
from builder.project import Project
from builder.read.config import ProjectConfig
from builder.read.corpus import Loaded, SpecialtySet
from builder.view import SpecialtyView, view_of
from builder.view.anchors import doc_id, page_path
from builder.view.levels import vocabulary_of


def specialty_packages(
    entry: SpecialtySet, config: ProjectConfig, uris: Uris
) -> tuple[list[PackageFile], list[str]]:
    """Every package of one specialty, and the references that had to be skipped."""
    specialty = entry.specialty.doc if entry.specialty else None
    scope = Scope(entry.code, config, uris, [specialty.level] if specialty else [])
    register(scope, entry)
    files: list[PackageFile] = []
    subjects = subjects_of(specialty, entry.code)
    if entry.specialty is not None:
        files.append(_specialty_package(scope, entry.specialty, subjects, view_of(entry)))
    if entry.competencies:
        files.append(_competency_package(scope, entry.competencies[0], subjects))
    planned = {c.code for c in specialty.courses} if specialty else set()
    matrix = course_matrix(entry, config)
    seen: set[str] = set()
    for course in entry.courses:
        if course_key(course.doc) in seen:  # a second standard for the same course (ZB207)
            continue
        seen.add(course_key(course.doc))
        files.append(_course_package(scope, course, subjects, planned, matrix, view_of(entry)))
    return files, scope.skipped


def _specialty_package(
    scope: Scope, source: Loaded[Specialty], subjects: list[tuple[str, str]], view: SpecialtyView
) -> PackageFile:
    doc, code = source.doc, scope.code
    key = ids.document_key(code, "specialty")
    package = Package(scope, key, source)
    for n, spec in enumerate(doc.specs, start=1):
        spec_id = ids.spec_key(code, spec.code)
        package.item(
            spec_id,
            "spec",
            spec.text,
            code=spec.code,
            position=n,
            extensions={"outcomeType": spec.type},
        )
        package.child(spec_id, key, n)
        for ref in spec.competencies:
            package.associate(
                "isRelatedTo",
                spec_id,
                ids.competency_key(code, view.resolve(ref)[0] or ref),
                grouping="spec-competency",
                where=f"培养规格 {spec.code}",
            )
    for n, course in enumerate(doc.courses, start=1):
        course_id = ids.course_key(code, course.code)
        package.item(
            course_id,
            "course",
            course.name,
            code=course.code,
            position=n,
            extensions={
                "nature": course.nature,
                "hours": course.hours,
                "theoryHours": course.theory_hours,
                "practiceHours": course.practice_hours,
                "credits": course.credits,
                "semesters": list(course.semesters),
                "elective": course.elective,
            },
        )
        package.child(course_id, key, n)
    document = document_row(scope, package, key, first_paragraph(doc.overview), subjects)
    return PackageFile(
        "specialty.json",
        "specialty",
        doc.meta.title,
        ids.uid(key),
        package.build(document, subjects),
        package.source,
    )


def _competency_package(
    scope: Scope, source: Loaded[CompetencyList], subjects: list[tuple[str, str]]
) -> PackageFile:
    doc, code = source.doc, scope.code
    key = ids.document_key(code, "competencies")
    package = Package(scope, key, source)
    counts = [0, 0]
    for d, domain in enumerate(doc.domains, start=1):
        domain_id = ids.domain_key(code, scoped_code(domain.code, domain.scope))
        package.item(
            domain_id, "domain", domain.name, code=domain.code, position=d, notes=domain.description
        )
        package.child(domain_id, key, d)
        for t, task in enumerate(domain.tasks, start=1):
            task_id = ids.task_key(code, scoped_code(task.code, domain.scope))
            package.item(
                task_id, "task", task.name, code=task.code, position=t, notes=task.description
            )
            package.child(task_id, domain_id, t)
            counts[0] += 1
            for c, comp in enumerate(task.competencies, start=1):
                comp_id = ids.competency_key(code, scoped_code(comp.code, domain.scope, comp.scope))
                extensions = {"outcomeType": comp.type}
                extensions.update(
                    level_extension(
                        scope.uris,
                        comp.level,
                        scope.config,
                        "requiredLevel",
                        vocabulary_of(source.doc),
                    )
                )
                package.item(
                    comp_id,
                    "competency",
                    comp.text,
                    code=comp.code,
                    position=c,
                    extensions=extensions,
                )
                package.child(comp_id, task_id, c)
                counts[1] += 1
    package.levels = True
    summary = f"{doc.meta.title}：{len(doc.domains)} 个工作领域、{counts[0]} 个工作任务、{counts[1]} 项职业能力。"
    document = document_row(scope, package, key, summary, subjects)
    return PackageFile(
        "competencies.json",
        "competencies",
        doc.meta.title,
        ids.uid(key),
        package.build(document, subjects),
        package.source,
    )


def _course_package(
    scope: Scope,
    source: Loaded[Course],
    subjects: list[tuple[str, str]],
    planned: set[str],
    matrix: dict[tuple[str, str], str],
    view: SpecialtyView,
) -> PackageFile:
    doc, code = source.doc, scope.code
    course = course_key(doc)  # the code, or the name when the source gives no code
    key = ids.document_key(code, "course", ids.course_document(doc))
    course_id = ids.course_key(code, course)
    package = Package(scope, key, source)
    if doc.code not in planned:  # not in the course plan: the course item lives here
        shown = "" if is_not_given(doc.code) else doc.code
        package.item(course_id, "course", doc.name, code=shown, position=1)
        package.child(course_id, key, 1)
    for m, module in enumerate(doc.modules, start=1):
        module_id = ids.module_key(code, course, module.code)
        package.item(
            module_id,
            "module",
            module.name,
            code=module.code,
            position=m,
            extensions={"hours": module.hours},
        )
        package.child(module_id, key, m)
        package.associate("isPartOf", module_id, course_id, sequence=m)
        for i, content in enumerate(module.items, start=1):
            content_id = ids.content_key(code, course, content.code)
            extensions = {"hours": content.hours} if content.hours is not None else None
            package.item(
                content_id,
                "content",
                content.requirements,
                code=content.code,
                position=i,
                abbreviated=content.name,
                extensions=extensions,
            )
            package.child(content_id, module_id, i)
            for ref in content.competencies:
                package.associate(
                    "isRelatedTo",
                    content_id,
                    ids.competency_key(code, view.resolve(ref.ref, ref.scope)[0] or ref.ref),
                    grouping="content-competency",
                    level=ref.level,
                    where=f"学习内容 {content.code}",
                )
    for (carrier, competency), level in matrix.items():
        if carrier == course:
            package.associate(
                "isRelatedTo",
                course_id,
                ids.competency_key(code, competency),
                grouping="course-competency",
                level=level,
                where=f"课程 {doc.code}",
            )
    for before in doc.prerequisites:
        package.associate(
            "precedes",
            ids.course_key(code, before),
            course_id,
            grouping="prerequisite",
            where="先修课程",
        )
    for after in doc.followups:
        package.associate(
            "precedes",
            course_id,
            ids.course_key(code, after),
            grouping="prerequisite",
            where="后续课程",
        )
    document = document_row(scope, package, key, first_paragraph(doc.description), subjects)
    name = f"course-{safe_part(course_key(doc))}.json"
    return PackageFile(
        name,
        "course",
        doc.meta.title,
        ids.uid(key),
        package.build(document, subjects),
        package.source,
    )


@dataclass(frozen=True, slots=True)
class CaseResult:
    """What `export case` wrote."""

    out: Path
    files: list[Written]
    skipped: list[str]


def render(data: Any) -> str:
    """Stable JSON text: UTF-8, two-space indent, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_case(project: Project, out: Path, base_uri: str | None = None) -> CaseResult:
    """Write `out/<专业代码>/*.json` and `out/index.json`; return the written paths."""
    corpus = load_standards(project)
    if base_uri is None and project.config.site.url:
        base_uri = project.config.site.url.rstrip("/") + "/ims/case/v1p1"
    uris = Uris(base_uri)
    source_date_epoch()  # a bad value is a usage error before anything is built
    outputs: dict[Written, str] = {}
    skipped: list[str] = []
    index: list[dict[str, Any]] = []
    for code, entry in corpus.specialties.items():
        files, lost = specialty_packages(entry, project.config, uris)
        skipped.extend(lost)
        for package in files:
            rel = f"{safe_part(code)}/{package.name}"
            source = package.source
            made = Written(out / rel, "case", doc_id(source), page_path(source), package.title)
            outputs[made] = render(package.data)
            index.append(
                {
                    "specialty": code,
                    "kind": package.kind,
                    "title": package.title,
                    "identifier": package.identifier,
                    "file": rel,
                }
            )
    index_file = Written(out / "index.json", "case", title="CASE 包索引")
    outputs[index_file] = render({"caseVersion": CASE_VERSION, "packages": index})
    output_dir(out)  # everything is built before the first write
    written = write_outputs({made: text.encode("utf-8") for made, text in outputs.items()})
    return CaseResult(out, written, skipped)
