"""HTML, Markdown and script text in any field: escaped in the site, literal text in Word.

A generated specialty set gets hostile text in a course name (which also fills the course
plan table), a course description, a competency (competency table), an equipment line
(equipment table) and an internship task. The set still checks clean; then the site is
built and the Word files exported, and both are read back.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import dump, generate
from builder.read.yamlsource import decode, parse
from tests.conftest import run_cli
from tests.docx_read import open_docx

pytestmark = pytest.mark.slow

NAME = "Python|程序<b>设计</b>{#x}"
TITLE = "课程标准</title><script>alert(5)</script><img src=x onerror=alert(6)>"
DESCRIPTION = "课程<script>alert('x')</script>讲授 [点我](javascript:alert(1)) 与 {#x} 等内容。"
COMPETENCY = "能<img src=x onerror=alert(2)>识读](javascript:alert(3)){: #y onclick=alert(4)}图纸"
EQUIPMENT = "主机 | 显示器 | 键盘 <iframe src=//evil.example>"
TASK = '# 注入标题\n\n!!! danger\n\n--8<-- "/etc/passwd"\n\n{{ config.site_name }} <style>body{display:none}</style>'
PAYLOADS = (NAME, DESCRIPTION, COMPETENCY, EQUIPMENT, TITLE)


def _load(path: Path) -> Any:
    return parse(decode(path.read_bytes()))


def _save(path: Path, data: Any, kind: str, depth: int) -> None:
    path.write_text(dump(data, kind, depth), "utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("injection")
    generate(root, 1, 2025, course_standards=2)
    folder = next((root / "standards").iterdir())
    course_path = sorted((folder / "courses").iterdir())[0]
    course = _load(course_path)
    specialty = _load(folder / "specialty.yaml")
    row = next(r for r in specialty["courses"] if r["code"] == course["code"])
    row["name"] = course["name"] = NAME
    course["description"] = DESCRIPTION
    course["meta"]["title"] = TITLE
    _save(course_path, course, "course", 3)
    _save(folder / "specialty.yaml", specialty, "specialty", 2)
    competencies = _load(folder / "competencies.yaml")
    competencies["domains"][0]["tasks"][0]["competencies"][0]["text"] = COMPETENCY
    _save(folder / "competencies.yaml", competencies, "competencies", 2)
    base = _load(folder / "training-base.yaml")
    base["rooms"][0]["equipment"][0]["spec"] = EQUIPMENT
    _save(folder / "training-base.yaml", base, "training_base", 2)
    internship = _load(folder / "internship.yaml")
    internship["tasks"][0]["content"] = TASK
    _save(folder / "internship.yaml", internship, "internship", 2)
    return root


def test_hostile_text_is_valid_content(project: Path) -> None:
    result = run_cli(["check", "standards", "--no-cache"], project)
    assert result.exit_code == 0, result.stdout


class _Html(HTMLParser):
    """Scripts, event handlers, link targets, ids, tables and text of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.rows: list[list[str]] = []
        self._script = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name == "href" and value:
                self.hrefs.append(value)
            if name == "id" and value:
                self.ids.add(value)
        if tag == "script":
            self._script = True
            self.scripts.append("")
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = False
        elif tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts[-1] += data
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def site(project: Path) -> dict[str, _Html]:
    result = run_cli(["build", "--no-docx", "--no-data"], project)
    assert result.exit_code == 0, result.stdout + result.stderr
    pages = {}
    for path in sorted((project / "site").rglob("*.html")):
        parser = _Html()
        parser.feed(path.read_text("utf-8"))
        pages[path.relative_to(project / "site").as_posix()] = parser
    return pages


def test_no_script_handler_or_javascript_link_gets_through(site: dict[str, _Html]) -> None:
    for name, page in site.items():
        assert not [s for s in page.scripts if "alert(" in s], name
        assert page.handlers == [], (name, page.handlers)
        assert not [h for h in page.hrefs if h.strip().lower().startswith("javascript:")], name
        assert not {"iframe", "img", "b"} & set(page.tags), (
            name,
            {"iframe", "img", "b"} & set(page.tags),
        )
        assert "x" not in page.ids and "y" not in page.ids, name
        assert page.tags.count("title") == 1 and page.tags.count("style") == 0, name


def test_hostile_text_is_shown_literally(site: dict[str, _Html]) -> None:
    text = "\n".join("".join(page.text) for page in site.values())
    for payload in PAYLOADS:
        assert payload in text, payload
    assert "--8<--" in text and "{{ config.site_name }}" in text  # no snippet, no template
    assert "<style>body{display:none}</style>" in text
    assert "root:" not in text  # /etc/passwd was not included


def test_table_cells_keep_their_pipes(site: dict[str, _Html]) -> None:
    rows = [row for page in site.values() for row in page.rows]
    plan = [row for row in rows if any(NAME in cell for cell in row)]
    assert plan, "the course plan row with the hostile name"
    widths = {
        len(row) for page in site.values() for row in page.rows if any(NAME in c for c in row)
    }
    headers = {
        len(rows[i - 1]) for i, row in enumerate(rows) if any(NAME in c for c in row) and i > 0
    }
    assert widths and all(width >= 2 for width in widths)
    assert widths <= headers | widths  # the hostile row has as many cells as its neighbours
    equipment = [row for row in rows if any(EQUIPMENT in cell for cell in row)]
    assert equipment and all(len(row) >= 3 for row in equipment)


@pytest.fixture(scope="module")
def word(project: Path) -> dict[str, bytes]:
    out = project / "build" / "docx"
    result = run_cli(["export", "docx", "--toc-pages", "never", "-o", str(out)], project)
    assert result.exit_code == 0, result.stdout + result.stderr
    return {path.name: path.read_bytes() for path in sorted(out.glob("*.docx"))}


def _texts(data: bytes) -> list[str]:
    document = open_docx(data)
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            found.extend(cell.text for cell in row.cells)
    return found


def test_word_holds_the_text_literally(word: dict[str, bytes]) -> None:
    texts = "\n".join(text for data in word.values() for text in _texts(data))
    for payload in PAYLOADS:
        assert payload in texts, payload
    for name, data in word.items():
        archive = zipfile.ZipFile(io.BytesIO(data))
        for member in archive.namelist():
            content = archive.read(member).decode("utf-8", "replace")
            assert "javascript:" not in content or "<w:t" in content, (name, member)
            assert not re.search(r"<(script|iframe|img)\b", content), (name, member)
        rels = "".join(
            archive.read(m).decode("utf-8") for m in archive.namelist() if m.endswith(".rels")
        )
        assert "javascript:" not in rels, name
