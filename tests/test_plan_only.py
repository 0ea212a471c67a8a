"""A repository that holds only schools' plans (no national standard of the specialty, as in
tests/realworld/plan-*) builds and exports: a plan is not a sheet of a specialty's workbook,
so the open-data workbook and CASE package are skipped, never an internal error."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import run_cli

PLAN = Path(__file__).resolve().parent / "realworld" / "plan-bitc-510209"


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(PLAN, project, ignore=shutil.ignore_patterns("expected.txt"))
    return project


def test_a_plan_only_project_builds(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    result = run_cli(["build"], project)
    assert result.exit_code == 0, result.stderr
    pages = list((project / "site" / "510209" / "plans").rglob("index.html"))
    assert len(pages) == 1
    text = pages[0].read_text("utf-8")
    assert "数据采集与预处理" in text and "（节选）" in text
    assert "课程代码" not in text  # no plan row has a code: the empty column is left out
    assert not list((project / "site").rglob("*.xlsx"))


def test_a_plan_only_project_exports(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    for command in (["export", "xlsx", "-o", "x"], ["export", "json", "-o", "d.json"]):
        result = run_cli(command, project)
        assert result.exit_code == 0, (command, result.stderr)
        assert "内部错误" not in result.stderr
    assert not list((project / "x").glob("*.xlsx"))
    result = run_cli(["export", "docx", "-o", "w"], project)
    assert result.exit_code == 0, result.stderr
    assert len(list((project / "w").rglob("*.docx"))) == 1
