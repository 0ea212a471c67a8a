"""Load the standards for an export; schema errors block the export (nothing is written)."""

from __future__ import annotations

from pathlib import Path

from builder.base.diagnostics import Diagnostic, Diagnostics
from builder.project import Project, UsageError
from builder.read.corpus import Corpus, load_corpus, place


class ExportBlocked(Exception):
    """Some standards files do not load; the export would be incomplete."""

    def __init__(self, diagnostics: list[Diagnostic], files: int) -> None:
        super().__init__(f"{len(diagnostics)} problem(s)")
        self.diagnostics = diagnostics
        self.files = files


def load_standards(project: Project, base: Path | None = None) -> Corpus:
    """Load every document; raise `ExportBlocked` when any file fails to load."""
    base = base or Path.cwd()
    sink = Diagnostics()
    corpus = load_corpus(project.standards, base, sink)
    if sink.has_errors():
        ordered = sorted(place(sink.items, base), key=Diagnostic.sort_key)
        raise ExportBlocked(ordered, len(corpus.documents) + len(corpus.failed))
    if not corpus.documents:
        raise UsageError(f"标准目录中没有标准文件：{project.standards}")
    return corpus
