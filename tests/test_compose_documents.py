"""课程标准, 岗位实习标准, 实训基地建设标准 composition and the corpus-level API."""

from __future__ import annotations

from pathlib import Path

from builder.compose import compose_corpus, compose_document, page_path
from builder.compose.doctree import Link
from builder.compose.text import cn_number, gongwen_number, join_lines, split_paragraphs
from builder.read.corpus import Loaded
from builder.view.anchors import ascii_id, file_name
from tests.compose_models import CONFIG, course, internship, loaded, small_corpus, training_base
from tests.doctree_helpers import anchors, headings, links, row_texts, table, text


def _doc(kind: str, index: int = 0):  # type: ignore[no-untyped-def]
    corpus = small_corpus()
    entry = corpus.specialties["510209"]
    item = {
        "course": entry.courses,
        "internship": entry.internships,
        "training_base": entry.training_bases,
    }[kind][index]
    return compose_document(item, corpus, CONFIG)


def test_course_uses_gongwen_numbering() -> None:
    tree = _doc("course")
    assert headings(tree) == [
        "一、课程基本信息",
        "二、课程性质与任务",
        "三、课程目标",
        "（一）素质目标",
        "（二）能力目标",
        "四、课程内容",
        "五、对应职业能力",
        "六、教学实施与保障",
        "（一）教学设计与方法",
        "（二）师资要求",
        "七、考核评价",
    ]
    assert tree.page == "510209/courses/ZH01.md" and tree.doc_id == "510209/course/ZH01"


def test_course_lists_where_its_competencies_come_from() -> None:
    tree = _doc("course")
    rows = row_texts(table(tree, "表3 本课程对应的职业能力"))
    assert [r[0] for r in rows] == ["1-1-1", "1-1-2", "1-2-1"]
    assert rows[0][1:5] == ["能制定数据采集方案。", "数据采集与处理 / 数据采集", "掌握", "掌握"]
    targets = {link.target for link in links(tree.blocks)}
    assert "510209/competencies.md#c-1-2-1" in targets
    assert "510209/specialty.md" in targets
    assert Link("ZJ02 Python程序设计", "510209/courses/ZJ02.md") in links(tree.blocks)


def test_course_assessment_total_and_signoff() -> None:
    tree = _doc("course")
    assessment = table(tree, "表4 考核评价")
    assert assessment.total_row and row_texts(assessment)[-1][:2] == ["合计", "100"]
    signoff = [text(b.content) for b in tree.blocks[-3:]]  # type: ignore[union-attr]
    assert signoff == ["制定人：陈静", "审核人：王立新", "制定日期：2025年6月1日"]
    assert "制定日期：2025年6月1日" in text(tree.blocks[-1].content)  # type: ignore[union-attr]


def test_internship_uses_gbt_numbering_and_task_anchors() -> None:
    tree = _doc("internship")
    assert headings(tree)[:4] == ["1 适用范围", "2 实习目标", "3 时间安排", "4 实习条件"]
    assert "4.2 实习岗位" in headings(tree) and headings(tree)[-1] == "8 实习管理与安全"
    assert row_texts(table(tree, "表1 时间安排"))[0] == [
        "岗位实习",
        "第 6 学期",
        "6 个月（24 周）",
    ]  # no 组织方式: the source does not give one, the default 集中 is not shown
    assert "task-t1" in anchors(tree) and "task-t2" in anchors(tree)
    tasks = table(tree, "表2 实习内容与要求")
    assert Link("1-2-1（运用）", "510209/competencies.md#c-1-2-1") in tasks.rows[0][5].content


def test_training_base_rooms_are_clauses_of_chapter_3() -> None:
    """No 规范性引用文件 chapter is made up from the companion documents."""
    tree = _doc("training_base")
    assert headings(tree) == [
        "1 适用范围",
        "2 基本要求",
        "3 校内实训室",
        "3.1 数据采集与标注实训室",
        "4 校外实训基地",
        "4.1 数据服务企业",
        "5 实训教学管理与安全",
    ]
    assert "room-r1" in anchors(tree)
    equipment = table(tree, "表2 数据采集与标注实训室主要设备")
    assert row_texts(equipment) == [["1", "标注工作站", "8 核 CPU，32 GB 内存", "台", "40"]]
    assert Link("ZH01 数据采集与标注", "510209/courses/ZH01.md") in links(tree.blocks)


def test_compose_corpus_is_stable_and_ordered() -> None:
    first = compose_corpus(small_corpus(), CONFIG)
    assert [t.page for t in first] == [
        "510209/specialty.md",
        "510209/competencies.md",
        "510209/courses/ZJ02.md",
        "510209/courses/ZH01.md",
        "510209/internship.md",
        "510209/training-base.md",
    ]
    assert compose_corpus(small_corpus(), CONFIG) == first


