"""Hostile input: ≥ 500 generated cases; check never crashes, exits 0/1, locates what it reports.

The cases (tests/hostile_cases.py) mutate one valid specialty set: byte flips, truncations,
indentation/tab/colon/quote edits, alias bombs, tags, deep nesting, huge keys and files,
control characters, BOMs and other encodings, links out of the tree and FIFOs, reference
paths that escape, HTML/Markdown/script text, wrong types, duplicate keys, several
documents, odd Unicode and file names. They run in-process through `run_check`; a few
run through the command line, and the bombs are measured for memory in a subprocess.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from benchmarks.generate import generate
from builder import report
from builder.checking.pipeline import run_check
from builder.project.loading import open_project
from builder.read.corpus import load_document
from tests.conftest import REPO, run_cli
from tests.hostile_cases import IDENT, Case, all_cases

CASES = all_cases()
UNLOCATED = {"ZB007", "ZB010"}
"""File-level problems (too large, unreadable): a file name, no line."""


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One valid specialty set with two course standards (checks clean)."""
    root = tmp_path_factory.mktemp("hostile-base")
    generate(root, 1, 2025, course_standards=2)
    return root


@pytest.fixture
def project(pristine: Path, tmp_path: Path) -> Path:
    """A fresh copy of the valid set."""
    target = tmp_path / "p"
    shutil.copytree(pristine, target, symlinks=True)
    return target


def apply(case: Case, project: Path) -> Path:
    """Put the hostile input in place."""
    path = project / "standards" / IDENT.folder / case.target
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.exists():
        path.unlink()
    if case.link is not None:
        path.symlink_to(case.link)
    elif case.fifo:
        os.mkfifo(path)
    elif case.data is not None:
        path.write_bytes(case.data)
    return path


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 500
    assert len({case.name for case in CASES}) == len(CASES)


def test_the_base_set_is_clean(pristine: Path) -> None:
    assert run_check(open_project(pristine / "standards"), base=pristine).diagnostics == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(case: Case, project: Path) -> None:
    apply(case, project)
    result = run_check(open_project(project / "standards"), base=project)
    for d in result.diagnostics:
        if d.code not in UNLOCATED:
            assert d.line >= 1 and d.column >= 1, d
    codes = {d.code for d in result.diagnostics}
    assert case.expect <= codes, [(d.code, d.message) for d in result.diagnostics]
    if case.expect_text:
        assert any(case.expect_text in d.message for d in result.diagnostics)
    if case.clean:
        assert result.diagnostics == []
    if case.no_cascade:
        own = f"{IDENT.folder}/{case.target}"
        assert any(d.file.endswith(own) for d in result.diagnostics), "its own error"
        assert not [d for d in result.diagnostics if d.code.startswith("ZB3")], [
            (d.code, d.file, d.message) for d in result.diagnostics
        ]
    if case.only_line:
        target = f"{IDENT.folder}/{case.target}"
        schema = [
            d
            for d in result.diagnostics
            if d.code[:3] in ("ZB0", "ZB1") and d.file.endswith(target)
        ]
        assert schema and {d.line for d in schema} == {case.only_line}, [
            (d.code, d.line, d.message) for d in result.diagnostics
        ]
    for fmt in ("text", "json", "github", "sarif"):
        buffer = io.StringIO()
        report.select(fmt)(result.diagnostics, result.files, buffer)
        buffer.getvalue().encode("utf-8")  # writable to a file or a pipe as UTF-8
    for line in _text(result.diagnostics, result.files).splitlines():
        assert "\x1b" not in line and "\x00" not in line


def _text(diagnostics: list, files: int) -> str:
    buffer = io.StringIO()
    report.select("text")(diagnostics, files, buffer)
    return buffer.getvalue()


CLI_CASES = [
    "bomb-billion-laughs",
    "deep-flow-100000",
    "fifty-megabytes",
    "fifo",
    "link-outside-file",
    "encoding-gbk",
    "name-newline",
    "control-escaped-U+001B",
    "ref-standard-8",
]


@pytest.mark.parametrize("name", CLI_CASES)
@pytest.mark.parametrize("fmt", ["json", "github"])
def test_hostile_input_on_the_command_line(name: str, fmt: str, project: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    apply(case, project)
    result = run_cli(["check", "standards", "--format", fmt, "--no-cache"], project)
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr
    if fmt == "json":
        codes = {d["code"] for d in json.loads(result.stdout)}
        assert case.expect <= codes
    else:
        for line in result.stdout.splitlines():
            assert line.startswith(("::error ", "::warning ", "::notice ", "检查了")), line


def test_fifty_megabytes_are_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB long, nothing to read
    tracemalloc.start()
    doc, problems = load_document(big, "big.yaml", tmp_path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert doc is None and [p.code for p in problems] == ["ZB007"]
    assert "50.0 MB" in problems[0].message
    assert peak < 1024 * 1024


def _peak_rss_mb(project: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "builder", "check", "standards", "--no-cache", "-f", "json"]
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) in (0, 1)
    return usage.ru_maxrss / 1024


@pytest.mark.parametrize("name", ["bomb-billion-laughs", "bomb-quadratic", "bomb-recursive"])
def test_alias_bombs_stay_small(name: str, project: Path) -> None:
    clean = _peak_rss_mb(project)
    apply(next(c for c in CASES if c.name == name), project)
    assert _peak_rss_mb(project) - clean < 100


def _meaning(before: object, after: object) -> bool:
    """Same data for the check parser; a bare integer may have become its quoted digits."""
    if type(before) is int and type(after) is str:
        return str(before) == after
    if type(before) is not type(after):
        return False
    if isinstance(before, dict) and isinstance(after, dict):
        return before.keys() == after.keys() and all(
            _meaning(v, after[k]) for k, v in before.items()
        )
    if isinstance(before, list) and isinstance(after, list):
        return len(before) == len(after) and all(map(_meaning, before, after))
    if isinstance(before, float) and isinstance(after, float) and before != before:
        return after != after
    return before == after


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_fmt_on_hostile_input(case: Case, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fmt never raises, never writes a link or outside the project, never changes meaning."""
    import builder.yamlfmt as yamlfmt
    from builder.read.yamlsource import YamlProblem, decode, parse

    target = apply(case, project)
    written: dict[Path, str] = {}

    def record(target: Path, text: str) -> None:
        assert not target.is_symlink(), target
        assert target.resolve().is_relative_to(project.resolve()), target
        written[target] = text

    monkeypatch.setattr(yamlfmt, "write_text", record)
    result = yamlfmt.format_paths([target], project, check=False)  # the hostile file only
    for d in result.diagnostics:
        assert d.line >= 1 or d.data_path is not None, d
    for target, text in written.items():
        try:
            before = parse(decode(target.read_bytes()))
        except YamlProblem:
            pytest.fail(f"fmt rewrote {target}, which check cannot read")
        assert _meaning(before, parse(text)), target
        assert yamlfmt.format_text(text, "x").text == text, "not idempotent"
