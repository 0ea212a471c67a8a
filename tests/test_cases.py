"""Data-driven check cases: tests/cases/<name>/ holds a project and `expected.txt`.

Each case folder is copied to a temporary directory (so the repository's own zhibiao.yaml
is never picked up, and nothing is written into the repository) and checked with
`python -m builder check standards --format json [args.txt]`.

`expected.txt`, one diagnostic a line, `#` starts a comment line:

    CODE path:line[:col] [severity] [| text]

`path` is relative to the case folder; `text` must occur in the message or the hint. Every
diagnostic must be matched by exactly one line and every line by one diagnostic; an empty
file means the case must pass cleanly. The exit code must be 1 when an error remains (or a
warning under `--strict`; `info` never fails), else 0. Instead, `usage-error file:line:col [| text]` expects a
usage error: exit 2, nothing on stdout, `file:line:col: error: …` on stderr.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CASES, run_cli

CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "expected.txt").is_file())
_LINE = re.compile(
    r"^(?P<code>ZB\d{3}|usage-error) (?P<file>\S+?):(?P<line>\d+)(?::(?P<column>\d+))?"
    r"(?: (?P<severity>error|warning|info))?(?: \| (?P<text>.+))?$"
)


@dataclass(frozen=True)
class Expected:
    """One line of expected.txt."""

    code: str
    file: str
    line: int
    column: int | None
    severity: str | None
    text: str | None
    source: str

    def matches(self, d: dict[str, Any]) -> bool:
        """True when diagnostic `d` (a JSON object) fits this line."""
        shown = d["message"] + "\n" + (d["hint"] or "")
        return (
            d["code"] == self.code
            and d["file"] == self.file
            and d["line"] == self.line
            and (self.column is None or d["column"] == self.column)
            and (self.severity is None or d["severity"] == self.severity)
            and (self.text is None or self.text in shown)
        )


def parse_expected(case: Path) -> list[Expected]:
    """Read expected.txt; a malformed line fails the test."""
    found = []
    for raw in (case / "expected.txt").read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        assert match, f"{case.name}/expected.txt: cannot read line {line!r}"
        column = match["column"]
        found.append(
            Expected(
                match["code"],
                match["file"],
                int(match["line"]),
                int(column) if column else None,
                match["severity"],
                match["text"],
                line,
            )
        )
    return found


def _show(d: dict[str, Any]) -> str:
    return f"{d['code']} {d['file']}:{d['line']}:{d['column']} {d['severity']} | {d['message']}"


FILE_LEVEL = {"ZB002", "ZB006", "ZB007"}
"""Codes about a whole file (encoding, emptiness, size): they sit at 1:1 or at a byte."""


def _assert_points_at_text(case: Path, d: dict[str, Any]) -> None:
    """The position is inside the file and on a visible character, not on blank space."""
    assert d["line"] >= 1 and d["column"] >= 1, d
    if d["code"] in FILE_LEVEL:
        return
    text = (case / d["file"]).read_bytes().decode("utf-8-sig", errors="replace")
    lines = text.replace("\r\n", "\n").split("\n")
    assert d["line"] <= len(lines), _show(d)
    line = lines[d["line"] - 1]
    assert d["column"] <= len(line), f"{_show(d)}: column beyond the line {line!r}"
    char = line[d["column"] - 1]
    assert char == "\t" or not char.isspace(), f"{_show(d)}: points at blank space in {line!r}"


def run_case(case: Path, tmp_path: Path) -> tuple[int, str, str]:
    """Check a copy of the case; (exit code, stdout, stderr)."""
    work = tmp_path / case.name
    shutil.copytree(case, work, symlinks=True)
    args_file = case / "args.txt"
    extra = args_file.read_text("utf-8").split() if args_file.is_file() else []
    result = run_cli(["check", "standards", "--format", "json", *extra], work)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case(case: Path, tmp_path: Path) -> None:
    expected = parse_expected(case)
    exit_code, stdout, stderr = run_case(case, tmp_path)
    assert "Traceback" not in stderr, stderr
    assert exit_code != 3, stderr
    usage = [e for e in expected if e.code == "usage-error"]
    if usage:
        (want,) = usage
        assert exit_code == 2, (exit_code, stdout, stderr)
        assert stdout == ""
        where = (
            f"{want.file}:{want.line}:{want.column}" if want.column else f"{want.file}:{want.line}:"
        )
        assert stderr.startswith(f"{where}: error: " if want.column else where), stderr
        assert want.text is None or want.text in stderr, stderr
        return
    assert exit_code in (0, 1), stderr
    found = json.loads(stdout)
    unmatched = list(found)
    missing = []
    for line in expected:
        hit = next((d for d in unmatched if line.matches(d)), None)
        if hit is None:
            missing.append(line.source)
        else:
            unmatched.remove(hit)
    report = "\n".join(
        [
            "expected but not reported:",
            *missing,
            "reported but not expected:",
            *map(_show, unmatched),
        ]
    )
    assert not missing and not unmatched, report
    for d in found:
        _assert_points_at_text(case, d)
    strict = "--strict" in (
        (case / "args.txt").read_text("utf-8") if (case / "args.txt").is_file() else ""
    )
    failing = {"error", "warning"} if strict else {"error"}
    wants_failure = any(d["severity"] in failing for d in found)
    assert exit_code == (1 if wants_failure else 0)


def test_generated_cases_are_current() -> None:
    """The committed case folders are exactly what tests/cases_list.py describes."""
    from tests.casegen import stale

    assert stale() == [], "run: python3 -m tests.casegen"
