"""The Word and Excel writers that tests/test_ooxml_valid.py's export fixture does not reach,
validated one writer at a time (openxml-audit, the allow-list, schema order, references).

Each writer of `WRITERS` makes its files from the kitchen-sink corpora, hostile text and the
examples, once per module; `test_every_writer_is_covered` reads builder/ for the places
that write an Office file and fails on one that neither this module nor the export fixture
covers, so a new writer comes with its validation.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from builder.comments.anchors import Anchor, document_anchors
from builder.comments.forms import FormInfo, form_docx, form_xlsx
from builder.comments.model import ReviewRecord
from builder.comments.report import report_docx
from builder.compose import compose_corpus
from builder.compose.conformance import compose_report
from builder.docx.editable import Identity, editable_name, render_editable
from builder.docx.export import file_name, render_trees
from builder.docx.pool import render_one
from builder.docx.profiles import profile_named
from builder.docx.recordpage import RECORD_MARK, has_record, place_record
from builder.docx.template import build_reference
from builder.docx.tocpages import fill, heading_texts
from builder.drafting import rules as drafting_rules
from builder.drafting.annotate import annotated, comments_name
from builder.drafting.changes import Problem
from builder.drafting.wordread import read_word
from builder.project.loading import open_project
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus
from builder.review.conforming import conform
from builder.site.matrixfiles import MatrixWorkbook
from tests.conftest import REPO
from tests.kitchen_sink import full_corpus, national_corpus
from tests.national_fixtures import Variant, national_docx
from tests.ooxml_corpora import HOSTILE, KINDS, hostile_corpus, with_profile
from tests.ooxml_findings import findings, misplaced, undefined, validator

PLANS = REPO / "standards" / "510209-人工智能技术应用" / "plans"
NATIONAL = REPO / "tests" / "realworld" / "se310203" / "standards" / "310203-软件工程技术"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Files = dict[str, bytes]


def _corpora() -> dict[str, Corpus]:
    return {
        "kitchen-sink": full_corpus(),
        "national": national_corpus(),
        "hostile": hostile_corpus(),
    }


def _forms(make: Callable[[FormInfo, list[Anchor]], bytes], suffix: str) -> Files:
    """`zhibiao comments form`: one form per document of every corpus, anchors pre-filled."""
    config = ProjectConfig()
    made: Files = {}
    for name, corpus in _corpora().items():
        for item in corpus.documents:
            info = FormInfo(f"{name}/{item.kind}", item.doc.meta.title, "征求意见稿", "2027-01-15")
            made[f"{name}-{item.rel.replace('/', '-')}{suffix}"] = make(
                info, document_anchors(item, corpus, config)
            )
    made[f"empty{suffix}"] = make(FormInfo("x/specialty", HOSTILE[1], "", ""), [])
    return made


def _comments_report(_: Path) -> Files:
    """`zhibiao comments report`: every disposition, hostile text in every column."""
    dispositions = ("采纳", "部分采纳", "未采纳", None)
    comments = [
        {
            "id": f"C{n:03d}",
            "unit": text[:20],
            "anchor": "7.1" if n % 2 else "全文",
            "original": text,
            "proposal": f"={n}+1 {text}",
            "reason": text,
            **({"disposition": how, "response": text} if how else {}),
        }
        for n, (text, how) in enumerate(zip(HOSTILE, dispositions, strict=True), start=1)
    ]
    record = ReviewRecord.model_validate(
        {"kind": "review", "standard": "specialty.yaml", "comments": comments}
    )
    return {
        "汇总处理表.docx": report_docx(HOSTILE[2], record, when="2026-03-18"),
        "汇总处理表-空.docx": report_docx(
            "示例标准", ReviewRecord(kind="review", standard="x.yaml")
        ),
    }


def _conform_report(_: Path) -> Files:
    """`zhibiao conform --format docx` over the example plans, with and without an issuer."""
    project = open_project(REPO / "standards", REPO / "zhibiao.yaml")
    run = conform(project, [PLANS])
    today = dt.date(2026, 3, 18)
    return {
        f"审查报告-{issuer or '无'}.docx": render_one(
            (compose_report(run, issuer=issuer, today=today), profile_named("gbt9704"), None)
        )
        for issuer in ("海州省教育厅", None)
    }


def _returned_files(root: Path) -> list[Path]:
    """Files a drafter may return to `zhibiao import docx`: working copies (both profiles,
    hostile text), a published standard in the national layout with Word's own numbering,
    and a plain Word 2010-style document with a header."""
    config = ProjectConfig()
    paths = []
    for name, corpus in (("kitchen-sink", full_corpus()), ("hostile", hostile_corpus())):
        for tree in compose_corpus(corpus, config)[:2]:
            for profile in ("gbt1.1", "gbt9704"):
                path = root / name / profile / editable_name(file_name(tree))
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(render_editable(tree, profile_named(profile), Identity("x", "0")))
                paths.append(path)
    source = yaml.safe_load((NATIONAL / "specialty.yaml").read_text("utf-8"))
    paths.append(national_docx(source, root / "national.docx", Variant(numbering="auto")))
    plain = docx.Document()
    plain.sections[0].header.paragraphs[0].text = "页眉"
    plain.add_paragraph("正文")
    plain.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].text = "单元格"
    plain.save(str(root / "plain.docx"))
    paths.append(root / "plain.docx")
    return paths


def _problems(path: Path) -> tuple[list[Problem], list[object]]:
    """Problems as an import reports them: on a body paragraph, a table cell and the file."""
    word = read_word(path)
    paragraphs = list(word.tree.iter(f"{W}p"))
    in_cell = next((p for p in paragraphs if p.getparent().tag == f"{W}tc"), None)
    loud = "".join(HOSTILE)
    problems = [
        Problem(drafting_rules.NOT_WORKING_COPY, loud, "", None, HOSTILE[0]),
        Problem(
            drafting_rules.NOT_WORKING_COPY, "段落", "段3", paragraphs[min(3, len(paragraphs) - 1)]
        ),
        Problem(drafting_rules.NOT_WORKING_COPY, "单元格", "表1:行1:列1", in_cell, "提示"),
    ]
    return problems, paragraphs


def _import_comments(root: Path) -> Files:
    """`zhibiao import docx`: the …-意见.docx copy of every kind of returned file."""
    made: Files = {}
    for path in _returned_files(root):
        problems, paragraphs = _problems(path)
        shown = path.relative_to(root).with_name(comments_name(path)).as_posix()
        made[shown.replace("/", "-")] = annotated(path, problems, paragraphs)
    return made


def _laid_out(data: bytes) -> list[str]:
    """Page texts as LibreOffice would give them: a cover, the 目次, one page per heading
    a PAGEREF names (its footer number printed), the 版记 last on an odd page, so that
    `place_record` adds the blank page in front of it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml")
    texts = list(dict.fromkeys(heading_texts(etree.fromstring(document)).values()))
    pages = ["封面", "目 次\n" + "\n".join(f"{t} ........ 1" for t in texts)]
    pages += [f"{text}\n\n— {n} —" for n, text in enumerate(texts, start=1)]
    if len(pages) % 2 == 1:
        pages.append("正文")
    return [*pages, f"抄送：各单位\n{RECORD_MARK}"]


