"""The semantic diff engine on fixture trees: keyed pairing, renames, moves, failures."""

from __future__ import annotations

from pathlib import Path

from builder.base.diagnostics import Diagnostics
from builder.diff import Action, ChangeSet, diff_corpora
from builder.diff.engine import failed_logical
from builder.read.corpus import load_corpus
from tests.review_helpers import SPECIALTY_DIR, copy_project, edit, three_edits

LEVELS = ["了解", "理解", "掌握", "运用"]


def _diff(old: Path, new: Path) -> ChangeSet:
    sides = []
    for root in (old, new):
        corpus = load_corpus(root / "standards", root, Diagnostics())
        sides.append((corpus, failed_logical(corpus, root)))
    (a, a_failed), (b, b_failed) = sides
    return diff_corpora(a, b, levels=LEVELS, old_failed=a_failed, new_failed=b_failed)


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    return copy_project(tmp_path / "old"), copy_project(tmp_path / "new")


def test_identical_trees_have_no_changes(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    changes = _diff(old, new)
    assert changes.changes == [] and changes.problems == []
    assert not changes


def test_reordering_and_comments_are_not_changes(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    course = new / SPECIALTY_DIR / "courses/zj02.yaml"
    edit(course, "hours: 64\ntheory_hours: 24\n", "theory_hours: 24  # 理论\nhours: 64\n")
    assert _diff(old, new).changes == []


def test_three_edits_give_exactly_three_changes(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    three_edits(new)
    changes = _diff(old, new).changes
    assert len(changes) == 3, changes
    removed, raised, hours = changes
    assert removed.action is Action.REMOVED
    assert [s.code for s in removed.path] == ["2", "2-1", "2-1-1"]
    assert removed.before["level"] == "理解"
    assert raised.action is Action.CHANGED
    assert (raised.path[-1].code, raised.field, raised.before, raised.after, raised.trend) == (
        "2-2-1",
        "level",
        "掌握",
        "运用",
        "raised",
    )
    assert hours.document.kind == "course" and hours.document.code == "ZH01"
    assert (hours.field, hours.label, hours.before, hours.after) == ("hours", "学时", 64, 72)
    assert hours.trend == "increased"


def test_plan_row_and_course_standard_fold_into_one_change(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    folder = new / SPECIALTY_DIR
    edit(folder / "courses/zh01.yaml", "credits: 4\n", "credits: 4.5\n")
    edit(
        folder / "specialty.yaml",
        "practice_hours: 48, credits: 4, semesters: [3], standard: courses/zh01.yaml",
        "practice_hours: 48, credits: 4.5, semesters: [3], standard: courses/zh01.yaml",
    )
    changes = _diff(old, new).changes
    assert len(changes) == 1, changes
    (change,) = changes
    assert change.document.kind == "course" and change.field == "credits"
    assert change.also == (f"{SPECIALTY_DIR}/specialty.yaml",)


def test_code_change_without_other_change_is_a_rename(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    edit(new / SPECIALTY_DIR / "competencies.yaml", 'code: "2-2-1"', 'code: "2-2-9"')
    edit(new / SPECIALTY_DIR / "internship.yaml", 'ref: "2-2-1"', 'ref: "2-2-9"')
    changes = _diff(old, new).changes
    kinds = sorted((c.document.kind, c.action.value) for c in changes)
    assert kinds == [("competencies", "renamed"), ("internship", "renamed")], changes
    renamed = next(c for c in changes if c.document.kind == "competencies")
    assert (renamed.old_code, renamed.path[-1].code) == ("2-2-1", "2-2-9")


def test_code_change_with_content_change_is_remove_and_add(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    edit(
        new / SPECIALTY_DIR / "competencies.yaml",
        'code: "2-2-1"\n            text: 能将训练好的模型',
        'code: "2-2-9"\n            text: 能将优化后的模型',
    )
    actions = sorted(c.action.value for c in _diff(old, new).changes)
    assert actions == ["added", "removed"]


def test_module_rename_does_not_list_its_children(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    edit(new / SPECIALTY_DIR / "courses/zj02.yaml", 'code: "M3"', 'code: "M4"')
    edit(new / SPECIALTY_DIR / "courses/zj02.yaml", 'code: "M3-1"', 'code: "M4-1"')
    changes = _diff(old, new).changes
    assert [(c.action, c.old_code, c.path[-1].code) for c in changes] == [
        (Action.RENAMED, "M3", "M4")
    ]


def test_item_moved_between_parents(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    path = new / SPECIALTY_DIR / "competencies.yaml"
    block = (
        '          - code: "1-2-2"\n'
        "            text: 能在数据处理中遵守数据安全和个人信息保护的法律法规。  # 素质目标\n"
        "            type: 素质\n"
        "            level: 理解\n"
    )
    edit(path, block, "")
    edit(
        path,
        '            level: 运用\n      - code: "1-2"',
        "            level: 运用\n" + block + '      - code: "1-2"',
    )
    (change,) = _diff(old, new).changes
    assert change.action is Action.MOVED
    assert [s.code for s in change.old_path or ()] == ["1", "1-2", "1-2-2"]
    assert [s.code for s in change.path] == ["1", "1-1", "1-2-2"]


def test_status_transition_and_version(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    edit(new / SPECIALTY_DIR / "specialty.yaml", "status: 征求意见稿", "status: 送审稿")
    (change,) = _diff(old, new).changes
    assert (change.field, change.label, change.before, change.after, change.trend) == (
        "meta.status",
        "状态",
        "征求意见稿",
        "送审稿",
        "forward",
    )
    assert change.is_status


def test_documents_added_removed_moved_and_renamed(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    folder = new / SPECIALTY_DIR
    (folder / "training-base.yaml").unlink()
    (folder / "courses/zj02.yaml").rename(folder / "courses/python.yaml")
    text = (folder / "courses/zh01.yaml").read_text("utf-8")
    (folder / "courses/zh01.yaml").unlink()
    (folder / "courses/zh07.yaml").write_text(text.replace('code: "ZH01"', 'code: "ZH07"'), "utf-8")
    new_course = text.replace('code: "ZH01"', 'code: "ZH06"').replace("数据采集与标注", "模型部署")
    (folder / "courses/zh06.yaml").write_text(new_course, "utf-8")
    events = {
        (c.action.value, c.document.kind, c.document.code, c.old_code)
        for c in _diff(old, new).changes
        if not c.path and c.field is None
    }
    assert events == {
        ("removed", "training_base", "", None),
        ("moved", "course", "ZJ02", None),
        ("renamed", "course", "ZH07", "ZH01"),
        ("added", "course", "ZH06", None),
    }


def test_file_that_fails_on_one_side_is_not_reported_as_removed(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    course = new / SPECIALTY_DIR / "courses/zj02.yaml"
    edit(course, "hours: 64\n", "hours: [64\n")
    changes = _diff(old, new)
    assert changes.changes == []
    broken = new / "standards"
    corpus = load_corpus(broken, new, Diagnostics())
    assert failed_logical(corpus, new) == {"510209-人工智能技术应用/courses/zj02.yaml"}
