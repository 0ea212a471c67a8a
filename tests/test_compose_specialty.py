"""专业教学标准 composition: eleven elements, 职业面向, course plan totals and shares, notices."""

from __future__ import annotations

from builder.compose import compose_document, page_path
from builder.compose.doctree import Link, ListBlock, Notice, Paragraph, Table
from tests.compose_models import CONFIG, loaded, meta, small_corpus, specialty
from tests.doctree_helpers import anchors, headings, links, row_texts, table, text


def _tree(corpus=None):  # type: ignore[no-untyped-def]
    corpus = corpus or small_corpus()
    return compose_document(corpus.specialties["510209"].specialty, corpus, CONFIG)


def test_eleven_elements_in_order_with_arabic_numbers() -> None:
    tree = _tree()
    top = [h for h in headings(tree) if "." not in h.split(" ")[0]]
    assert top == [
        "1 概述",
        "2 专业名称（专业代码）",
        "3 入学基本要求",
        "4 基本修业年限",
        "5 职业面向",
        "6 培养目标",
        "7 培养规格",
        "8 课程设置及学时安排",
        "9 师资队伍",
        "10 教学条件",
        "11 质量保障和毕业要求",
    ]
    assert "7.1 素质" in headings(tree) and "7.2 能力" in headings(tree)
    assert "8.1.1 公共基础课程" in headings(tree) and "8.2 学时安排" in headings(tree)
    assert "11.2 毕业要求" in headings(tree)
    assert tree.page == "510209/specialty.md" and tree.doc_id == "510209/specialty"
    assert all(a.isascii() for a in anchors(tree))


def test_career_table_is_label_value() -> None:
    rows = row_texts(table(_tree(), "表1 职业面向"))
    assert rows[0] == ["所属专业大类（代码）", "电子与信息大类（51）"]
    assert ["主要职业类别（代码）", "人工智能训练师S（4-04-05-05）"] in rows


def test_course_plan_totals_and_shares() -> None:
    tree = _tree()
    plan = table(tree, "表2 课程设置及学时安排")
    assert plan.total_row
    rows = row_texts(plan)
    assert rows[-1][:7] == ["合计", "", "5 门", "352", "216", "136", "22"]
    assert rows[4][-1] == "选修"
    shares = {r[0]: r[1:] for r in row_texts(table(tree, "表3 学时结构"))}
    assert shares["总学时"] == ["352", "100%", "≥ 2500 学时"]
    assert shares["公共基础课程学时"] == ["176", "50.0%", "≥ 25%"]
    assert shares["选修课程学时"] == ["48", "13.6%", "≥ 10%"]
    assert shares["实践性教学学时"] == ["136", "38.6%", "≥ 50%"]


def test_course_names_link_to_course_standards_only_when_they_exist() -> None:
    plan = table(_tree(), "表2 课程设置及学时安排")
    names = {r[1].content[0]: r[2].content[0] for r in plan.rows[:-1]}
    assert names["ZH01"] == Link("数据采集与标注", "510209/courses/ZH01.md")
    assert names["GG01"] == "思想道德与法治"


def test_specs_link_to_competency_anchors() -> None:
    targets = {link.target for link in links(_tree().blocks)}
    assert "510209/competencies.md#c-1-2-1" in targets
    assert "510209/internship.md" in targets and "510209/training-base.md" in targets


def test_without_competency_list_refs_stay_plain_text() -> None:
    tree = _tree(small_corpus(with_all=False))
    assert not any("#c-" in link.target for link in links(tree.blocks))


def test_draft_notice_carries_deadline() -> None:
    notice = _tree().blocks[0]
    assert isinstance(notice, Notice) and notice.kind == "draft"
    assert "征求意见截止日期：2025年12月31日" in text(notice.text)


def test_replaced_document_points_to_successor() -> None:
    old = specialty(
        meta=meta(
            "人工智能技术应用专业教学标准（2019）",
            status="被代替",
            standard_no="T/CIE 101—2019",
            replaced_by="T/CIE 101—2025",
        ),
        code="510209",
    )
    new = specialty(meta={**meta("人工智能技术应用专业教学标准"), "standard_no": "T/CIE 101—2025"})
    corpus = small_corpus(with_all=False)
    corpus.documents = [loaded(new, "specialty.yaml"), loaded(old, "old/specialty.yaml")]
    corpus.group()
    tree = compose_document(corpus.documents[1], corpus, CONFIG)
    notice = tree.blocks[0]
    assert isinstance(notice, Notice) and notice.kind == "retired"
    assert Link("《人工智能技术应用专业教学标准》", "510209/specialty.md") in notice.text
    assert "T/CIE 101—2025" in text(notice.text)


