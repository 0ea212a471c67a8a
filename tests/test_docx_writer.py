"""Word export: structure of the rendered documents, read back with python-docx."""

from __future__ import annotations

from dataclasses import replace

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from builder.compose.doctree import Cell, Paragraph, Table
from builder.docx.package import to_bytes
from builder.docx.profiles import GBT11, GBT9704
from builder.docx.writer import render
from tests.docx_read import footer_texts, headings, instructions, open_docx, style_fonts
from tests.docx_trees import COURSES, course_tree, specialty_tree, training_base_tree


def _bytes_of(tree, profile):  # type: ignore[no-untyped-def]
    return to_bytes(render(tree, profile))


def test_standard_profile_headings_and_numbering() -> None:
    document = open_docx(_bytes_of(specialty_tree(), GBT11))
    found = headings(document)
    assert found[:8] == [
        "1\u3000概述",
        "2\u3000专业名称（专业代码）",
        "3\u3000入学基本要求",
        "4\u3000基本修业年限",
        "5\u3000职业面向",
        "6\u3000培养目标",
        "7\u3000培养规格",
        "7.1\u3000素质",
    ]
    assert "8.1.1\u3000专业核心课程" in found
    assert found[-2:] == ["附录A 职业能力与课程对应关系", "A.1\u3000对应关系矩阵"]
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["1\u3000概述"] == "标准章标题"
    assert styles["7.1\u3000素质"] == "标准一级条标题"
    assert styles["8.1.1\u3000专业核心课程"] == "标准二级条标题"


def test_gongwen_profile_numbers_headings_in_gongwen_style() -> None:
    document = open_docx(_bytes_of(course_tree(), GBT9704))
    assert headings(document) == [
        "一、课程基本信息",
        "二、课程性质与任务",
        "三、课程目标",
        "（一）素质目标",
        "（二）能力目标",
        "1.模型训练",
        "（1）超参数调优",
        "四、课程内容",
        "五、考核评价",
    ]
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["三、课程目标"] == "公文一级标题"
    assert styles["（一）素质目标"] == "公文二级标题"
    assert styles["1.模型训练"] == "公文三级标题"
    assert styles["（1）超参数调优"] == "公文四级标题"


def test_tables_have_repeating_header_widths_and_totals() -> None:
    document = open_docx(_bytes_of(specialty_tree(), GBT11))
    captions = [p.text for p in document.paragraphs if p.style.name == "标准表题"]
    assert captions == [
        "表1 职业面向",
        "表3 课程设置及学时安排",
        "表A.1 职业能力与专业核心课程对应关系",
    ]
    courses = document.tables[1]
    assert len(courses.rows) == 1 + len(COURSES) + 1
    assert [c.text for c in courses.rows[0].cells][:4] == [
        "课程代码",
        "课程名称",
        "课程性质",
        "学时",
    ]
    header = courses.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None
    for row in courses.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    for row in courses.rows[1:]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is None
    total = courses.rows[-1]
    assert total.cells[0].text == "合计"
    assert total.cells[3].text == str(sum(c[3] for c in COURSES))
    assert all(run.bold for cell in total.cells for p in cell.paragraphs for run in p.runs)
    text_width = round(GBT11.geometry.text_width / 25.4 * 1440)
    for table in document.tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) == text_width
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
        for row in table.rows:
            widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in row._tr.tc_lst]
            assert widths == grid


def _close(length: int, mm: float) -> bool:
    return abs(length - Mm(mm)) < Mm(0.05)


def test_page_geometry_per_profile() -> None:
    for tree, profile in ((specialty_tree(), GBT11), (course_tree(), GBT9704)):
        document = open_docx(_bytes_of(tree, profile))
        geometry = profile.geometry
        for section in document.sections:
            assert _close(section.page_width, 210) and _close(section.page_height, 297)
            assert _close(section.top_margin, geometry.top)
            assert _close(section.left_margin, geometry.left)
            width = section.page_width - section.left_margin - section.right_margin
            assert _close(width, geometry.text_width)
    gongwen = GBT9704.geometry
    assert (gongwen.top, gongwen.left, gongwen.text_width) == (37, 28, 156)
    assert gongwen.height - gongwen.top - gongwen.bottom == 225


def test_east_asian_fonts_are_set_on_styles() -> None:
    document = open_docx(_bytes_of(course_tree(), GBT9704))
    expected = {
        "公文正文": "仿宋_GB2312",
        "公文一级标题": "黑体",
        "公文二级标题": "楷体_GB2312",
        "公文三级标题": "仿宋_GB2312",
        "公文标题": "方正小标宋简体",
        "页码": "宋体",
        "标准正文": "宋体",
        "标准章标题": "黑体",
    }
    for style, font in expected.items():
        fonts = style_fonts(document, style)
        assert fonts["eastAsia"] == font, style
        assert not any(key.endswith("Theme") or key == "cstheme" for key in fonts), style
        lang = document.styles[style].element.rPr.find(qn("w:lang"))
        assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert document.styles["公文正文"].font.size.pt == 16
    assert document.styles["页码"].font.size.pt == 14
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"


