"""The competency × course matrix of a 职业能力清单 page, as the site shows it.

Markdown pipe tables cannot carry what a reader of a 20-column matrix needs, so the site
writes this one table as HTML (every value through `builder.escape`):

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

from builder.compose.anchors import competency_anchor, page_path
from builder.compose.coverage import Coverage, coverage
from builder.compose.text import flat
from builder.config import ProjectConfig
from builder.corpus import Corpus
from builder.escape import anchor_id, html_text
from builder.model import CompetencyList
from builder.site.config import MATRIX_SCRIPT

MATRIX_ANCHOR = "tbl-matrix"
__all__ = ["MATRIX_SCRIPT", "matrix_html", "matrix_tables"]
STATES = {
    "zb-reached": "达到要求的学习水平",
    "zb-below": "低于要求的学习水平",
    "zb-none": "未承载",
}


def cell_state(levels: list[str], required: str, reached: str) -> str:
    """`zb-reached`, `zb-below` or `zb-none` for a level `reached` against `required`.

    Levels are ranked by `levels` (low → high); a level outside the list ranks lowest."""
    if not reached:
        return "zb-none"

    def rank(level: str) -> int:
        return levels.index(level) if level in levels else -1

    return "zb-reached" if rank(reached) >= rank(required) >= 0 else "zb-below"


def legend() -> str:
    """The legend under the matrix: one sample cell per state."""
    items = "".join(
        f'<span class="zb-legend-item"><span class="zb-swatch {cls}"></span>{html_text(text)}</span>'
        for cls, text in STATES.items()
    )
    return f'<p class="zb-matrix-legend">图例：{items}</p>'


def matrix_html(doc: CompetencyList, cov: Coverage) -> str:
    """The whole matrix block (legend, scroll container, table) as one raw HTML block."""
    levels = list(cov.config.learning_levels)
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
                found = [cov.level(comp.code, column) for column in columns]
                best = cov.best([lv for lv in found if lv])
                cells = "".join(
                    f'<td class="{cell_state(levels, comp.level, lv)}">{html_text(lv)}</td>'
                    for lv in found
                )
                label = (
                    f'<a href="#{anchor_id(competency_anchor(comp.code))}">'
                    f"{html_text(comp.code)}</a> "
                    f'<span class="zb-comp-text">{html_text(text)}</span>'
                )
                rows.append(
                    f'<tr data-domain="{html_text(domain.code)}">'
                    f'<th scope="row" title="{html_text(f"{comp.code} {text}")}">{label}</th>'
                    f'<td class="zb-required {cell_state(levels, comp.level, best)}">'
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
