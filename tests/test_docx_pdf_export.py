"""`export pdf` and the filled 目次: page numbers equal the pages the headings land on.

The property is read from what a reader sees: the rendered PDF's text. A 目次 line
"7.2 知识 ……… 3" must lead to the page whose printed number is 3, and that page must hold
the heading "7.2 知识" (the first page after the 目次 that does).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from builder.docx.tocpages import fill, locate, printed_number
from tests.docx_pdf import pdf_fonts, pdf_text, to_pdf, tools_missing
from tests.ooxml_findings import findings, misplaced, validator

CASE = Path(__file__).parent / "cases" / "clean-minimal"
LEADER = re.compile(r"^\s*(\S.*?)\s*[.．·…]{4,}\s*([0-9]+|[IVXLC]+)\s*$")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _zhibiao(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "builder", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


def toc_lines(pages: list[str]) -> list[tuple[str, str]]:
    """(heading, printed page) of each 目次 line with a page number."""
    return [
        (match.group(1), match.group(2))
        for page in pages
        for match in map(LEADER.match, page.splitlines())
        if match
    ]


def assert_toc_matches_pages(pages: list[str]) -> int:
    """Every 目次 line's number is the printed number of the first page, after the 目次,
    that holds its heading; returns the number of lines checked."""
    lines = toc_lines(pages)
    assert lines, "目次 has no page numbers"
    start = 1 + max(i for i, page in enumerate(pages) if any(map(LEADER.match, page.splitlines())))
    for heading, number in lines:
        hit = next(i for i in range(start, len(pages)) if _flat(heading) in _flat(pages[i]))
        assert printed_number(pages[hit], hit + 1) == number, (heading, number, hit)
        start = hit
    return len(lines)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pdf-export")
    shutil.copytree(CASE / "standards", root / "standards")
    return root


pdf_tools = pytest.mark.skipif(tools_missing() is not None, reason="LibreOffice/poppler missing")


@pytest.mark.slow
@pytest.mark.libreoffice
@pdf_tools
def test_export_pdf_is_pdfa_with_fonts_embedded_and_a_filled_toc(project: Path) -> None:
    done = _zhibiao("export", "pdf", "-o", "out", cwd=project)
    assert done.returncode == 0, done.stderr
    pdfs = sorted((project / "out").glob("*.pdf"))
    assert {p.stem for p in pdfs} >= {"510209-专业教学标准", "510209-岗位实习标准"}
    checked = 0
    for pdf in pdfs:
        assert b"pdfaid:part" in pdf.read_bytes()  # PDF/A identification in the XMP metadata
        fonts = pdf_fonts(pdf).splitlines()[2:]  # name type encoding emb sub uni object gen
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
        pages = pdf_text(pdf)
        assert "注：目次" not in "".join(pages)
        if any(LEADER.match(line) for page in pages for line in page.splitlines()):
            checked += assert_toc_matches_pages(pages)
    assert checked >= 10


@pytest.mark.slow
@pytest.mark.libreoffice
@pdf_tools
def test_word_files_show_toc_pages_without_an_update(project: Path, tmp_path: Path) -> None:
    done = _zhibiao("export", "docx", "--toc-pages", "always", "-o", "docx", cwd=project)
    assert done.returncode == 0, done.stderr
    specialty = project / "docx" / "510209-专业教学标准.docx"
    with zipfile.ZipFile(specialty) as archive:
        assert b"updateFields" not in archive.read("word/settings.xml")  # no prompt in Word
        assert b"PAGEREF" in archive.read("word/document.xml")  # still fields Word can update
    for filled in sorted((project / "docx").glob("*.docx")):  # still valid ECMA-376
        assert findings(validator(), filled)[0] == [] and misplaced(filled.read_bytes()) == []
    # rendered by a second, independent LibreOffice run, as a reader's machine would
    pdf = to_pdf([specialty], tmp_path / "pdf", tmp_path / "profile")[0]
    assert assert_toc_matches_pages(pdf_text(pdf)) >= 10


def test_missing_libreoffice_is_a_usage_error(project: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {**os.environ, "PATH": str(bare)}
    done = _zhibiao("export", "pdf", "-o", "out2", cwd=project, env=env)
    assert done.returncode == 2, done.stderr
    assert "找不到 soffice" in done.stderr and "libreoffice-writer-nogui" in done.stderr
    assert "Traceback" not in done.stderr and not (project / "out2").exists()
    forced = _zhibiao("export", "docx", "--toc-pages", "always", "-o", "out3", cwd=project, env=env)
    assert forced.returncode == 2 and "找不到 soffice" in forced.stderr
    auto = _zhibiao("export", "docx", "-o", "out4", cwd=project, env=env)
    assert auto.returncode == 0, auto.stderr  # auto: left to Word when LibreOffice is absent


@pytest.mark.parametrize(
    ("page", "number"),
    [
        ("text\n\n                 — 12 —\n", "12"),
        ("x\n   II\n\n", "II"),
        ("x\n 7\n", "7"),
        ("x\ny\n", "4"),
    ],
)
def test_printed_number(page: str, number: str) -> None:
    assert printed_number(page, 4) == number


def test_locate_skips_the_toc_pages_and_keeps_order() -> None:
    pages = [
        "封面",
        "目 次\n1 概述 ........... \n2 范围 ...........\n",
        "1 概述\n正文提到 2 范围 的文字",
        "2 范围\n",
    ]
    assert locate(["1\u3000概述", "2 范围", "3 缺失"], pages) == [2, 2, None]


def test_fill_leaves_a_document_whose_heading_is_missing_unchanged() -> None:
    from builder.docx.export import render_trees
    from builder.read.config import ProjectConfig
    from tests.docx_trees import specialty_tree

    output = render_trees([specialty_tree()], ProjectConfig())[0]
    assert fill(output.data, ["封面", "目次 ........ "]) is None
    with zipfile.ZipFile(io.BytesIO(output.data)) as archive:
        assert b"updateFields" in archive.read("word/settings.xml")