def _filled_pages(_: Path) -> Files:
    """`--toc-pages` and `export pdf`: page numbers filled into the 目次 and the 版记 moved
    to an even page, from a layout pass (given here, so no LibreOffice is needed)."""
    config = with_profile(ProjectConfig(), "gbt9704")
    made: Files = {}
    for output in render_trees(compose_corpus(full_corpus(), config), config):
        pages = _laid_out(output.data)
        filled = fill(output.data, pages)
        if filled is not None:
            made[f"目次-{output.name}"] = filled
        if has_record(output.data):
            made[f"版记-{output.name}"] = place_record(filled or output.data, pages)
    assert any(n.startswith("目次-") for n in made) and any(n.startswith("版记-") for n in made)
    return made


def _site_matrix(root: Path) -> Files:
    """The 能力矩阵（Excel） download of a site page (`builder.site.matrixfiles`)."""
    config = ProjectConfig()
    made: Files = {}
    for name, corpus in _corpora().items():
        trees = compose_corpus(corpus, config)
        for page, path in MatrixWorkbook().collect(corpus, config, trees, root / name).items():
            made[f"{name}-{page.replace('/', '-')}.xlsx"] = path.read_bytes()
    return made


WRITERS: dict[str, Callable[[Path], Files]] = {
    "comments-form-docx": lambda _: _forms(form_docx, ".docx"),
    "comments-form-xlsx": lambda _: _forms(form_xlsx, ".xlsx"),
    "comments-report": _comments_report,
    "conform-report": _conform_report,
    "import-comments": _import_comments,
    "toc-and-record-pages": _filled_pages,
    "reference-template": lambda _: {"reference.docx": build_reference()},
    "site-matrix-xlsx": _site_matrix,
}
"""Writer → the files it makes (name → bytes), from a scratch folder of its own."""


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    root = tmp_path_factory.mktemp("ooxml-writers")
    made: dict[str, list[Path]] = {}
    for writer, make in WRITERS.items():
        out = root / "out" / writer
        out.mkdir(parents=True)
        for name, data in make(root / "work" / writer).items():
            (out / name).write_bytes(data)
            made.setdefault(writer, []).append(out / name)
    return made


@pytest.mark.slow
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_writer_output_is_valid(written: dict[str, list[Path]], writer: str) -> None:
    paths = written[writer]
    assert paths, writer
    checker = validator()
    problems: dict[str, list[str]] = {}
    for path in paths:
        found, _ = findings(checker, path)
        if path.suffix == ".docx":
            found += misplaced(path.read_bytes()) + undefined(path.read_bytes())
        if found:
            problems[path.name] = found[:5]
    assert problems == {}


