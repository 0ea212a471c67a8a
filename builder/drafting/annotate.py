"""The problems of an import written as Word comments into a copy of the returned file.

Each comment spans the paragraph (or table cell paragraph) it is about; problems that
belong to no place (the file as a whole) are anchored at the first paragraph. Word, WPS
and LibreOffice show them in the margin, so the drafter sees them where they typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from builder.docx.package import to_bytes
from builder.drafting.changes import Problem

AUTHOR = "职标 zhibiao"
INITIALS = "职标"
SUFFIX = "-意见"


def comments_name(path: Path) -> str:
    """`填写稿.docx` → `填写稿-意见.docx` (a returned -意见 copy is not suffixed twice)."""
    return f"{path.stem.removesuffix(SUFFIX)}{SUFFIX}.docx"


def annotated(path: Path, problems: list[Problem], paragraphs: list[Any]) -> bytes:
    """The bytes of `path` with one comment per problem.

    `paragraphs` are the `w:p` elements of the file as `builder.drafting.wordread` parsed it,
    in document order; a problem's element is found in python-docx's own tree by its index."""
    document = docx.Document(str(path))
    body = document.element.body
    theirs = list(body.iter(qn("w:p")))
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
        _span(target, comment.comment_id)
    return to_bytes(document)


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