def test_published_document_has_no_notice() -> None:
    published = specialty(
        meta={
            "title": "人工智能技术应用专业教学标准",
            "version": "2025",
            "status": "发布",
            "standard_no": "T/CIE 101—2025",
            "issued_on": "2025-09",
        }
    )
    corpus = small_corpus(with_all=False)
    corpus.documents = [loaded(published, "specialty.yaml")]
    corpus.group()
    tree = compose_document(corpus.documents[0], corpus, CONFIG)
    assert not any(isinstance(b, Notice) for b in tree.blocks)
    assert tree.cover.issued_on == "2025-09" and tree.cover.standard_no == "T/CIE 101—2025"
    assert page_path(corpus.documents[0]) == "510209/specialty.md"


def test_national_plan_without_hours_uses_declared_shares() -> None:
    bare = [
        {
            "code": "ZH01",
            "name": "数据采集与标注",
            "nature": "专业核心",
            "standard": "courses/zh01.yaml",
            "domain": "数据服务",
            "content": "数据采集、清洗与标注。",
        },
        {"code": "GG01", "name": "思想道德与法治", "nature": "公共基础"},
    ]
    plan = {
        "total_hours": 2600,
        "public_share": 0.25,
        "elective_share": 0.1,
        "practice_share": 0.55,
        "text": "总学时一般为 2600 学时。",
    }
    corpus = small_corpus(with_all=False)
    corpus.documents = [loaded(specialty(courses=bare, hours_plan=plan), "specialty.yaml")]
    corpus.group()
    tree = compose_document(corpus.documents[0], corpus, CONFIG)
    captions = [b.caption for b in tree.blocks if isinstance(b, Table)]
    assert "表3 课程设置及学时安排" not in captions
    shares = {r[0]: r[1:] for r in row_texts(table(tree, "表3 学时结构"))}
    assert table(tree, "表3 学时结构").header == ("项目", "学时安排中的声明", "要求")
    assert shares["总学时"] == ["2600 学时", "≥ 2500 学时"]
    assert shares["实践性教学学时占比"] == ["55.0%", "≥ 50%"]
    described = row_texts(table(tree, "表2 专业核心课程主要教学内容"))
    assert described == [["ZH01 数据采集与标注", "数据服务", "数据采集、清洗与标注。"]]
    # the described group is not listed a second time; the undescribed one keeps its list
    lists = [text(item) for b in tree.blocks if isinstance(b, ListBlock) for item in b.items]
    assert "GG01 思想道德与法治" in lists and "ZH01 数据采集与标注" not in lists
    assert any(
        "学时与占比取自学时安排中的声明" in text(b.content)
        for b in tree.blocks
        if isinstance(b, Paragraph)
    )


def test_rows_without_some_figures_have_no_false_totals() -> None:
    rows = [dict(c) for c in specialty().model_dump()["courses"]]
    rows[0]["credits"] = None
    corpus = small_corpus(with_all=False)
    corpus.documents = [loaded(specialty(courses=rows), "specialty.yaml")]
    corpus.group()
    plan = row_texts(
        table(compose_document(corpus.documents[0], corpus, CONFIG), "表2 课程设置及学时安排")
    )
    assert plan[0][6] == "—" and plan[-1][6] == "—" and plan[-1][3] == "352"


def test_publish_notice_and_patent_statement_and_references() -> None:
    notice = {"doc_no": "教职成函〔2025〕3号", "issuer": "教育部", "date": "2025-02"}
    doc = specialty(
        meta={
            **meta("人工智能技术应用专业教学标准"),
            "published_by": notice,
            "patent_statement": "本文件不涉及专利。",
            "references": ["《职业教育专业目录（2021年）》"],
        }
    )
    corpus = small_corpus(with_all=False)
    corpus.documents = [loaded(doc, "specialty.yaml")]
    corpus.group()
    tree = compose_document(corpus.documents[0], corpus, CONFIG)
    assert tree.cover.doc_no == "教职成函〔2025〕3号" and tree.cover.issuer == "教育部"
    assert tree.cover.issued_on == "2025-02"
    assert isinstance(tree.blocks[1], Notice) and "本文件不涉及专利" in text(tree.blocks[1].text)
    assert headings(tree)[-1] == "参考文献"
