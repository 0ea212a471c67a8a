"""The competency × course matrix offered for download on each 职业能力清单 page.

Two files next to the page: the specialty's Excel workbook (`zhibiao export xlsx`: the
职业能力清单, the plan and the 能力课程矩阵 sheet, printed landscape) and the matrix alone as
CSV (UTF-8 with BOM, so Excel opens it in Chinese). Both hold what the page's matrix shows;
a cell that a spreadsheet would read as a formula (starting with = + - @) is written as text
(a leading apostrophe in the CSV, a string cell in the workbook).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from builder.compose import page_path
from builder.compose.doctree import DocTree
from builder.opendata.xlsx_export import file_name, matrix_rows, specialty_workbook
from builder.opendata.xlsx_style import FORMULA_START
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, SpecialtySet


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as the text it is, never evaluates."""
    return f"'{text}" if text[:1] in FORMULA_START else text


def matrix_csv(titles: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """The matrix as CSV: a header row (course "code name" on one line), one row per
    competency; UTF-8 with BOM and CRLF line ends, as Excel expects."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_cell(t.replace("\n", " ")) for t in titles])
    for row in rows:
        writer.writerow([csv_cell(str(value)) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _pages(corpus: Corpus, trees: Sequence[DocTree]) -> list[tuple[str, str]]:
    """(specialty code, page of its first 职业能力清单) for the lists among `trees`."""
    pages = {t.page for t in trees}
    found = []
    for code, entry in corpus.specialties.items():
        if entry.competencies and page_path(entry.competencies[0]) in pages:
            found.append((code, page_path(entry.competencies[0])))
    return found


def _write_per_page(
    corpus: Corpus,
    trees: Sequence[DocTree],
    folder: Path,
    make: Callable[[SpecialtySet], tuple[str, bytes]],
) -> dict[str, Path]:
    """One file per 职业能力清单 page among `trees`: `make` gives its name and bytes."""
    found: dict[str, Path] = {}
    for code, page in _pages(corpus, trees):
        name, data = make(corpus.specialties[code])
        target = folder / code / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        found[page] = target
    return found


@dataclass(frozen=True, slots=True)
class MatrixWorkbook:
    """The specialty's workbook (with the 能力课程矩阵 sheet) on its 职业能力清单 page."""

    label: str = "能力矩阵（Excel）"

    def collect(
        self, corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], work: Path
    ) -> dict[str, Path]:
        def workbook(entry: SpecialtySet) -> tuple[str, bytes]:
            return file_name(entry), specialty_workbook(entry, config)

        return _write_per_page(corpus, trees, work / "matrix-xlsx", workbook)


@dataclass(frozen=True, slots=True)
class MatrixCsv:
    """The matrix alone as CSV on the 职业能力清单 page."""

    label: str = "能力矩阵（CSV）"

    def collect(
        self, corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], work: Path
    ) -> dict[str, Path]:
        def table(entry: SpecialtySet) -> tuple[str, bytes]:
            return "matrix.csv", matrix_csv(*matrix_rows(entry, config))

        return _write_per_page(corpus, trees, work / "matrix-csv", table)
