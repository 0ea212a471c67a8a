"""The published site carries everything: Word and YAML downloads, the 开放数据 page and a
修订说明 page generated from the semantic diff to the previous release tag."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import docx
import jsonschema
import openpyxl
import pytest

from tests.conftest import REPO, run_cli
from tests.site_html import html_file, read_page, resolve

pytestmark = pytest.mark.slow

COMPETENCIES = "standards/510209-人工智能技术应用/competencies.yaml"
OLD_TEXT = "能根据业务需求制定数据采集方案，明确数据来源、类型、格式、规模和采集周期。"
NEW_TEXT = "能根据业务需求制定多源数据采集方案，明确数据来源、类型、格式、规模和采集周期。"


def _git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples released as v2025, one competency reworded, then built as version 2026."""
    project = tmp_path_factory.mktemp("publish") / "project"
    project.mkdir()
    shutil.copytree(REPO / "standards", project / "standards")
    for name in ("zhibiao.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, project / name)
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "2025 版")
    _git(project, "tag", "v2025")
    source = project / COMPETENCIES
    text = source.read_text("utf-8")
    assert OLD_TEXT in text
    source.write_text(text.replace(OLD_TEXT, NEW_TEXT), "utf-8")
    result = run_cli(
        ["build", "--version", "2026", "--alias", "latest", "--changes-since", "v2025"], project
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    return project / "site" / "2026"


def test_changelog_lists_the_reworded_competency(published: Path) -> None:
    page = read_page(html_file(published, "changelog.md"))
    assert "v2025" in page.text
    assert OLD_TEXT in page.text and NEW_TEXT in page.text
    assert "1-1-1" in page.text


def test_word_downloads_sit_next_to_their_pages(published: Path) -> None:
    page = read_page(html_file(published, "510209/specialty.md"))
    targets = [resolve(html_file(published, "510209/specialty.md"), h) for h in page.links]
    files = {t[0] for t in targets if t is not None}
    # named as `zhibiao export docx` names it (code and title), not "specialty.docx"
    word = published / "510209" / "510209-专业教学标准.docx"
    assert word in files and (published / "510209" / "specialty.yaml") in files
    assert "人工智能技术应用" in docx.Document(str(word)).core_properties.title
    assert not (published / "510209" / "specialty.docx").exists()
    course = read_page(html_file(published, "510209/courses/ZJ02.md"))
    assert any(h.endswith(".docx") and "ZJ02" in unquote(h) and "Python" in h for h in course.links)


def test_open_data_page_links_valid_files(published: Path) -> None:
    data_page = html_file(published, "data.md")
    page = read_page(data_page)
    files = [
        t[0] for h in page.links if (t := resolve(data_page, h)) and "/data/" in t[0].as_posix()
    ]
    assert files and all(f.is_file() for f in files)
    dataset = json.loads((published / "data" / "dataset.json").read_text("utf-8"))
    schema = json.loads((published / "data" / "dataset.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(dataset)
    book = openpyxl.load_workbook(published / "data" / "510209-人工智能技术应用.xlsx")
    assert "能力课程矩阵" in book.sheetnames
    package = json.loads(
        (published / "data" / "case" / "510209" / "competencies.json").read_text("utf-8")
    )
    assert package["CFDocument"]["title"] and len(package["CFItems"]) > 30
