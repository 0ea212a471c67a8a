"""Helpers of the cached-equals-uncached tests that edit a copy of some example specialties."""

from __future__ import annotations

import shutil
from pathlib import Path

from builder.checking.incremental import run_check_cached
from builder.checking.pipeline import CheckResult, run_check
from builder.project.cache import CheckCache
from builder.project.loading import open_project
from tests.conftest import REPO


def example_subset(tmp_path: Path, folders: tuple[str, ...]) -> Path:
    """A project holding these folders of the examples' `standards/` and the examples' config."""
    root = tmp_path / "p"
    for name in folders:
        shutil.copytree(REPO / "standards" / name, root / "standards" / name)
    shutil.copy(REPO / "zhibiao.yaml", root / "zhibiao.yaml")
    return root


def cached_check(project: Path, key: Path) -> CheckResult:
    """`zhibiao check` through the project's cache (signed with the key file `key`)."""
    cache = CheckCache.open(project / ".zhibiao" / "cache", key_file=key)
    return run_check_cached(open_project(project / "standards"), cache, base=project)


def full_check(project: Path) -> CheckResult:
    """`zhibiao check --no-cache`."""
    return run_check(open_project(project / "standards"), base=project)


def edit_once(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), "utf-8")
