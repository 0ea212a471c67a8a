"""Real published standards transcribed into Zhibiao YAML (tests/realworld/<name>/).

Each folder is a small project (its own `zhibiao.yaml`, a `standards/` tree and `expected.txt`).
`expected.txt` lists the diagnostics the current model and rules give, one `CODE path:line`
per line (path relative to the folder, lines starting with # are comments), so a change to the
model shows up here as a changed expectation. See tests/realworld/GAPS.md for what they mean.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import run_cli

REALWORLD = Path(__file__).resolve().parent / "realworld"
FOLDERS = sorted(p for p in REALWORLD.iterdir() if (p / "expected.txt").is_file())
MARKER = "原文未给出"
"""Comment that marks a value the model requires but the source does not give."""


def _expected(folder: Path) -> list[str]:
    lines = (folder / "expected.txt").read_text("utf-8").splitlines()
    return sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def _check(folder: Path) -> tuple[int, list[dict[str, object]]]:
    """Run `check` once per folder; the three tests read the same result."""
    result = run_cli(["check", "standards", "--format", "json"], folder)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code in (0, 1), result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return result.exit_code, found


def test_every_folder_is_a_project() -> None:
    assert len(FOLDERS) >= 5
    for folder in FOLDERS:
        assert (folder / "zhibiao.yaml").is_file(), folder
        assert list((folder / "standards").rglob("*.yaml")), folder


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_diagnostics_match_expected(folder: Path) -> None:
    exit_code, found = _check(folder)
    actual = sorted(f"{d['code']} {d['file']}:{d['line']}" for d in found)
    assert actual == _expected(folder), json.dumps(found, ensure_ascii=False, indent=1)
    errors = any(d["severity"] == "error" for d in found)
    assert exit_code == (1 if errors else 0)


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_transcriptions_fit_the_model(folder: Path) -> None:
    """Every file loads and validates: the gaps are recorded as values, not as schema errors."""
    _, found = _check(folder)
    reading = [d for d in found if str(d["code"]) < "ZB200"]
    assert not reading, reading


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_placeholders_are_marked(folder: Path) -> None:
    """Each “待补充” placeholder sits on a line that says the source does not give it."""
    _, found = _check(folder)
    for d in found:
        if d["code"] != "ZB605":
            continue
        text = (folder / str(d["file"])).read_text("utf-8").splitlines()
        line = text[int(str(d["line"])) - 1]
        assert MARKER in line, f"{d['file']}:{d['line']}: {line}"
