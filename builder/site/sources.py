"""The generated docs tree: every Markdown page, the nav and the files to copy.

`site_sources` is pure (models in, text out); `write_sources` and `sync_sources` put the
result on disk.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from builder.base.atomic import write_bytes
from builder.compose import page_path
from builder.compose.doctree import DocTree
from builder.compose.order import documents
from builder.model import KIND_TITLES
from builder.model.sourced import course_label
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, SpecialtySet
from builder.site.chains import CHAINS_PAGE, CHAINS_TITLE, chains, chains_page
from builder.site.config import VERSION_SCRIPT, ZHIBIAO_CSS
from builder.site.consultation import consultation_parts
from builder.site.formcache import Forms, fresh_forms
from builder.site.markdown import (
    Download,
    PageChrome,
    front_matter,
    nav_title,
    render_document,
)
from builder.site.matrix import MATRIX_SCRIPT, matrix_tables
from builder.site.opendata import DATA_PAGE, DataFile, as_blobs, data_page
from builder.site.pages import (
    SiteInfo,
    grouped,
    home_page,
    overview_path,
    specialty_label,
    specialty_page,
)
from builder.site.searchworker import search_worker_files
from builder.site.theme import script_files

CHANGELOG_PAGE = "changelog.md"


@dataclass(slots=True)
class SiteSources:
    """Docs-relative path → Markdown text, docs-relative path → file to copy, and the nav."""

    pages: dict[str, str] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)
    blobs: dict[str, bytes] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)


def published_name(page: str, suffix: str) -> str:
    """Where a download of `page` is published: `510209/courses/ZY03.md` → `…/ZY03.yaml`."""
    return str(PurePosixPath(page).with_suffix(suffix))


def site_sources(
    corpus: Corpus,
    config: ProjectConfig,
    trees: Sequence[DocTree],
    downloads: Mapping[str, Sequence[tuple[str, Path]]],
    info: SiteInfo,
    changelog: str | None = None,
    data: Sequence[DataFile] = (),
    forms: Forms = fresh_forms,
) -> SiteSources:
    """Render every page of the site and plan the copies; nothing is written. `forms`
    makes the 意见反馈表 of each draft (`builder.site.consultation`)."""
    out = SiteSources()
    out.copies, offered = offered_downloads(downloads)
    out.pages["index.md"] = home_page(corpus, info)
    sections, blobs = consultation_parts(corpus, config, trees, forms)
    out.blobs.update(blobs)
    matrices = matrix_tables(corpus, config)
    for tree in trees:
        chrome = PageChrome(
            tuple(offered.get(tree.page, ())), info.banner, matrices.get(tree.page, ())
        )
        out.pages[tree.page] = render_document(tree, chrome) + sections.get(tree.page, "")
    for entry in corpus.specialties.values():
        out.pages[overview_path(entry)] = specialty_page(entry, config, offered, info)
    linked = chains(corpus)
    if linked:
        out.pages[CHAINS_PAGE] = chains_page(corpus, linked)
    if changelog is not None:
        out.pages[CHANGELOG_PAGE] = changelog_page(changelog)
    if data:
        out.pages[DATA_PAGE] = data_page(list(data))
        out.blobs.update(as_blobs(list(data)))
    out.nav = site_nav(corpus, {t.page for t in trees}, changelog is not None, bool(data))
    if linked:
        out.nav.insert(1, {CHAINS_TITLE: CHAINS_PAGE})
    return out


def offered_downloads(
    downloads: Mapping[str, Sequence[tuple[str, Path]]],
) -> tuple[dict[str, Path], dict[str, list[Download]]]:
    """Where each download is copied (docs path → file) and what each page offers."""
    copies: dict[str, Path] = {}
    offered: dict[str, list[Download]] = {}
    for page, files in downloads.items():
        for label, source in files:
            suffix = source.suffix.lower()
            target = (
                # the Word file keeps the name `zhibiao export docx` gives it (code and title)
                (PurePosixPath(page).parent / source.name).as_posix()
                if suffix == ".docx"
                else published_name(page, suffix)
            )
            copies[target] = source
            offered.setdefault(page, []).append(Download(label, PurePosixPath(target).name))
    return copies, offered


def changelog_page(markdown: str) -> str:
    """The 修订说明 page from Markdown text (given by the diff engine or the user)."""
    body = markdown.strip()
    if not body.startswith("# "):
        body = f"# 修订说明\n\n{body}"
    return front_matter({"title": "修订说明"}) + body + "\n"


def documents_nav(entry: SpecialtySet, pages: set[str]) -> list[Any]:
    """A specialty's overview page, then its documents (课程标准 grouped), as nav entries."""
    items: list[Any] = [overview_path(entry)]
    courses: list[Any] = []
    kinds = [item.kind for item in documents(entry)]
    for item in documents(entry):
        page = page_path(item)
        if page not in pages:
            continue
        if item.kind == "course":
            if not courses:
                items.append({"课程标准": courses})
            courses.append({nav_title(course_label(item.doc)): page})
        else:
            single = kinds.count(item.kind) == 1
            title = KIND_TITLES[item.kind] if single else nav_title(item.doc.meta.title)
            items.append({title: page})
    return items


def site_nav(corpus: Corpus, pages: set[str], changelog: bool, data: bool = False) -> list[Any]:
    """Home, then 专业大类 → specialty → its documents, then 修订说明 and 开放数据."""
    nav: list[Any] = [{"首页": "index.md"}]
    for (_, name), levels in grouped(corpus):
        specialties = [
            {nav_title(specialty_label(entry)): documents_nav(entry, pages)}
            for _, entries in levels
            for entry in entries
        ]
        nav.append({nav_title(name): specialties})
    if changelog:
        nav.append({"修订说明": CHANGELOG_PAGE})
    if data:
        nav.append({"开放数据": DATA_PAGE})
    return nav


def stylesheet() -> bytes:
    """The builder's own CSS (captions, cover facts, tables)."""
    return resources.files("builder").joinpath("templates/site/zhibiao.css").read_bytes()


def planned_files(sources: SiteSources, assets: Mapping[str, Path]) -> dict[str, bytes | Path]:
    """Everything the docs directory must hold: page texts, the CSS, downloads and assets."""
    files: dict[str, bytes | Path] = {p: text.encode("utf-8") for p, text in sources.pages.items()}
    files[ZHIBIAO_CSS] = stylesheet()
    for name, script in ((MATRIX_SCRIPT, "matrix.js"), (VERSION_SCRIPT, "version.js")):
        files[name] = resources.files("builder").joinpath(f"templates/site/{script}").read_bytes()
    files.update(script_files())
    files.update(search_worker_files())
    files.update(sources.copies)
    files.update(sources.blobs)
    files.update(assets)
    return files


def write_sources(files: Mapping[str, bytes | Path], docs: Path) -> None:
    """Write a fresh docs directory (the caller provides an empty staging directory)."""
    for rel, content in sorted(files.items()):
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_bytes(content)


def sync_sources(files: Mapping[str, bytes | Path], docs: Path) -> int:
    """Update a docs directory in place, touching only changed files (for live reload).

    Returns the number of files written or removed.
    """
    changed = 0
    wanted = {docs / rel: content for rel, content in files.items()}
    for target, content in sorted(wanted.items()):
        data = content.read_bytes() if isinstance(content, Path) else content
        if not target.is_file() or _digest(target.read_bytes()) != _digest(data):
            write_bytes(target, data)
            changed += 1
    if docs.is_dir():
        for existing in sorted(docs.rglob("*")):
            if existing.is_file() and existing not in wanted:
                existing.unlink()
                changed += 1
    return changed


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
