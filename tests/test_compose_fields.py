"""Every filled field of the model reaches the composed documents (nothing is dropped silently).

The kitchen-sink corpora fill every optional field with a distinctive value; each leaf value
must appear in the text of its document's DocTree (blocks and cover). A field added to the
model later fails here until a composer shows it or `NOT_SHOWN` explains why it is not shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import pytest
from pydantic import BaseModel

from builder.compose import compose_document
from builder.compose.doctree import Block, DocTree, Heading, ListBlock, Notice, Paragraph, Table
from builder.compose.text import split_paragraphs
from builder.model import KINDS
from builder.model.dates import chinese
from builder.read.corpus import Corpus, Loaded
from tests.compose_models import CONFIG
from tests.doctree_helpers import text
from tests.kitchen_sink import field_values, full_corpus, national_corpus

NOT_SHOWN = {
    "kind": "the document type; shown as the kind title instead",
    "competencies": "Specialty.competencies is the path of the competency list file",
    "standard": "PlannedCourse.standard is the path of the course standard file",
    "levels": "names a scale of zhibiao.yaml; its levels are shown (list sentence, tick columns)",
}
"""Leaf names that are not document content, with the reason."""

_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")
_INDEX = re.compile(r"\[\d+\]")


def block_text(block: Block) -> list[str]:
    """The visible text of one block."""
    if isinstance(block, Heading):
        return [f"{block.number} {block.title}"]
    if isinstance(block, Paragraph):
        return [text(block.content)]
    if isinstance(block, Notice):
        return [text(block.text)]
    if isinstance(block, ListBlock):
        return [text(item) for item in block.items]
    if isinstance(block, Table):
        cells = [text(c.content) for row in block.rows for c in row]
        return [block.caption, *block.header, *cells]
    raise TypeError(block)


def tree_text(tree: DocTree) -> str:
    """All text of a tree: cover fields, then every block."""
    parts: list[str] = []
    for item in dataclasses.fields(tree.cover):
        value = getattr(tree.cover, item.name)
        parts.extend(value if isinstance(value, tuple) else [value or ""])
    for block in tree.blocks:
        parts.extend(block_text(block))
    return "\n".join(parts)


def forms(path: str, value: Any) -> list[str]:
    """The ways a value may be printed; any of them counts."""
    if isinstance(value, bool):
        return ["选修"] if path.endswith("elective") and value else ["必修"]
    if isinstance(value, float) and path.endswith("_share"):
        return [f"{value:.1%}", f"{value:.0%}"]
    if isinstance(value, int | float):
        return [f"{value:g}"]
    if isinstance(value, dt.date):
        return [f"{value.year}年{value.month}月{value.day}日", value.isoformat()]
    if isinstance(value, str) and _DATE.match(value):
        return [value, chinese(value)]
    return list(split_paragraphs(value)) or [value]


def missing(item: Loaded[Any], corpus: Corpus) -> list[str]:
    """Paths of filled fields of `item` whose value does not appear in its DocTree."""
    return not_in(item, tree_text(compose_document(item, corpus, CONFIG)))


def not_in(item: Loaded[Any], body: str) -> list[str]:
    """Paths of filled fields of `item` whose value does not appear in `body`."""
    flat = re.sub(r"\s+", "", body)
    lost = []
    for path, value in field_values(item.doc):
        leaf = _INDEX.sub("", path).rsplit(".", 1)[-1]
        if leaf in NOT_SHOWN:
            continue
        shown = forms(path, value)
        # a multi-paragraph text needs each paragraph; other values need one of their forms
        need_all = isinstance(value, str) and not _DATE.match(value) and len(shown) > 1
        found = [re.sub(r"\s+", "", f) in flat for f in shown]
        if not (all(found) if need_all else any(found)):
            lost.append(f"{path} = {value!r}")
    return lost


CORPORA = {"full": full_corpus, "national": national_corpus}


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_every_filled_field_is_composed(name: str) -> None:
    corpus = CORPORA[name]()
    lost = {item.rel: missing(item, corpus) for item in corpus.documents}
    assert {rel: paths for rel, paths in lost.items() if paths} == {}


def _declared(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path of a model class (list items and nested models expanded)."""
    found: set[str] = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}.{name}" if prefix else name
        found.add(path)
        for kind in _models(info.annotation):
            found |= _declared(kind, path)
    return found


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models(arg)]


def _key(kind: str, path: str) -> str:
    # Meta is one model shared by every kind: filling a field in one document is enough.
    return path if path.startswith("meta.") else f"{kind}:{path}"


def test_the_fixtures_fill_every_field_of_the_model() -> None:
    """A field nobody fills cannot be checked above: the fixtures must cover the whole model."""
    filled: set[str] = set()
    for factory in CORPORA.values():
        for item in factory().documents:
            filled |= {_key(item.kind, _INDEX.sub("", path)) for path, _ in field_values(item.doc)}
    leaves = set()
    for kind, model in KINDS.items():
        paths = _declared(model)
        parents = {path.rsplit(".", 1)[0] for path in paths if "." in path}
        leaves |= {_key(kind, path) for path in paths - parents}
    assert len(leaves) > 150
    assert sorted(leaves - filled) == []
