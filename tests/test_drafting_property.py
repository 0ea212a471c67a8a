"""Universal promises of the working copy, over generated documents and the real corpora.

- Marking the model's values (`doctree.Field`) changes no byte of the normal Word export.
- For any valid document of each kind, export --editable → import is the identity, also
  when every content control has been stripped (the text kept), as LibreOffice does.
"""

from __future__ import annotations

import dataclasses
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from builder.checking.pipeline import run_check
from builder.compose import compose_corpus
from builder.compose.doctree import (
    Cell,
    CoverInfo,
    DocTree,
    Field,
    Link,
    ListBlock,
    Notice,
    Paragraph,
    Table,
)
from builder.docx.export import export_project, render_trees
from builder.drafting.importing import import_docx
from builder.opendata.loading import load_standards
from builder.project.loading import open_project
from builder.read.config import ProjectConfig
from tests.conftest import REPO, examples
from tests.kitchen_sink import full_corpus, national_corpus
from tests.model_strategies import document
from tests.test_property_outputs import FILES, _valid, _write

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _plain_runs(content: tuple[Any, ...]) -> tuple[Any, ...]:
    """The runs as they were before fields existed: glued parts joined into one string."""
    out: list[Any] = []
    for item in content:
        if isinstance(item, Link):
            item = Link(str(item.text), item.target)
        if isinstance(item, Field) and item.glued and out and isinstance(out[-1], str):
            out[-1] = out[-1] + str(item)
            continue
        out.append(str(item) if isinstance(item, str) else item)
    return tuple(out)


def _plain(tree: DocTree) -> DocTree:
    blocks: list[Any] = []
    for block in tree.blocks:
        if isinstance(block, Paragraph):
            block = Paragraph(_plain_runs(block.content))
        elif isinstance(block, ListBlock):
            block = ListBlock(tuple(_plain_runs(i) for i in block.items), block.ordered)
        elif isinstance(block, Notice):
            block = Notice(block.kind, _plain_runs(block.text))
        elif isinstance(block, Table):
            rows = tuple(
                tuple(Cell(_plain_runs(c.content), c.anchor, c.bold) for c in row)
                for row in block.rows
            )
            block = dataclasses.replace(block, rows=rows)
        blocks.append(block)
    return dataclasses.replace(tree, blocks=tuple(blocks), cover=_plain_cover(tree.cover))


def _plain_cover(cover: CoverInfo) -> CoverInfo:
    """The cover data as plain texts (its values are fields of the metadata)."""
    changes: dict[str, Any] = {}
    for name in (f.name for f in dataclasses.fields(cover)):
        value = getattr(cover, name)
        if isinstance(value, str):
            changes[name] = str(value)
        elif isinstance(value, tuple):
            changes[name] = tuple(str(v) for v in value)
    return dataclasses.replace(cover, **changes)


def _has_fields(tree: DocTree) -> bool:
    runs: list[Any] = []
    for block in tree.blocks:
        if isinstance(block, Paragraph):
            runs.extend(block.content)
        elif isinstance(block, ListBlock):
            runs.extend(run for item in block.items for run in item)
        elif isinstance(block, Table):
            runs.extend(run for row in block.rows for c in row for run in c.content)
    return any(isinstance(run, Field) for run in runs)


@pytest.mark.slow
def test_marking_fields_changes_no_byte_of_the_normal_export() -> None:
    examples = open_project(REPO / "standards", REPO / "zhibiao.yaml")
    corpora = [
        (load_standards(examples, REPO), examples.config),
        (full_corpus(), ProjectConfig()),
        (national_corpus(), ProjectConfig()),
    ]
    for folder in sorted(p for p in (REPO / "tests" / "realworld").iterdir() if p.is_dir()):
        project = open_project(folder / "standards", folder / "zhibiao.yaml")
        corpora.append((load_standards(project, REPO), project.config))
    for n, (corpus, config) in enumerate(corpora):
        trees = compose_corpus(corpus, config)
        # the examples and fixtures hold marked values; a transcription may hold none (every
        # chapter 原文未给出, or only the 国家职业技能标准 block, which carries no controls yet)
        assert n >= 3 or any(_has_fields(t) for t in trees)
        marked = render_trees(trees, config)
        plain = render_trees([_plain(t) for t in trees], config)
        for a, b in zip(marked, plain, strict=True):
            assert a.data == b.data, a.name


def _strip_controls(path: Path) -> None:
    """Replace every content control by its content, as LibreOffice 7.4 saves the file."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    for sdt in list(root.iter(f"{W}sdt")):
        content = sdt.find(f"{W}sdtContent")
        parent = sdt.getparent()
        position = parent.index(sdt)
        for offset, child in enumerate(list(content) if content is not None else []):
            parent.insert(position + offset, child)
        parent.remove(sdt)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def _round_trip(kind: str, data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _write(root, {kind: data})
        project = open_project(root / "standards", root / "zhibiao.yaml")
        source = root / "standards" / "510209-x" / FILES[kind]
        before = source.read_bytes()
        result = export_project(project, root / "out", check=run_check, force=True, editable=True)
        (copy,) = result.written
        for stripped in (False, True):
            if stripped:
                _strip_controls(copy)
            done = import_docx(copy, project, write=True)
            assert [(p.rule.code, p.message, p.where) for p in done.problems] == []
            assert done.after is None and not done.written
            assert source.read_bytes() == before


@pytest.mark.parametrize("kind", list(FILES))
def test_editable_export_then_import_is_the_identity(kind: str) -> None:
    @settings(
        max_examples=examples(12),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(document(kind, "510209").filter(_valid))
    def run(data: dict[str, Any]) -> None:
        _round_trip(kind, data)

    run()


def test_every_layout_keeps_fields_apart() -> None:
    """Fixed text stands between any two fields of a cell or paragraph, so a copy whose
    controls are gone (LibreOffice) still tells them apart."""
    from builder.docx.editable import Identity, render_editable
    from builder.docx.profiles import profile_named
    from builder.drafting.containers import group, separable, template
    from builder.drafting.wordread import read_bytes

    config = ProjectConfig()
    for tree in compose_corpus(full_corpus(), config):
        profile = profile_named(config.docx.profiles.get(tree.kind, "gbt1.1"))  # type: ignore[call-overload]
        data = render_editable(tree, profile, Identity("standards/x.yaml", "0" * 64))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            word = read_bytes(archive.read("word/document.xml"), None)
        for container in group(word.paragraphs):
            for paras in container.columns().values():
                assert separable(template(paras)), (tree.doc_id, container.where)
