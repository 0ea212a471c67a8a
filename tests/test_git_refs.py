"""Git refs from the command line are never passed to git as options.

`--from-git`, `--changes-since`, `check --base`, `diff OLD NEW` and `conform --against` take a ref; a value such
as `--output=FILE` would make `git log`/`git rev-parse` write that file, `--upload-pack=…`
would run a command. Each must be a usage error (exit 2) and nothing may be written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.diff.gitref import resolve_ref
from builder.site.gitsource import commit_time, resolve
from tests.conftest import REPO, run_cli
from tests.review_helpers import copy_project, init_repo

HOSTILE_REFS = [
    "--output={target}",
    "--output={target} ",
    "-o{target}",
    "--upload-pack=touch {target}",
    "--exec=touch {target}",
    "-c core.pager=touch {target}",
    "--git-dir={target}",
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("git") / "project")
    init_repo(project)
    return project


@pytest.mark.parametrize("pattern", HOSTILE_REFS)
def test_resolvers_refuse_option_like_refs(repo: Path, tmp_path: Path, pattern: str) -> None:
    target = tmp_path / "written"
    ref = pattern.format(target=target)
    assert resolve_ref(repo, ref) is None
    assert resolve(repo, ref) is None
    assert commit_time(repo, ref) is None
    assert not target.exists()


def test_real_refs_still_resolve(repo: Path) -> None:
    commit = resolve(repo, "HEAD")
    assert commit is not None and len(commit) == 40
    assert resolve_ref(repo, "main") == commit
    assert commit_time(repo, "main") is not None
    assert resolve(repo, "HEAD\n--output=x") is None


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--no-docx", "--from-git={ref}"],
        ["build", "--no-docx", "--changes-since={ref}"],
        ["check", "--base={ref}"],
        ["diff", "--", "{ref}"],
        ["diff", "--", "HEAD", "{ref}"],
        [
            "conform",
            str(REPO / "standards" / "510209-人工智能技术应用" / "plans"),
            "--against={ref}",
        ],
    ],
)
def test_cli_refuses_option_like_refs(repo: Path, tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "written"
    ref = f"--output={target}"
    result = run_cli([a.replace("{ref}", ref) for a in args], repo)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "引用" in result.stderr, result.stderr
    assert not target.exists()
    assert not (repo / "site").exists()
