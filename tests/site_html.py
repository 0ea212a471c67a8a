"""Read a built site back: ids, links and tables of every HTML page (stdlib parser only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Page:
    """What a test needs from one HTML file."""

    path: Path
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    cell_links: list[list[list[list[str]]]] = field(default_factory=list)
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.cell: list[str] | None = None
        self.hrefs: list[str] = []
        self.row: list[str] = []
        self.row_links: list[list[str]] = []
        self.chunks: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"] or "")
        if tag == "a" and values.get("href") is not None:
            self.page.links.append(values["href"] or "")
            if self.cell is not None:
                self.hrefs.append(values["href"] or "")
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self.page.tables.append([])
            self.page.cell_links.append([])
        elif tag == "tr":
            self.row, self.row_links = [], []
        elif tag in ("td", "th"):
            self.cell, self.hrefs = [], []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.row_links.append(self.hrefs)
            self.cell = None
        elif tag == "tr" and self.page.tables:
            self.page.tables[-1].append(self.row)
            self.page.cell_links[-1].append(self.row_links)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.chunks.append(data)
        if self.cell is not None:
            self.cell.append(data)


def read_page(path: Path) -> Page:
    """Parse one HTML file."""
    page = Page(path)
    parser = _Parser(page)
    parser.feed(path.read_text("utf-8"))
    page.text = "".join(parser.chunks)
    return page


def html_file(site: Path, page: str) -> Path:
    """HTML file of a Markdown page path with directory URLs: a/b.md → a/b/index.html."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / stem / "index.html"


def resolve(page: Path, href: str) -> tuple[Path, str] | None:
    """Target file and fragment of a relative link, or None for external and special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    path = unquote(parts.path)
    target = page if not path else (page.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def check_links(site: Path) -> int:
    """Assert that every relative link of every page leads to a file and, for a fragment, to an
    id on that page; returns the number of links checked."""
    site = site.resolve()
    pages = {p: read_page(p) for p in site.rglob("*.html") if p.name != "404.html"}
    checked = 0
    for path, page in pages.items():
        for href in page.links:
            target = resolve(path, href)
            if target is None:
                continue
            file, fragment = target
            assert file.is_file(), f"{path.relative_to(site)}: {href}"
            if fragment and file.suffix == ".html":
                assert fragment in pages[file].ids, f"{path.relative_to(site)}: {href}"
            checked += 1
    return checked
