"""The competency × course matrix of a 职业能力清单 page, as the site shows it.

Markdown pipe tables cannot carry what a reader of a 20-column matrix needs, so the site
writes this one table as HTML (every value through `builder.base.escape`):

- one header row and one first column that stay in place while the table scrolls
  (`.zb-matrix` in `zhibiao.css`, a scroll container with sticky cells);
- each competency's code (a link to its row in the analysis table) and its text, the full
  text also as the `title` of the row header; each column's full name as the `title` of
  its header;
- a class per cell computed here from the same `Coverage` the page's tables use:
  `zb-reached` (the level required by the list is reached), `zb-below` (taught, below the
  required level), `zb-none` (not carried), and a legend;
- one group row per 工作领域 (`data-domain`), which `matrix.js` turns into a filter; without
  the script the whole table is shown.
"""

from __future__ import annotations

from builder.base.escape import anchor_id, html_text
from builder.compose.coverage import Coverage, coverage
from builder.compose.text import flat
from builder.model import CompetencyList, scoped_code
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus
from builder.site.config import MATRIX_SCRIPT
from builder.view.anchors import competency_anchor, page_path
from builder.view.levels import Leveled, Levels, vocabulary_of

MATRIX_ANCHOR = "tbl-matrix"
__all__ = ["MATRIX_SCRIPT", "matrix_html", "matrix_tables"]
STATES = {
    "zb-reached": "达到要求的学习水平",
    "zb-below": "低于要求的学习水平",
    "zb-none": "未承载",
}


def cell_state(levels: list[str], required: str, reached: str) -> str:
    """`zb-reached`, `zb-below` or `zb-none` for a level `reached` against `required`, both
    of the scale `levels` (low → high); a level outside the list ranks lowest."""
    if not reached:
        return "zb-none"

    def rank(level: str) -> int:
        return levels.index(level) if level in levels else -1

    return "zb-reached" if rank(reached) >= rank(required) >= 0 else "zb-below"


def leveled_state(levels: Levels, required: Leveled, reached: Leveled | None) -> str:
    """`zb-reached`, `zb-below` or `zb-none` for a level `reached` against `required`.

    Compared as the coverage rules compare (`builder.view.levels`): within one scale by
    position, across scales through a declared mapping; a level that cannot be compared
    (outside its scale, or scales without a mapping) counts as below."""
    if reached is None:
        return "zb-none"
    return "zb-reached" if levels.reaches(reached, required) else "zb-below"


def legend() -> str:
    """The legend under the matrix: one sample cell per state."""
    items = "".join(
        f'<span class="zb-legend-item"><span class="zb-swatch {cls}"></span>{html_text(text)}</span>'
        for cls, text in STATES.items()
    )
    return f'<p class="zb-matrix-legend">图例：{items}</p>'


def matrix_html(doc: CompetencyList, cov: Coverage) -> str:
    """The whole matrix block (legend, scroll container, table) as one raw HTML block."""
    levels = cov.levels
    vocabulary = vocabulary_of(doc)
    columns = cov.columns
    head = "".join(
        f'<th scope="col" title="{html_text(c.label)}">{html_text(c.header)}</th>' for c in columns
    )
    rows: list[str] = []
    for domain in doc.domains:
        name = html_text(f"{domain.code} {domain.name}")
        rows.append(
            f'<tr class="zb-domain-row" data-domain="{html_text(domain.code)}">'
            f'<th scope="rowgroup" colspan="2">{name}</th>'
            f'<td colspan="{len(columns)}"></td></tr>'
        )
        for task in domain.tasks:
            for comp in task.competencies:
                text = flat(comp.text)
                key = scoped_code(comp.code, domain.scope, comp.scope)
                required = Leveled(comp.level, vocabulary)
                found = [cov.reached(key, column) for column in columns]
                best = next((f for f in found if f and levels.reaches(f, required)), None)
                best = best or levels.best([f for f in found if f])
                cells = "".join(
                    f'<td class="{leveled_state(levels, required, lv)}">'
                    f"{html_text(lv.level if lv else '')}</td>"
                    for lv in found
                )
                label = (
                    f'<a href="#{anchor_id(competency_anchor(key))}">'
                    f"{html_text(key)}</a> "
                    f'<span class="zb-comp-text">{html_text(text)}</span>'
                )
                rows.append(
                    f'<tr data-domain="{html_text(domain.code)}">'
                    f'<th scope="row" title="{html_text(f"{key} {text}")}">{label}</th>'
                    f'<td class="zb-required {leveled_state(levels, required, best)}">'
                    f"{html_text(comp.level)}</td>{cells}</tr>"
                )
    table = (
        '<table class="zb-matrix">'
        f'<thead><tr><th scope="col">职业能力</th><th scope="col">要求</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return (
        f'<div class="zb-matrix-block" data-search-exclude="">{legend()}'
        f'<div class="zb-matrix-scroll" tabindex="0">{table}</div></div>'
    )


def matrix_tables(corpus: Corpus, config: ProjectConfig) -> dict[str, tuple[tuple[str, str], ...]]:
    """Docs page → the HTML matrix of that 职业能力清单 page (see `PageChrome.html_tables`)."""
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for entry in corpus.specialties.values():
        if not entry.competencies:
            continue
        cov = coverage(entry, config)
        for item in entry.competencies:
            found[page_path(item)] = ((MATRIX_ANCHOR, matrix_html(item.doc, cov)),)
    return found
