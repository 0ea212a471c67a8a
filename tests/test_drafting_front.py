"""The cover, 前言, 职业面向 table, reference lists and internship schedule of a working copy
come back like the body's values: unedited they change no byte (test_drafting_roundtrip),
scripted edits (text, numbers, dates, list items added and removed, a tracked change) give
exactly those YAML changes, and bad values are located in the file and commented there.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import docx
import pytest

from builder.drafting.wordread import read_word
from builder.read.yamlsource import parse
from tests.conftest import run_cli
from tests.test_drafting_problems import _commented, _resave, _save, _writer_available
from tests.test_drafting_roundtrip import COPIES, SOURCES, _diff, _kept, _project, export_working
from tests.wordedit import controls, copy_row, in_copy, paragraph_of, set_field, set_text, tracked


@pytest.fixture(scope="module")
def working(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_working(tmp_path_factory.mktemp("working"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _project(tmp_path / "project")


def _import(working: Path, project: Path, kind: str, change: Any) -> tuple[Any, Any, str, str, Any]:
    edited = _save(working, project, kind, change)
    source = project / SOURCES[kind]
    text = source.read_text("utf-8")
    done = run_cli(["import", "docx", str(edited), "--write"], project)
    after = source.read_text("utf-8")
    return parse(text), parse(after), text, after, done


def test_internship_schedule_and_cover_edits(working: Path, project: Path) -> None:
    def change(document: Any) -> None:
        set_field(document, "schedule[1].weeks", "20")
        set_field(document, "schedule[0].semesters", "3")
        twin = copy_row(document, "schedule[0].type")
        in_copy(twin, "schedule[0].type", "跟岗实习")
        in_copy(twin, "schedule[0].semesters", "4")
        in_copy(twin, "schedule[0].weeks", "2")
        set_field(document, "meta.drafters", "王立新、刘海峰、孙悦、李娜")
        set_field(document, "meta.comment_deadline", "2027年2月1日")
        tracked(document, "meta.title", "高等职业学校人工智能技术应用专业岗位实习标准（修订）")

    before, after, text, written, done = _import(working, project, "internship", change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    schedule = expected["schedule"]
    schedule[1]["weeks"] = 20
    schedule[0]["semesters"] = [3]
    added = {"type": "跟岗实习", "semesters": [4], "weeks": 2, "arrangement": "集中"}
    schedule.insert(1, added)
    expected["meta"]["drafters"].append("李娜")
    expected["meta"]["comment_deadline"] = "2027-02-01"
    expected["meta"]["title"] = "高等职业学校人工智能技术应用专业岗位实习标准（修订）"
    assert after == expected
    _kept(text, written)
    assert "info[ZB854] 新增时间安排" in done.stderr, done.stderr
    listed = _diff(project, "internship")
    for shown in ("李娜", "2027-02-01", "（修订）"):
        assert shown in listed, (shown, listed)


def test_specialty_career_table_and_preface_edits(working: Path, project: Path) -> None:
    def change(document: Any) -> None:
        set_field(document, "career.industries[0].name", "软件和信息技术服务")
        set_field(document, "career.occupations[1].code", "4-04-05-06")
        posts = controls(document, "career.posts")[0]
        old = "".join(t.text or "" for t in posts.iter(docx.oxml.ns.qn("w:t")))
        items = old.split("、")
        set_field(document, "career.posts", "、".join([*items[1:], "智能体应用开发"]))
        set_field(document, "meta.proposed_by", "全国人工智能职业教育教学指导委员会（示例）")
        tracked(document, "meta.drafting_units", "示例信息职业技术学院、示例智能科技有限公司")
        set_field(document, "meta.version", "2027")

    before, after, text, written, done = _import(working, project, "specialty", change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    career = expected["career"]
    career["industries"][0]["name"] = "软件和信息技术服务"
    career["occupations"][1]["code"] = "4-04-05-06"
    career["posts"] = [*career["posts"][1:], "智能体应用开发"]
    expected["meta"]["proposed_by"] = "全国人工智能职业教育教学指导委员会（示例）"
    expected["meta"]["drafting_units"] = ["示例信息职业技术学院", "示例智能科技有限公司"]
    expected["meta"]["version"] = "2027"
    assert after == expected
    _kept(text, written)
    listed = _diff(project, "specialty")
    for shown in ("软件和信息技术服务", "智能体应用开发", "示例电子科技职业学院"):
        assert shown in listed, (shown, listed)


@pytest.mark.parametrize("kind", ["competencies", "course", "training_base"])
def test_every_kinds_cover_and_preface_come_back(working: Path, project: Path, kind: str) -> None:
    def change(document: Any) -> None:
        tracked(document, "meta.title", "新的标题")
        set_field(document, "meta.drafting_units", "甲职业技术学院、乙科技有限公司")

    before, after, _text, _written, done = _import(working, project, kind, change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    expected["meta"]["title"] = "新的标题"
    expected["meta"]["drafting_units"] = ["甲职业技术学院", "乙科技有限公司"]
    assert after == expected


def test_bad_schedule_weeks_and_date_are_located_and_commented(
    working: Path, project: Path
) -> None:
    def change(document: Any) -> None:
        set_field(document, "schedule[1].weeks", "二十")
        set_field(document, "meta.comment_deadline", "明年春天")

    edited = _save(working, project, "internship", change)
    source = project / SOURCES["internship"]
    before = source.read_bytes()
    done = run_cli(["import", "docx", str(edited), "--write"], project)
    assert done.exit_code == 1, done.stderr
    assert source.read_bytes() == before
    paragraphs = read_word(edited).paragraphs
    weeks = next(p.where for p in paragraphs if "schedule[1].weeks|row" in p.tags)
    deadline = next(p.where for p in paragraphs if "meta.comment_deadline" in p.tags)
    assert f"{edited.as_posix()}:{weeks}: error[ZB852] 「二十」无法读作此项的值" in done.stderr
    assert f"{edited.as_posix()}:{deadline}: error" in done.stderr, done.stderr
    opinions = project / COPIES["internship"].replace(".docx", "-意见.docx")
    placed = _commented(opinions)
    assert placed[weeks].startswith("[ZB852] 「二十」")
    assert placed[deadline].startswith("[ZB85")


PLAN = (
    "510209-人才培养方案-示例江城职业技术学院人工智能技术应用专业人才培养方案（2026级）-填写稿.docx"
)


def _retype(document: Any, old: str, new: str, row: str = "") -> None:
    """Type `new` over `old` in the first paragraph holding it (in the first table row whose
    text starts with `row` when given), as LibreOffice left it: no controls, the text in
    runs split at every change of script."""
    from docx.oxml.ns import qn

    scope = document.element.body
    if row:
        scope = next(
            r
            for r in scope.iter(qn("w:tr"))
            if "".join(t.text or "" for t in r.iter(qn("w:t"))).startswith(row)
        )
    for paragraph in scope.iter(qn("w:p")):
        texts = list(paragraph.iter(qn("w:t")))
        whole = "".join(t.text or "" for t in texts)
        if old in whole:
            texts[0].text = whole.replace(old, new, 1)
            for rest in texts[1:]:
                rest.text = ""
            return
    raise AssertionError(old)


@pytest.mark.libreoffice
@pytest.mark.skipif(not _writer_available(), reason="需要 LibreOffice（soffice）")
def test_libreoffice_resaved_front_matter_schedule_and_plan_still_read(
    working: Path, project: Path, tmp_path: Path
) -> None:
    """One LibreOffice run re-saves the 岗位实习标准, the 专业教学标准 and a school's plan;
    each imports unchanged, and edits of the cover, 前言, 职业面向 and 时间安排 made in the
    re-saved files (no content controls left) are read from the text by the bookmarks."""
    files = [working / COPIES["internship"], working / COPIES["specialty"], working / PLAN]
    saved = dict(
        zip(
            ("internship", "specialty", "plan"),
            _resave(files, tmp_path / "lo", tmp_path / "p"),
            strict=True,
        )
    )
    before = {p: p.read_bytes() for p in (project / "standards").rglob("*.yaml")}
    for path in saved.values():
        done = run_cli(["import", "docx", str(path), "--write"], project)
        assert done.exit_code == 0, (path.name, done.stderr)
        assert "没有需要导入的改动" in done.stdout, (path.name, done.stdout, done.stderr)
    assert {p: p.read_bytes() for p in (project / "standards").rglob("*.yaml")} == before

    internship = docx.Document(str(saved["internship"]))
    _retype(internship, "24", "20", row="岗位实习")  # 时间安排: 24 周
    _retype(internship, "王立新、刘海峰、孙悦", "王立新、孙悦")
    internship.save(str(saved["internship"]))
    done = run_cli(["import", "docx", str(saved["internship"]), "--write"], project)
    assert done.exit_code == 0, done.stderr
    data = parse((project / SOURCES["internship"]).read_text("utf-8"))
    assert data["schedule"][1]["weeks"] == 20
    assert data["meta"]["drafters"] == ["王立新", "孙悦"]

    plan = docx.Document(str(saved["plan"]))
    source = project / "standards/510209-人工智能技术应用/plans/jiangcheng-2026.yaml"
    title = parse(source.read_text("utf-8"))["meta"]["title"]
    _retype(plan, title, title + "（修订）")
    plan.save(str(saved["plan"]))
    done = run_cli(["import", "docx", str(saved["plan"]), "--write"], project)
    assert done.exit_code == 0, done.stderr
    assert parse(source.read_text("utf-8"))["meta"]["title"] == title + "（修订）"


def test_reference_lists_edit_add_and_remove_items(tmp_path: Path) -> None:
    """规范性引用文件 and 参考文献 (added to the internship example): an entry retyped, an
    entry copied and rewritten (its [n] left as copied), an entry deleted."""
    from docx.oxml.ns import qn

    project = _project(tmp_path / "project")
    source = project / SOURCES["internship"]
    text = source.read_text("utf-8")
    text = text.replace(
        "  comment_deadline: 2027-01-15\n",
        "  comment_deadline: 2027-01-15\n"
        "  normative_references:\n"
        "    - GB/T 1.1—2020 标准化工作导则\n"
        "    - GB 2894—2008 安全标志及其使用导则\n"
        "  references:\n"
        "    - 职业学校学生实习管理规定（教职成〔2021〕4号）\n"
        "    - 职业教育专业目录（2021年）\n",
        1,
    )
    source.write_text(text, "utf-8")
    done = run_cli(["export", "docx", "--editable", "-o", str(tmp_path / "copies")], project)
    assert done.exit_code == 0, done.stderr
    document = docx.Document(str(tmp_path / "copies" / COPIES["internship"]))
    set_field(document, "meta.normative_references[1]", "GB 2894—2008 安全标志及其使用导则（修改）")
    twin = copy.deepcopy(paragraph_of(document, "meta.references[0]"))
    for mark in [*twin.iter(qn("w:bookmarkStart")), *twin.iter(qn("w:bookmarkEnd"))]:
        mark.getparent().remove(mark)
    for sdt in twin.iter(qn("w:sdt")):
        set_text(sdt, "人工智能训练师国家职业技能标准")
    paragraph_of(document, "meta.references[0]").addnext(twin)
    gone = paragraph_of(document, "meta.normative_references[0]")
    gone.getparent().remove(gone)
    edited = project / COPIES["internship"]
    document.save(str(edited))
    before = parse(source.read_text("utf-8"))
    done = run_cli(["import", "docx", str(edited), "--write"], project)
    assert done.exit_code == 0, done.stderr
    after = parse(source.read_text("utf-8"))
    meta = copy.deepcopy(before["meta"])
    meta["normative_references"] = ["GB 2894—2008 安全标志及其使用导则（修改）"]
    meta["references"] = [
        "职业学校学生实习管理规定（教职成〔2021〕4号）",
        "人工智能训练师国家职业技能标准",
        "职业教育专业目录（2021年）",
    ]
    assert after["meta"] == meta
    assert "info[ZB855] 删除了规范性引用文件" in done.stderr, done.stderr


def test_course_information_table_hours_nature_and_semesters(working: Path, project: Path) -> None:
    def change(document: Any) -> None:
        set_field(document, "hours", "72")
        set_field(document, "theory_hours", "28")
        set_field(document, "practice_hours", "44")
        set_field(document, "nature", "专业拓展")
        tracked(document, "semesters", "3、4")

    before, after, text, written, done = _import(working, project, "course", change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    expected.update(hours=72, theory_hours=28, practice_hours=44, nature="专业拓展")
    expected["semesters"] = [3, 4]
    assert after == expected
    _kept(text, written)


def test_the_cover_titles_line_break_is_layout_not_text(working: Path, project: Path) -> None:
    """The cover breaks a long title at a natural place (a line break inside its control);
    a title edited with the break kept is read without it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def change(document: Any) -> None:
        (title,) = controls(document, "meta.title")
        assert title.find(".//" + qn("w:br")) is not None  # the exported title is broken
        set_text(title, "高等职业学校人工智能技术应用专业")
        content = title.find(qn("w:sdtContent"))
        brk = OxmlElement("w:r")
        brk.append(OxmlElement("w:br"))
        content.append(brk)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "实习标准"
        run.append(text)
        content.append(run)

    before, after, _text, _written, done = _import(working, project, "internship", change)
    assert done.exit_code == 0, done.stderr
    assert after == {
        **before,
        "meta": {**before["meta"], "title": "高等职业学校人工智能技术应用专业实习标准"},
    }
