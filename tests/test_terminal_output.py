"""Text for a terminal or a CI log never lets a file name or value start a line of its own
or send a terminal escape.

A pull request can add a file whose name holds a line break (git allows it) and values
written with `\\n`. Printed as they are, a line `::error::…` or `::stop-commands::…` in a
GitHub Actions log is a workflow command, and `\\x1b]…` rewrites a reviewer's terminal. Every
command that prints names or values from the standards (check, diff, refs, fmt, rename)
writes control characters as `\\xNN` (`builder.base.escape.terminal_text`); a value that
spans lines is printed indented, each line behind a marker.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli

CASE = Path(__file__).resolve().parent / "cases" / "clean-minimal"
FOLDER = "510209-人工智能技术应用"
LINKED = "ZH01\n::error::INJECTED-LINKED.yaml"
"""A course file the specialty links (a line break can be written in YAML; an escape not)."""
LOOSE = "ZH09\n::warning::INJECTED-LOOSE\x1b]0;pwned\x07.yaml"
"""A file nothing links, with a terminal escape in its name, that fmt would rewrite."""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("terminal")
    shutil.copytree(CASE / "standards", root / "old")
    shutil.copytree(CASE / "standards", root / "project" / "standards")
    courses = root / "project" / "standards" / FOLDER / "courses"
    (courses / "ZH01.yaml").rename(courses / LINKED)
    specialty = courses.parent / "specialty.yaml"
    text = specialty.read_text("utf-8")
    assert text.count("standard: courses/ZH01.yaml") == 1
    linked = LINKED.replace("\n", "\\n")
    specialty.write_text(text.replace("courses/ZH01.yaml", f'"courses/{linked}"'), "utf-8")
    course = courses / LINKED
    text = course.read_text("utf-8")
    course.write_text(
        text.replace("name: 数据采集与标注", 'name: "数据采集与标注\\n::error::INJECTED-VALUE"'),
        "utf-8",
    )
    (courses / LOOSE).write_text("kind:   course\ncode:  ZH09\n", "utf-8")
    return root / "project"


def _injected(output: str) -> list[str]:
    """Lines a CI runner would read as workflow commands, and terminal escapes."""
    found = [line for line in output.splitlines() if line.strip().startswith("::")]
    return found + (["ESC"] if "\x1b" in output else [])


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["diff", "../old"],
        ["refs", "ZH01"],
        ["fmt", "--check"],
        ["rename", "ZH01", "ZH08", "--dry-run"],
    ],
    ids=["check", "diff", "refs", "fmt", "rename"],
)
def test_names_and_values_never_start_a_line(project: Path, args: list[str]) -> None:
    result = run_cli(args, project)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "内部错误" not in output, output
    assert "INJECTED" in output, output  # shown, as text
    assert not _injected(output), output
