"""Word export: cover lines, 前言 statements, the 公文 head and 落款, numeric columns."""

from __future__ import annotations

from dataclasses import replace

from docx.enum.text import WD_ALIGN_PARAGRAPH

from builder.compose.doctree import Cell, DocTree, Heading, Notice, Paragraph, Table
from builder.docx.cover import _dates_line, _title_lines, preface, statements
from builder.docx.package import to_bytes
from builder.docx.profiles import GBT11, GBT9704
from builder.docx.tables import _numeric_columns
from builder.docx.writer import render
from tests.docx_read import open_docx
from tests.docx_trees import COVER, course_tree, specialty_tree

PER_LINE = 17.0  # characters of 26 pt that fit on the 165 mm GB/T text block


def test_long_titles_break_at_a_natural_place() -> None:
    assert _title_lines(
        "高等职业学校智能交通技术运用专业实训教学条件建设标准", "实训教学条件建设标准", PER_LINE
    ) == ["高等职业学校智能交通技术运用", "专业实训教学条件建设标准"]
    assert _title_lines("高等职业学校电子商务专业顶岗实习标准", "顶岗实习标准", PER_LINE) == [
        "高等职业学校电子商务",
        "专业顶岗实习标准",
    ]
    assert _title_lines(
        "软件工程技术专业教学标准（高等职业教育本科）", "专业教学标准", PER_LINE
    ) == ["软件工程技术专业教学标准", "（高等职业教育本科）"]
    assert _title_lines("电子商务专业教学标准", "专业教学标准", PER_LINE) == [
        "电子商务专业教学标准"
    ]


def test_cover_dates_placeholders_only_on_drafts() -> None:
    assert _dates_line(COVER) == "XXXX-XX-XX 发布\tXXXX-XX-XX 实施"
    published = replace(COVER, status="发布", issued_on="2025-02-11", effective_on=None)
    assert _dates_line(published) == "2025-02-11 发布\t"


def test_preface_states_who_published_and_when_it_was_compiled() -> None:
    cover = replace(
        COVER,
        doc_no="电子行指委〔2026〕11号",
        compiled_on="2025-11",
        published_by="本文件由教育部于2026年3月20日以《关于公布……的通知》（教职成函〔2026〕4号）公布。",
    )
    lines = preface(cover)
    assert lines[0].startswith("本文件按照GB/T 1.1—2020")
    assert lines[1] == "本文件代替T/CIE 101—2021。" and "涉及专利" in lines[2]
    assert lines[-3:] == [
        "本文件发文字号：电子行指委〔2026〕11号。",
        cover.published_by,
        "本文件编制于2025年11月。",
    ]
    assert "本文件自2026年9月1日起施行。" in statements(
        replace(cover, effective_on="2026-09-01"), effective=True
    )


def _paragraphs(tree: DocTree, profile):  # type: ignore[no-untyped-def]
    document = open_docx(to_bytes(render(tree, profile)))
    return [p for p in document.paragraphs if p.text.strip()]


def test_patent_statement_is_on_the_cover_not_repeated_in_the_body() -> None:
    statement = "本文件的起草单位未识别出本文件涉及的专利。"
    tree = specialty_tree()
    tree = replace(
        tree,
        cover=replace(tree.cover, patent_statement=statement),
        blocks=(Notice("note", (f"专利说明：{statement}",)), *tree.blocks),
    )
    texts = [p.text for p in _paragraphs(tree, GBT11)]
    assert statement in texts  # the cover line replaces the generic GB/T 1.1 note
    assert not any("专利说明" in t for t in texts)
    assert "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。" not in texts


def test_gongwen_head_preface_and_signature() -> None:
    tree = course_tree()
    tree = replace(
        tree,
        cover=replace(
            tree.cover,
            status="试行",
            doc_no="示例院教〔2026〕8号",
            issued_on="2026-03-18",
            effective_on="2026-09-01",
            drafters=("欧阳靖",),
        ),
        blocks=(Notice("note", ("本文件正在试行。",)), *tree.blocks),
    )
    paragraphs = _paragraphs(tree, GBT9704)
    texts = [p.text for p in paragraphs]
    start = texts.index(tree.cover.title)
    assert texts[start + 1 : start + 6] == [
        "（试行）",
        "示例院教〔2026〕8号\u3000（2026 版）",
        "本文件正在试行。",
        "前言",
        texts[start + 5],
    ]
    assert "本文件主要起草人：欧阳靖。" in texts and "本文件自2026年9月1日起施行。" in texts
    assert texts[-2:] == [tree.cover.issuer, "2026年3月18日"]
    assert {p.style.name for p in paragraphs[-2:]} == {"公文署名"}
    # a draft is not signed
    draft = [
        p.text
        for p in _paragraphs(replace(tree, cover=replace(tree.cover, issued_on=None)), GBT9704)
    ]
    assert "2026年3月18日" not in draft and draft[-1] != tree.cover.issuer


