"""Rendering test: the exported .docx files through LibreOffice headless, checked with poppler."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.checking.pipeline import run_check
from builder.docx.export import export_trees
from builder.read.config import ProjectConfig
from tests.docx_pdf import pdf_fonts, pdf_text, to_pdf, tools_missing
from tests.docx_trees import course_tree, specialty_tree, training_base_tree

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

NOTICE = Path(__file__).parent / "cases" / "docx-notice" / "notice.yaml"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    missing = tools_missing()
    if missing:
        pytest.skip(f"{missing} not installed")
    base = tmp_path_factory.mktemp("render")
    trees = [specialty_tree(), course_tree(), training_base_tree()]
    files = export_trees(trees, ProjectConfig(), base / "docx", notice=NOTICE)
    pdfs = to_pdf(files, base / "pdf", base / "profile")
    fonts = pdf_fonts(pdfs[0]) + pdf_fonts(pdfs[1])
    return {"fonts": [fonts], **{pdf.stem: pdf_text(pdf) for pdf in pdfs}}


def test_chinese_text_and_fonts(rendered: dict[str, list[str]]) -> None:
    specialty = "\n".join(rendered["510209-专业教学标准"])
    assert "高等职业教育专科人工智能技术应用" in specialty
    assert "人工智能训练师" in specialty
    fonts = rendered["fonts"][0]
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts


def test_page_counts_are_sane(rendered: dict[str, list[str]]) -> None:
    assert 5 <= len(rendered["510209-专业教学标准"]) <= 14
    assert 2 <= len(rendered["510209-课程标准-ZH03-机器学习技术应用"]) <= 6
    assert 3 <= len(rendered["510209-实训基地建设标准"]) <= 12


def test_gongwen_page_numbers(rendered: dict[str, list[str]]) -> None:
    pages = rendered["510209-课程标准-ZH03-机器学习技术应用"]
    numbers = [re.findall(r"—\s*(\d+)\s*—", page) for page in pages]
    assert numbers[0] == []  # the 目录 page carries no number
    assert [n for found in numbers[1:] for n in found] == [str(i) for i in range(1, len(pages))]
    # odd pages right, even pages left
    last_lines = [page.rstrip().splitlines()[-1] for page in pages[1:]]
    assert last_lines[0].startswith(" " * 20)
    if len(last_lines) > 1:
        assert not last_lines[1].startswith(" " * 20)


def test_standard_cover_toc_and_numbers(rendered: dict[str, list[str]]) -> None:
    pages = rendered["510209-专业教学标准"]
    assert "（征求意见稿）" in pages[0] and "T/CIE 101—2026" in pages[0]
    assert "目" in pages[1] and "职业面向" in pages[1]
    assert "Word 域" not in pages[1]  # no instruction to the reader inside the document
    assert pages[1].strip().endswith("I")
    assert "本文件按照GB/T1.1" in _flat(pages[2])
    assert pages[3].strip().endswith("1")
    assert all("征求意见稿" in page for page in pages[1:])


def test_table_header_repeats_on_each_page(rendered: dict[str, list[str]]) -> None:
    pages = rendered["510209-实训基地建设标准"]
    with_rows = [page for page in pages if "GPU 训练服务器" in page or "实训工作站" in page]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert "主要功能及技术要求" in page


def test_notice_renders(rendered: dict[str, list[str]]) -> None:
    pages = rendered["通知-电子行指委〔2026〕5号"]
    assert "电子行指委〔2026〕5号" in _flat(pages[0])
    assert "—1—" in _flat(pages[0])
    assert "抄送" in pages[-1] and "—" not in pages[-1]


def test_every_example_document_renders(tmp_path: Path) -> None:
    missing = tools_missing()
    if missing:
        pytest.skip(f"{missing} not installed")
    from builder.docx.export import export_project
    from builder.project.loading import open_project
    from tests.conftest import REPO

    project = open_project(REPO / "standards", REPO / "zhibiao.yaml")
    result = export_project(project, tmp_path / "docx", check=run_check)
    assert len(result.written) >= 10
    pdfs = to_pdf(result.written, tmp_path / "pdf", tmp_path / "profile")
    for docx_path, pdf in zip(result.written, pdfs, strict=True):
        pages = pdf_text(pdf)
        assert 2 <= len(pages) <= 60, docx_path.name
        text = _flat("".join(pages))
        assert re.search(r"[\u4e00-\u9fff]{20}", text), docx_path.name
        if "课程标准" in docx_path.name or "人才培养方案" in docx_path.name:  # 公文 layout
            assert "—1—" in text and "—2—" in text, docx_path.name
        else:
            assert pages[-1].strip().splitlines()[-1].strip().isdigit(), docx_path.name
