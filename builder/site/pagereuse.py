"""Pages kept from a shard's previous build: only the edited pages of a shard are rendered.

A changed shard used to be built whole, though an edited course changes one of its thirty
pages: Markdown, the page template and search segmentation of the other 29 were most of
the shard's two seconds. The batch worker (`builder.site.batch`) now builds a shard with
its previous output and that output's *page record* (kept by the main process in the
signed page cache, `builder.site.pagecache`). A page is taken from the previous output
(its HTML file linked or copied, its search entries copied) instead of being rendered when

- the build's *context* is the one recorded: engine and tool versions, the shard's
  `mkdocs.yml` (nav, theme, extensions, site URL, …), the theme override folder, the jieba
  dictionaries, the build date, the plugin list and the paths of every file of the site;
- its Markdown source has the recorded digest;
- the previous HTML file and the page's entries in the previous search index have the
  recorded digests (a file edited or swapped since is rendered again);
- after the other pages were read, the navigation (every page's title, URL and front
  matter, and the sections) is the one recorded: nav titles, previous/next links and
  front-matter icons appear on every page. Otherwise every kept page is read and rendered.

Links between pages are still checked: a kept page keeps the anchors it holds and the
anchor links it makes (from the record), so MkDocs' anchor validation runs over all pages.
Reuse is off with plugins other than search, with hooks, or with a Markdown extension
whose output may depend on other files (`pymdownx.snippets`, unknown ones): such a shard is
built whole, as before. `tests/test_site_pagereuse.py` compares every kind of edit with a
clean build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.plugins import BasePlugin, event_priority

from builder.project.cache import fingerprint, read_capped
from builder.site.reuse import engine_versions, tree_digest

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

FORMAT = 1
PLUGIN = "zhibiao/pages"
SEARCH_PLUGINS = frozenset({"search", "material/search"})
SEARCH_INDEX = "search/search_index.json"
MAX_PAGE = 64 * 1024 * 1024
"""A page (source or output) larger than this is rendered again rather than compared."""
KEPT_TEMPLATES = ("404.html",)
"""Theme templates whose output depends only on the context and the navigation."""
SAFE_EXTENSIONS = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "fenced_code",
        "footnotes",
        "legacy_attrs",
        "legacy_em",
        "md_in_html",
        "meta",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "toc",
        "wikilinks",
        "material.extensions.emoji",
        "pymdownx.arithmatex",
        "pymdownx.betterem",
        "pymdownx.caret",
        "pymdownx.critic",
        "pymdownx.details",
        "pymdownx.emoji",
        "pymdownx.escapeall",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.keys",
        "pymdownx.magiclink",
        "pymdownx.mark",
        "pymdownx.saneheaders",
        "pymdownx.smartsymbols",
        "pymdownx.superfences",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
        "pymdownx.tilde",
    }
)
"""Markdown extensions whose output depends on the page's own source only."""


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entries_digest(entries: Iterable[Any]) -> str:
    """The digest of a page's search entries as the index file holds them."""
    return digest(_canonical(json.loads(_canonical(list(entries)))).encode("utf-8"))


def _file_digest(path: str | Path) -> str | None:
    """The digest of a plain file's bytes; None for a link (never followed), a folder, a
    pipe, a file over `MAX_PAGE` or one that cannot be read (`read_capped`)."""
    data = read_capped(Path(path), MAX_PAGE)
    return None if data is None else digest(data)


def _same_file(recorded: Any, path: str | Path) -> bool:
    """Whether the plain file at `path` has the recorded digest (never for an unreadable
    one, whatever was recorded)."""
    found = _file_digest(path)
    return found is not None and found == recorded


def _search_plugin(config: MkDocsConfig) -> Any:
    for name in SEARCH_PLUGINS:
        if name in config.plugins:
            return config.plugins[name]
    return None


def _extension_names(config: MkDocsConfig) -> list[str]:
    return [e if isinstance(e, str) else type(e).__module__ for e in config.markdown_extensions]


def reuse_allowed(config: MkDocsConfig) -> bool:
    """Whether pages of this site may be kept at all (only search among plugins, no hooks,
    only extensions that read nothing but the page)."""
    plugins = set(config.plugins) - {PLUGIN}
    if not plugins <= SEARCH_PLUGINS or config.get("hooks"):
        return False
    return all(name in SAFE_EXTENSIONS for name in _extension_names(config))


def context_key(config: MkDocsConfig, files: Files) -> str:
    """Everything besides a page's own source that its HTML and search entries depend on."""
    parts: list[Any] = [
        FORMAT,
        fingerprint(),
        engine_versions(),
        sys.version,
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        sorted(config.plugins),
        sorted((f.src_uri, f.dest_uri) for f in files),
    ]
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(_canonical(parts).encode("utf-8"))
    for path in (config.config_file_path, *_jieba_files(config)):
        hasher.update(b"\0" + (Path(path).read_bytes() if path and Path(path).is_file() else b"-"))
    custom = config.theme.custom_dir
    hasher.update(tree_digest([Path(custom)] if custom else []).encode())
    return hasher.hexdigest()


