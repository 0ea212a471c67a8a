"""The check a site build starts with (`builder.site.checked.check_and_load`): through the
check cache, the parsed cache and the check's own whole-tree index, it gives the report
`zhibiao check` gives and a corpus equal to a fresh load of the tree, after any edit."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.base.diagnostics import Diagnostics
from builder.checking.pipeline import run_check
from builder.project.loading import open_project
from builder.read.corpus import load_corpus
from builder.site.checked import check_and_load
from builder.site.options import BuildOptions
from tests.conftest import REPO

AI = "510209-人工智能技术应用"


def _project(target: Path) -> Path:
    shutil.copytree(REPO / "standards", target / "standards")
    shutil.copy(REPO / "zhibiao.yaml", target / "zhibiao.yaml")
    return target


def _course(project: Path) -> Path:
    return sorted((project / "standards" / AI / "courses").glob("*.yaml"))[0]


def _edit_requirements(project: Path) -> None:
    """A content text: the document's continuity facts change."""
    path = _course(project)
    text = path.read_text("utf-8")
    assert "requirements: " in text
    path.write_text(text.replace("requirements: ", "requirements: 能按修订后的要求", 1), "utf-8")


def _move_course(project: Path) -> None:
    """The same bytes under another name: cached facts are bound to the new path."""
    path = _course(project)
    path.rename(path.with_name("zz-" + path.name))


def _break_course(project: Path) -> None:
    path = _course(project)
    path.write_text(path.read_text("utf-8") + "\n  - 不成对的缩进: [\n", "utf-8")


def _nothing(project: Path) -> None:
    return None


@pytest.mark.parametrize("edit", [_nothing, _edit_requirements, _move_course, _break_course])
def test_the_builds_check_equals_a_fresh_check_and_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: Callable[[Path], None]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    project = _project(tmp_path / "p")
    options = BuildOptions(site_dir=project / "site")
    check_and_load(open_project(project / "standards"), options, project)  # fills the caches
    edit(project)
    opened = open_project(project / "standards")
    built = check_and_load(opened, options, project)
    fresh = run_check(opened, base=project)
    assert built.diagnostics == fresh.diagnostics
    loaded = load_corpus(project / "standards", project, Diagnostics())
    assert built.corpus.index == loaded.index
    assert built.corpus.failed == loaded.failed
    assert [(d.rel, d.doc) for d in built.corpus.documents] == [
        (d.rel, d.doc) for d in loaded.documents
    ]
