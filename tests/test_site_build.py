"""End to end: `zhibiao build` on a real project, then read the HTML back."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import CASES, REPO, run_cli
from tests.site_html import check_links, html_file, read_page

pytestmark = pytest.mark.slow

FIXTURE = CASES / "site-basic"
SPECIALTY = "standards/510209-人工智能技术应用"


def copy_project(target: Path) -> Path:
    """A writable copy of the site fixture project."""
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("site", "build", "expected.txt"))
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    (project / "修订说明.md").write_text(
        "## 2025 版 {#v2025}\n\n- 新增《机器学习应用开发》课程标准。\n", "utf-8"
    )
    result = run_cli(["build", "--changelog", "修订说明.md"], project)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert "检查了 8 个文件：没有发现问题" in result.stdout
    return project


def test_every_page_exists(built: Path) -> None:
    site = built / "site"
    for page in [
        "index.md",
        "510209/index.md",
        "510209/specialty.md",
        "510209/competencies.md",
        "510209/courses/ZJ02.md",
        "510209/courses/ZH01.md",
        "510209/courses/ZH02.md",
        "510209/internship.md",
        "510209/internship-2019.md",
        "510209/training-base.md",
        "changelog.md",
    ]:
        assert html_file(site, page).is_file(), page
    changelog = read_page(html_file(site, "changelog.md"))
    assert "修订说明" in changelog.text and "v2025" in changelog.ids
    assert (built / "build/site-src/mkdocs.yml").is_file()


def test_links_resolve_and_anchors_exist(built: Path) -> None:
    assert check_links(built / "site") > 500


def test_every_competency_has_one_anchor_and_lists_where_taught(built: Path) -> None:
    page = read_page(html_file(built / "site", "510209/competencies.md"))
    codes = [f"c-{d}-{t}-{c}" for d in (1, 2, 3) for t in (1, 2) for c in (1, 2)]
    assert set(codes) <= page.ids
    analysis = page.tables[0]
    assert analysis[0][:6] == [
        "工作领域",
        "工作任务",
        "职业能力",
        "类型",
        "学习水平",
        "在哪些课程中培养",
    ]
    row = next(r for r in analysis if r[2].startswith("1-1-2 "))
    assert row[5] == "ZJ02 Python程序设计（理解）；ZH01 数据采集与标注（运用）"
    links = page.cell_links[0][analysis.index(row)][5]
    assert links == ["../courses/ZJ02/", "../courses/ZH01/"]


def matrix_rows(matrix: list[list[str]]) -> list[list[str]]:
    """The competency rows of the matrix read back (not the header, not the 工作领域 rows);
    the first cell is the code, a space, then the competency's text."""
    return [row for row in matrix[1:] if len(row) == len(matrix[0])]


def test_matrix_cells_hold_the_levels(built: Path) -> None:
    page = read_page(html_file(built / "site", "510209/competencies.md"))
    matrix = page.tables[1]
    header = matrix[0]
    assert header == [
        "职业能力",
        "要求",
        "Python程序设计",
        "数据采集与标注",
        "机器学习应用开发",
        "岗位实习",
        "数据采集与标注实训室",
        "人工智能开发实训室",
    ]
    rows = {r[0].split()[0]: dict(zip(header[1:], r[1:], strict=True)) for r in matrix_rows(matrix)}
    assert rows["3-1-2"] == {
        "要求": "运用",
        "Python程序设计": "",
        "数据采集与标注": "",
        "机器学习应用开发": "运用",
        "岗位实习": "运用",
        "数据采集与标注实训室": "",
        "人工智能开发实训室": "掌握",
    }
    assert (
        rows["2-2-1"]["数据采集与标注"] == "运用"
        and rows["2-2-1"]["数据采集与标注实训室"] == "运用"
    )
    assert rows["1-2-2"]["Python程序设计"] == "理解" and rows["1-2-2"]["机器学习应用开发"] == "运用"


