"""Outputs find the elements they place specially by identity, never by their Chinese text."""

from __future__ import annotations

from dataclasses import replace

from builder.compose.doctree import PREFACE, REFERENCES, DocTree, Heading, Paragraph
from builder.docx.package import to_bytes
from builder.docx.profiles import GBT9704
from builder.docx.writer import render
from tests.docx_read import open_docx
from tests.docx_trees import course_tree


def _texts(tree: DocTree) -> list[str]:
    document = open_docx(to_bytes(render(tree, GBT9704)))
    return [p.text for p in document.paragraphs if p.text]


def _published(blocks: tuple[object, ...]) -> DocTree:
    course = course_tree()
    cover = replace(course.cover, status="发布", issued_on="2026-03-18")
    return replace(course, cover=cover, blocks=(*course.blocks, *blocks))  # type: ignore[arg-type]


def test_references_are_placed_by_their_anchor_whatever_their_title() -> None:
    tree = _published((Heading(1, "参 考 文 献", "", REFERENCES), Paragraph(("[1]\u2002甲",))))
    texts = _texts(tree)
    assert texts[-4:] == [tree.cover.issuer, "2026年3月18日", "参 考 文 献", "[1]\u2002甲"]


def test_a_heading_merely_titled_references_stays_in_the_body() -> None:
    tree = _published((Heading(1, "参考文献", "", "sec-x"), Paragraph(("正文",))))
    texts = _texts(tree)
    assert texts[-2:] == [tree.cover.issuer, "2026年3月18日"]
    assert texts.index("参考文献") < texts.index(tree.cover.issuer)


def test_the_preface_is_front_matter_by_its_anchor() -> None:
    course = course_tree()
    body = (Heading(1, "前　言", "", PREFACE), Paragraph(("本标准依据……制定。",)))
    texts = _texts(replace(course, blocks=(*body, *course.blocks)))
    assert texts.count("前　言") == 0  # the writer's own 前言 heading opens the front matter
    assert texts.index("前言") < texts.index("本标准依据……制定。")
