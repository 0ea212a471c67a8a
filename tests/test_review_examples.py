"""The review workflow on the bundled examples, in a scratch git repository.

Change a course's 学时, remove a competency and raise a level; `zhibiao diff HEAD` must
list exactly those three changes with before/after values in text, Markdown and JSON.
Then `zhibiao fmt` keeps comments and a second run changes nothing, and a new course
scaffold checks without errors.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from builder.yamlfmt import make_yaml
from tests.conftest import run_cli
from tests.review_helpers import git, init_repo
from tests.test_fmt import comments

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
LEVELS = ["了解", "理解", "掌握", "运用"]


def _rewrite(path: Path, change: Any) -> Any:
    yaml = make_yaml()
    data = yaml.load(path.read_text("utf-8"))
    result = change(data)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return result


@pytest.fixture
def scratch(example_project: Path) -> Path:
    init_repo(example_project)
    return example_project


def _three_edits(project: Path) -> dict[str, Any]:
    folder = next((project / "standards").glob("510209-*"))
    course = sorted((folder / "courses").glob("*.yaml"))[0]

    def hours(data: Any) -> tuple[str, int]:
        before = int(data["hours"])
        data["hours"] = before + 8
        return str(data["code"]), before

    def competencies(data: Any) -> dict[str, Any]:
        task = data["domains"][0]["tasks"][-1]
        removed = task["competencies"].pop()
        for domain in data["domains"][1:]:
            for t in domain["tasks"]:
                for c in t["competencies"]:
                    if c["level"] != LEVELS[-1]:
                        before = c["level"]
                        c["level"] = LEVELS[LEVELS.index(before) + 1]
                        return {"removed": str(removed["code"]), "raised": (str(c["code"]), before)}
        raise AssertionError("no competency to raise")

    code, before = _rewrite(course, hours)
    found = _rewrite(folder / "competencies.yaml", competencies)
    return {"course": code, "hours": before, **found}


def test_diff_head_lists_exactly_the_three_changes(scratch: Path) -> None:
    edits = _three_edits(scratch)
    raised_code, level_before = edits["raised"]
    level_after = LEVELS[LEVELS.index(level_before) + 1]

    data = json.loads(run_cli(["diff", "HEAD", "-f", "json"], scratch).stdout)
    assert data["summary"] == {"total": 3, "removed": 1, "changed": 2}, data["changes"]
    facts = {
        (c["action"], c["path"][-1]["code"] if c["path"] else c["document"]["code"], c["field"]): (
            c["before"],
            c["after"],
        )
        for c in data["changes"]
    }
    assert facts[("changed", edits["course"], "hours")] == (edits["hours"], edits["hours"] + 8)
    assert facts[("changed", raised_code, "level")] == (level_before, level_after)
    assert ("removed", edits["removed"], None) in facts

    text = run_cli(["diff", "HEAD"], scratch)
    assert text.exit_code == 0
    lines = [line.strip() for line in text.stdout.splitlines() if line.startswith("    ")]
    assert len(lines) == 3, text.stdout
    assert f"学时：{edits['hours']} → {edits['hours'] + 8}（+8）" in text.stdout
    assert f"{level_before} → {level_after}（提高）" in text.stdout
    assert "删除 工作领域" in text.stdout and f"职业能力 {edits['removed']}" in text.stdout

    markdown = run_cli(["diff", "HEAD", "-f", "markdown"], scratch).stdout
    rows = [
        line
        for line in markdown.splitlines()
        if line.startswith("| ") and "---" not in line and not line.startswith("| 对象")
    ]
    assert len(rows) == 2, markdown
    assert (
        f"| 课程 {edits['course']} | 学时 | {edits['hours']} | {edits['hours'] + 8}（+8） |" in rows
    )
    assert any(f"| {level_before} | {level_after}（提高） |" in row for row in rows)
    assert sum(line.startswith("- ➖") for line in markdown.splitlines()) == 1


def test_fmt_keeps_comments_and_is_idempotent_on_the_examples(scratch: Path) -> None:
    files = sorted((scratch / "standards").rglob("*.yaml"))
    before = {p: p.read_text("utf-8") for p in files}
    first = run_cli(["fmt"], scratch)
    assert first.exit_code == 0, first.stderr
    after = {p: p.read_text("utf-8") for p in files}
    for path in files:
        assert comments(after[path]) == comments(before[path]), path
    second = run_cli(["fmt", "--check"], scratch)
    assert second.exit_code == 0 and second.stdout == ""
    assert git(scratch, "status", "--porcelain", "--", "standards") == ""  # examples are fmt-clean


def test_new_course_then_check_has_no_errors(scratch: Path) -> None:
    result = run_cli(
        [
            "new",
            "course",
            "--specialty",
            "510209",
            "--code",
            "ZY09",
            "--name",
            "智能机器人应用开发",
        ],
        scratch,
    )
    assert result.exit_code == 0, result.stderr
    check = run_cli(["check", "-f", "json"], scratch)
    assert check.exit_code == 0, check.stdout
    found = json.loads(check.stdout)
    assert all(d["severity"] == "warning" for d in found)
    assert {d["code"] for d in found} <= {"ZB605", "ZB303"}
