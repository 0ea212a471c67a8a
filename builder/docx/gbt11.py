"""The GB/T 1.1 structure profile (`docx.profile: gbt1.1`): the chapters the layout requires.

GB/T 1.1—2020 numbers 1 范围, 2 规范性引用文件, 3 术语和定义 before the technical chapters, and
a document without references or terms says so in those chapters ("本文件没有规范性引用文件。",
"本文件没有需要界定的术语和定义。"). Zhibiao is faithful by default: nothing is inserted that the
document does not hold (issue 14 §3). Only when a project asks for this profile are the
missing chapters added to the Word file, after chapter 1 when it is the 范围 chapter (else
before it), and the following chapters and clauses renumbered (4 → 6, 4.1 → 6.1). Clause
numbers quoted in the text are not rewritten.

The 专业教学标准 keeps the eleven elements of the national template (its references stand in
"1 概述"), so it is left as it is; so is a 公文-layout document, which has no such chapters.
"""

from __future__ import annotations

import re
from dataclasses import replace

from builder.compose.doctree import Block, DocTree, Heading, Paragraph

NORMATIVE = "规范性引用文件"
TERMS = "术语和定义"
NO_NORMATIVE = "本文件没有规范性引用文件。"
NO_TERMS = "本文件没有需要界定的术语和定义。"
SCOPE_TITLES = ("范围", "适用范围")
EXEMPT_KINDS = frozenset({"specialty"})
_NUMBER = re.compile(r"^(\d+)((?:\.\d+)*)$")


def required_chapters(tree: DocTree) -> DocTree:
    """`tree` with the GB/T 1.1 chapters 规范性引用文件 and 术语和定义 it lacks (see above)."""
    if tree.kind in EXEMPT_KINDS:
        return tree
    blocks = list(tree.blocks)
    chapters = [
        i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1 and b.number
    ]
    if not chapters or not all(_NUMBER.match(_heading(blocks[i]).number) for i in chapters):
        return tree  # no chapters numbered 1, 2, 3 …: not a GB/T 1.1 body
    titles = {_heading(blocks[i]).title for i in chapters}
    missing = [(t, s) for t, s in ((NORMATIVE, NO_NORMATIVE), (TERMS, NO_TERMS)) if t not in titles]
    if not missing:
        return tree
    first = _heading(blocks[chapters[0]])
    scope_first = first.title in SCOPE_TITLES
    # where each missing chapter goes: after 范围 (or first), 术语和定义 after 规范性引用文件
    existing_normative = next((i for i in chapters if _heading(blocks[i]).title == NORMATIVE), None)
    if existing_normative is not None:  # only 术语和定义 missing: right after that chapter
        after = _chapter_end(blocks, chapters, existing_normative)
        base = int(_NUMBER.match(_heading(blocks[existing_normative]).number).group(1))  # type: ignore[union-attr]
    elif scope_first:
        after = _chapter_end(blocks, chapters, chapters[0])
        base = int(_NUMBER.match(first.number).group(1))  # type: ignore[union-attr]
    else:
        after = chapters[0]
        base = int(_NUMBER.match(first.number).group(1)) - 1  # type: ignore[union-attr]
    shift = len(missing)
    renumbered: list[Block] = []
    for index, block in enumerate(blocks):
        if index >= after and isinstance(block, Heading):
            block = _shifted(block, base, shift)
        renumbered.append(block)
    inserted: list[Block] = []
    for offset, (title, sentence) in enumerate(missing, start=1):
        anchor = "normative-references" if title == NORMATIVE else "terms-and-definitions"
        inserted += [Heading(1, title, str(base + offset), anchor), Paragraph((sentence,))]
    return replace(tree, blocks=(*renumbered[:after], *inserted, *renumbered[after:]))


def _heading(block: Block) -> Heading:
    assert isinstance(block, Heading)
    return block


def _chapter_end(blocks: list[Block], chapters: list[int], start: int) -> int:
    """Index of the block after chapter `start` (the next chapter heading, or the end)."""
    later = [i for i in chapters if i > start]
    if later:
        return later[0]
    for index in range(start + 1, len(blocks)):
        block = blocks[index]
        if isinstance(block, Heading) and block.level == 1:  # an appendix or 参考文献
            return index
    return len(blocks)


def _shifted(heading: Heading, base: int, shift: int) -> Heading:
    """A chapter or clause numbered after `base` moved on by `shift` (4.1 → 6.1)."""
    found = _NUMBER.match(heading.number)
    if found is None or int(found.group(1)) <= base:
        return heading
    return replace(heading, number=f"{int(found.group(1)) + shift}{found.group(2)}")
