"""`run_cli` forks its runs from one imported command line (tests/cli_server.py): every run
must give what a new `python -m builder` process gives — exit status, standard output and
error, its own working directory and environment — and leave nothing behind for the next."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES, REPO, CliResult, run_cli


def _new_interpreter(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> CliResult:
    inherited = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    done = subprocess.run(
        [sys.executable, "-m", "builder", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**inherited, "NO_COLOR": "1", "PYTHONPATH": str(REPO), **(env or {})},
        check=False,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def broken_case(tmp_path: Path) -> Path:
    """A project with errors to report (a generated check case)."""
    case = CASES / "broken-course-no-cascade"
    target = tmp_path / case.name
    shutil.copytree(case, target, symlinks=True)
    return target


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--help"], None),
        (["--version"], None),
        (["no-such-command"], None),
        (["check", "no-such-folder"], None),
        (["check", "standards", "--no-cache", "--format", "json"], None),
        (["check", "standards", "--no-cache"], None),
        (["check", "standards", "--no-cache"], {"GITHUB_ACTIONS": "true"}),
    ],
    ids=["help", "version", "unknown-command", "missing-folder", "json", "text", "github"],
)
def test_a_forked_run_gives_what_a_new_process_gives(
    args: list[str], env: dict[str, str] | None, broken_case: Path
) -> None:
    forked = run_cli(args, broken_case, env)
    assert forked == _new_interpreter(args, broken_case, env)
    assert "Traceback" not in forked.stderr


def test_runs_do_not_share_state(broken_case: Path, tmp_path: Path) -> None:
    """The same run twice (with a cache written in between) and a run elsewhere in between."""
    args = ["check", "standards", "--format", "json"]
    first = run_cli(args, broken_case)
    assert first.exit_code == 1 and first.stdout.startswith("[")
    elsewhere = run_cli(["check", "standards"], tmp_path)
    assert elsewhere.exit_code == 2
    assert run_cli(args, broken_case) == first
    assert Path.cwd() != broken_case  # the test process stayed where it was


def test_each_run_has_its_own_environment(
    broken_case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A variable given to one run is not seen by the next one."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    summary = tmp_path / "summary.md"
    args = ["check", "standards", "--no-cache", "--format", "github"]
    first = run_cli(args, broken_case, {"GITHUB_STEP_SUMMARY": str(summary)})
    written = summary.read_bytes()
    assert first.exit_code == 1 and written
    second = run_cli(args, broken_case)
    assert second.stdout == first.stdout and summary.read_bytes() == written
