"""Fixtures for the review workflow tests: a realistic project, edits, scratch git repos."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REVIEW_DATA = Path(__file__).resolve().parent / "data" / "review"
PROJECT = REVIEW_DATA / "project"
SPECIALTY_DIR = "standards/510209-人工智能技术应用"


def copy_project(target: Path) -> Path:
    """A throw-away copy of the review fixture project (check-clean)."""
    shutil.copytree(PROJECT, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` exactly `count` times (fails loudly when the text is absent)."""
    text = path.read_text("utf-8")
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)}× in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` with a fixed identity; return stdout."""
    done = subprocess.run(
        [
            "git",
            "-c",
            "user.name=测试",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def init_repo(project: Path) -> None:
    """Make `project` a git repository with everything committed."""
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "基线")


def three_edits(project: Path) -> None:
    """The review scenario: a course's 学时, a removed competency, a raised level."""
    folder = project / SPECIALTY_DIR
    edit(folder / "courses/zh01.yaml", "hours: 64\n", "hours: 72\n")
    edit(
        folder / "competencies.yaml",
        '          - code: "2-1-1"\n'
        "            text: 理解监督学习、无监督学习和深度学习的基本原理。\n"
        "            type: 知识\n"
        "            level: 理解\n",
        "",
    )
    edit(
        folder / "competencies.yaml",
        "能将训练好的模型部署到服务器或边缘设备并进行性能测试。\n"
        "            type: 能力\n"
        "            level: 掌握\n",
        "能将训练好的模型部署到服务器或边缘设备并进行性能测试。\n"
        "            type: 能力\n"
        "            level: 运用\n",
    )
