"""The one Markdown input the site takes as Markdown: a changelog file (`--changelog`).

Everything else from data is text (`builder.base.escape`). A changelog file may come from a
pull request, so it gets a safe subset only: it is rendered here with Python-Markdown
(tables, heading ids `{#v2025}`), then every element is checked against an allow-list —
headings, paragraphs, lists, tables, emphasis, code, quotes and links to http(s) or relative
addresses. Anything else (raw HTML, images, event handlers, `javascript:` links, attribute
lists beyond an id) is shown as the text it was written as. MkDocs then gets the result as
one HTML block, which it leaves as it is.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown

from builder.base.escape import http_url, markdown_text

_ALLOWED = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i",
    "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "a", "br",
    "hr", "del", "sub", "sup",
}  # fmt: skip
_VOID = {"br", "hr"}
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _safe_href(href: str) -> str | None:
    """http(s) URLs and relative addresses (no scheme, not `//host`); None otherwise."""
    value = href.strip()
    if _SCHEME.match(value):
        url = http_url(value)
        return html.escape(url, quote=True) if url is not None else None
    if value.startswith(("//", "\\", "/\\")) or any(ord(c) < 32 for c in value):
        return None
    return html.escape(value, quote=True)


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        """The kept attributes as text, or None when the element must be shown as text."""
        kept = ""
        for name, value in attrs:
            if value is None or (name == "style" and tag in ("th", "td")):
                continue  # the alignment of a table column
            if name == "id" and tag[0] == "h" and _ID.match(value):
                kept += f' id="{value}"'
            elif name == "href" and tag == "a" and (href := _safe_href(value)) is not None:
                kept += f' href="{href}"'
            elif name == "start" and tag == "ol" and value.isdigit():
                kept += f' start="{value}"'
            else:
                return None
        return kept

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = self._attributes(tag, attrs) if tag in _ALLOWED else None
        if kept is None:
            self.out.append(html.escape(self.get_starttag_text() or "", quote=False))
            return
        self.out.append(f"<{tag}{kept}>")
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID and not attrs:
            self.out.append(f"<{tag}>")
        else:
            self.out.append(html.escape(self.get_starttag_text() or "", quote=False))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open:
                last = self.open.pop()
                self.out.append(f"</{last}>")
                if last == tag:
                    break
        elif tag not in _VOID:
            self.out.append(html.escape(f"</{tag}>", quote=False))

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))

    def close(self) -> None:
        super().close()
        self.out.extend(f"</{tag}>" for tag in reversed(self.open))
        self.open.clear()


def safe_html(text: str) -> str:
    """Markdown text as HTML restricted to the allow-list above."""
    rendered = markdown.markdown(text, extensions=["tables", "attr_list", "sane_lists"])
    parser = _Sanitizer()
    parser.feed(rendered)
    parser.close()
    return "".join(parser.out)


def user_changelog(text: str) -> str:
    """A changelog file as the Markdown of the 修订说明 page: its first-line `# title` as the
    page heading (text), the rest as one sanitized HTML block."""
    body = text.strip()
    first, _, rest = body.partition("\n")
    title = "修订说明"
    if first.startswith("# "):
        title, body = first[2:].strip().removesuffix("{#title}").strip() or title, rest
    content = safe_html(body)
    block = f'<div class="zb-changelog">\n{content}\n</div>' if content.strip() else ""
    return f"# {markdown_text(title)}\n\n{block}\n"
