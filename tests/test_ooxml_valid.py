"""Every kind of file Zhibiao writes is valid ECMA-376 transitional as Word/Excel 2019 read it.

One session fixture writes them all once: the examples in both Word profiles (each kind
in gbt9704 and in gbt1.1), with `--notice` and a user's `--reference-docx` (python-docx's
blank document, a Word 2010-style file with a stylesWithEffects part, plus a header), every
tests/realworld/ project (exported with `--force`, so the unchecked-proof marks are
included), the kitchen-sink corpora, hostile text, the 修订对照表 of `zhibiao diff`, the
bundled reference template and the Excel workbooks. openxml-audit must report nothing
beyond the documented allow-list (tests/ooxml_findings.py, docs/docx.md 校验); every Word
file also has its property elements in schema order and every reference defined. The
writers this fixture does not reach are validated in tests/test_ooxml_writers.py.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from builder.checking.pipeline import run_check
from builder.compose import compose_corpus
from builder.diff.engine import diff_corpora
from builder.diff.render_docx import render_docx
from builder.docx import xmlorder
from builder.docx.editable import Identity, editable_name, render_editable
from builder.docx.export import export_project, file_name, render_trees
from builder.docx.package import to_bytes
from builder.docx.parts import UNUSED, drop_parts
from builder.docx.profiles import profile_named
from builder.docx.template import TEMPLATE
from builder.opendata.loading import load_standards
from builder.opendata.xlsx_export import build_workbook, workbook_bytes
from builder.project.loading import open_project
from builder.read.config import ProjectConfig
from tests.conftest import REPO
from tests.kitchen_sink import full_corpus, national_corpus
from tests.ooxml_corpora import KINDS, hostile_corpus, with_profile
from tests.ooxml_findings import ALLOWED, findings, misplaced, undefined, validator

pytestmark = pytest.mark.slow

NOTICE = REPO / "tests" / "cases" / "docx-notice" / "notice.yaml"
REALWORLD = sorted(p for p in (REPO / "tests" / "realworld").iterdir() if p.is_dir())
WHEN = dt.datetime(2026, 3, 18, tzinfo=dt.UTC)


def _user_template(path: Path) -> Path:
    """A user's reference template in the Word 2010 style: python-docx's blank document
    (a stylesWithEffects part, its own Header style) with a two-line header of its own."""
    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "海州信息职业技术学院"
    header.add_paragraph("内部资料", style="Header")
    document.add_paragraph("模板正文")
    document.save(str(path))
    return path


@pytest.fixture(scope="session")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every file, by the kind of export that wrote it."""
    root = tmp_path_factory.mktemp("ooxml")
    made: dict[str, list[Path]] = {}

    def keep(kind: str, name: str, data: bytes) -> None:
        path = root / kind / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        made.setdefault(kind, []).append(path)

    examples = open_project(REPO / "standards", REPO / "zhibiao.yaml")
    trees = compose_corpus(load_standards(examples, REPO), examples.config)
    for profile in ("gbt9704", "gbt1.1"):
        for output in render_trees(trees, with_profile(examples.config, profile)):
            keep(f"examples-{profile}", output.name, output.data)
    for output, tree in zip(render_trees(trees, examples.config), trees, strict=True):
        assert output.doc_id == tree.doc_id
        profile = profile_named(examples.config.docx.profiles.get(tree.kind, "gbt1.1"))  # type: ignore[call-overload]
        data = render_editable(tree, profile, Identity("standards/x.yaml", "0" * 64))
        keep("examples-editable", editable_name(output.name), data)
    reference = _user_template(root / "我的模板.docx")
    with_notice = render_trees(trees, examples.config, reference_docx=reference, notice=NOTICE)
    for output in with_notice:
        keep("notice+reference", output.name, output.data)
    for folder in REALWORLD:
        project = open_project(folder / "standards", folder / "zhibiao.yaml")
        made[f"realworld-{folder.name}"] = export_project(
            project, root / folder.name, check=run_check, force=True
        ).written
    config = ProjectConfig()
    hostile = hostile_corpus()
    corpora = {"kitchen-sink": full_corpus(), "national": national_corpus(), "hostile": hostile}
    for name, corpus in corpora.items():
        trees = compose_corpus(corpus, config)
        for profile in ("gbt9704", "gbt1.1"):
            for output in render_trees(trees, with_profile(config, profile)):
                keep(f"{name}-{profile}", output.name, output.data)
        # the working copy (填写稿): content controls and paragraph bookmarks on every field
        for tree in trees:
            profile = profile_named(config.docx.profiles.get(tree.kind, "gbt1.1"))  # type: ignore[call-overload]
            data = render_editable(tree, profile, Identity("standards/x.yaml", "0" * 64))
            keep(f"{name}-editable", editable_name(file_name(tree)), data)
    keep("diff", "修订对照表.docx", render_docx(diff_corpora(full_corpus(), hostile)))
    keep("template", "reference.docx", TEMPLATE.read_bytes())
    workbooks = {"examples": load_standards(examples, REPO), **corpora}
    workbooks |= {
        folder.name: load_standards(open_project(folder / "standards"), REPO)
        for folder in REALWORLD
    }
    for name, corpus in workbooks.items():
        for code, entry in corpus.specialties.items():
            data = workbook_bytes(build_workbook(entry, config), WHEN)
            keep("xlsx", f"{name}-{code}.xlsx", data)
    return made


