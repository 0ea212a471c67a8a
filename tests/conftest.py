"""Shared helpers: run the CLI in a directory, copy the example project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


@dataclass
class CliResult:
    """Exit code and output of one CLI run."""

    exit_code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> CliResult:
    """Run `python -m builder ARGS` in `cwd` as a user would (a real process, real exit code).

    PYTHONPATH points at this checkout, so a git worktree tests its own `builder/`.
    """
    inherited = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full_env = {**inherited, "NO_COLOR": "1", "PYTHONPATH": str(REPO), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "builder", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        check=False,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    """A throw-away copy of the repository's example project (standards + config)."""
    target = tmp_path / "project"
    target.mkdir()
    shutil.copytree(REPO / "standards", target / "standards")
    if (REPO / "zhibiao.yaml").is_file():
        shutil.copy(REPO / "zhibiao.yaml", target / "zhibiao.yaml")
    return target
