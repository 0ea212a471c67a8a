"""DocTree → python-docx Document in a layout profile.

Only named styles are used for paragraphs (see `styles.STYLES`); direct formatting is
limited to what styles cannot hold (tab stops at the text-block edge, table widths).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK

from builder.compose.doctree import (
    PREFACE,
    REFERENCES,
    Block,
    DocTree,
    Heading,
    ListBlock,
    Notice,
    Paragraph,
    Table,
)
from builder.compose.meta import patent_text
from builder.docx import cover as covers
from builder.docx.fields import bookmark
from builder.docx.frontfields import add_line
from builder.docx.inline import add_inlines
from builder.docx.numbering import depth_of, heading_text, is_appendix
from builder.docx.package import CoreInfo, fixed_time, set_core
from builder.docx.page import (
    add_page_numbers,
    add_running_header,
    blank_first_page,
    number_pages,
    setup_section,
    turn_page,
)
from builder.docx.parts import drop_parts
from builder.docx.profiles import Profile
from builder.docx.tables import add_table, column_count, fits_portrait
from builder.docx.template import load_template
from builder.docx.toc import Entry, add_toc

TOC_DEPTH = 2
LANDSCAPE_COLUMNS = 12
"""Tables with this many columns or more get a landscape page of their own; so does a
narrower one whose columns cannot fit the portrait text block (`tables.fits_portrait`:
long Latin words such as product names in many columns)."""


@dataclass(slots=True)
class _Body:
    """Rendering state: bookmarks handed out for TOC entries."""

    profile: Profile
    entries: list[Entry] = field(default_factory=list)
    next_id: int = 1

    def mark(self, paragraph: Any, text: str, level: int) -> None:
        name = f"_Toc{self.next_id:08d}"
        bookmark(paragraph, name, self.next_id)
        self.entries.append(Entry(text, level, name))
        self.next_id += 1


def render(tree: DocTree, profile: Profile, *, template: Path | None = None) -> Any:
    """Build the Word document of `tree` in `profile` on the reference template."""
    document, _added = load_template(template)
    drop_parts(document)
    document.settings.odd_and_even_pages_header_footer = True
    first = document.sections[0]
    setup_section(first, profile)
    if profile.cover:  # the cover page itself stays blank (blank_first_page)
        add_page_numbers(first, profile)
    add_running_header(first, profile, _header_text(tree, profile))
    blank_first_page(first, profile)
    front, body = _split_front(_without_cover_notes(tree, profile))
    state = _Body(profile)
    # The body is laid out first into a scratch list of elements so the TOC knows its entries.
    if profile.cover:
        covers.add_cover(document, tree.cover, profile)
        front_section = document.add_section(WD_SECTION.NEW_PAGE)
        front_section.different_first_page_header_footer = False
        number_pages(front_section, fmt="upperRoman", start=1)
    toc_anchor = document.add_paragraph()
    lines = covers.preface_runs(tree.cover)
    if profile.cover and (lines or front):  # no empty 前言 page for a document that has none
        _page_break(document)
        document.add_paragraph("前\u3000\u3000言", profile.roles.front_title)
        for line in lines:
            add_line(document, line, profile.roles.body)
        _blocks(document, front, state, toc=False)
    body_section = document.add_section(WD_SECTION.NEW_PAGE)
    body_section.different_first_page_header_footer = False
    number_pages(body_section, fmt="decimal", start=1)
    if not profile.cover:  # the 目录 before it is not numbered, however many pages it takes
        add_page_numbers(body_section, profile)
    if profile.cover:
        document.add_paragraph(tree.cover.title, profile.roles.title)
    else:
        covers.add_gongwen_title(document, tree.cover)
        leading = next((i for i, b in enumerate(body) if not isinstance(b, Notice)), len(body))
        _blocks(document, body[:leading], state, toc=False)  # 征求意见稿 … notices first
        body = body[leading:]
        _gongwen_preface(document, tree, front, state)
    if profile.cover:
        _blocks(document, body, state, toc=True)
        document.add_paragraph("\u2014" * 6, "标准终结线")
    else:
        # 署名 and 成文日期 close the text; 参考文献 follow them like an attachment
        end = next((i for i, b in enumerate(body) if _is_references(b)), len(body))
        _blocks(document, body[:end], state, toc=True)
        covers.add_gongwen_signature(document, tree.cover)
        _blocks(document, body[end:], state, toc=True)
        document.add_paragraph(style=profile.roles.body)
        covers.add_gongwen_record(document, tree.cover)
    _place_toc(document, toc_anchor, state, profile)
    set_core(
        document,
        CoreInfo(
            title=tree.cover.title,
            subject=tree.cover.kind_title,
            author=tree.cover.issuer or "职标 Zhibiao",
            keywords=f"{tree.cover.kind_title}；{tree.cover.status}",
            identifier=tree.cover.standard_no or tree.doc_id,
            version=tree.cover.version,
            when=fixed_time(tree.cover.issued_on),
        ),
    )
    return document


def write_blocks(document: Any, blocks: tuple[Block, ...], profile: Profile) -> None:
    """Append `blocks` in `profile` style without collecting TOC entries (attachments)."""
    _blocks(document, list(blocks), _Body(profile), toc=False)


def _header_text(tree: DocTree, profile: Profile) -> str:
    if profile.cover:
        return covers.running_header(tree.cover)
    return covers.shown_status(tree.cover)


def _without_cover_notes(tree: DocTree, profile: Profile) -> tuple[Block, ...]:
    """The blocks minus the patent note when the cover already carries the statement."""
    if not (profile.cover and tree.cover.patent_statement):
        return tree.blocks
    if tree.cover.status not in covers.PATENT_COVER:
        return tree.blocks
    note = (patent_text(tree.cover.patent_statement),)
    return tuple(b for b in tree.blocks if not (isinstance(b, Notice) and b.text == note))


def _gongwen_preface(document: Any, tree: DocTree, front: list[Block], state: _Body) -> None:
    """A 公文-style document has no cover: its 前言 (the document's own text, then who
    proposed, drafted and published it) opens the body, listed in the 目录."""
    lines = covers.statement_runs(tree.cover, effective=True)
    if not front and not lines:
        return
    _heading(document, Heading(1, "前言", "", PREFACE), state, toc=True)
    _blocks(document, front, state, toc=False)
    for line in lines:
        add_line(document, line, state.profile.roles.body)


def _is_references(block: Block) -> bool:
    return isinstance(block, Heading) and not block.number and block.anchor == REFERENCES


def _split_front(blocks: tuple[Block, ...]) -> tuple[list[Block], list[Block]]:
    """Blocks under a leading unnumbered 前言 heading (anchor `PREFACE`) go to the front matter."""
    items = list(blocks)
    for index, block in enumerate(items):
        if isinstance(block, Heading) and not block.number and block.anchor == PREFACE:
            end = index + 1
            while end < len(items) and not (
                isinstance(items[end], Heading) and items[end].level <= block.level  # type: ignore[union-attr]
            ):
                end += 1
            return items[index + 1 : end], items[:index] + items[end:]
        if isinstance(block, Heading) and block.number:
            break
    return [], items


def _page_break(document: Any) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _blocks(document: Any, blocks: list[Block], state: _Body, *, toc: bool) -> None:
    profile = state.profile
    roles = profile.roles
    previous_table = False
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            if column_count(block) >= LANDSCAPE_COLUMNS or not fits_portrait(block, profile):
                width = turn_page(document, profile, landscape=True)
                add_table(document, block, profile, width_mm=width)
                if index < len(blocks) - 1:  # the closing line may stay on the turned page
                    turn_page(document, profile, landscape=False)
                previous_table = False
                continue
            if previous_table and not block.caption:
                document.add_paragraph(style=roles.caption)
            add_table(document, block, profile)
            previous_table = True
            continue
        previous_table = False
        if isinstance(block, Heading):
            _heading(document, block, state, toc=toc)
        elif isinstance(block, Paragraph):
            add_inlines(document.add_paragraph(style=roles.body), block.content)
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, start=1):
                paragraph = document.add_paragraph(style=roles.list_item)
                paragraph.add_run(f"{number}）" if block.ordered else "——")
                add_inlines(paragraph, item)
        elif isinstance(block, Notice):
            add_inlines(document.add_paragraph(style=roles.notice), block.text)


def _heading(document: Any, heading: Heading, state: _Body, *, toc: bool) -> None:
    profile = state.profile
    styles = profile.roles.headings
    if profile.heading_style == "standard" and is_appendix(heading.number):
        paragraph = document.add_paragraph(style="标准附录标识")
        paragraph.add_run(heading.number)
        paragraph.add_run().add_break()
        paragraph.add_run(heading.title)
        text = f"{heading.number}\u3000{heading.title}"
        depth = 1
    elif profile.cover and _is_references(heading):
        # GB/T 1.1 sets 参考文献 like 前言: centred, outside the chapter numbering
        text, depth = heading.title, 1
        paragraph = document.add_paragraph(heading.title, profile.roles.front_title)
    else:
        depth = depth_of(heading.number, heading.level)
        text = heading_text(heading.number, heading.title, profile.heading_style)
        paragraph = document.add_paragraph(text, styles[min(depth, len(styles)) - 1])
    if toc and depth <= TOC_DEPTH:
        state.mark(paragraph, text, depth)


def _place_toc(document: Any, anchor: Any, state: _Body, profile: Profile) -> None:
    """Build the TOC at the end of the body, then move it to the anchor paragraph."""
    body = document.element.body
    before = len(body)
    add_toc(document, state.entries, profile, depth=TOC_DEPTH)
    created = list(body)[before - 1 : -1] if body[-1].tag.endswith("sectPr") else []
    target = anchor._p
    for element in created:
        target.addprevious(element)
    target.getparent().remove(target)