def test_toc_field_and_page_number_fields() -> None:
    document = open_docx(_bytes_of(specialty_tree(), GBT11))
    body = instructions(document.element.body)
    assert body[0].startswith("TOC \\o")
    # 11 chapters + 附录A and the 8 clauses of depth 2 (7.1 … 11.2, A.1)
    assert sum(item.startswith("PAGEREF _Toc") for item in body) == 20
    bookmarks = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
    assert {item.split()[1] for item in body if item.startswith("PAGEREF")} == bookmarks
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    assert document.settings.odd_and_even_pages_header_footer
    assert not any("目次为 Word 域" in p.text for p in document.paragraphs)  # no instructions
    first, front, main = document.sections
    assert first.different_first_page_header_footer
    assert instructions(first.footer._element) == ["PAGE"]
    assert instructions(first.even_page_footer._element) == ["PAGE"]
    number_formats = [s._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt")) for s in (front, main)]
    assert number_formats == ["upperRoman", "decimal"]


def test_gongwen_page_numbers_odd_right_even_left() -> None:
    document = open_docx(_bytes_of(course_tree(), GBT9704))
    # the 目录 section has no page number on any of its pages; the body starts at — 1 —
    assert footer_texts(document.sections[0]) == ["", ""]
    section = document.sections[1]
    assert footer_texts(section) == ["— 1 —", "— 1 —"]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == 2 and even.alignment == 0  # RIGHT, LEFT
    assert odd.paragraph_format.right_indent.pt == 14
    assert even.paragraph_format.left_indent.pt == 14
    assert odd.style.name == "页码"


def test_drafts_are_marked_and_published_documents_are_not() -> None:
    draft = open_docx(_bytes_of(specialty_tree(), GBT11))
    texts = [p.text for p in draft.paragraphs]
    assert "（征求意见稿）" in texts
    assert any("专利" in text for text in texts)
    header = draft.sections[0].header.paragraphs[0].text
    assert header == "T/CIE 101—2026\u3000征求意见稿"
    course = open_docx(_bytes_of(course_tree(), GBT9704))
    assert "（送审稿）" in [p.text for p in course.paragraphs]
    assert course.sections[0].header.paragraphs[0].text == "送审稿"
    published = open_docx(_bytes_of(training_base_tree(), GBT11))
    texts = [p.text for p in published.paragraphs]
    assert not any(text.startswith("（") and text.endswith("稿）") for text in texts)
    assert "2026-06-30 发布\t2026-09-01 实施" in texts
    assert published.sections[0].header.paragraphs[0].text == "T/CIE 104—2026"


def test_preface_is_built_from_cover_data() -> None:
    document = open_docx(_bytes_of(specialty_tree(), GBT11))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("前\u3000\u3000言")
    preface = texts[start + 1 : start + 8]
    assert preface[0].startswith("本文件按照GB/T 1.1—2020")
    assert "本文件代替T/CIE 101—2021。" in preface
    assert "本文件主要起草人：王立新、陈静、刘海峰、赵敏。" in preface


def test_same_input_gives_identical_bytes() -> None:
    first = _bytes_of(specialty_tree(), GBT11)
    second = _bytes_of(specialty_tree(), GBT11)
    assert first == second
    core = open_docx(first).core_properties
    assert core.title == "高等职业教育专科人工智能技术应用专业教学标准"
    assert core.created.year == 2000 and core.revision == 1


def test_word_toc_styles_follow_the_profile() -> None:
    for tree, profile, base in (
        (specialty_tree(), GBT11, "标准目次2"),
        (course_tree(), GBT9704, "公文目录2"),
    ):
        styles = open_docx(_bytes_of(tree, profile)).styles.element
        based = styles.xpath('w:style[w:name/@w:val="toc 2"]/w:basedOn/@w:val')
        assert len(based) == 1
        assert styles.xpath(f'w:style[@w:styleId="{based[0]}"]/w:name/@w:val') == [base]


def test_wide_tables_get_a_landscape_page() -> None:
    tree = specialty_tree()
    wide = Table(
        caption="表B.1 职业能力培养矩阵",
        header=("编码", *(f"ZH{n:02d}" for n in range(1, 15))),
        rows=tuple(
            (Cell((f"1-1-{row}",)), *(Cell(("掌握",)) for _ in range(14))) for row in range(1, 6)
        ),
        widths=(2, *([1] * 14)),
    )
    blocks = (*tree.blocks, wide, Paragraph(("矩阵之后的正文。",)))
    document = open_docx(_bytes_of(replace(tree, blocks=blocks), GBT11))
    *_, turned, back = document.sections
    assert turned.orientation == 1 and _close(turned.page_width, 297)
    assert back.orientation == 0 and _close(back.page_width, 210)
    for section in (turned, back):
        numbering = section._sectPr.find(qn("w:pgNumType"))
        assert numbering.get(qn("w:start")) is None  # numbering continues
    grid = document.tables[-1]._tbl.tblGrid.findall(qn("w:gridCol"))
    assert sum(int(col.get(qn("w:w"))) for col in grid) == round((297 - 25 - 20) / 25.4 * 1440)


@pytest.mark.parametrize(
    ("words", "landscape"),
    [
        (("Python", "Linux", "MySQL", "Docker", "Git", "Java"), False),
        (
            (
                "TensorFlow/PyTorch/PaddlePaddle",
                "Kubernetes/OpenShift/Rancher",
                "ElasticSearch/Logstash/Kibana",
                "PostgreSQL/MySQL/SQLServer",
                "RabbitMQ/Kafka/RocketMQ",
                "OpenCV/Pillow/scikit-image",
            ),
            True,
        ),
    ],
)
def test_a_table_whose_words_cannot_fit_portrait_is_turned(
    words: tuple[str, ...], landscape: bool
) -> None:
    """Fewer than 12 columns, but each holding a long unbreakable product name: the
    portrait text block cannot hold them without cutting words, so the table is turned."""
    tree = specialty_tree()
    table = Table(
        caption="表B.2 平台与工具",
        header=tuple(f"方向{n}" for n in range(1, 7)),
        rows=((tuple(Cell((w,)) for w in words)),),
        widths=(1,) * 6,
    )
    blocks = (*tree.blocks, table, Paragraph(("表后正文。",)))
    document = open_docx(_bytes_of(replace(tree, blocks=blocks), GBT11))
    turned = [s.orientation for s in document.sections].count(1)
    assert (turned == 1) == landscape