def test_pages_link_both_ways(built: Path) -> None:
    site = built / "site"
    course = read_page(html_file(site, "510209/courses/ZJ02.md"))
    assert "../../competencies/#c-1-2-2" in course.links and "../../specialty/" in course.links
    table = next(t for t in course.tables if t[0][0] == "编码")
    assert [r[0] for r in table[1:]] == ["1-1-2", "1-2-2"]
    specialty = read_page(html_file(site, "510209/specialty.md"))
    assert "../courses/ZJ02/" in specialty.links and "../competencies/#c-3-2-2" in specialty.links
    assert "../training-base/" in specialty.links and "../internship/" in specialty.links
    base = read_page(html_file(site, "510209/training-base.md"))
    assert {"room-r1", "room-r2"} <= base.ids and "../courses/ZH02/" in base.links
    home = read_page(site / "index.html")
    assert "510209/" in home.links and "510209/specialty/" in home.links
    row = next(r for r in home.tables[0] if r and r[0] == "510209")
    assert row[3:5] == ["发布", "2025"]


def test_elements_totals_and_shares(built: Path) -> None:
    page = read_page(html_file(built / "site", "510209/specialty.md"))
    for number, title in [
        ("1", "概述"),
        ("5", "职业面向"),
        ("8.2", "学时安排"),
        ("11", "质量保障和毕业要求"),
    ]:
        assert f"{number} {title}" in page.text
    assert {"sec-1", "sec-11", "tbl-career", "tbl-plan", "tbl-shares"} <= page.ids
    plan = next(t for t in page.tables if t[0][0] == "课程性质")
    assert plan[-1][:7] == ["合计", "", "39 门", "2744", "980", "1764", "147"]
    shares = {
        r[0]: r[1:] for r in next(t for t in page.tables if t[0][0] == "项目" and t[0][1] == "学时")
    }
    assert shares["公共基础课程学时"] == ["736", "26.8%", "≥ 25%"]
    assert shares["选修课程学时"] == ["288", "10.5%", "≥ 10%"]
    assert shares["实践性教学学时"] == ["1764", "64.3%", "≥ 50%"]


def test_lifecycle_banners(built: Path) -> None:
    site = built / "site"
    draft = read_page(html_file(site, "510209/courses/ZH01.md"))
    assert "征求意见稿" in draft.text and "征求意见截止日期：2025年12月31日" in draft.text
    assert "送审稿" in read_page(html_file(site, "510209/training-base.md")).text
    old = read_page(html_file(site, "510209/internship-2019.md"))
    assert "本文件已被 T/CIE 103—2025 代替" in old.text and "../internship/" in old.links
    assert "征求意见" not in read_page(html_file(site, "510209/courses/ZJ02.md")).text


def test_yaml_downloads_and_user_assets(built: Path) -> None:
    site = built / "site"
    source = built / SPECIALTY / "courses/zh01.yaml"
    assert (site / "510209/courses/ZH01.yaml").read_bytes() == source.read_bytes()
    page = read_page(html_file(site, "510209/courses/ZH01.md"))
    assert "../ZH01.yaml" in page.links
    assert (site / "assets/site.css").is_file() and (site / "assets/zhibiao.css").is_file()


def test_offline_and_chinese_search(built: Path) -> None:
    site = built / "site"
    for path in site.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert "\\u200b" in index["config"]["separator"]
    tokens = {t for doc in index["docs"] for t in doc["title"].split("\u200b")}
    assert "数据采集与标注" in tokens and "机器学习应用开发" in tokens
    dictionary = (built / "build/site-src/jieba-user-dict.txt").read_text("utf-8").split()
    assert "数据采集与标注实训室" in dictionary


