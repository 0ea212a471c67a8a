"""The benchmark corpus generator and the benchmark script (smoke test, so they do not rot)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate
from tests.conftest import REPO, run_cli


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def test_generated_corpus_is_deterministic_and_checks_clean(tmp_path: Path) -> None:
    one, two, again = tmp_path / "one", tmp_path / "two", tmp_path / "again"
    summary = generate(two, 2, seed=7)
    generate(again, 2, seed=7)
    generate(one, 1, seed=7)
    assert _tree(two) == _tree(again)
    standards = _tree(two / "standards")
    assert all(standards[name] == data for name, data in _tree(one / "standards").items())
    assert summary.files == len(_tree(two)) and 40 < summary.files < 70
    course = next(name for name in standards if "/courses/" in name)
    assert "课程标准" in standards[course].decode("utf-8")
    result = run_cli(["check", "standards", "--no-cache", "-f", "json", "--strict"], two)
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout) == []


def test_progress_bar_never_touches_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    from builder.base.progress import Bar, wanted

    assert not wanted()  # pytest captures standard error: not a terminal
    bar = Bar("检查", enabled=True)
    bar.add(600)
    for _ in range(600):
        bar.advance()
    bar.close()
    assert capsys.readouterr().out == ""


@pytest.mark.slow
def test_benchmark_script_quick(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "--work", str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("机器：")
    rows = [line for line in lines if line.startswith("| 3 |")]
    assert len(rows) >= 6
    assert any("check --no-cache" in row and "×" in row for row in rows)
    assert any("缓存命中" in row for row in rows)


def test_generated_plans_are_deterministic_and_mixed(tmp_path: Path) -> None:
    """The conformance benchmark's plans: valid, reproducible, some conforming and some not."""
    from benchmarks.conform import generate as generate_plans

    first = generate_plans(tmp_path / "a", 12, 3)
    again = generate_plans(tmp_path / "b", 12, 3)
    assert _tree(first) == _tree(again)
    check = run_cli(["check", "standards", "--no-cache", "--strict"], first)
    assert check.exit_code == 0, check.stdout
    conform = run_cli(["conform", "standards", "-f", "markdown"], first)
    assert conform.exit_code == 1, conform.stderr
    assert "| ✅ 符合 |" in conform.stdout and "| ❌ 不符合 |" in conform.stdout
    assert conform.stdout.count("| 示例") == 12  # one summary row per plan