def _jieba_files(config: MkDocsConfig) -> list[str]:
    search = _search_plugin(config)
    if search is None:
        return []
    options = search.config
    return [str(options.get("jieba_dict") or ""), str(options.get("jieba_dict_user") or "")]


def nav_signature(nav: Navigation, pages: Iterable[Page]) -> str:
    """Titles, URLs and front matter of every page, and the sections holding them."""

    def item(node: Any) -> Any:
        children = getattr(node, "children", None)
        kind = type(node).__name__
        if children is not None and kind == "Section":
            return [kind, node.title, [item(c) for c in children]]
        return [kind, node.title, getattr(node, "url", None)]

    facts = [[item(n) for n in nav.items]]
    facts += [[p.file.src_uri, p.url, p.title, p.meta] for p in pages]
    return digest(_canonical(facts).encode("utf-8"))


@dataclass
class PageReuse:
    """One site build's reuse: the previous output and its record, and what was kept."""

    previous: Path | None
    record: Mapping[str, Any] | None
    active: bool = False
    kept: set[str] = field(default_factory=set)
    """Source paths of the pages taken from the previous output."""
    entries: dict[str, list[Any]] = field(default_factory=dict)
    """Source path → the page's search entries (kept or new)."""
    context: str = ""
    nav: str = ""
    built: list[Page] = field(default_factory=list)
    """Every page of the site, once read."""
    _old_entries: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def pages(self) -> Mapping[str, Any]:
        return (self.record or {}).get("pages") or {}

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """Decide, once every file is known, whether pages can be kept."""
        self.context = context_key(config, files)
        record = self.record
        self.active = bool(
            self.previous is not None
            and record is not None
            and record.get("format") == FORMAT
            and record.get("context") == self.context
            and reuse_allowed(config)
            and _search_plugin(config) is not None
        )
        if self.active:
            assert self.previous is not None
            self._old_entries = _index_by_page(self.previous / SEARCH_INDEX)

    def restore(self, page: Page) -> bool:
        """Give `page` what other pages and the checks need from it, from the record,
        when its source, previous HTML and previous search entries are those recorded."""
        if not self.active:
            return False
        facts = self.pages.get(page.file.src_uri)
        if not isinstance(facts, dict) or facts.get("url") != page.url:
            return False
        assert self.previous is not None
        if not _same_file(facts.get("source"), page.file.abs_src_path or ""):
            return False
        if not _same_file(facts.get("html"), self.previous / page.file.dest_uri):
            return False
        old = self._old_entries.get(page.url, [])
        if facts.get("entries") != entries_digest(old):
            return False
        page.markdown = ""
        page.content = ""
        page.meta = dict(facts.get("meta") or {})
        page._title_from_render = facts.get("title")
        page.present_anchor_ids = set(facts.get("anchors") or [])
        page.links_to_anchors = None
        self.kept.add(page.file.src_uri)
        self.entries[page.file.src_uri] = old
        return True

    def links(self, page: Page, files: Files) -> None:
        """The anchor links a kept page makes, for the anchor check after the build."""
        recorded = self.pages[page.file.src_uri].get("links")
        if recorded is None:
            return
        found: dict[File, dict[str, str]] = {}
        for target, anchors in recorded.items():
            to_file = files.get_file_from_path(target)
            if to_file is not None:
                found[to_file] = dict(anchors)
        page.links_to_anchors = found

    def settle(
        self, nav: Navigation, pages: list[Page], config: MkDocsConfig, files: Files
    ) -> None:
        """After every page was read: keep the pages only if the navigation is the recorded
        one; else read and render them all after all."""
        self.built = pages
        self.nav = nav_signature(nav, pages)
        if not self.kept:
            return
        if self.nav == (self.record or {}).get("nav"):
            for page in pages:
                if page.file.src_uri in self.kept:
                    self.links(page, files)
            return
        again = [p for p in pages if p.file.src_uri in self.kept]
        self.kept.clear()
        self.entries.clear()
        self.active = False
        for page in again:
            _ORIGINAL["populate"](page, config, files)
        self.nav = nav_signature(nav, pages)

    def copy(self, rel: str, config: MkDocsConfig) -> None:
        """Put the previous output's file `rel` into the new site."""
        assert self.previous is not None
        source, dest = self.previous / rel, Path(config.site_dir) / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, dest)
        except OSError:
            shutil.copyfile(source, dest)

    def kept_template(self, name: str) -> bool:
        """Whether theme template `name`'s previous output can stand (same context and nav)."""
        if not self.active or self.nav != (self.record or {}).get("nav"):
            return False
        assert self.previous is not None
        return _same_file((self.record or {}).get("outputs", {}).get(name), self.previous / name)

    def new_record(self, config: MkDocsConfig) -> dict[str, Any]:
        """The record of the output just built, for the next build of this site."""
        site = Path(config.site_dir)
        records: dict[str, Any] = {}
        for page in self.built:
            src = page.file.src_uri
            old = self.pages.get(src) if src in self.kept else None
            links = page.links_to_anchors
            records[src] = {
                "url": page.url,
                "source": old["source"] if old else _file_digest(page.file.abs_src_path or ""),
                "html": old["html"] if old else _file_digest(site / page.file.dest_uri),
                "entries": entries_digest(self.entries.get(src, [])),
                "title": old["title"] if old else page._title_from_render,
                "meta": json.loads(_canonical(page.meta)),
                "anchors": sorted(page.present_anchor_ids or ()),
                "links": None
                if links is None
                else {f.src_uri: dict(sorted(a.items())) for f, a in links.items()},
            }
        outputs = {}
        for name in KEPT_TEMPLATES:
            found = _file_digest(site / name)
            if found:
                outputs[name] = found
        return {
            "format": FORMAT,
            "context": self.context,
            "nav": self.nav,
            "pages": records,
            "outputs": outputs,
            "kept": len(self.kept),
        }


