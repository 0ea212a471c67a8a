"""Renderers of a change set: long texts as blocks, Markdown escaping, colours, JSON keys."""

from __future__ import annotations

import json

from builder.diff import Action, Change, ChangeSet, DocumentRef, Step, render_json, render_markdown
from builder.diff.render_text import render_text

DOC = DocumentRef("course", "510209", "ZJ02", "《Python程序设计》课程标准", "standards/x/zj02.yaml")


def _changes() -> ChangeSet:
    long_before = "本课程使学生掌握 Python 语言的基本语法。\n第二段：常用数据结构与文件操作。"
    return ChangeSet(
        "HEAD（abc1234）",
        "工作区",
        [
            Change(
                Action.CHANGED,
                DOC,
                (),
                "description",
                "课程性质与任务",
                long_before,
                "新的说明 | <b>",
                seq=1,
            ),
            Change(
                Action.CHANGED,
                DOC,
                (Step("module", "M1", "教学模块", "基础"),),
                "hours",
                "学时",
                16,
                12,
                trend="decreased",
                seq=2,
            ),
        ],
    )


def test_text_shows_long_values_as_blocks_and_short_ones_inline() -> None:
    text = render_text(_changes())
    assert (
        "    ~ 课程性质与任务：\n      - 本课程使学生掌握 Python 语言的基本语法。\n      - 第二段："
        in text
    )
    assert "      + 新的说明 | <b>" in text
    assert "    ~ 教学模块 M1「基础」 学时：16 → 12（-4）" in text
    coloured = render_text(_changes(), colour=True)
    assert "\x1b[" in coloured and "\x1b[" not in text


def test_markdown_cells_are_escaped() -> None:
    markdown = render_markdown(_changes(), title="修订说明", level=1)
    assert markdown.startswith("# 修订说明\n")
    row = next(line for line in markdown.splitlines() if "课程性质与任务" in line)
    assert "基本语法。<br>第二段" in row and "新的说明 \\| &lt;b&gt;" in row
    assert "| 教学模块 M1「基础」 | 学时 | 16 | 12（-4） |" in markdown
    assert "### 专业 510209" not in markdown and "## 专业 510209" in markdown


def test_json_has_fixed_keys() -> None:
    data = json.loads(render_json(_changes()))
    assert data["summary"] == {"total": 2, "changed": 2}
    assert set(data["changes"][0]) == {
        "action",
        "specialty",
        "document",
        "path",
        "target",
        "field",
        "label",
        "before",
        "after",
        "trend",
        "old_code",
        "old_path",
        "also",
    }
    assert data["changes"][1]["path"] == [
        {"type": "module", "code": "M1", "label": "教学模块", "name": "基础"}
    ]


def test_no_changes() -> None:
    empty = ChangeSet("a", "b")
    assert "没有语义变更" in render_text(empty)
    assert "没有语义变更" in render_markdown(empty)
