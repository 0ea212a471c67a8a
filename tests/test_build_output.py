"""What `zhibiao build` prints (issue 17 §3): the check summary once, no raw log lines of
mkdocs or jieba, and progress lines for shards in a split build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_cli

RAW = re.compile(
    r"^(INFO|WARNING|DEBUG)\b|Building prefix dict|Loading model|Prefix dict has been built|"
    r"Documentation built|Cleaning site directory|Building documentation|Dumping model",
    re.MULTILINE,
)


@pytest.mark.slow
def test_build_prints_the_summary_once_and_no_raw_log_lines(example_project: Path) -> None:
    done = run_cli(["build"], cwd=example_project)
    assert done.exit_code == 0, done.stderr
    output = done.stdout + done.stderr
    assert len(re.findall(r"检查了 \d+ 个文件", output)) == 1, output
    assert RAW.search(output) is None, output
    assert "站点已生成" in output and re.search(r"mkdocs 构建用时 [0-9.]+ 秒", output)
    verbose = run_cli(["build", "-v", "--rebuild"], cwd=example_project)  # not a no-op
    assert verbose.exit_code == 0, verbose.stderr
    assert "Documentation built in" in verbose.stdout + verbose.stderr  # raw lines kept with -v


@pytest.mark.slow
def test_split_build_reports_shard_progress(example_project: Path) -> None:
    done = run_cli(["build", "--split", "specialty"], cwd=example_project)
    assert done.exit_code == 0, done.stderr
    output = done.stdout + done.stderr
    assert len(re.findall(r"检查了 \d+ 个文件", output)) == 1, output
    assert RAW.search(output) is None, output
    shards = re.findall(r"已构建分站点 (\d+)/(\d+)", output)
    specialties = sum(1 for p in (example_project / "standards").iterdir() if p.is_dir())
    assert shards and shards[-1][0] == shards[-1][1] == str(specialties), output
