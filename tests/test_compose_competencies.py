"""职业能力清单 composition: anchored analysis table, where-taught links, coverage matrix."""

from __future__ import annotations

from builder.compose import compose_document
from builder.compose.doctree import Link
from tests.compose_models import CONFIG, small_corpus
from tests.doctree_helpers import anchors, headings, row_texts, table


def _tree():  # type: ignore[no-untyped-def]
    corpus = small_corpus()
    return compose_document(corpus.specialties["510209"].competencies[0], corpus, CONFIG)


def test_structure_and_anchor_per_competency() -> None:
    tree = _tree()
    assert headings(tree) == ["1 工作任务与职业能力分析", "2 职业能力培养矩阵"]
    found = anchors(tree)
    for code in ("1-1-1", "1-1-2", "1-2-1", "2-1-1"):
        assert found.count(f"c-{code}") == 1
    assert found.count("d-1") == 1 and found.count("t-1-2") == 1
    assert len(found) == len(set(found))


def test_analysis_table_is_a_tree_in_reading_order() -> None:
    analysis = table(_tree(), "表1 工作任务与职业能力分析表")
    assert analysis.header[:5] == ("工作领域", "工作任务", "职业能力", "类型", "学习水平")
    rows = row_texts(analysis)
    assert [r[:2] for r in rows] == [
        ["1 数据采集与处理", "1-1 数据采集"],
        ["", ""],
        ["", "1-2 数据标注"],
        ["2 模型训练", "2-1 模型训练与评估"],
    ]
    assert rows[1][2:5] == ["1-1-2 能遵守数据安全法规。", "素质", "理解"]


def test_where_taught_lists_courses_internship_and_rooms_with_levels() -> None:
    analysis = table(_tree(), "表1 工作任务与职业能力分析表")
    where = [c for c in analysis.rows[0][5].content if isinstance(c, Link)]
    assert where == [
        Link("ZJ02 Python程序设计（理解）", "510209/courses/ZJ02.md"),
        Link("ZH01 数据采集与标注（掌握）", "510209/courses/ZH01.md"),
        Link("数据采集与标注实训室（理解）", "510209/training-base.md#room-r1"),
    ]
    internship = [c for c in analysis.rows[2][5].content if isinstance(c, Link)]
    assert Link("岗位实习（运用）", "510209/internship.md") in internship


def test_matrix_cells_hold_levels() -> None:
    matrix = table(_tree(), "表2 职业能力培养矩阵")
    assert matrix.header == (
        "职业能力",
        "要求",
        "Python程序设计",
        "数据采集与标注",
        "岗位实习",
        "数据采集与标注实训室",
    )
    rows = {r[0]: r[1:] for r in row_texts(matrix)}
    assert rows["1-1-1"] == ["掌握", "理解", "掌握", "", "理解"]
    assert rows["1-2-1"] == ["运用", "", "理解", "运用", ""]
    assert rows["2-1-1"] == ["掌握", "掌握", "", "掌握", ""]
    first = matrix.rows[0][0].content[0]
    assert first == Link("1-1-1", "510209/competencies.md#c-1-1-1")
    assert len(matrix.widths) == len(matrix.header)
