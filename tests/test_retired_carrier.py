"""One policy for retired carriers: `zhibiao check`, the site and the Word file agree.

Course ZH01 of the 510209 example is marked 废止. A retired document teaches nothing any
more (`builder.view.retired`), so the competencies only it carried are reported as not
carried (ZB301) and shown as 「（未承载）」 in the analysis table of the site and of the .docx.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.docx_read import open_docx

SPECIALTY = "510209-人工智能技术应用"
UNCARRIED = "（未承载）"


def _retire(project: Path, status: str) -> None:
    course = project / "standards" / SPECIALTY / "courses" / "zh01.yaml"
    text = course.read_text("utf-8")
    assert "  status: 征求意见稿\n" in text
    course.write_text(text.replace("  status: 征求意见稿\n", f"  status: {status}\n", 1), "utf-8")


def _checked(project: Path) -> set[str]:
    done = run_cli(["check", "--format", "json"], project)
    assert done.exit_code == 1, done.stderr
    found = json.loads(done.stdout)
    return {
        m.group(1)
        for d in found
        if d["code"] == "ZB301" and (m := re.match(r"职业能力 (\S+)「", d["message"]))
    }


def _docx_uncarried(path: Path) -> set[str]:
    document = open_docx(path.read_bytes())
    found: set[str] = set()
    for table in document.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if cells and cells[-1].strip() == UNCARRIED:
                code = next((c.split()[0] for c in cells if re.match(r"\d+-\d+-\d+ ", c)), None)
                assert code is not None, cells
                found.add(code)
    return found


def _markdown_uncarried(path: Path) -> set[str]:
    found: set[str] = set()
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("|") and line.rstrip(" |").endswith(UNCARRIED):
            match = re.search(r"(\d+-\d+-\d+) ", line)
            assert match is not None, line
            found.add(match.group(1))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("status", ["废止", "被代替"])
def test_retired_course_same_answer_in_check_site_and_docx(
    example_project: Path, status: str
) -> None:
    _retire(example_project, status)
    checked = _checked(example_project)
    assert len(checked) >= 3, checked  # ZH01 was the only carrier of several competencies

    out = example_project / "docx"
    done = run_cli(["export", "docx", "--force", "-o", str(out)], example_project)
    assert done.exit_code == 0, done.stderr
    (competency_docx,) = [
        p for p in out.glob("*.docx") if "职业能力" in p.name and "510209" in p.name
    ]
    assert _docx_uncarried(competency_docx) == checked

    done = run_cli(
        ["build", "--force", "--no-docx", "--no-data", "--split", "none"], example_project
    )
    assert done.exit_code == 0, done.stderr
    pages = list((example_project / "build" / "site-src").rglob("competencies.md"))
    page = next(p for p in pages if "510209" in p.as_posix())
    assert _markdown_uncarried(page) == checked


def test_in_force_course_carries(example_project: Path) -> None:
    done = run_cli(["check", "--format", "json"], example_project)
    assert done.exit_code == 0, done.stdout + done.stderr
