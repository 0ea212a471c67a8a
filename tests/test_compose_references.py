"""GB/T 1.1 规范性引用文件 and 参考文献 in every kind of document."""

from __future__ import annotations

from builder.compose import compose_document
from builder.compose.doctree import Heading, ListBlock, Paragraph
from builder.compose.meta import NORMATIVE_LEAD
from tests.compose_models import CONFIG, small_corpus
from tests.doctree_helpers import headings, text
from tests.kitchen_sink import full_corpus


def _trees(corpus):  # type: ignore[no-untyped-def]
    return {item.kind: compose_document(item, corpus, CONFIG) for item in corpus.documents}


def test_normative_references_form_chapter_two_with_the_lead_in() -> None:
    trees = _trees(full_corpus())
    assert headings(trees["internship"])[:2] == ["1 适用范围", "2 规范性引用文件"]
    assert headings(trees["training_base"])[:2] == ["1 适用范围", "2 规范性引用文件"]
    assert headings(trees["course"])[2:4] == ["二、课程性质与任务", "三、规范性引用文件"]
    blocks = trees["internship"].blocks
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.number == "2")
    lead, entries = blocks[start + 1], blocks[start + 2]
    assert isinstance(lead, Paragraph) and text(lead.content) == NORMATIVE_LEAD
    assert isinstance(entries, ListBlock)
    assert text(entries.items[0]) == "GB/T 35295—2017 信息技术 大数据 术语"


def test_training_base_cites_only_its_own_normative_references() -> None:
    """The companion specialty and course standards are not added to 规范性引用文件."""
    tree = _trees(full_corpus())["training_base"]
    entries = next(b for b in tree.blocks if isinstance(b, ListBlock))
    assert [text(e) for e in entries.items] == [
        "GB/T 35295—2017 信息技术 大数据 术语",
        "GB 50016—2014 建筑设计防火规范",
    ]


def test_specialty_keeps_its_eleven_elements() -> None:
    tree = _trees(full_corpus())["specialty"]
    numbered = [h for h in headings(tree) if h[0].isdigit() and "." not in h.split()[0]]
    assert len(numbered) == 11 and numbered[1] == "2 专业名称（专业代码）"
    chapter_two = next(
        i for i, b in enumerate(tree.blocks) if isinstance(b, Heading) and b.number == "2"
    )
    inside_overview = [
        text(b.content) for b in tree.blocks[:chapter_two] if isinstance(b, Paragraph)
    ]
    assert NORMATIVE_LEAD in inside_overview


def test_no_references_no_chapter_except_the_training_base() -> None:
    trees = _trees(small_corpus())
    assert "2 规范性引用文件" not in headings(trees["internship"])
    assert "2 实习目标" in headings(trees["internship"])
    assert not any(
        NORMATIVE_LEAD in text(b.content)
        for b in trees["specialty"].blocks
        if isinstance(b, Paragraph)
    )


def test_bibliography_closes_the_document_numbered_in_brackets() -> None:
    for kind, tree in _trees(full_corpus()).items():
        heading = next(
            i for i, b in enumerate(tree.blocks) if isinstance(b, Heading) and b.title == "参考文献"
        )
        rest = [text(b.content) for b in tree.blocks[heading + 1 :] if isinstance(b, Paragraph)]
        assert rest[:2] == [
            "[1]\u2002《职业教育专业目录（2021年）》",
            "[2]\u2002《职业学校学生实习管理规定》（教职成〔2021〕4号）",
        ], kind
        assert not tree.blocks[heading].number
