"""The main text of a built page (its `<article>`, permalink signs left out), to compare the
sites two engines built from the same sources."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skipped: list[str] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif not self.depth:
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("script", "style") or (tag == "a" and "headerlink" in classes):
            self.skipped.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipped and self.skipped[-1] == tag:
            self.skipped.pop()
        elif tag == "article" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipped:
            self.chunks.append(data)


def article_text(path: Path) -> str:
    """The page's main text, whitespace runs made one space."""
    parser = _Article()
    parser.feed(path.read_text("utf-8"))
    return " ".join("".join(parser.chunks).split())


def html_files(site: Path) -> list[str]:
    """Site-relative paths of every HTML page (the engine's own assets left out)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith("assets/")
    )