def test_every_kind_of_export_is_covered(exports: dict[str, list[Path]]) -> None:
    suffixes = Counter(path.suffix for paths in exports.values() for path in paths)
    assert suffixes[".docx"] > 100 and suffixes[".xlsx"] >= 7
    names = {path.name for paths in exports.values() for path in paths}
    assert any(name.startswith("通知-") for name in names)
    for kind in KINDS:
        assert any(paths for made, paths in exports.items() if made.startswith(kind)), kind
    for kind in ("hostile-gbt9704", "hostile-editable"):
        assert exports[kind], kind
    assert len([k for k in exports if k.startswith("realworld-")]) == len(REALWORLD)


def test_no_finding_beyond_the_allow_list(exports: dict[str, list[Path]]) -> None:
    checker = validator()
    left: dict[str, list[str]] = {}
    used = set()
    for kind, paths in exports.items():
        for path in paths:
            problems, matched = findings(checker, path)
            used |= matched
            if problems:
                left[f"{kind}/{path.name}"] = problems[:5]
    assert left == {}
    # an entry that no longer matches anything is dropped from the list (and the docs)
    assert used == set(ALLOWED)


def test_property_elements_are_in_schema_order(exports: dict[str, list[Path]]) -> None:
    wrong = {
        path.name: problems[:5]
        for paths in exports.values()
        for path in paths
        if path.suffix == ".docx" and (problems := misplaced(path.read_bytes()))
    }
    assert wrong == {}


def test_every_reference_names_a_definition(exports: dict[str, list[Path]]) -> None:
    """Styles, numbering and relationships named in any part (comments and notes too,
    which openxml-audit does not read for references) are defined."""
    dangling = {
        path.name: problems[:5]
        for paths in exports.values()
        for path in paths
        if path.suffix == ".docx" and (problems := undefined(path.read_bytes()))
    }
    assert dangling == {}


def _table_document(*, second_layout: bool, header_val: str | None) -> bytes:
    document = docx.Document()
    drop_parts(document, UNUSED)
    table = document.add_table(rows=1, cols=1)
    table.autofit = False
    if second_layout:
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        table._tbl.tblPr.append(layout)
    flag = OxmlElement("w:tblHeader")
    if header_val is not None:
        flag.set(qn("w:val"), header_val)
    table.rows[0]._tr.get_or_add_trPr().append(flag)
    return to_bytes(document)


def test_the_check_sees_the_faults_it_guards_against(tmp_path: Path) -> None:
    """The validator reports the faults of issue 20; the written forms pass."""
    checker = validator()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(_table_document(second_layout=True, header_val="true"))
    problems, _ = findings(checker, bad)
    assert any("tblLayout" in p for p in problems)
    assert any("tblHeader" in p for p in problems)
    assert "word/document.xml: second <tblLayout> in <tblPr>" in misplaced(bad.read_bytes())
    good = tmp_path / "good.docx"
    good.write_bytes(_table_document(second_layout=False, header_val=None))
    assert findings(checker, good) == ([], set())
    assert misplaced(good.read_bytes()) == []


_SEQUENCE_TAGS = {
    parent: sorted(ranks, key=ranks.__getitem__) for parent, ranks in xmlorder.SEQUENCES.items()
}


@given(st.sampled_from(sorted(_SEQUENCE_TAGS)), st.data())
def test_insert_puts_children_in_schema_order(parent_tag: str, data: st.DataObject) -> None:
    ranks = xmlorder.SEQUENCES[parent_tag]
    tags = data.draw(st.lists(st.sampled_from(_SEQUENCE_TAGS[parent_tag]), max_size=12))
    parent = etree.Element(parent_tag)
    for tag in tags:
        xmlorder.replace(parent, etree.Element(tag))
    children = [child.tag for child in parent]
    assert sorted(children) == sorted(set(tags))  # each once: replace drops namesakes
    assert [ranks[t] for t in children] == sorted(ranks[t] for t in children)
    shuffled = data.draw(st.permutations(list(parent)))
    for child in list(parent):
        parent.remove(child)
    parent.extend(shuffled)
    xmlorder.sort(parent)
    assert [ranks[child.tag] for child in parent] == sorted(ranks[t] for t in children)


def test_insert_refuses_an_element_the_schema_does_not_allow() -> None:
    with pytest.raises(ValueError, match="tblLayout"):
        xmlorder.insert(OxmlElement("w:pPr"), OxmlElement("w:tblLayout"))
