"""The GB/T 1.1 structure profile (`docx.profile: gbt1.1`), off by default (issue 17 §1,
issue 14 §3): the chapters 规范性引用文件 and 术语和定义 with their standard sentences."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from builder.checking.pipeline import run_check
from builder.compose import compose_corpus
from builder.compose.doctree import DocTree, Heading, Paragraph
from builder.docx.export import render_trees
from builder.docx.gbt11 import NO_NORMATIVE, NO_TERMS, required_chapters
from builder.read.config import DocxConfig
from builder.ruleset import open_project
from tests.docx_read import open_docx

REPO = Path(__file__).resolve().parent.parent


def _trees() -> tuple[list[DocTree], object]:
    project = open_project(REPO / "standards", None)
    corpus = run_check(project, base=REPO).corpus
    return compose_corpus(corpus, project.config), project.config


def _chapters(tree: DocTree) -> list[tuple[str, str]]:
    return [(b.number, b.title) for b in tree.blocks if isinstance(b, Heading) and b.level == 1]


def test_missing_chapters_follow_the_scope_and_the_rest_is_renumbered() -> None:
    trees, _ = _trees()
    base = next(t for t in trees if t.doc_id == "510209/training_base")
    assert ("2", "规范性引用文件") not in _chapters(base)
    done = required_chapters(base)
    chapters = _chapters(done)
    assert chapters[:4] == [
        ("1", "适用范围"),
        ("2", "规范性引用文件"),
        ("3", "术语和定义"),
        ("4", "基本要求"),
    ]
    assert [n for n, _ in chapters[3:]] == [str(n) for n in range(4, len(chapters) + 1)]
    clauses = [b.number for b in done.blocks if isinstance(b, Heading) and b.level == 2]
    before = [b.number for b in base.blocks if isinstance(b, Heading) and b.level == 2]
    assert clauses == [f"{int(n.split('.')[0]) + 2}.{n.split('.', 1)[1]}" for n in before]
    texts = [b.content[0] for b in done.blocks if isinstance(b, Paragraph)]
    assert NO_NORMATIVE in texts and NO_TERMS in texts
    assert required_chapters(done) == done  # applying it twice changes nothing


def test_the_specialty_standard_keeps_its_eleven_elements() -> None:
    trees, _ = _trees()
    specialty = next(t for t in trees if t.doc_id == "510209/specialty")
    assert required_chapters(specialty) == specialty


def test_off_by_default_and_on_when_the_project_asks() -> None:
    trees, config = _trees()
    chosen = [t for t in trees if t.doc_id in ("510209/training_base", "510209/specialty")]
    assert config.docx.profile == "faithful"  # type: ignore[attr-defined]
    faithful = render_trees(chosen, config)  # type: ignore[arg-type]
    texts = ["\n".join(p.text for p in open_docx(o.data).paragraphs) for o in faithful]
    assert not any(NO_TERMS in t for t in texts)
    strict = config.model_copy(  # type: ignore[attr-defined]
        update={"docx": DocxConfig(profile="gbt1.1")}
    )
    profiled = render_trees(chosen, strict)
    by_name = {o.name: "\n".join(p.text for p in open_docx(o.data).paragraphs) for o in profiled}
    base = by_name["510209-实训基地建设标准.docx"]
    lines = base.split("\n")
    at = lines.index(NO_NORMATIVE)
    assert lines[at - 1].endswith("规范性引用文件") and lines[at + 1].endswith("术语和定义")
    assert lines[at + 2] == NO_TERMS
    assert NO_NORMATIVE in base and NO_TERMS in base
    assert NO_TERMS not in by_name["510209-专业教学标准.docx"]


@given(
    st.lists(st.sampled_from(["范围", "要求", "规范性引用文件", "术语和定义", "试验"]), max_size=6)
)
def test_chapters_stay_numbered_one_to_n_with_both_required_ones(titles: list[str]) -> None:
    blocks = tuple(
        block
        for n, title in enumerate(titles, start=1)
        for block in (Heading(1, title, str(n)), Heading(2, "条", f"{n}.1"), Paragraph(("文字",)))
    )
    tree = DocTree("x/training_base", "training_base", "x.md", _cover(), blocks)
    done = required_chapters(tree)
    chapters = _chapters(done)
    if not titles:
        assert done == tree
        return
    assert [n for n, _ in chapters] == [str(i) for i in range(1, len(chapters) + 1)]
    names = [t for _, t in chapters]
    assert "规范性引用文件" in names and "术语和定义" in names
    assert [t for t in names if t in titles] == titles  # the document's own chapters, in order
    clauses = [(b.number) for b in done.blocks if isinstance(b, Heading) and b.level == 2]
    owners = [
        b.number
        for b in done.blocks
        if isinstance(b, Heading) and b.level == 1 and b.title in titles
    ]
    assert [c.split(".")[0] for c in clauses] == owners


def _cover():  # type: ignore[no-untyped-def]
    from builder.compose.doctree import CoverInfo

    return CoverInfo("标题", "实训基地建设标准", None, None, None, "发布", "2025", None, None)
