"""Every string from YAML, file names, git refs or config made safe where it is published.

One module, so that every page, nav entry, config value and changelog treats data the same
way: as *text*, never as Markdown or HTML. The published site is read in browsers, and a
standards repository takes pull requests from many units; one value must never become a
script, an event handler, a `javascript:` link, an image from another host or an attribute
list (`{: onclick=… }`).

- `markdown_text`: inline Markdown (Python-Markdown and GitHub): every character that could
  start markup is a backslash escape or a character reference, so extensions enabled in
  `mkdocs.yml` (tables, attr_list, md_in_html, pymdownx…) see no syntax in it.
- `code_span`: the same text shown as inline code (file names, git refs).
- `html_text`: text for HTML element content or a double-quoted attribute (titles, nav
  entries, `site_name`: Material prints them unescaped, MkDocs renders without autoescape).
- `yaml_string`: a front-matter value (MkDocs reads it with PyYAML).
- `http_url` / `relative_href`: the only URLs that reach a page: http(s) ones from config,
  and relative ones the builder generated.
- `terminal_text`: a line for a terminal or a CI log (check, diff, refs, conform): control
  characters as `\\xNN`, so a value or file name can neither send terminal escapes nor
  start a line of its own (a GitHub Actions workflow command such as `::error::…`).
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote, urlsplit

# Characters Python-Markdown (and GitHub) accept as backslash escapes and that can start
# or end inline markup anywhere in a line: emphasis, code, links and images (`[`), attribute
# lists (`{`), headings, table cells (`|`, escapable when the tables extension is on, as it
# always is here). `-`, `+`, `!`, `(`, `)` mean nothing without these; a line that starts
# with data goes through `line_start` for the block markers.
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]#|])")
# Characters of extension syntax that Python-Markdown does not unescape (`\~` would show
# its backslash): written as character references, which every Markdown keeps as text. The
# colon of `://` too, so no autolinker (GitHub's, pymdownx.magiclink) makes a URL a link.
_REFERENCED = {"~": "&#126;", "^": "&#94;", "=": "&#61;", "$": "&#36;", "://": "&#58;//"}
_REFERENCED_RE = re.compile("|".join(re.escape(k) for k in _REFERENCED))
# Block constructs a rendered line must not start with: lists, quotes, setext underlines,
# admonitions (`!!!`), tabs (`===`), details (`???`), fences.
_LINE_START = re.compile(r"^([-+>!?~:]|\d+[.)]|=+$)")
# Characters PyYAML refuses in a document (its Reader's printable set, YAML 1.1) and the
# line breaks it would fold: written as `\uXXXX` escapes in a double-quoted scalar.
_YAML_UNSAFE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# Kept as they are in a relative href the builder made; everything else is %-encoded.
_HREF_SAFE = "/#.-_~"
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def one_line(text: str) -> str:
    """Text on one line: lines stripped and joined with one space (a leading indent would
    make a code block, a line break a new paragraph)."""
    return " ".join(part.strip() for part in text.strip().splitlines())


def _references(text: str) -> str:
    return _REFERENCED_RE.sub(lambda m: _REFERENCED[m.group(0)], text)


_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0)) if c != 0x09}


def terminal_text(text: str) -> str:
    """`text` with control characters (C0 but Tab, DEL, C1; line breaks too) as `\\xNN`."""
    return text.translate(_CONTROLS)


def markdown_text(text: str) -> str:
    """Data text as inline Markdown that renders to exactly this text, on one line."""
    backslashed = _BACKSLASHED.sub(r"\\\1", one_line(text))
    return _references(html.escape(backslashed, quote=True))


def line_start(markdown: str) -> str:
    """Keep a rendered line from starting a block construct (list, quote, setext underline,
    admonition, fence): "1. x" → "1\\. x", "!!! x" → "\\!!! x"."""
    match = _LINE_START.match(markdown)
    if not match:
        return markdown
    marker = match.group(1)
    if marker[0].isdigit():
        return f"{marker[:-1]}\\{marker[-1]}{markdown[len(marker) :]}"
    if marker[0] in "-+>!":
        return f"\\{markdown}"
    return f"&#{ord(marker[0])};{markdown[1:]}"


def code_span(text: str) -> str:
    """Data text as inline code: a backtick fence longer than any run of backticks in it."""
    flat = one_line(text)
    if not flat:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def html_text(text: str) -> str:
    """Data text for HTML content or a double-quoted attribute value, on one line."""
    return html.escape(one_line(text), quote=True)


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar PyYAML reads back as exactly `text` (JSON escapes, plus
    `\\uXXXX` for what PyYAML would refuse or fold)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def anchor_id(value: str) -> str:
    """An id the builder generated (ASCII, from codes); anything else is a bug, not data."""
    if not _ID.match(value):
        raise ValueError(f"not a generated anchor id: {value!r}")
    return value


def relative_href(href: str) -> str:
    """A relative href the builder made (page paths and fragments come from codes): any
    character outside the safe set is %-encoded, and a scheme is never let through."""
    encoded = quote(href, safe=_HREF_SAFE)
    if ":" in encoded.partition("#")[0].partition("/")[0] or encoded.startswith("//"):
        raise ValueError(f"not a relative href: {href!r}")
    return encoded


def http_url(url: str) -> str | None:
    """`url` when it is an absolute http(s) URL, with characters that could leave an
    attribute %-encoded; None for any other scheme (`javascript:`, `data:`) or a bare path."""
    value = url.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(value, safe=_URL_SAFE)
