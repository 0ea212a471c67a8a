"""The output protocol: what every output (site pages, Word, CASE, dataset, xlsx) hands back.

An output takes the composed documents (`builder.compose.doctree.DocTree`) and a context, and
returns what it wrote, each file with the identity of what it holds. A later stage links a
file to its page by that identity (the site's Word downloads), never by opening the file
again to read a title.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Written:
    """One file an output wrote.

    `format` names the output (`docx`, `case`, `dataset`, `xlsx`, `page`); `doc_id` and
    `page` identify the document it renders (`DocTree.doc_id`, `DocTree.page`), None for a
    file that renders no single document (the 印发通知, a whole dataset); `title` is the
    document's title as composed.
    """

    path: Path
    format: str
    doc_id: str | None = None
    page: str | None = None
    title: str = ""
