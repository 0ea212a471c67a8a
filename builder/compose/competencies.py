"""职业能力清单 → DocTree: the analysis table (one anchor per competency) and the matrix."""

from __future__ import annotations

from builder.compose.coverage import Coverage, coverage
from builder.compose.doctree import Cell, DocTree, Field, Inline, Link
from builder.compose.levels import occupation_block, scale_of
from builder.compose.links import applies_to, specialty_set
from builder.compose.marks import glued, item_runs
from builder.compose.meta import (
    back_matter,
    cover,
    normative_references,
    notices,
)
from builder.compose.outline import Outline, cell, joined
from builder.compose.text import flat
from builder.model import CompetencyList, Domain, Task, scoped_code
from builder.model.sourced import (
    EXCERPT_LABEL,
    NOT_LISTED_LABEL,
    is_excerpt,
    is_not_given,
    specialty_key,
)
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded
from builder.view.anchors import competency_anchor, doc_id, domain_anchor, page_path, task_anchor

WHERE_HEADER = "在哪些课程中培养"


def compose_competencies(
    item: Loaded[CompetencyList], corpus: Corpus, config: ProjectConfig
) -> DocTree:
    """The competency list: 工作领域 → 工作任务 → 职业能力 table, then the coverage matrix."""
    doc = item.doc
    entry = specialty_set(corpus, specialty_key(doc))
    cov = coverage(entry, config)
    out = Outline("gbt")
    out.add(*notices(item, corpus))
    normative_references(out, item_runs(doc.meta.normative_references, "meta.normative_references"))
    tasks = [t for d in doc.domains for t in d.tasks]
    count = sum(len(t.competencies) for t in tasks)
    if doc.occupation is not None:
        occupation_block(out, doc.occupation)
    out.heading(1, "工作任务与职业能力分析", anchor="analysis")
    if applies := applies_to(entry, doc.specialty, doc.specialty_name):
        out.text(*applies)
    if is_not_given(doc.domains):
        out.text(NOT_LISTED_LABEL)  # the source's work requirements were not obtained
        back_matter(out, doc.meta)
        return DocTree(
            doc_id(item),
            "competencies",
            page_path(item),
            cover(doc.meta, "competencies"),
            tuple(out.blocks),
        )
    name, scale = scale_of(doc, config)
    counted = (
        ""
        if is_excerpt(doc.domains)
        else f"本清单分为 {len(doc.domains)} 个工作领域、{len(tasks)} 项工作任务、{count} 项职业能力。"
    )
    out.text(f"{counted}{name}由低到高依次为：{'、'.join(scale)}。")
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
    for n, (scope, domains) in enumerate(_tables(doc)):
        out.table(
            "工作任务与职业能力分析表" + (f"（{scope}）" if scope else ""),
            ("工作领域", "工作任务", "职业能力", "类型", name, WHERE_HEADER),
            _analysis_rows(domains, cov),
            (2, 2, 6, 1, 1.2, 4),
            anchor="tbl-analysis" if n == 0 else f"tbl-analysis-{n + 1}",
            searchable=False,
        )
    if is_excerpt(doc.domains):
        out.text(EXCERPT_LABEL)
    _builds_on(out, doc)
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


def _builds_on(out: Outline, doc: CompetencyList) -> None:
    """中高本衔接: the competencies that declare what they build on one level below."""
    rows = [
        [
            cell(f"{comp.code} {flat(comp.text)}"),
            cell(comp.level),
            cell("；".join(f"{b.specialty} 专业的 {b.competency}" for b in comp.builds_on)),
        ]
        for domain in doc.domains
        for task in domain.tasks
        for comp in task.competencies
        if comp.builds_on
    ]
    if not rows:
        return
    out.heading(1, "中高本衔接", anchor="builds-on")
    out.text("下表列出以下一层次专业的职业能力为基础的职业能力（中职 → 高职专科 → 职业本科）。")
    out.table(
        "职业能力衔接表",
        ("职业能力", "学习水平", "衔接的下一层次职业能力"),
        rows,
        (6, 1.2, 4),
        anchor="tbl-builds-on",
        searchable=False,
    )


def _tables(doc: CompetencyList) -> list[tuple[str | None, list[tuple[int, Domain]]]]:
    """The domains, with their place in the list, grouped into one table per numbering scope
    (`Domain.scope`), in order."""
    tables: list[tuple[str | None, list[tuple[int, Domain]]]] = []
    for d, domain in enumerate(doc.domains):
        if tables and tables[-1][0] == domain.scope:
            tables[-1][1].append((d, domain))
        else:
            tables.append((domain.scope, [(d, domain)]))
    return tables


def _analysis_rows(domains: list[tuple[int, Domain]], cov: Coverage) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for d, domain in domains:
        domain_key = scoped_code(domain.code, domain.scope)
        for t, task in enumerate(domain.tasks):
            for c, comp in enumerate(task.competencies):
                key = scoped_code(comp.code, domain.scope, comp.scope)
                where: list[Inline] = [
                    Link(f"{column.label}（{level}）", column.target)
                    for column in cov.columns
                    if (level := cov.level(key, column))
                ]
                first_task = c == 0
                first_domain = first_task and t == 0
                at = f"domains[{d}].tasks[{t}]"
                item = f"{at}.competencies[{c}]"
                shown_type = comp.type if "type" in comp.model_fields_set else "—"
                scope_label: tuple[Inline, ...] = (f"{comp.scope} ",) if comp.scope else ()
                rows.append(
                    [
                        cell(
                            *_coded(domain.code, domain.name, f"domains[{d}]"),
                            anchor=domain_anchor(domain_key),
                        )
                        if first_domain
                        else cell(),
                        cell(
                            *_coded(task.code, task.name, at),
                            anchor=task_anchor(scoped_code(task.code, domain.scope)),
                        )
                        if first_task
                        else cell(),
                        cell(
                            *glued(
                                *scope_label,
                                _home(comp.code, item, "code", comp.code),
                                " ",
                                _home(flat(comp.text), item, "text", comp.code),
                            ),
                            anchor=competency_anchor(key),
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
                key = scoped_code(comp.code, domain.scope, comp.scope)
                link = Link(key, f"{page}#{competency_anchor(key)}")
                levels = [cell(cov.level(key, column)) for column in cov.columns]
                level = Field(comp.level, f"domains[{d}].tasks[{t}].competencies[{c}].level")
                rows.append([cell(link), cell(level), *levels])
    widths = [1.5, 1.0, *([1.0] * len(cov.columns))]
    return header, rows, widths