def test_page_paths_and_ids_are_ascii() -> None:
    second = Loaded(Path("standards/510209/实习-第二阶段.yaml"), "x", internship())
    path = page_path(second)
    assert path.startswith("510209/internship-") and path.isascii()
    assert ascii_id("M1.2") == "m1-2"
    assert ascii_id("模块一") != ascii_id("模块二") and ascii_id("模块一").isascii()
    assert file_name("ZY03") == "ZY03" and file_name("课程1").isascii()


def test_text_helpers() -> None:
    assert [cn_number(n) for n in (1, 10, 11, 20, 21)] == ["一", "十", "十一", "二十", "二十一"]
    assert [gongwen_number(lv, 2) for lv in (1, 2, 3, 4)] == ["二、", "（二）", "2.", "（2）"]
    assert join_lines("第一行\n第二行\nPython\nGit") == "第一行第二行Python Git"
    assert split_paragraphs("甲\n乙\n\n  \n丙") == ["甲乙", "丙"]


def test_dangling_competency_reference_stays_plain_text() -> None:
    extra = loaded(course("ZH09", "人工智能产品测试", [("9-9-9", "掌握")]), "courses/zh09.yaml")
    corpus = small_corpus(extra)
    tree = compose_document(corpus.documents[-1], corpus, CONFIG)
    rows = row_texts(table(tree, "表3 本课程对应的职业能力"))
    assert rows == [["9-9-9", "（清单中没有此能力）", "—", "—", "掌握", "M1-1 综合项目"]]
    assert not any("9-9-9" in link.target for link in links(tree.blocks))


def test_v2_course_and_room_fields() -> None:
    plain = course(
        "ZH01",
        "数据采集与标注",
        [("1-1-1", "掌握")],
        hours=None,
        theory_hours=None,
        practice_hours=None,
        credits=None,
        semesters=[],
        prerequisites=["Python程序设计"],
        preface="本标准依据专业教学标准制定。",
        design="以真实项目为载体。",
        ideology="融入数据安全教育。",
        modules=[
            {
                "code": "M1",
                "name": "数据采集",
                "items": [{"code": "M1-1", "name": "采集方案", "requirements": "制定采集方案。"}],
            }
        ],
    )
    room = {
        "code": "R1",
        "name": "数据采集与标注实训室",
        "functions": "支持数据标注教学。",
        "group": "专业核心技能",
        "requirement": "选建",
        "projects": ["图像标注", "文本标注"],
        "courses": ["数据采集与标注"],
        "equipment": [
            {"name": "标注工作站", "spec": "8 核", "unit": "台", "quantity": 20, "note": "2 人一台"}
        ],
    }
    base = training_base(
        class_size=None,
        rooms=[room],
        site_requirements=[{"title": "采光与照明", "clauses": ["照度不低于 300 lx。"]}],
    )
    corpus = small_corpus()
    corpus.documents = [d for d in corpus.documents if d.kind not in {"course", "training_base"}]
    corpus.documents += [loaded(plain, "courses/zh01.yaml"), loaded(base, "training-base.yaml")]
    corpus.group()
    entry = corpus.specialties["510209"]
    tree = compose_document(entry.courses[0], corpus, CONFIG)
    assert headings(tree)[:5] == [
        "前言",
        "一、课程基本信息",
        "二、课程性质与任务",
        "三、课程设计思路",
        "四、课程目标",
    ]
    assert "（三）课程思政" in headings(tree)
    info = dict(row_texts(table(tree, "表1 课程基本信息")))
    assert (
        info["学时"] == "—"
        and info["开设学期"] == "—"
        and info["先修课程"] == "ZJ02 Python程序设计"
    )
    content = table(tree, "表2 课程内容与要求")
    assert not content.total_row and row_texts(content)[0][0] == "M1 数据采集"
    rooms = compose_document(entry.training_bases[0], corpus, CONFIG)
    assert "2.1 采光与照明" in headings(rooms)
    summary = table(rooms, "表1 校内实训室一览")
    # 面积 and 工位数 are stated for no room: their columns are left out, not filled with "—".
    assert summary.header == ("编号", "实训室", "类别", "建设要求", "支撑课程")
    assert row_texts(summary)[0][2:] == ["专业核心技能", "选建", "ZH01 数据采集与标注"]
    equipment = table(rooms, "表2 数据采集与标注实训室主要设备")
    assert equipment.header[-1] == "备注" and row_texts(equipment)[0][-1] == "2 人一台"
