"""Read DocTrees back in tests: headings, tables by caption, plain text of inline runs."""

from __future__ import annotations

from builder.compose.doctree import (
    Block,
    Cell,
    DocTree,
    Heading,
    Inline,
    Link,
    Notice,
    Paragraph,
    Table,
)


def text(runs: tuple[Inline, ...]) -> str:
    """Plain text of inline runs."""
    return "".join(r.text if isinstance(r, Link) else r for r in runs)


def links(blocks: tuple[Block, ...]) -> list[Link]:
    """Every link anywhere in the blocks."""
    found: list[Link] = []
    for block in blocks:
        runs: list[tuple[Inline, ...]] = []
        if isinstance(block, Paragraph | Notice):
            runs.append(block.content if isinstance(block, Paragraph) else block.text)
        elif isinstance(block, Table):
            runs.extend(c.content for row in block.rows for c in row)
        elif hasattr(block, "items"):
            runs.extend(block.items)
        for run in runs:
            found.extend(r for r in run if isinstance(r, Link))
    return found


def headings(tree: DocTree) -> list[str]:
    """ "number title" of every heading, e.g. "5.1 素质" or "一、课程基本信息"."""
    out = []
    for b in tree.blocks:
        if isinstance(b, Heading):
            sep = "" if not b.number or b.number.endswith(("、", "）")) else " "
            out.append(f"{b.number}{sep}{b.title}")
    return out


def table(tree: DocTree, caption: str) -> Table:
    """The table with exactly this caption."""
    found = [b for b in tree.blocks if isinstance(b, Table) and b.caption == caption]
    assert len(found) == 1, [b.caption for b in tree.blocks if isinstance(b, Table)]
    return found[0]


def row_texts(t: Table) -> list[list[str]]:
    """Every row as a list of cell texts."""
    return [[text(c.content) for c in row] for row in t.rows]


def anchors(tree: DocTree) -> list[str]:
    """Every anchor of headings, tables and cells in order."""
    out: list[str] = []
    for b in tree.blocks:
        if isinstance(b, Heading | Table) and b.anchor:
            out.append(b.anchor)
        if isinstance(b, Table):
            out.extend(c.anchor for row in b.rows for c in row if isinstance(c, Cell) and c.anchor)
    return out
