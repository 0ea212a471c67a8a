"""`zhibiao export pdf`: the Word files of `export docx`, 目次 page numbers filled, rendered
by LibreOffice as PDF/A-2b (every font embedded, text extractable) for issuing and archiving.

The PDFs are made in a temporary folder and written to the output folder only when every
conversion succeeded, each file atomically. PDF/A requires a creation date and a document
ID in the file, so two exports differ in those bytes only; the text and layout are the same.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from builder.docx.export import ExportResult, Output, export_project, write_outputs
from builder.docx.office import require, to_pdf
from builder.docx.rendercache import DocxCache
from builder.project import Project

if TYPE_CHECKING:
    from builder.checking.pipeline import CheckResult


def export_pdf(
    project: Project,
    out_dir: Path,
    *,
    check: Callable[[Project], CheckResult],
    reference_docx: Path | None = None,
    notice: Path | None = None,
    force: bool = False,
    cache: DocxCache | None = None,
    jobs: int | None = 1,
) -> ExportResult:
    """Check (with `check`), export the Word files with their 目次 filled, render them as PDF/A into
    `out_dir`; `written` lists the PDFs (empty when the check refused the export)."""
    require("soffice")
    require("pdftotext")
    with tempfile.TemporaryDirectory(prefix="zhibiao-pdf-") as scratch:
        folder = Path(scratch)
        result = export_project(
            project,
            folder / "docx",
            check=check,
            reference_docx=reference_docx,
            notice=notice,
            force=force,
            cache=cache,
            jobs=jobs,
            toc_pages="always",
        )
        if not result.written:
            return result
        pdfs = to_pdf(result.written, folder / "pdf", archive=True)
        outputs = [Output(pdf.name, pdf.read_bytes()) for pdf in pdfs]
    return replace(result, written=write_outputs(outputs, out_dir))
