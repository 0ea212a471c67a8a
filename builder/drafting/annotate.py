"""The problems of an import written as Word comments into a copy of the returned file.

Each comment spans the paragraph (or table cell paragraph) it is about; problems that
belong to no place (the file as a whole) are anchored at the first paragraph. Word, WPS
and LibreOffice show them in the margin, so the drafter sees them where they typed.

The comments are in the file's own comment styles (Word's built-in "annotation text" and
"annotation reference", whatever their style ids: Chinese Word names them a5, a6, …); a
file without them gets both, so that no part names a style styles.xml does not define.
A Word 2010 file's stylesWithEffects copy of styles.xml would then be stale (Word repairs
such a file): the copy is written without it, as every document Zhibiao writes
(`builder.docx.parts`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from builder.docx.package import to_bytes
from builder.docx.parts import drop_parts
from builder.drafting.changes import Problem

AUTHOR = "职标 zhibiao"
INITIALS = "职标"
SUFFIX = "-意见"
TEXT_STYLE = ("annotation text", "CommentText", WD_STYLE_TYPE.PARAGRAPH, 10)
REFERENCE_STYLE = ("annotation reference", "CommentReference", WD_STYLE_TYPE.CHARACTER, 8)
"""Word's built-in comment styles: name, the style id Word gives them in English, type and
size (pt) as Word defines them (a style: ECMA-376 Part 1 §17.7.4.17)."""


def comments_name(path: Path) -> str:
    """`填写稿.docx` → `填写稿-意见.docx` (a returned -意见 copy is not suffixed twice)."""
    return f"{path.stem.removesuffix(SUFFIX)}{SUFFIX}.docx"


def annotated(path: Path, problems: list[Problem], paragraphs: list[Any]) -> bytes:
    """The bytes of `path` with one comment per problem.

    `paragraphs` are the `w:p` elements of the file as `builder.drafting.wordread` parsed it,
    in document order; a problem's element is found in python-docx's own tree by its index."""
    document = docx.Document(str(path))
    drop_parts(document)
    body = document.element.body
    theirs = list(body.iter(qn("w:p")))
    text_style, reference_style = _style(document, TEXT_STYLE), _style(document, REFERENCE_STYLE)
    index = {id(element): n for n, element in enumerate(paragraphs)}
    for problem in problems:
        n = index.get(id(problem.element), 0) if problem.element is not None else 0
        if not theirs:
            break
        target = theirs[min(n, len(theirs) - 1)]
        text = f"[{problem.rule.code}] {problem.message}"
        if problem.where:
            text += f"（{problem.where}）"
        comment = document.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
        if problem.hint:
            comment.add_paragraph(f"提示：{problem.hint}")
        for paragraph in comment.paragraphs:
            paragraph.style = text_style
        comment.paragraphs[0].runs[0].style = reference_style  # the annotationRef mark
        _span(target, comment.comment_id)
    return to_bytes(document)


def _style(document: Any, spec: tuple[str, str, WD_STYLE_TYPE, int]) -> Any:
    """The document's style named `spec`'s name, defined as Word defines it when missing."""
    name, style_id, kind, size = spec
    for style in document.styles:
        if style.name == name and style.type == kind:
            return style
    taken = {style.style_id for style in document.styles}
    style = document.styles.add_style(name, kind)
    if style_id not in taken:
        style.style_id = style_id
    default = document.styles.default(kind)
    if default is not None:
        style.base_style = default
    style.priority = 99
    style.unhide_when_used = True
    style.hidden = kind == WD_STYLE_TYPE.CHARACTER
    style.font.size = Pt(size)
    return style


def _span(p: Any, comment_id: int) -> None:
    """Mark the whole paragraph `p` as the comment's range and add the reference mark."""
    start = OxmlElement("w:commentRangeStart")
    start.set(qn("w:id"), str(comment_id))
    end = OxmlElement("w:commentRangeEnd")
    end.set(qn("w:id"), str(comment_id))
    pr = p.find(qn("w:pPr"))
    if pr is not None:
        pr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)
    run = OxmlElement("w:r")
    reference = OxmlElement("w:commentReference")
    reference.set(qn("w:id"), str(comment_id))
    run.append(reference)
    p.append(run)