def test_comments_use_the_files_own_comment_styles(tmp_path: Path) -> None:
    """A Chinese Word file names 批注文字/批注引用 a5/a6: the comments use those, no second
    style of the same name is added; a file without them gets Word's definitions."""
    document = docx.Document()
    document.add_paragraph("正文")
    for name, style_id, kind in (
        ("annotation text", "a5", WD_STYLE_TYPE.PARAGRAPH),
        ("annotation reference", "a6", WD_STYLE_TYPE.CHARACTER),
    ):
        document.styles.add_style(name, kind).style_id = style_id
    chinese = tmp_path / "中文.docx"
    document.save(str(chinese))
    problem = Problem(drafting_rules.NOT_WORKING_COPY, "意见", "")
    data = annotated(chinese, [problem], [])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        comments = archive.read("word/comments.xml").decode()
        styles = archive.read("word/styles.xml").decode()
    assert 'w:pStyle w:val="a5"' in comments and 'w:rStyle w:val="a6"' in comments
    assert styles.count('w:val="annotation text"') == 1 and "CommentText" not in styles
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    data = annotated(plain, [problem], [])
    assert undefined(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert 'w:styleId="CommentText"' in styles and 'w:styleId="CommentReference"' in styles


def test_the_reference_check_sees_dangling_names() -> None:
    """`undefined` reports a style, numbering or relationship that nothing defines."""
    document = docx.Document()
    paragraph = document.add_paragraph("x")
    paragraph._p.get_or_add_pPr().get_or_add_pStyle().set(f"{W}val", "NoSuchStyle")
    num = paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId()
    num.set(f"{W}val", "77")
    raw = io.BytesIO()
    document.save(raw)
    found = undefined(raw.getvalue())
    assert "word/document.xml: <pStyle> names undefined style NoSuchStyle" in found
    assert "word/document.xml: <numId> names undefined numbering 77" in found
    blank = io.BytesIO()
    docx.Document().save(blank)
    assert not any("document.xml" in line for line in undefined(blank.getvalue()))


# Where builder/ writes an Office file, and which writer covers it: a name of `WRITERS`, or
# `export:<kind>` for the fixture of tests/test_ooxml_valid.py (its kinds by prefix).
COVERED = {
    "builder/docx/pool.py:render_one": "export:examples",
    "builder/docx/export.py:render_trees": "export:notice+reference",
    "builder/docx/editable.py:render_editable": "export:examples-editable",
    "builder/docx/template.py:build_reference": "reference-template",
    "builder/docx/tocpages.py:fill": "toc-and-record-pages",
    "builder/docx/recordpage.py:place_record": "toc-and-record-pages",
    "builder/diff/render_docx.py:render_docx": "export:diff",
    "builder/opendata/xlsx_export.py:export_xlsx": "export:xlsx",
    "builder/opendata/xlsx_export.py:_made": "site-matrix-xlsx",  # also the open data's
    "builder/comments/docxout.py:table_document": "comments-report",
    "builder/comments/forms.py:form_xlsx": "comments-form-xlsx",
    "builder/drafting/annotate.py:annotated": "import-comments",
}
"""Every place that makes an Office file's bytes (not the primitives `to_bytes` and
`workbook_bytes` themselves, whose callers are listed)."""

_PRIMITIVES = {"builder/docx/package.py:to_bytes", "builder/opendata/xlsx_export.py:workbook_bytes"}


def _writes(call: ast.Call, office: bool) -> bool:
    """A call that makes an Office file: `to_bytes(…)`, `workbook_bytes(…)`, `.save(…)` in a
    module that imports python-docx or openpyxl, `ZipFile(…, "w")`."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    if name in ("to_bytes", "workbook_bytes"):
        return True
    if name == "save" and office and call.args:
        return True
    modes = [a.value for a in call.args[1:2] if isinstance(a, ast.Constant)]
    return name == "ZipFile" and modes == ["w"]


def _office_writers() -> set[str]:
    found = set()
    for path in sorted((REPO / "builder").rglob("*.py")):
        source = path.read_text("utf-8")
        office = "import docx" in source or "from docx" in source or "openpyxl" in source
        tree = ast.parse(source)
        for scope, node in _scoped(tree):
            if isinstance(node, ast.Call) and _writes(node, office):
                found.add(f"{path.relative_to(REPO).as_posix()}:{scope}")
    return found - _PRIMITIVES


def _scoped(tree: ast.Module) -> list[tuple[str, ast.AST]]:
    """Every node with the qualified name of the top-level function (or class.method) it is in."""
    pairs: list[tuple[str, ast.AST]] = []
    for top in tree.body:
        if isinstance(top, ast.FunctionDef | ast.AsyncFunctionDef):
            pairs += [(top.name, node) for node in ast.walk(top)]
        elif isinstance(top, ast.ClassDef):
            for item in top.body:
                if isinstance(item, ast.FunctionDef):
                    pairs += [(f"{top.name}.{item.name}", node) for node in ast.walk(item)]
    return pairs


def test_every_writer_is_covered() -> None:
    assert _office_writers() == set(COVERED)
    for where, writer in COVERED.items():
        kind = writer.removeprefix("export:")
        assert writer in WRITERS or any(k.startswith(kind) for k in KINDS), where
