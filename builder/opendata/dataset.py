"""`zhibiao export json`: one normalised dataset of all standards, plus its JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builder import __version__
from builder.base.outputs import Written
from builder.base.schema_text import model_schema_text
from builder.model import scoped_code
from builder.model.dates import first_day
from builder.model.meta import joined
from builder.opendata import dataset_model as m
from builder.opendata import ids
from builder.opendata.links import course_matrix, specialty_links
from builder.opendata.loading import load_standards
from builder.opendata.output import write_outputs
from builder.project import Project
from builder.read.config import DEFAULT_VOCABULARY, ProjectConfig
from builder.read.corpus import SHARED_SET, Corpus, Loaded, SpecialtySet, relative, shared_for
from builder.view.levels import vocabulary_of

SCHEMA_NAME = "dataset.schema.json"
DEFAULT_NAME = "zhibiao-dataset.json"


def build_dataset(corpus: Corpus, config: ProjectConfig) -> m.Dataset:
    """The dataset of every specialty in the corpus, in code order."""
    tables: dict[str, list[Any]] = {name: [] for name in _TABLES}
    for code, entry in corpus.specialties.items():
        _documents(tables, code, entry, corpus.root)
        _specialty(tables, code, entry)
        _competencies(tables, code, entry, config)
        _courses(tables, code, entry)
        tables["competency_links"].extend(
            m.CompetencyLinkRow(
                specialty=code,
                competency=link.competency,
                level=link.level,
                source=link.source,
                item=link.item,
                course=link.course,
            )
            for link in specialty_links(entry)
        )
        tables["course_competencies"].extend(
            m.CourseCompetencyRow(specialty=code, course=course, competency=comp, level=level)
            for (course, comp), level in sorted(course_matrix(entry, config).items())
        )
    return m.Dataset.model_validate(
        {
            "$schema": SCHEMA_NAME,
            "format": "zhibiao-dataset",
            "format_version": m.FORMAT_VERSION,
            "generator": f"zhibiao {__version__}",
            "issuer": config.issuer,
            "learning_levels": list(config.learning_levels),
            **tables,
        }
    )


_HEADER = {"schema_uri", "format", "format_version", "generator", "issuer", "learning_levels"}
_TABLES = [name for name in m.Dataset.model_fields if name not in _HEADER]


def _documents(tables: dict[str, list[Any]], code: str, entry: SpecialtySet, root: Path) -> None:
    for item in entry.documents():
        doc = item.doc
        course = doc.code if item.kind == "course" else None
        meta = doc.meta
        applies = getattr(doc, "applies_to", None)
        tables["documents"].append(
            m.DocumentRow(
                id=_document_id(code, item),
                kind=item.kind,
                specialty=code,
                course=course,
                path=relative(item.path, root),
                title=meta.title,
                version=meta.version,
                status=meta.status,
                standard_no=meta.standard_no,
                doc_no=meta.doc_no,
                issuer=joined(meta.issuer),
                issued_on=first_day(meta.issued_on),
                effective_on=first_day(meta.effective_on),
                applies_levels=list(applies.levels) if applies else [],
                applies_specialties=list(applies.specialties) if applies else [],
            )
        )


def _document_id(code: str, item: Loaded[Any]) -> str:
    """The id of a document of set `code` (a shared course standard's includes where it
    applies: two may share a course code)."""
    course = ids.course_document(item.doc) if item.kind == "course" else None
    return ids.uid(ids.document_key(code, item.kind, course))


def _specialty(tables: dict[str, list[Any]], code: str, entry: SpecialtySet) -> None:
    if entry.specialty is None:
        return
    doc = entry.specialty.doc
    career = doc.career
    tables["specialties"].append(
        m.SpecialtyRow(
            code=code,
            name=doc.name,
            level=doc.level,
            catalog=doc.catalog,
            years=doc.duration.years,
            major_category_code=career.major_category.code,
            major_category_name=career.major_category.name,
            major_class_code=career.major_class.code,
            major_class_name=career.major_class.name,
            posts=list(career.posts),
            certificates=list(career.certificates),
            total_hours=doc.totals.hours if doc.totals else None,
            total_credits=doc.totals.credits if doc.totals else None,
        )
    )
    tables["industries"].extend(
        m.CodeNameRow(specialty=code, code=i.code, name=i.name) for i in career.industries
    )
    tables["occupations"].extend(
        m.OccupationRow(specialty=code, code=o.code, name=o.name, marks=list(o.marks))
        for o in career.occupations
    )
    tables["continuations"].extend(
        m.ContinuationRow(specialty=code, level=c.level, code=c.code, name=c.name)
        for c in doc.continuation
    )
    for spec in doc.specs:
        tables["specs"].append(
            m.SpecRow(
                id=ids.uid(ids.spec_key(code, spec.code)),
                specialty=code,
                code=spec.code,
                type=spec.type,
                text=spec.text,
            )
        )
        tables["spec_competencies"].extend(
            m.SpecCompetencyRow(specialty=code, spec=spec.code, competency=ref)
            for ref in spec.competencies
        )


def _competencies(
    tables: dict[str, list[Any]], code: str, entry: SpecialtySet, config: ProjectConfig
) -> None:
    for listing in entry.competencies[:1]:
        # level_rank counts in learning_levels (the dataset header): a list in another scale
        # (`levels:`) has no rank there
        default = vocabulary_of(listing.doc) == DEFAULT_VOCABULARY
        for d, domain in enumerate(listing.doc.domains, start=1):
            tables["domains"].append(
                m.DomainRow(
                    id=ids.uid(ids.domain_key(code, scoped_code(domain.code, domain.scope))),
                    specialty=code,
                    code=domain.code,
                    name=domain.name,
                    description=domain.description,
                    position=d,
                )
            )
            for t, task in enumerate(domain.tasks, start=1):
                tables["tasks"].append(
                    m.TaskRow(
                        id=ids.uid(ids.task_key(code, scoped_code(task.code, domain.scope))),
                        specialty=code,
                        domain=domain.code,
                        code=task.code,
                        name=task.name,
                        description=task.description,
                        position=t,
                    )
                )
                for c, comp in enumerate(task.competencies, start=1):
                    rank = config.level_rank(comp.level) if default else None
                    tables["competencies"].append(
                        m.CompetencyRow(
                            id=ids.uid(
                                ids.competency_key(
                                    code, scoped_code(comp.code, domain.scope, comp.scope)
                                )
                            ),
                            specialty=code,
                            domain=domain.code,
                            task=task.code,
                            code=comp.code,
                            text=comp.text,
                            type=comp.type,
                            level=comp.level,
                            level_rank=None if rank is None else rank + 1,
                            position=c,
                        )
                    )


def _courses(tables: dict[str, list[Any]], code: str, entry: SpecialtySet) -> None:
    standards: dict[str, Loaded[Any]] = {}
    for course in entry.courses:
        standards.setdefault(course.doc.code, course)
    planned = entry.specialty.doc.courses if entry.specialty else []
    linked = shared_for(((p.code, p.name) for p in planned), entry.shared)
    rows: list[tuple[Any, bool, bool]] = [
        (p, p.code in standards or p.code in linked, True) for p in planned
    ]
    planned_codes = {p.code for p in planned}
    rows += [(s.doc, True, False) for c, s in standards.items() if c not in planned_codes]
    for course, has_standard, in_plan in rows:
        tables["courses"].append(
            m.CourseRow(
                id=ids.uid(ids.course_key(code, course.code)),
                specialty=code,
                code=course.code,
                name=course.name,
                nature=course.nature,
                hours=course.hours,
                theory_hours=course.theory_hours,
                practice_hours=course.practice_hours,
                credits=course.credits,
                semesters=list(course.semesters),
                elective=getattr(course, "elective", False),
                in_plan=in_plan,
                has_standard=has_standard,
                shared_standard=_document_id(SHARED_SET, linked[course.code])
                if in_plan and course.code in linked and course.code not in standards
                else None,
            )
        )
    pairs: set[tuple[str, str]] = set()
    for course_code, source in standards.items():
        pairs |= {(course_code, before) for before in source.doc.prerequisites}
        pairs |= {(after, course_code) for after in source.doc.followups}
    tables["prerequisites"].extend(
        m.PrerequisiteRow(specialty=code, course=after, prerequisite=before)
        for after, before in sorted(pairs)
    )
    for course_code, source in standards.items():
        doc = source.doc
        for module in doc.modules:
            tables["modules"].append(
                m.ModuleRow(
                    specialty=code,
                    course=course_code,
                    code=module.code,
                    name=module.name,
                    hours=module.hours,
                )
            )
            tables["content_items"].extend(
                m.ContentRow(
                    specialty=code,
                    course=course_code,
                    module=module.code,
                    code=item.code,
                    name=item.name,
                    requirements=item.requirements,
                    hours=item.hours,
                )
                for item in module.items
            )


def render(dataset: m.Dataset) -> str:
    """The dataset as stable JSON text."""
    data = dataset.model_dump(mode="json", by_alias=True, exclude_none=False)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def schema_text() -> str:
    """The dataset's JSON Schema (the same text as `schemas/dataset.schema.json`)."""
    return model_schema_text(
        m.Dataset, "职标开放数据集", "zhibiao export json 输出的规范化数据集（各表以编码关联）"
    )


def export_dataset(project: Project, output: Path) -> list[Written]:
    """Write the dataset to `output` and its schema beside it; return both files."""
    if output.is_dir():
        output = output / DEFAULT_NAME
    corpus = load_standards(project)
    data, schema = render(build_dataset(corpus, project.config)), schema_text()
    schema_path = output.with_name(SCHEMA_NAME)
    return write_outputs(
        {
            Written(output, "dataset", title="职标开放数据集"): data.encode("utf-8"),
            Written(schema_path, "dataset-schema", title="数据集的 JSON Schema"): schema.encode(
                "utf-8"
            ),
        }
    )
