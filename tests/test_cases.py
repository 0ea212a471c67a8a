"""Data-driven check cases: tests/cases/<name>/ holds a project and `expected.txt`.

Each line of `expected.txt` is `CODE path:line` (path relative to the case folder);
an empty file means the case must pass cleanly. Lines starting with # are comments.
A case may hold `args.txt` with extra CLI arguments (e.g. `--strict`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CASES, run_cli

CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "expected.txt").is_file())


def _expected(case: Path) -> list[str]:
    lines = (case / "expected.txt").read_text("utf-8").splitlines()
    return sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case(case: Path) -> None:
    extra = (case / "args.txt").read_text("utf-8").split() if (case / "args.txt").is_file() else []
    result = run_cli(["check", "standards", "--format", "json", *extra], case)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code in (0, 1), result.stderr
    found = json.loads(result.stdout)
    actual = sorted(f"{d['code']} {d['file']}:{d['line']}" for d in found)
    assert actual == _expected(case), result.stdout
    for d in found:
        assert d["line"] >= 1 and d["column"] >= 1, d
    wants_error = any(d["severity"] == "error" for d in found) or ("--strict" in extra and found)
    assert result.exit_code == (1 if wants_error else 0)