def _index_by_page(path: Path) -> dict[str, list[Any]]:
    """A search index's entries grouped by the page (URL without anchor) they belong to."""
    try:
        data = json.loads(path.read_text("utf-8"))
        docs = data["docs"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    grouped: dict[str, list[Any]] = {}
    for entry in docs if isinstance(docs, list) else []:
        location = entry.get("location") if isinstance(entry, dict) else None
        if isinstance(location, str):
            grouped.setdefault(location.split("#", 1)[0], []).append(entry)
    return grouped


_CURRENT: list[PageReuse] = []
_ORIGINAL: dict[str, Callable[..., None]] = {}


class _Plugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """The events a build with page reuse needs: every file known, every page read."""

    def __init__(self, reuse: PageReuse) -> None:
        super().__init__()
        self.reuse = reuse
        self.nav: Navigation | None = None

    @event_priority(-100)  # after every other plugin's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.reuse.start(config, files)
        return files

    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    @event_priority(-100)
    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        assert self.nav is not None
        pages = [f.page for f in files.documentation_pages() if f.page is not None]
        self.reuse.settle(self.nav, pages, config, files)
        return env


def attach(config: MkDocsConfig, reuse: PageReuse) -> None:
    """Have the coming build of `config` keep what `reuse` allows."""
    config.plugins[PLUGIN] = _Plugin(reuse)
    _CURRENT[:] = [reuse]


def detach() -> None:
    _CURRENT.clear()


def _current() -> PageReuse | None:
    return _CURRENT[0] if _CURRENT else None


def install() -> None:
    """Wrap MkDocs' page and theme-template steps (once per process) so that a build with a
    `PageReuse` attached keeps what it can; other builds run as MkDocs would."""
    if _ORIGINAL:
        return
    populate = _ORIGINAL["populate"] = mkdocs_build._populate_page
    build_page = _ORIGINAL["build_page"] = mkdocs_build._build_page
    theme_template = _ORIGINAL["theme_template"] = mkdocs_build._build_theme_template

    def _populate_page(page: Page, config: MkDocsConfig, files: Files, dirty: bool = False) -> None:
        reuse = _current()
        if reuse is None or not reuse.restore(page):
            populate(page, config, files, dirty)

    def _build_page(page: Page, config: MkDocsConfig, *args: Any, **kwargs: Any) -> None:
        reuse = _current()
        search = _search_plugin(config) if reuse is not None else None
        if reuse is None or search is None:
            build_page(page, config, *args, **kwargs)
            return
        entries: list[Any] = search.search_index.entries
        src = page.file.src_uri
        if src in reuse.kept:
            reuse.copy(page.file.dest_uri, config)
            entries.extend(reuse.entries[src])
            return
        before = len(entries)
        build_page(page, config, *args, **kwargs)
        reuse.entries[src] = entries[before:]

    def _build_theme_template(
        template_name: str,
        env: jinja2.Environment,
        files: Files,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> None:
        reuse = _current()
        if (
            reuse is not None
            and template_name in KEPT_TEMPLATES
            and reuse.kept_template(template_name)
        ):
            reuse.copy(template_name, config)
            return
        theme_template(template_name, env, files, config, nav)

    mkdocs_build._populate_page = _populate_page
    mkdocs_build._build_page = _build_page
    mkdocs_build._build_theme_template = _build_theme_template