def test_only_numeric_columns_are_centred() -> None:
    def cells(*values: str) -> tuple[Cell, ...]:
        return tuple(Cell((v,)) for v in values)

    info = Table(
        "表1 课程基本信息",
        ("项目", "内容"),
        (cells("课程名称", "数据采集"), cells("学分", "4")),
        (3, 7),
    )
    plan = Table(
        "表2 课程设置",
        ("课程", "学时", "开设学期"),
        (
            cells("体育", "108", "1–4"),
            cells("岗位实习", "582（23 周）", "5、6"),
            cells("合计", "690", ""),
        ),
        (4, 1, 1),
    )
    assert _numeric_columns(info, 2) == set()
    assert _numeric_columns(plan, 3) == {1, 2}
    document = open_docx(to_bytes(render(replace(course_tree(), blocks=(info,)), GBT9704)))
    [table] = document.tables
    assert table.rows[2].cells[1].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.CENTER


def test_documents_in_force_carry_no_status_line() -> None:
    from builder.docx.cover import running_header, status_mark

    revising = replace(COVER, status="修订中")
    assert status_mark(revising) == "" and running_header(revising) == "T/CIE 101—2026"
    assert status_mark(replace(COVER, status="试行")) == "（试行）"
    assert status_mark(replace(COVER, status="被代替")) == "（被代替）"


def test_references_close_the_document() -> None:
    refs = (
        Heading(1, "参考文献", "", "references"),
        Paragraph(("[1]\u2002《职业教育专业目录（2021年）》",)),
    )
    standard = replace(specialty_tree(), blocks=(*specialty_tree().blocks, *refs))
    paragraphs = _paragraphs(standard, GBT11)
    heading = next(p for p in paragraphs if p.text == "参考文献")
    assert heading.style.name == "标准目次前言标题"  # set like 前言, not as a chapter
    assert [p.text for p in paragraphs][-2] == "[1]\u2002《职业教育专业目录（2021年）》"
    course = course_tree()
    course = replace(
        course,
        cover=replace(course.cover, status="发布", issued_on="2026-03-18"),
        blocks=(*course.blocks, *refs),
    )
    texts = [p.text for p in _paragraphs(course, GBT9704)]
    # 署名 and 成文日期 end the text; the references follow like an attachment
    assert texts[-4:] == [course.cover.issuer, "2026年3月18日", "参考文献", refs[1].content[0]]


def test_codes_never_break_at_their_hyphens() -> None:
    from docx.oxml.ns import qn

    tree = replace(course_tree(), blocks=(Paragraph(("对应职业能力：2-1-1、4-04-05-05。",)),))
    document = open_docx(to_bytes(render(tree, GBT9704)))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("对应职业能力"))
    assert paragraph.text == "对应职业能力：2-1-1、4-04-05-05。"  # read back with plain hyphens
    assert len(paragraph._p.findall(f".//{qn('w:noBreakHyphen')}")) == 5
    assert "-" not in "".join(t.text for t in paragraph._p.iter(qn("w:t")))


def test_a_table_starts_with_at_least_two_rows_on_its_page() -> None:
    rows = tuple(tuple(Cell((f"{r}-{c}",)) for c in range(3)) for r in range(6))
    tree = replace(course_tree(), blocks=(Table("表1 课程设置", ("a", "b", "c"), rows, (1, 1, 1)),))
    document = open_docx(to_bytes(render(tree, GBT9704)))
    [table] = document.tables
    kept = [
        all(p.paragraph_format.keep_with_next for c in r.cells for p in c.paragraphs)
        for r in table.rows
    ]
    assert kept == [True, True, True, False, False, False, False]


def test_columns_are_wide_enough_for_their_longest_latin_word() -> None:
    from builder.docx.tables import column_widths, word_minimums

    header = ("职业能力", *(f"课程{i}" for i in range(12)), "Python程序设计")
    matrix = Table("表2 矩阵", header, (tuple(Cell(("掌握",)) for _ in header),), (1,) * 14)
    floors = word_minimums(matrix, 14, 9)
    assert floors[0] == 0 and floors[-1] > max(floors[:-1])  # "Python" is the longest word
    widths = column_widths(matrix.widths, 14, 10000, floors)
    assert sum(widths) == 10000 and widths[-1] >= floors[-1] > 10000 // 14
    # minimums that cannot all fit are ignored rather than overflowing the text block
    assert column_widths((1, 1), 2, 1000, [900, 900]) == [500, 500]
