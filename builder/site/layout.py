"""Split sites: where every page is published when one MkDocs site becomes many.

A national corpus (1,000 specialties, ~30,000 pages) does not fit one MkDocs site: the search
index grows with the full text (≈ 580 MB) and every edit rebuilds everything. A split build
publishes a small *portal* site (home, one page per 专业大类, 修订说明, 开放数据) at the
root and one *shard* site per specialty (or per 专业大类) in a sub-folder, each with its own
search index and nav, rebuilt only when its pages change.

Pages keep their docs paths (`510209/courses/ZH01.md`) while being rendered; this module maps
a docs path to its shard and its published URL, and turns a link between two shards into a
raw `<a href>` that MkDocs does not try to resolve (it would fail the strict build).
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal

SplitMode = Literal["auto", "none", "specialty", "category"]
PORTAL = ""
"""Shard name of the portal (the root site)."""
SHARDS_DIR = "shards"
"""Folder of the shards' generated sources inside the sources folder."""


@dataclass(frozen=True, slots=True)
class Shard:
    """One MkDocs site of a split build.

    `name` is its folder in the published site ("" for the portal); `prefix` is what is cut
    from a docs path to get the path inside this site ("510209/" for a specialty shard, ""
    when the shard keeps the specialty folders, as a 专业大类 shard does).
    """

    name: str
    prefix: str = ""
    title: str = ""
    codes: tuple[str, ...] = ()

    def inner(self, path: str) -> str:
        """The docs path inside this shard's own docs directory."""
        return path.removeprefix(self.prefix)


@dataclass(frozen=True, slots=True)
class SiteLayout:
    """Which shard each specialty folder belongs to; everything else is in the portal."""

    shards: tuple[Shard, ...]
    folders: Mapping[str, str] = field(default_factory=dict)
    """Specialty folder (first segment of a docs path) → shard name."""
    directory_urls: bool = True

    def shard(self, name: str) -> Shard:
        """The shard called `name` (the portal for "")."""
        for shard in self.shards:
            if shard.name == name:
                return shard
        return Shard(PORTAL)

    def owner(self, path: str) -> Shard:
        """The shard a docs path is published in."""
        folder = path.partition("/")[0] if "/" in path else ""
        return self.shard(self.folders.get(folder, PORTAL))

    def url(self, path: str) -> str:
        """Site-root-relative URL of a docs path: "510209/courses/ZH01.md" → "510209/courses/ZH01/"."""
        shard = self.owner(path)
        inner = page_url(shard.inner(path), directory_urls=self.directory_urls)
        return f"{shard.name}/{inner}" if shard.name else inner


def page_url(path: str, *, directory_urls: bool = True) -> str:
    """MkDocs' URL of a page inside its own site: "a/index.md" → "a/", "a/b.md" → "a/b/"."""
    stem = path.removesuffix(".md")
    name = posixpath.basename(stem)
    if not directory_urls:
        return f"{stem}.html"
    if name in ("index", "README"):
        folder = posixpath.dirname(stem)
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def relative_url(source: str, target: str) -> str:
    """A relative href from the page at URL `source` to URL `target` (both site-root-relative)."""
    base = (source[:-1] if source.endswith("/") else posixpath.dirname(source)) or "."
    if not target or target.endswith("/"):
        rel = posixpath.relpath(target.rstrip("/") or ".", base)
        return "./" if rel == "." else f"{rel}/"
    return posixpath.relpath(target, base)


_SCOPE: ContextVar[tuple[SiteLayout, str] | None] = ContextVar("zhibiao_site_scope", default=None)


@contextmanager
def rendering_shard(layout: SiteLayout, shard: str) -> Iterator[None]:
    """Render pages of `shard`: links to pages of other shards become raw hrefs."""
    token = _SCOPE.set((layout, shard))
    try:
        yield
    finally:
        _SCOPE.reset(token)


def foreign_href(page: str, target: str) -> str | None:
    """The href for a link from `page` to a page published in another shard, else None.

    None (the common case, and always outside a split build) means: an ordinary Markdown
    link that MkDocs resolves and validates."""
    scope = _SCOPE.get()
    if scope is None:
        return None
    layout, current = scope
    path, _, fragment = target.partition("#")
    if not path or layout.owner(path).name == current:
        return None
    href = relative_url(layout.url(page), layout.url(path))
    return f"{href}#{fragment}" if fragment else href


def raw_link(label_markdown: str, href: str) -> str:
    """An inline `<a>` MkDocs leaves alone; the label stays Markdown-escaped text."""
    return f'<a href="{html.escape(href, quote=True)}">{label_markdown}</a>'