def test_dangling_reference_is_refused_like_check(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    course = project / SPECIALTY / "courses/zj02.yaml"
    course.write_text(course.read_text("utf-8").replace('ref: "1-1-2"', 'ref: "9-9-9"'), "utf-8")
    check = run_cli(["check"], project)
    build = run_cli(["build"], project)
    assert check.exit_code == 1 and build.exit_code == 1
    assert "error[ZB201]" in check.stdout and f"{SPECIALTY}/courses/zj02.yaml:" in check.stdout
    assert build.stdout == check.stdout
    assert "未发布站点" in build.stderr and not (project / "site").exists()
    forced = run_cli(["build", "--force"], project)
    assert forced.exit_code == 0, forced.stderr
    for page in ["index.md", "510209/courses/ZJ02.md", "510209/competencies.md"]:
        assert "检查未通过" in read_page(html_file(project / "site", page)).text


def test_engine_failure_keeps_the_previous_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert run_cli(["build"], project).exit_code == 0
    before = (project / "site/index.html").read_bytes()
    (project / "mkdocs.yml").write_text("theme:\n  name: no-such-theme\n", "utf-8")
    failed = run_cli(["build"], project)
    assert failed.exit_code == 2 and "mkdocs 构建失败" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert (project / "site/index.html").read_bytes() == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]


