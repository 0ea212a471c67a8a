"""`zhibiao check` in review: --base (ZB606 status going backwards), step summaries, ordering."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from builder.report.summary import append_summary, truncate
from tests.conftest import run_cli
from tests.review_helpers import SPECIALTY_DIR, copy_project, edit, init_repo

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

PUBLISHED = (
    "  status: 发布\n  standard_no: T/CIE 101—2026\n  issued_on: 2026-06-01\n"
    "  proposed_by: 全国电子信息职业教育教学指导委员会（示例）\n"
)


def _published_repo(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "repo")
    edit(
        project / SPECIALTY_DIR / "specialty.yaml",
        "  status: 征求意见稿\n  comment_deadline: 2027-01-15\n"
        "  proposed_by: 全国电子信息职业教育教学指导委员会（示例）\n",
        PUBLISHED,
    )
    init_repo(project)
    return project


def _codes(result_stdout: str) -> list[str]:
    return [d["code"] for d in json.loads(result_stdout)]


@needs_git
def test_status_backwards_without_new_version_is_an_error(tmp_path: Path) -> None:
    project = _published_repo(tmp_path)
    spec = project / SPECIALTY_DIR / "specialty.yaml"
    edit(spec, "  status: 发布\n", "  status: 征求意见稿\n  comment_deadline: 2027-03-01\n")
    result = run_cli(["check", "-f", "json", "--base", "HEAD"], project)
    assert result.exit_code == 1, result.stderr
    found = json.loads(result.stdout)
    assert [d["code"] for d in found] == ["ZB606"]
    (d,) = found
    assert d["file"] == f"{SPECIALTY_DIR}/specialty.yaml" and d["line"] == 7
    assert "从「发布」退回到「征求意见稿」" in d["message"]
    assert run_cli(["check", "-f", "json"], project).exit_code == 0
    edit(spec, 'version: "2026"', 'version: "2027"')
    assert _codes(run_cli(["check", "-f", "json", "--base", "HEAD"], project).stdout) == []


@needs_git
def test_forward_transitions_are_fine(tmp_path: Path) -> None:
    project = _published_repo(tmp_path)
    edit(project / SPECIALTY_DIR / "specialty.yaml", "  status: 发布\n", "  status: 修订中\n")
    result = run_cli(["check", "-f", "json", "--base", "HEAD"], project)
    assert _codes(result.stdout) == [] and result.exit_code == 0


@needs_git
def test_base_can_be_a_directory(tmp_path: Path) -> None:
    base = _published_repo(tmp_path)
    head = copy_project(tmp_path / "head")
    result = run_cli(["check", "-f", "json", "--base", str(base)], head)
    assert _codes(result.stdout) == ["ZB606"]


def test_github_format_writes_the_full_report_to_the_step_summary(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    edit(project / SPECIALTY_DIR / "courses/zj02.yaml", "    weight: 40\n", "    weight: 30\n")
    summary = tmp_path / "summary.md"
    result = run_cli(
        ["check", "--format", "github"], project, env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=standards/510209-")
    text = summary.read_text("utf-8")
    assert text.startswith("## 标准检查报告")
    rows = [line for line in text.splitlines() if line.startswith("| ❌")]
    assert len(rows) == 1 and "ZB409" in rows[0] and "courses/zj02.yaml:" in rows[0]


@needs_git
def test_annotations_of_changed_files_come_first(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "repo")
    names = ("internship.yaml", "training-base.yaml")
    for name in names:
        edit(project / SPECIALTY_DIR / name, "  comment_deadline: 2027-01-15\n", "")
    init_repo(project)
    edit(project / SPECIALTY_DIR / "training-base.yaml", "class_size: 40", "class_size: 45")
    result = run_cli(["check", "--format", "github", "--base", "HEAD"], project)
    files = re.findall(r"^::warning file=([^,]+)", result.stdout, flags=re.M)
    assert [Path(f).name for f in files] == ["training-base.yaml", "internship.yaml"]


def test_summary_is_truncated_under_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("前一步的摘要\n", "utf-8")
    body = "".join(f"| 行 {i} | {'很长的中文说明' * 10} |\n" for i in range(2000))
    append_summary(path, body, limit=64 * 1024)
    data = path.read_bytes()
    assert len(data) <= 64 * 1024
    text = data.decode("utf-8")
    assert text.startswith("前一步的摘要\n")
    assert re.search(r"已截断：省略了后面 \d+ 行（共 2000 行）", text)
    assert truncate("短内容\n", 1000, where="x") == "短内容\n"
