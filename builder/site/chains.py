"""The 中高本衔接 page: connected specialties side by side, aligned by `builds_on`.

Specialties are connected when a competency of one declares `builds_on` a competency of
another in the tree. Each chain is one table with a column per specialty (中职 → 高职专科 →
职业本科); a row starts at a competency of the highest level and lists, in the columns
below it, the competencies it builds on (and what those build on). Every competency links
to its row in the competency list and names where it is carried (course, internship task,
training room), each linking to its page. Every text from the standards is escaped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from builder.compose import page_path
from builder.read.corpus import Corpus, SpecialtySet
from builder.site.markdown import escape, front_matter, link
from builder.site.pages import LEVEL_ORDER, specialty_label
from builder.view import SpecialtyView, view_of
from builder.view.anchors import competency_anchor, internship_task_anchor, room_anchor

CHAINS_PAGE = "chains.md"
CHAINS_TITLE = "中高本衔接"

Node = tuple[str, str]
"""(specialty code, competency code)."""


@dataclass(frozen=True, slots=True)
class Chain:
    """Connected specialties (column order) and the rows of the table."""

    sets: tuple[SpecialtySet, ...]
    rows: tuple[dict[str, list[str]], ...]
    """Each row: specialty code → the competency codes shown in its column."""


def _level(entry: SpecialtySet) -> int:
    level = entry.specialty.doc.level if entry.specialty else ""
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def _edges(corpus: Corpus) -> dict[Node, list[Node]]:
    """Competency → the competencies (in the tree) it builds on."""
    edges: dict[Node, list[Node]] = {}
    for entry in corpus.specialties.values():
        for code, defined in view_of(entry).competencies.items():
            for target in defined.competency.builds_on:
                other = corpus.specialties.get(target.specialty)
                if other is None or target.specialty == entry.code:
                    continue
                if target.competency in view_of(other).competencies:
                    edges.setdefault((entry.code, code), []).append(
                        (target.specialty, target.competency)
                    )
    return edges


def _groups(corpus: Corpus, edges: dict[Node, list[Node]]) -> list[list[str]]:
    """The specialty codes of each chain (two or more connected specialties)."""
    parent: dict[str, str] = {}

    def root(code: str) -> str:
        while parent.get(code, code) != code:
            code = parent[code]
        return code

    for (upper, _), targets in edges.items():
        for lower, _ in targets:
            parent.setdefault(upper, upper)
            parent.setdefault(lower, lower)
            parent[root(upper)] = root(lower)
    groups: dict[str, list[str]] = {}
    for code in sorted(parent):
        groups.setdefault(root(code), []).append(code)
    return sorted(groups.values())


def _below(node: Node, edges: dict[Node, list[Node]], seen: set[Node]) -> Iterator[Node]:
    for target in edges.get(node, ()):
        if target not in seen:
            seen.add(target)
            yield target
            yield from _below(target, edges, seen)


def chains(corpus: Corpus) -> list[Chain]:
    """Every chain of the tree, its columns ordered by level then code."""
    edges = _edges(corpus)
    found = []
    for codes in _groups(corpus, edges):
        sets = sorted((corpus.specialties[c] for c in codes), key=lambda e: (-_level(e), e.code))
        shown: set[Node] = set()
        rows: list[dict[str, list[str]]] = []
        for entry in sets:  # highest level first: each row starts at an unshown competency
            for code in view_of(entry).competencies:
                node = (entry.code, code)
                if node in shown:
                    continue
                shown.add(node)
                row: dict[str, list[str]] = {entry.code: [code]}
                for spec, comp in _below(node, edges, set()):
                    shown.add((spec, comp))
                    row.setdefault(spec, []).append(comp)
                rows.append(row)
        found.append(Chain(tuple(reversed(sets)), tuple(rows)))
    return found


def _carriers(view: SpecialtyView, code: str, page: str) -> str:
    labels: list[str] = []
    for use in view.carrying(code):
        kind, owner = use.owner
        target = page_path(use.source)
        if kind == "internship":
            target += f"#{internship_task_anchor(owner)}"
            text = f"实习 {owner}"
        elif kind == "room":
            target += f"#{room_anchor(owner)}"
            text = f"实训室 {owner}"
        else:
            text = owner
        labelled = link(escape(text), page, target)
        if labelled not in labels:
            labels.append(labelled)
    return "、".join(labels) if labels else "（未承载）"


def _cell(entry: SpecialtySet, codes: list[str], page: str) -> str:
    view = view_of(entry)
    parts = []
    for code in codes:
        defined = view.competencies[code]
        anchor = f"{page_path(defined.source)}#{competency_anchor(code)}"
        name = link(escape(code), page, anchor)
        parts.append(
            f"{name} {escape(defined.competency.text)}（{escape(defined.competency.level)}）"
            f"<br>承载：{_carriers(view, code, page)}"
        )
    return "<br><br>".join(parts) if parts else "—"


def _heading(entry: SpecialtySet) -> str:
    level = entry.specialty.doc.level if entry.specialty else "层次未知"
    return f"{escape(level)} {escape(specialty_label(entry))}"


def chains_page(corpus: Corpus, found: list[Chain] | None = None) -> str:
    """`chains.md`: one table per chain of connected specialties."""
    page = CHAINS_PAGE
    found = chains(corpus) if found is None else found
    parts = [
        f"# {CHAINS_TITLE} {{#title}}",
        "职业能力清单中以 builds_on 写明了所衔接的下一层次职业能力的专业，在此按层次并排列出"
        "（中职 → 高职专科 → 职业本科）：每行从高一层次的一项职业能力开始，左侧是它所衔接的下一层次能力；"
        "每项能力注明要求的学习水平和承载它的课程、实习任务或实训室。",
    ]
    if not found:
        parts.append("本仓库中还没有以 builds_on 相衔接的专业。")
    for number, chain in enumerate(found, start=1):
        title = " → ".join(escape(specialty_label(e)) for e in chain.sets)
        parts.append(f"## {title} {{#chain-{number}}}")
        header = "| " + " | ".join(_heading(e) for e in chain.sets) + " |"
        rule = "| " + " | ".join("---" for _ in chain.sets) + " |"
        lines = [header, rule]
        for row in chain.rows:
            cells = [_cell(e, row.get(e.code, []), page) for e in chain.sets]
            lines.append("| " + " | ".join(cells) + " |")
        parts.append("\n".join(lines))
    return front_matter({"title": CHAINS_TITLE}) + "\n\n".join(parts) + "\n"
