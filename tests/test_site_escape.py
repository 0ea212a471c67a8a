"""builder.base.escape: any text, rendered by Python-Markdown with the site's extensions,
comes back as exactly that text — no element, no attribute, no link, no image."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.base.escape import (
    anchor_id,
    code_span,
    html_text,
    http_url,
    line_start,
    markdown_text,
    one_line,
    relative_href,
    yaml_string,
)
from builder.diff.render_markdown import cell
from builder.site.safe_markdown import safe_html, user_changelog
from tests.conftest import examples

EXTENSIONS = ["toc", "attr_list", "tables", "admonition", "md_in_html", "def_list", "abbr"]
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '{: onclick="alert(1)" }',
    "![](http://evil.example/x.png)",
    '"><svg onload=alert(1)>',
    "{{ config }}",
    "&lt;",
    "*a* _b_ **c** `d` | e |",
    "<http://evil.example>",
    "[a]: javascript:alert(1)",
    "x{#id .cls onclick=alert(1)}",
    '--8<-- "/etc/passwd"',
    "1. one",
    "# head",
    "!!! danger",
]
# Markdown's own syntax characters and the start of every construct, mixed with any text
MARKUP = st.sampled_from(list("\\`*_{}[]()#+-.!|<>&\"':=~^$@ \n\t") + PAYLOADS + ["javascript:"])
TEXTS = st.lists(st.one_of(MARKUP, st.text(max_size=4)), max_size=30).map("".join)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def _render(source: str) -> _Elements:
    parser = _Elements()
    parser.feed(markdown.markdown(source, extensions=EXTENSIONS))
    parser.close()
    return parser


def _printable(text: str) -> str:
    # Python-Markdown drops NUL and its own placeholder characters; not a markup question
    return "".join(c for c in text if c not in "\x00\x02\x03")


@settings(max_examples=examples(400), deadline=None)
@given(TEXTS)
def test_any_text_renders_as_itself(text: str) -> None:
    rendered = _render(line_start(markdown_text(_printable(text))))
    assert rendered.tags in ([], ["p"]), rendered.tags
    # white space aside (Markdown expands tabs, HTML collapses runs of spaces)
    assert rendered.text.split() == one_line(_printable(text)).split()


@settings(max_examples=examples(200), deadline=None)
@given(TEXTS, TEXTS)
def test_any_text_in_a_table_cell_stays_in_its_cell(left: str, right: str) -> None:
    source = f"| a | b |\n| --- | --- |\n| {markdown_text(left)} | {markdown_text(right)} |"
    rendered = _render(source)
    assert rendered.tags.count("td") == 2
    assert set(rendered.tags) <= {"table", "thead", "tbody", "tr", "th", "td"}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_diff_cells_and_code_spans_are_text(payload: str) -> None:
    assert _render(f"- {cell(payload)}").tags == ["ul", "li"]
    assert _render(cell(payload + "\n" + payload)).text.count(payload.strip()) == 2
    spanned = _render(code_span(f"standards/`{payload}`.yaml"))
    assert spanned.tags == ["p", "code"]
    assert spanned.text == f"standards/`{payload}`.yaml"


@settings(max_examples=examples(300), deadline=None)
@given(st.text())
def test_front_matter_strings_read_back_exactly(text: str) -> None:
    text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
    assert yaml.safe_load(f"title: {yaml_string(text)}") == {"title": text}


@settings(max_examples=examples(300), deadline=None)
@given(TEXTS)
def test_html_text_is_safe_in_content_and_attributes(text: str) -> None:
    escaped = html_text(text)
    assert not set("<>\"'") & set(escaped)
    assert html.unescape(escaped) == one_line(text)


def test_urls_only_http_and_generated_relative_ones() -> None:
    assert http_url('https://std.example.cn/a b"<x>') == "https://std.example.cn/a%20b%22%3Cx%3E"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example/", "std.example.cn"):
        assert http_url(bad) is None
    assert relative_href("../510209/courses/ZH01.md#c-1") == "../510209/courses/ZH01.md#c-1"
    assert (
        relative_href("data/人工 智能.xlsx") == "data/%E4%BA%BA%E5%B7%A5%20%E6%99%BA%E8%83%BD.xlsx"
    )
    assert relative_href("javascript:alert(1)").startswith("javascript%3A")
    with pytest.raises(ValueError):
        relative_href("//evil.example/x")
    # no autolinker (GitHub's, pymdownx.magiclink) sees a URL in text; file:line:col stays
    assert "://" not in markdown_text("见 https://evil.example/x.png")
    assert markdown_text("courses/a.yaml:3:1") == "courses/a.yaml:3:1"
    assert anchor_id("c-1-2-3") == "c-1-2-3"
    with pytest.raises(ValueError):
        anchor_id('x" onclick="alert(1)')


def test_a_changelog_file_keeps_only_the_safe_subset() -> None:
    source = (
        "# 2025 版<b>修订</b>\n\n## 新增 {#v2025}\n\n"
        "- [标准](https://std.example.cn/a) [相对](../510209/) [坏](javascript:alert(1))\n"
        "- ![](http://evil.example/x.png) <img src=x onerror=alert(1)> <script>alert(2)</script>\n"
        '- **粗体** `代码`\n\n段落\n{: onclick="alert(3)" }\n\n| a | b |\n|:--|--|\n| 1 | 2 |\n'
    )
    page = user_changelog(source)
    assert page.startswith("# 2025 版&lt;b&gt;修订&lt;/b&gt;\n")
    body = safe_html(source.partition("\n")[2])
    parser = _Elements()
    parser.feed(body)
    assert set(parser.tags) <= {
        "h2", "ul", "li", "a", "strong", "code", "table", "thead", "tbody", "tr", "th", "td",
    }  # fmt: skip
    assert '<h2 id="v2025">' in body
    assert 'href="https://std.example.cn/a"' in body and 'href="../510209/"' in body
    assert "javascript:alert(1)" in parser.text and "onerror=alert(1)" in parser.text
    assert "<script>alert(2)</script>" in parser.text and 'onclick="alert(3)"' in parser.text
    assert "evil.example" not in "".join(
        value or "" for tag in ("a", "img") for value in _attributes(body, tag)
    )


def _attributes(body: str, tag: str) -> list[str | None]:
    found: list[str | None] = []

    class _Attrs(HTMLParser):
        def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
            if name == tag:
                found.extend(value for _, value in attrs)

    _Attrs().feed(body)
    return found


def test_check_report_markdown_keeps_quoted_values_as_text() -> None:
    from builder.base.diagnostics import Diagnostic, Severity
    from builder.report.markdown import render

    value = "![](http://evil.example/x.png) [x](javascript:alert(1)) <b>"
    d = Diagnostic("ZB201", Severity.ERROR, f"引用「{value}」不存在", f"s/{value}.yaml", 3, 1)
    rendered = _render(render([d], 1))
    assert set(rendered.tags) <= {"h2", "p", "table", "thead", "tbody", "tr", "th", "td"}
    assert rendered.text.count(value) == 2
