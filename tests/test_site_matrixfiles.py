"""The competency × course matrix as Excel and CSV downloads on 职业能力清单 pages."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from builder.checking.pipeline import run_check
from builder.compose import compose_corpus, page_path
from builder.opendata.xlsx_layout import MATRIX_SHEET
from builder.ruleset import open_project
from builder.site.downloads import default_providers
from builder.site.matrixfiles import MatrixCsv, MatrixWorkbook, csv_cell, matrix_csv

REPO = Path(__file__).resolve().parent.parent


def _read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # Excel opens UTF-8 with a BOM as Chinese
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_competency_pages_offer_the_matrix_as_csv_and_excel(tmp_path: Path) -> None:
    project = open_project(REPO / "standards", None)
    corpus = run_check(project, base=REPO).corpus
    trees = compose_corpus(corpus, project.config)
    labels = [p.label for p in default_providers(docx=False)]
    assert labels[-2:] == ["能力矩阵（Excel）", "能力矩阵（CSV）"]
    books = MatrixWorkbook().collect(corpus, project.config, trees, tmp_path)
    tables = MatrixCsv().collect(corpus, project.config, trees, tmp_path)
    expected = {page_path(e.competencies[0]) for e in corpus.specialties.values() if e.competencies}
    assert set(books) == set(tables) == expected
    for page, path in tables.items():
        rows = _read_csv(path.read_bytes())
        sheet = openpyxl.load_workbook(books[page])[MATRIX_SHEET]
        cells = [[str(c.value or "") for c in row] for row in sheet.iter_rows()]
        assert rows[0] == [t.replace("\n", " ") for t in cells[0]]  # same columns
        assert rows[1:] == cells[1:]  # same competencies and levels
        assert rows[0][:3] == ["能力编码", "职业能力", "要求水平"] and len(rows) > 5
        assert any(level for row in rows[1:] for level in row[3:])


@given(st.lists(st.lists(st.text(max_size=12), min_size=3, max_size=5), max_size=4))
def test_csv_cells_read_back_as_text_and_never_as_formulas(rows: list[list[str]]) -> None:
    titles = ["能力编码", "职业能力", "要求水平"]
    width = max((len(r) for r in rows), default=3)
    rows = [r + [""] * (width - len(r)) for r in rows]
    read = _read_csv(matrix_csv(titles, rows))
    assert read[0] == titles
    body = read[1:]
    assert len(body) == len(rows)
    for got, want in zip(body, rows, strict=True):
        assert got == [csv_cell(w) for w in want]
        assert all(not cell or cell[0] not in "=+-@" for cell in got)
