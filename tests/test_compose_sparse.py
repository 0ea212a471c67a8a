"""Sparse sources (national and school standards that leave figures out): tables keep only
the columns that say something and never show a total of unknown numbers."""

from __future__ import annotations

from builder.compose import compose_document
from builder.compose.text import semesters
from tests.compose_models import CONFIG, course, internship, loaded, small_corpus
from tests.doctree_helpers import row_texts, table


def _tree(doc, rel):  # type: ignore[no-untyped-def]
    corpus = small_corpus(loaded(doc, rel), with_all=False)
    item = next(i for i in corpus.documents if i.rel.endswith(rel))
    return compose_document(item, corpus, CONFIG)


def test_course_without_weights_hours_or_competencies() -> None:
    bare = course(
        "ZH09",
        "计算机网络技术基础",
        [],
        hours=None,
        theory_hours=None,
        practice_hours=None,
        modules=[
            {
                "code": "M1",
                "name": "网络基础",
                "items": [
                    {"code": "M1-1", "name": "网络体系结构", "requirements": "理解分层模型。"}
                ],
            }
        ],
        assessment=[{"name": "过程考核"}, {"name": "期末考试", "method": "闭卷笔试"}],
    )
    tree = _tree(bare, "courses/zh09.yaml")
    content = table(tree, "表2 课程内容与要求")
    assert content.header == ("教学模块", "学习内容", "内容与要求") and not content.total_row
    assessment = table(tree, "表3 考核评价")
    assert assessment.header == ("考核项目", "考核方式与标准") and not assessment.total_row
    assert row_texts(assessment) == [["过程考核", "—"], ["期末考试", "闭卷笔试"]]


def test_weighted_assessment_keeps_its_total() -> None:
    tree = _tree(course("ZH09", "网络基础", []), "courses/zh09.yaml")
    assessment = table(tree, "表3 考核评价")
    assert assessment.total_row and row_texts(assessment)[-1][:2] == ["合计", "100"]


def test_internship_schedule_without_courses_or_semesters() -> None:
    doc = internship(schedule=[{"type": "顶岗实习", "months": 6}])
    schedule = table(_tree(doc, "internship.yaml"), "表1 时间安排")
    assert schedule.header == ("实习类型", "时长")  # 组织方式 not written: no default 集中
    assert row_texts(schedule) == [["顶岗实习", "6 个月"]]


def test_semester_ranges() -> None:
    assert semesters([1, 2, 3, 4]) == "1–4"
    assert semesters([5, 6]) == "5、6"
    assert semesters([1, 3, 4, 5, 7]) == "1、3–5、7"
    assert semesters([]) == ""


def test_hours_plan_in_words_only_has_no_table_of_dashes() -> None:
    from tests.compose_models import specialty

    doc = specialty(
        courses=[{"code": "GG01", "name": "思想政治", "nature": "公共基础"}],
        hours_plan={"text": "总学时一般不低于 3000 学时，公共基础课程学时一般占总学时的三分之一。"},
    )
    corpus = small_corpus(with_all=False)
    corpus.documents = [loaded(doc, "specialty.yaml")]
    corpus.group()
    tree = compose_document(corpus.documents[0], corpus, CONFIG)
    captions = [b.caption for b in tree.blocks if hasattr(b, "caption")]
    assert not any("学时结构" in c for c in captions)
    texts = [text for b in tree.blocks if hasattr(b, "content") for text in b.content]  # type: ignore[attr-defined]
    assert "总学时一般不低于 3000 学时，公共基础课程学时一般占总学时的三分之一。" in texts
    assert "课程设置未给出各门课程的学时，也没有声明学时安排。" not in texts


def _specialty_tree(**changes):  # type: ignore[no-untyped-def]
    from tests.compose_models import specialty

    corpus = small_corpus(with_all=False)
    corpus.documents = [loaded(specialty(**changes), "specialty.yaml")]
    corpus.group()
    return compose_document(corpus.documents[0], corpus, CONFIG)


def _texts(tree) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        "".join(r if isinstance(r, str) else r.text for r in b.content)
        for b in tree.blocks
        if hasattr(b, "content")
    ]


def test_excerpt_plan_has_no_total_and_says_excerpt() -> None:
    rows = [
        {"code": "GG01", "name": "思想政治", "nature": "公共基础", "hours": 48, "credits": 3},
        {"code": "ZH01", "name": "数据采集与标注", "nature": "专业核心", "hours": 64},
    ]
    tree = _specialty_tree(courses={"节选": rows})
    plan = table(tree, "表2 课程设置及学时安排")
    assert not plan.total_row and [r[0] for r in row_texts(plan)] == ["公共基础", "专业核心"]
    assert "（节选）" in _texts(tree)
    assert not any(b.caption.endswith("学时结构") for b in tree.blocks if hasattr(b, "caption"))


def test_not_given_chapters_and_lists_are_labelled() -> None:
    tree = _specialty_tree(teachers="原文未给出", courses="原文未给出", specs="原文未给出")
    texts = _texts(tree)
    assert texts.count("（原文未列出）") == 2 and "（原文未给出）" in texts
    assert "本标准未列出具体课程。" not in texts
    assert "（原文未给出）" in texts  # 8.2 学时安排: no hours and no hours_plan


def test_interleaved_plan_keeps_its_order() -> None:
    rows = [
        {"code": "GG01", "name": "思想政治", "nature": "公共基础"},
        {"code": "ZH01", "name": "数据采集与标注", "nature": "专业核心"},
        {"code": "GG02", "name": "体育", "nature": "公共基础"},
    ]
    tree = _specialty_tree(courses=rows)
    lists = [b for b in tree.blocks if type(b).__name__ == "ListBlock"]
    plan = next(b for b in lists if "GG01" in str(b.items))
    shown = ["".join(r if isinstance(r, str) else r.text for r in e) for e in plan.items]
    assert [s.split("（")[0] for s in shown] == [
        "GG01 思想政治",
        "ZH01 数据采集与标注",
        "GG02 体育",
    ], shown
    assert "公共基础课程" not in [h.title for h in tree.blocks if type(h).__name__ == "Heading"]
