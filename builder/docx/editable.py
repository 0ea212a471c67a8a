"""The editable Word copy (填写稿) of a standard: `zhibiao export docx --editable`.

The copy is the normal document rendered with every `Field` marked as a content control
(`builder.docx.marks`), a note at the top telling the drafter how to edit it, and the
identity of its source in the core properties (`dc:description`): a fixed prefix, the
source YAML file relative to the project root, and the SHA-256 of the YAML bytes it was
made from. `zhibiao import docx` reads the identity back to find the file and to refuse a
working copy made from an older version of it (unless `--force`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from builder.compose.doctree import DocTree, Notice
from builder.docx.marks import editable
from builder.docx.package import to_bytes
from builder.docx.profiles import Profile
from builder.docx.writer import render

IDENTITY = "zhibiao-填写稿"
"""First word of the identity in `dc:description`."""
SUFFIX = "-填写稿"
"""Added to the normal file name (before .docx)."""
NOTE = (
    "本文件是由 zhibiao export docx --editable 生成的填写稿。请直接修改正文和表格中的内容；"
    "可以开启修订。表格中复制一行即新增一项（编码可留空，导入时按编号规则补上），删除一行即删除该项。"
    "改完后交回秘书处，用 zhibiao import docx 导入。"
)


@dataclass(frozen=True, slots=True)
class Identity:
    """Where a working copy came from: the YAML file (relative to the project root) and
    the SHA-256 of the bytes it was rendered from."""

    source: str
    digest: str

    def text(self) -> str:
        """The `dc:description` value."""
        return f"{IDENTITY} {self.digest} {self.source}"

    @staticmethod
    def parse(text: str) -> Identity | None:
        """The identity in a `dc:description` value, None when it is not one."""
        head, _, rest = text.strip().partition(" ")
        digest, _, source = rest.partition(" ")
        if head != IDENTITY or len(digest) != 64 or not source:
            return None
        return Identity(source, digest)


def identity_of(path: Path, source: str) -> Identity:
    """The identity of the YAML file at `path`, named `source` in the working copy."""
    return Identity(source, hashlib.sha256(path.read_bytes()).hexdigest())


def editable_tree(tree: DocTree) -> DocTree:
    """`tree` with the drafter's note before its first block."""
    return replace(tree, blocks=(Notice("note", (NOTE,)), *tree.blocks))


def render_editable(
    tree: DocTree, profile: Profile, identity: Identity, *, template: Path | None = None
) -> bytes:
    """The .docx bytes of the working copy of `tree`."""
    with editable():
        document = render(editable_tree(tree), profile, template=template)
    document.core_properties.comments = identity.text()
    return to_bytes(document)


def editable_name(name: str) -> str:
    """`510209-专业教学标准.docx` → `510209-专业教学标准-填写稿.docx`."""
    return name.removesuffix(".docx") + SUFFIX + ".docx"


def editable_outputs(
    trees: list[DocTree],
    sources: dict[str, tuple[Path, str]],
    profiles: list[Profile],
    names: list[str],
    *,
    template: Path | None = None,
) -> list[tuple[str, bytes, DocTree]]:
    """Render the working copy of each tree whose source (`doc_id` → file path and its
    name relative to the project root) is known, as (file name, bytes, tree)."""
    out: list[tuple[str, bytes, DocTree]] = []
    for tree, profile, name in zip(trees, profiles, names, strict=True):
        source = sources.get(tree.doc_id)
        if source is None:
            continue
        identity = identity_of(*source)
        data = render_editable(tree, profile, identity, template=template)
        out.append((editable_name(name), data, tree))
    return out
