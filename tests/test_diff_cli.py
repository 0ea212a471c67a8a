"""`zhibiao diff` end to end: git refs in a scratch repository, directories, all formats."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest

from tests.conftest import run_cli
from tests.review_helpers import SPECIALTY_DIR, copy_project, edit, git, init_repo, three_edits

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch git repository holding the fixture project, with the three review edits."""
    project = copy_project(tmp_path / "repo")
    init_repo(project)
    three_edits(project)
    return project


def test_text_lists_exactly_the_three_changes(repo: Path) -> None:
    status_before = git(repo, "status", "--porcelain")
    result = run_cli(["diff", "HEAD"], repo)
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines() if line.startswith("    ")]
    assert len(lines) == 3, result.stdout
    assert any(line.startswith("- 删除") and "职业能力 2-1-1" in line for line in lines), (
        result.stdout
    )
    assert any("职业能力 2-2-1" in line and "掌握 → 运用（提高）" in line for line in lines)
    assert any(line.startswith("~ 学时：64 → 72") for line in lines)
    assert "共 3 处变更：删除 1，修改 2" in result.stdout
    assert git(repo, "status", "--porcelain") == status_before


def test_markdown_tables_hold_before_and_after(repo: Path) -> None:
    result = run_cli(["diff", "HEAD", "--format", "markdown"], repo)
    assert result.exit_code == 0, result.stderr
    rows = [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in result.stdout.splitlines()
        if line.startswith("| ") and not line.startswith("| 对象") and "---" not in line
    ]
    assert ["课程 ZH01", "学时", "64", "72（+8）"] in rows
    assert any(r[1:] == ["要求的学习水平", "掌握", "运用（提高）"] for r in rows)
    removed = [line for line in result.stdout.splitlines() if line.startswith("- ➖")]
    assert len(removed) == 1 and "职业能力 2-1-1" in removed[0]
    assert len(rows) == 2


def test_json_is_the_same_change_list(repo: Path) -> None:
    result = run_cli(["diff", "HEAD", "-f", "json"], repo)
    data = json.loads(result.stdout)
    assert data["summary"] == {"total": 3, "removed": 1, "changed": 2}
    by_action = {(c["action"], c["field"]): c for c in data["changes"]}
    hours = by_action[("changed", "hours")]
    assert (hours["before"], hours["after"], hours["document"]["code"]) == (64, 72, "ZH01")
    level = by_action[("changed", "level")]
    assert (level["before"], level["after"], level["trend"]) == ("掌握", "运用", "raised")
    removed = by_action[("removed", None)]
    assert removed["path"][-1] == {
        "type": "competency",
        "code": "2-1-1",
        "label": "职业能力",
        "name": "理解监督学习、无监督学习和深度学习的基本原理。",
    }
    assert data["old"].startswith("HEAD（") and data["new"] == "工作区"


def test_two_refs_and_directories(repo: Path, tmp_path: Path) -> None:
    git(repo, "commit", "-qam", "三处修订")
    both = json.loads(run_cli(["diff", "HEAD~1", "HEAD", "-f", "json"], repo).stdout)
    assert both["summary"]["total"] == 3
    assert json.loads(run_cli(["diff", "HEAD", "-f", "json"], repo).stdout)["summary"] == {
        "total": 0
    }
    old_dir = copy_project(tmp_path / "old-version")
    dirs = json.loads(run_cli(["diff", str(old_dir), "-f", "json"], repo).stdout)
    assert dirs["summary"]["total"] == 3
    plain = json.loads(run_cli(["diff", str(old_dir / "standards"), "-f", "json"], repo).stdout)
    assert plain["summary"]["total"] == 3


def test_project_in_a_subdirectory_of_the_repository(tmp_path: Path) -> None:
    top = tmp_path / "mono"
    copy_project(top / "标准")
    init_repo(top)
    three_edits(top / "标准")
    data = json.loads(run_cli(["diff", "HEAD", "-f", "json"], top / "标准").stdout)
    assert data["summary"]["total"] == 3


def test_unknown_ref_is_a_usage_error(repo: Path) -> None:
    result = run_cli(["diff", "no-such-branch"], repo)
    assert result.exit_code == 2
    assert "不是可识别的 git 引用" in result.stderr and "Traceback" not in result.stderr


def test_broken_file_is_reported_not_crashed(repo: Path) -> None:
    edit(repo / SPECIALTY_DIR / "courses/zj02.yaml", "hours: 64\n", "hours: [64\n")
    result = run_cli(["diff", "HEAD", "-f", "json"], repo)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    (problem,) = data["problems"]
    assert problem["side"] == "new" and problem["code"] == "ZB001"
    assert problem["file"].endswith("courses/zj02.yaml") and problem["line"] > 0
    assert data["summary"]["total"] == 3
    text = run_cli(["diff", "HEAD"], repo).stdout
    assert "新版本中无法读取，未参与比较" in text


def test_exit_code_and_summary_file(repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("## 前一步\n", "utf-8")
    result = run_cli(["diff", "HEAD", "--exit-code", "--summary", str(summary)], repo)
    assert result.exit_code == 1
    text = summary.read_text("utf-8")
    assert text.startswith("## 前一步\n") and "## 标准语义差异" in text
    git(repo, "commit", "-qam", "x")
    assert run_cli(["diff", "HEAD", "--exit-code"], repo).exit_code == 0


def test_docx_revision_table(repo: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    for target in (first, second):
        result = run_cli(["diff", "HEAD", "-f", "docx", "-o", str(target)], repo)
        assert result.exit_code == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    table = docx.Document(str(first)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "条目", "原条款", "修订后条款", "修订理由"]
    assert len(rows) == 4
    assert any(r[2] == "64" and r[3] == "72（+8）" and "学时" in r[1] for r in rows)
    removed = next(r for r in rows if r[3] == "（删除）")
    assert re.search(r"编码：2-1-1；内容：理解监督学习", removed[2])
    assert run_cli(["diff", "HEAD", "-f", "docx"], repo).exit_code == 2
