"""职业能力清单 → DocTree: the analysis table (one anchor per competency) and the matrix."""

from __future__ import annotations

from builder.compose.anchors import competency_anchor, doc_id, domain_anchor, page_path, task_anchor
from builder.compose.coverage import Coverage, coverage
from builder.compose.links import applies_to, specialty_set
from builder.compose.marks import glued
from builder.compose.meta import (
    back_matter,
    cover,
    normative_references,
    notices,
)
from builder.compose.outline import Outline, cell, joined
from builder.compose.text import flat
from builder.config import ProjectConfig
from builder.corpus import Corpus, Loaded
from builder.doctree import Cell, DocTree, Field, Inline, Link
from builder.model import CompetencyList, Domain, Task

WHERE_HEADER = "在哪些课程中培养"


def compose_competencies(
    item: Loaded[CompetencyList], corpus: Corpus, config: ProjectConfig
) -> DocTree:
    """The competency list: 工作领域 → 工作任务 → 职业能力 table, then the coverage matrix."""
    doc = item.doc
    entry = specialty_set(corpus, doc.specialty)
    cov = coverage(entry, config)
    out = Outline("gbt")
    out.add(*notices(item, corpus))
    normative_references(out, [[ref] for ref in doc.meta.normative_references])
    tasks = [t for d in doc.domains for t in d.tasks]
    count = sum(len(t.competencies) for t in tasks)
    out.heading(1, "工作任务与职业能力分析", anchor="analysis")
    out.text(*applies_to(entry, doc.specialty, doc.specialty_name))
    out.text(
        f"本清单分为 {len(doc.domains)} 个工作领域、{len(tasks)} 项工作任务、{count} 项职业能力。"
        f"学习水平由低到高依次为：{'、'.join(config.learning_levels)}。"
    )
    described: list[list[Inline]] = []
    for d, domain in enumerate(doc.domains):
        parts: list[tuple[str, Domain | Task]] = [(f"domains[{d}]", domain)]
        parts += [(f"domains[{d}].tasks[{t}]", task) for t, task in enumerate(domain.tasks)]
        described += [
            [
                *glued(
                    f"{p.code} {p.name}：",
                    Field(flat(p.description), f"{at}.description", code=p.code),
                )
            ]
            for at, p in parts
            if p.description
        ]
    if described:
        out.text("工作领域和工作任务说明如下：")
        out.items(described)
    out.table(
        "工作任务与职业能力分析表",
        ("工作领域", "工作任务", "职业能力", "类型", "学习水平", WHERE_HEADER),
        _analysis_rows(doc, cov),
        (2, 2, 6, 1, 1.2, 4),
        anchor="tbl-analysis",
        searchable=False,
    )
    out.heading(1, "职业能力培养矩阵", anchor="matrix")
    out.text("下表列出每项职业能力在各课程、岗位实习和实训室中达到的学习水平；空白表示未承载。")
    header, rows, widths = matrix(doc, cov, page_path(item))
    out.table("职业能力培养矩阵", header, rows, widths, anchor="tbl-matrix", searchable=False)
    back_matter(out, doc.meta)
    return DocTree(
        doc_id(item),
        "competencies",
        page_path(item),
        cover(doc.meta, "competencies"),
        tuple(out.blocks),
    )


def _analysis_rows(doc: CompetencyList, cov: Coverage) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for d, domain in enumerate(doc.domains):
        for t, task in enumerate(domain.tasks):
            for c, comp in enumerate(task.competencies):
                where: list[Inline] = [
                    Link(f"{column.label}（{level}）", column.target)
                    for column in cov.columns
                    if (level := cov.level(comp.code, column))
                ]
                first_task = c == 0
                first_domain = first_task and t == 0
                at = f"domains[{d}].tasks[{t}]"
                item = f"{at}.competencies[{c}]"
                shown_type = comp.type if "type" in comp.model_fields_set else "—"
                rows.append(
                    [
                        cell(
                            *_coded(domain.code, domain.name, f"domains[{d}]"),
                            anchor=domain_anchor(domain.code),
                        )
                        if first_domain
                        else cell(),
                        cell(*_coded(task.code, task.name, at), anchor=task_anchor(task.code))
                        if first_task
                        else cell(),
                        cell(
                            *glued(
                                _home(comp.code, item, "code", comp.code),
                                " ",
                                _home(flat(comp.text), item, "text", comp.code),
                            ),
                            anchor=competency_anchor(comp.code),
                        ),
                        cell(_home(shown_type, item, "type", comp.code)),
                        cell(_home(comp.level, item, "level", comp.code)),
                        cell(*joined(where, "；")) if where else cell("（未承载）"),
                    ]
                )
    return rows


def _coded(code: str, name: str, at: str) -> tuple[Inline, ...]:
    """ "1-2 数据采集": the code and the name of a domain or task, each a field."""
    return glued(Field(code, f"{at}.code", code=code), " ", Field(name, f"{at}.name", code=code))


def _home(text: str, item: str, name: str, code: str) -> Field:
    """A field of the table row that is the home of list item `item`."""
    return Field(text, f"{item}.{name}", row=item, code=code)


def matrix(
    doc: CompetencyList, cov: Coverage, page: str
) -> tuple[list[str], list[list[Cell]], list[float]]:
    """Header, rows and widths of the competency × course/internship/room matrix.

    Each row is one competency (linked to its anchor) with the required level, then the
    highest level reached in every column.
    """
    header = ["职业能力", "要求", *(c.header for c in cov.columns)]
    rows: list[list[Cell]] = []
    for d, domain in enumerate(doc.domains):
        for t, task in enumerate(domain.tasks):
            for c, comp in enumerate(task.competencies):
                link = Link(comp.code, f"{page}#{competency_anchor(comp.code)}")
                levels = [cell(cov.level(comp.code, column)) for column in cov.columns]
                level = Field(comp.level, f"domains[{d}].tasks[{t}].competencies[{c}].level")
                rows.append([cell(link), cell(level), *levels])
    widths = [1.5, 1.0, *([1.0] * len(cov.columns))]
    return header, rows, widths
