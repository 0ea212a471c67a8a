"""`zhibiao new` → `zhibiao check`: scaffolds load and yield only to-be-completed warnings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from builder.read.corpus import load_document
from tests.conftest import REPO, run_cli
from tests.review_helpers import SPECIALTY_DIR, copy_project

INCOMPLETE = {"ZB605"}
"""Warnings a fresh scaffold may leave: 内容待补充."""


def _check(project: Path) -> list[dict[str, object]]:
    result = run_cli(["check", "-f", "json"], project)
    assert result.exit_code == 0, result.stdout + result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_course_in_the_plan_copies_the_plan_row(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    result = run_cli(["new", "course", "--specialty", "510209", "--code", "ZH03"], project)
    assert result.exit_code == 0, result.stderr
    path = project / SPECIALTY_DIR / "courses/zh03.yaml"
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/course.schema.json\n")
    doc, problems = load_document(path, "zh03.yaml", project / "standards")
    assert problems == [] and doc is not None
    assert (doc.name, doc.hours, doc.theory_hours, doc.credits, doc.semesters) == (
        "深度学习应用",
        72,
        24,
        4,
        [4],
    )
    diagnostics = _check(project)
    assert {d["code"] for d in diagnostics} == INCOMPLETE
    assert all(d["file"].endswith("zh03.yaml") for d in diagnostics)
    assert run_cli(["fmt", "--check"], project).exit_code == 0


def test_course_outside_the_plan(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    args = [
        "new",
        "course",
        "--specialty",
        "510209",
        "--code",
        "ZY09",
        "--name",
        "智能机器人应用开发",
    ]
    assert run_cli(args, project).exit_code == 0
    codes = Counter(d["code"] for d in _check(project))
    assert set(codes) == {"ZB605", "ZB303"} and codes["ZB303"] == 1
    again = run_cli(args, project)
    assert again.exit_code == 2 and "文件已存在" in again.stderr
    assert run_cli([*args, "--force"], project).exit_code == 0


def test_whole_new_specialty_round_trip(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "standards").mkdir(parents=True)
    (project / "zhibiao.yaml").write_text((REPO / "zhibiao.yaml").read_text("utf-8"), "utf-8")
    steps = [
        ["specialty", "--code", "730701", "--name", "电子商务"],
        ["course", "--specialty", "730701", "--code", "待补充"],
        ["competencies", "--specialty", "730701"],
        ["internship", "--specialty", "730701"],
        ["training-base", "--specialty", "730701"],
    ]
    for step in steps:
        result = run_cli(["new", *step], project)
        assert result.exit_code == 0, (step, result.stderr)
    files = sorted(p.name for p in (project / "standards").rglob("*.yaml"))
    assert files == [
        "competencies.yaml",
        "internship.yaml",
        "specialty.yaml",
        "training-base.yaml",
        "待补充.yaml",
    ]
    diagnostics = _check(project)
    assert {d["code"] for d in diagnostics} == INCOMPLETE
    assert all(d["severity"] == "warning" for d in diagnostics)


def test_first_specialty_in_an_empty_folder(tmp_path: Path) -> None:
    """A new project has no standards/ yet: `zhibiao new specialty` creates it."""
    first, second = tmp_path / "p", tmp_path / "q"
    first.mkdir()
    second.mkdir()
    result = run_cli(["new", "specialty", "--code", "510203", "--name", "软件技术"], first)
    assert result.exit_code == 0, result.stderr
    text = (first / "standards/510203-软件技术/specialty.yaml").read_text("utf-8")
    assert 'code: "510203"\n' in text and 'catalog: "2021"\n' in text  # house style: double quotes
    assert {d["code"] for d in _check(first)} == INCOMPLETE
    other = run_cli(["new", "course", "--specialty", "510203", "--code", "ZY01"], second)
    assert other.exit_code == 2
    assert "没有专业 510203" in other.stderr and "--code 510203" in other.stderr


def test_competency_list_covers_existing_references(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / SPECIALTY_DIR / "competencies.yaml").unlink()
    assert run_cli(["new", "competencies", "--specialty", "510209"], project).exit_code == 0
    listing = (project / SPECIALTY_DIR / "competencies.yaml").read_text("utf-8")
    for code in ("1-1-1", "1-1-2", "1-2-1", "1-2-2", "2-1-1", "2-1-2", "2-2-1"):
        assert f'code: "{code}"' in listing
    assert {d["code"] for d in _check(project)} == INCOMPLETE


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["course", "--code", "ZY01"], "缺少选项 --specialty"),
        (["course", "--specialty", "510209"], "缺少选项 --code"),
        (["course", "--specialty", "999999", "--code", "X1"], "没有专业 999999"),
        (["specialty", "--code", "51020", "--name", "x"], "应为 6 位数字"),
        (["specialty", "--code", "510209", "--name", "人工智能技术应用"], "已有专业教学标准"),
        (["course", "--specialty", "510209", "--code", "ZJ02", "--name", "别的名字"], "不一致"),
        (["course", "--specialty", "510209", "--code", "../ZY01", "--name", "x"], "不能用作文件名"),
        (["course", "--specialty", "510209", "--code", "ZY\\01", "--name", "x"], "不能用作文件名"),
        (["specialty", "--code", "510203", "--name", "软件/技术"], "不能用作文件名"),
        (["specialty", "--code", "510203", "--name", ".."], "不能用作文件名"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    project = copy_project(tmp_path / "p")
    result = run_cli(["new", *args], project)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_missing_values_are_asked_for_on_a_terminal(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    leader, follower = os.openpty()
    os.write(leader, b"510209\nZH04\n")
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "builder", "new", "course"],
        cwd=project,
        stdin=follower,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,  # a hang guard only: the answers are already in the terminal buffer
        check=False,
    )
    os.close(follower)
    os.close(leader)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "专业代码" in done.stdout and "课程代码" in done.stdout
    assert (project / SPECIALTY_DIR / "courses/zh04.yaml").is_file()
