"""A course standard shared by several specialties (`applies_to`, e.g. the national 中职
信息技术 standard) from the command line: checked, published once on the site (also in a
split build, linked across sub-sites from every specialty that uses it), exported to Word
and to the open data with where it applies."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli
from tests.docx_read import open_docx

SHARED = "standards/公共基础课/信息技术.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The 中职 and 高职专科 电子商务 examples and the shared 中职 信息技术 standard."""
    root = tmp_path / "p"
    for name in ("730701-电子商务", "530701-电子商务", "公共基础课"):
        shutil.copytree(REPO / "standards" / name, root / "standards" / name)
    shutil.copy(REPO / "zhibiao.yaml", root / "zhibiao.yaml")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), "utf-8")


def test_the_shared_standard_checks_clean_and_is_read_by_its_level_only(project: Path) -> None:
    done = run_cli(["check", "standards", "--no-cache", "--format", "json"], project)
    assert done.exit_code == 0, done.stdout
    # 530701 (高职专科, 信息技术 48 学时) reads nothing of it; 730701 (中职, 108) meets its 108
    _edit(project / SHARED, "hours: 108  #", "hours: 120  #")
    done = run_cli(["check", "standards", "--no-cache"], project)
    assert done.exit_code == 0, done.stdout
    assert "730701-电子商务/specialty.yaml:" in done.stdout
    assert "warning[ZB413] 课程 GG08「信息技术」为 108 学时，少于共用课程标准" in done.stdout
    assert "530701" not in done.stdout


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "applies_to:\n",
            'specialty: "730701"\napplies_to:\n',
            "specialty 与 applies_to 只能写一个",
        ),
        ("  levels:\n    - 中职\n", "  levels: []\n", "须给出 levels（适用层次）或 specialties"),
        ("  levels:\n    - 中职\n", "  levels: [中专]\n", "中专"),
    ],
)
def test_a_malformed_applies_to_is_a_located_chinese_error(
    project: Path, old: str, new: str, message: str
) -> None:
    _edit(project / SHARED, old, new)
    done = run_cli(["check", "standards", "--no-cache"], project)
    assert done.exit_code == 1, done.stdout
    assert re.search(r"standards/公共基础课/信息技术\.yaml:\d+:\d+: error\[ZB1\d\d\]", done.stdout)
    assert message in done.stdout
    assert "Traceback" not in done.stdout + done.stderr and "Value error" not in done.stdout


def test_a_specialty_without_the_standard_and_one_without_a_specialty_code(project: Path) -> None:
    """Leaving `specialty` out without `applies_to` is still an error (old files unchanged)."""
    course = project / "standards/730701-电子商务/courses/zh01.yaml"
    _edit(course, 'specialty: "730701"\n', "")
    done = run_cli(["check", "standards", "--no-cache"], project)
    assert done.exit_code == 1
    assert "zh01.yaml:" in done.stdout and "缺少 specialty（所属专业代码）" in done.stdout


def test_split_site_publishes_it_once_and_links_it_from_the_specialty(project: Path) -> None:
    done = run_cli(["build", "--split", "specialty"], project)
    assert done.exit_code == 0, done.stderr
    site = project / "site"
    pages = sorted(site.glob("*/courses/*/index.html"))
    shared = [p for p in pages if p.parts[-4] == "public-courses"]
    assert len(shared) == 1  # one page, in its own sub-site
    assert not any("信息技术课程标准" in p.read_text("utf-8") for p in pages if p not in shared)
    text = shared[0].read_text("utf-8")
    assert "适用范围" in text and "中职各专业" in text
    for page in ("730701/specialty/index.html", "730701/index.html"):
        html = (site / page).read_text("utf-8")
        hrefs = re.findall(r'href="([^"]*public-courses/courses/[^"#]*)"', html)
        assert hrefs, page
        for href in hrefs:  # a raw link across sub-sites that lands on the page
            assert (site / page).parent.joinpath(href, "index.html").resolve() == shared[0]
    assert "public-courses" not in (site / "530701/specialty/index.html").read_text("utf-8")
    portal = (site / "index.html").read_text("utf-8")
    assert "公共基础课程标准" in portal and "public-courses/courses/" in portal


def test_word_and_open_data_carry_it_once_with_where_it_applies(project: Path) -> None:
    done = run_cli(["export", "docx"], project)
    assert done.exit_code == 0, done.stderr
    files = sorted((project / "dist/docx").glob("public-courses-*.docx"))
    assert len(files) == 1
    body = "\n".join(p.text for p in open_docx(files[0].read_bytes()).paragraphs)
    tables = open_docx(files[0].read_bytes()).tables
    cells = [c.text for t in tables for row in t.rows for c in row.cells]
    assert "中等职业学校信息技术课程标准（示例）" in body
    assert "适用范围" in cells and any("中职各专业" in c for c in cells)
    done = run_cli(["export", "json"], project)
    assert done.exit_code == 0, done.stderr
    data = json.loads((project / "dist/opendata/zhibiao-dataset.json").read_text("utf-8"))
    rows = [d for d in data["documents"] if d["applies_levels"]]
    assert [(d["specialty"], d["course"], d["applies_levels"]) for d in rows] == [
        ("public-courses", "信息技术", ["中职"])
    ]
    linked = {(c["specialty"], c["code"]) for c in data["courses"] if c["shared_standard"]}
    assert linked == {("730701", "GG08")}
    assert all(
        c["shared_standard"] == rows[0]["id"] for c in data["courses"] if c["shared_standard"]
    )
    done = run_cli(["export", "case"], project)
    assert done.exit_code == 0, done.stderr
    packages = sorted((project / "dist/case").rglob("*.json"))
    shared = [p for p in packages if "appliesTo" in p.read_text("utf-8")]
    assert len(shared) == 1
    document = json.loads(shared[0].read_text("utf-8"))["CFDocument"]
    assert document["identifier"] == rows[0]["id"]
    assert document["extensions"]["appliesTo"] == {"levels": ["中职"], "specialties": []}