def test_usage_errors(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert run_cli(["build", "--alias", "latest"], project).exit_code == 2
    bad = run_cli(["build", "--version", "../x"], project)
    assert bad.exit_code == 2 and "不能用作目录名" in bad.stderr
    (project / "mkdocs.yml").write_text("extra_css: [assets/missing.css]\n", "utf-8")
    missing = run_cli(["build"], project)
    assert missing.exit_code == 2 and "assets/missing.css" in missing.stderr
    (project / "mkdocs.yml").unlink()
    plain = run_cli(["build", "-d", "public"], project)
    assert plain.exit_code == 0, plain.stderr
    assert (project / "public/510209/competencies/index.html").is_file()


def test_example_corpus_builds_and_its_matrix_matches_the_yaml(tmp_path: Path) -> None:
    """The repository's own standards/: strict build, links, and every matrix cell recomputed."""
    import yaml

    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(REPO / "standards", project / "standards")
    for name in ("zhibiao.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, project / name)
    result = run_cli(["build"], project)
    assert result.exit_code == 0, result.stdout + result.stderr
    site = project / "site"
    assert check_links(site) > 1000
    levels = yaml.safe_load((REPO / "zhibiao.yaml").read_text("utf-8"))["learning_levels"]
    for folder in sorted((REPO / "standards").iterdir()):
        code = folder.name.split("-")[0]
        if not (folder / "competencies.yaml").is_file():
            continue
        expected: dict[tuple[str, str], str] = {}
        for path in sorted((folder / "courses").glob("*.yaml")):
            data = yaml.safe_load(path.read_text("utf-8"))
            for module in data["modules"]:
                for item in module["items"]:
                    for ref in item.get("competencies") or []:
                        key = (ref["ref"], data["name"])
                        best = expected.get(key)
                        if best is None or levels.index(ref["level"]) > levels.index(best):
                            expected[key] = ref["level"]
        page = read_page(html_file(site, f"{code}/competencies.md"))
        matrix = next(t for t in page.tables if t[0][:2] == ["职业能力", "要求"])
        header = matrix[0]
        listed = yaml.safe_load((folder / "competencies.yaml").read_text("utf-8"))
        codes = [
            c["code"] for d in listed["domains"] for t in d["tasks"] for c in t["competencies"]
        ]
        assert [r[0].split()[0] for r in matrix_rows(matrix)] == codes
        assert {f"c-{c}" for c in codes} <= page.ids
        courses = {
            yaml.safe_load(p.read_text("utf-8"))["name"]
            for p in (folder / "courses").glob("*.yaml")
        }
        for row in matrix_rows(matrix):
            comp = row[0].split()[0]
            for column, value in zip(header[2:], row[2:], strict=True):
                if column in courses:
                    assert value == expected.get((comp, column), ""), (code, comp, column)


@pytest.mark.parametrize("site_dir", [".", "..", "standards", "notes", "notes/会议纪要.md"])
def test_an_output_folder_that_is_not_a_site_is_never_replaced(
    tmp_path: Path, site_dir: str
) -> None:
    """The site folder is replaced as a whole, so `-d .` or `-d standards` would delete the
    project: such folders (and plain files) are refused before anything is written."""
    project = copy_project(tmp_path / "project")
    (project / "notes").mkdir()
    (project / "notes/会议纪要.md").write_text("# 第一次起草组会议\n", "utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = run_cli(["build", "-d", site_dir], project)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "已拒绝" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_an_empty_or_previous_site_folder_is_replaced(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "public").mkdir()
    assert run_cli(["build", "-d", "public"], project).exit_code == 0
    (project / "public/stale.html").write_text("old", "utf-8")
    assert run_cli(["build", "-d", "public"], project).exit_code == 0
    assert not (project / "public/stale.html").exists()
    assert (project / "public/index.html").is_file()


def search_entries(site: Path) -> dict[str, str]:
    """Material's search index read back: location → title and text, tags and the
    zero-width spaces jieba inserts removed."""
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    entries: dict[str, str] = {}
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", "", f"{doc['title']} {doc['text']}").replace("\u200b", "")
        entries[doc["location"]] = entries.get(doc["location"], "") + text
    return entries


def test_bulky_tables_stay_out_of_the_search_index(built: Path) -> None:
    raw = (built / "site/search/search_index.json").read_text("utf-8")
    assert (
        "矩阵" in raw and "\\u77e9" not in raw
    )  # written as UTF-8, not \\uXXXX escapes (half the size)
    entries = search_entries(built / "site")
    everything = "\n".join(entries.values())
    # the tables are on the pages, wrapped in a data-search-exclude block …
    for page, anchor in [
        ("510209/competencies.md", "tbl-matrix"),
        ("510209/competencies.md", "tbl-analysis"),
        ("510209/specialty.md", "tbl-plan"),
    ]:
        html = html_file(built / "site", page).read_text("utf-8")
        after = html.split(f'id="{anchor}"', 1)[1]
        assert re.match(r"[^<]*</p>\s*<div[^>]*data-search-exclude", after), anchor
    # … their captions and the headings stay indexed, their rows do not
    assert "职业能力培养矩阵" in entries["510209/competencies/#matrix"]
    assert "课程设置及学时安排" in everything
    specialty = "\n".join(t for loc, t in entries.items() if loc.startswith("510209/specialty/"))
    assert "开设学期" not in specialty and "机器学习应用开发" in specialty  # plan rows out
    competency = "能根据业务需求制定数据采集方案"
    assert competency not in entries["510209/competencies/#analysis"]
    assert "掌握" not in entries["510209/competencies/#matrix"]
    # a course name and a competency phrase are still found (course page and its table)
    assert "机器学习应用开发" in entries["510209/courses/ZH02/"]
    assert any(competency in text for loc, text in entries.items() if "/courses/" in loc)


def test_search_worker_is_extended_in_place(built: Path) -> None:
    """The worker every page starts (`__config.search`) is Material's own, unchanged, with
    zhibiao's query handling in front of it, as a same-origin file."""
    from builder.site.searchworker import _material_worker, prelude

    site = built / "site"
    page = (site / "510209/courses/ZJ02/index.html").read_text("utf-8")
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page)
    assert config is not None
    worker = site / json.loads(config.group(1))["search"].removeprefix("../../../")
    assert worker.is_file(), worker
    data = worker.read_bytes()
    assert data.startswith(prelude())
    assert data.endswith(_material_worker().read_bytes())


def test_reader_facing_words_are_chinese(built: Path) -> None:
    """No English "404 - Not found" or "Permanent link" on the pages readers see."""
    site = built / "site"
    missing = (site / "404.html").read_text("utf-8")
    assert "页面未找到" in missing and "Not found" not in missing
    assert 'http-equiv="Content-Security-Policy"' in missing
    page = (site / "510209/courses/ZJ02/index.html").read_text("utf-8")
    assert 'title="永久链接"' in page and "Permanent link" not in page


def test_document_metadata_is_on_the_page(built: Path) -> None:
    """提出/归口/起草 units and drafters shown on the Word cover are on the page too."""
    page = read_page(html_file(built / "site", "510209/specialty.md"))
    for text in (
        "提出单位",
        "归口单位",
        "起草单位",
        "示例信息职业技术学院",
        "主要起草人",
        "王立新",
    ):
        assert text in page.text
