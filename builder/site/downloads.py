"""Files offered for download on each document page.

A provider maps page paths to files; the site copies each file next to its page as
`<page stem><suffix>` (e.g. `courses/ZY03.yaml`). The raw YAML is always offered; the Word
export (`builder.docx.export.export_trees`) is offered too unless `--no-docx` is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from builder.base.outputs import Written
from builder.compose import page_path
from builder.compose.doctree import DocTree
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus


class DownloadProvider(Protocol):
    """Produces one kind of downloadable file for document pages."""

    @property
    def label(self) -> str:
        """Link text shown on the page, e.g. "YAML 源文件"."""
        ...

    def collect(
        self, corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], work: Path
    ) -> dict[str, Path]:
        """Page path → file to publish; may write files under `work`."""
        ...


@dataclass(frozen=True, slots=True)
class YamlSources:
    """The raw YAML each page was generated from."""

    label: str = "YAML 源文件"

    def collect(
        self, corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], work: Path
    ) -> dict[str, Path]:
        """Every document's source file, keyed by its page."""
        pages = {t.page for t in trees}
        found: dict[str, Path] = {}
        for item in corpus.documents:
            page = page_path(item)
            if page in pages and page not in found:
                found[page] = item.path
        return found


Exporter = Callable[[Corpus, ProjectConfig, Sequence[DocTree], Path], list[Written]]
"""Writes a .docx for each given tree (of the corpus) into the folder; returns what it
wrote with the identity of each file's document (`builder.base.outputs.Written`)."""


@dataclass(frozen=True, slots=True)
class WordExport:
    """The .docx files of the Word export, linked to their pages by the identity the
    exporter returns with each file (no file is opened again)."""

    export: Exporter
    label: str = "Word 文档"

    def collect(
        self, corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], work: Path
    ) -> dict[str, Path]:
        """Run the export into `work/docx` and link every file to its document's page."""
        pages = {t.page for t in trees}
        found: dict[str, Path] = {}
        for written in self.export(corpus, config, trees, work / "docx"):
            if written.page in pages and written.page not in found:
                found[written.page] = written.path
        return found


@dataclass(frozen=True, slots=True)
class _DocxExporter:
    """`export_trees` with the render cache of the project at `root` (None: no cache),
    rendering in `jobs` worker processes (see `builder.docx.pool`)."""

    root: Path | None = None
    jobs: int | None = 1

    def __call__(
        self, corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], out: Path
    ) -> list[Written]:
        from builder.compose.order import documents
        from builder.docx.export import export_written
        from builder.docx.rendercache import DocxCache

        cache = DocxCache.open(self.root, scope="site")
        template = config.docx.reference_docx
        reference = None
        if template and self.root is not None:
            from builder.project.paths import confined

            reference = confined(Path(template), self.root, "zhibiao.yaml 的 docx.reference_docx")
        written = export_written(
            trees, config, out, reference_docx=reference, cache=cache, jobs=self.jobs
        )
        # a build that exported every document records what it used and prunes the rest;
        # an incremental split build exports only the specialties that changed
        if sum(len(documents(e)) for e in corpus.specialties.values()) == len(trees):
            cache.prune()
        return written


def default_providers(
    *, docx: bool = True, root: Path | None = None, jobs: int | None = 1
) -> list[DownloadProvider]:
    """YAML always; the Word files of `zhibiao export docx` unless switched off, rendered
    through the render cache of the project at `root` (`.zhibiao/cache/docx`) when given;
    on 职业能力清单 pages the competency × course matrix as Excel and CSV
    (`builder.site.matrixfiles`)."""
    from builder.site.matrixfiles import MatrixCsv, MatrixWorkbook

    providers: list[DownloadProvider] = [YamlSources()]
    if docx:
        providers.append(WordExport(_DocxExporter(root, jobs)))
    providers += [MatrixWorkbook(), MatrixCsv()]
    return providers
