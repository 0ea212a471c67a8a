"""`zhibiao export docx --editable` → edit in Word → `zhibiao import docx`, on the examples.

Every kind: an unedited working copy changes no byte of its YAML; scripted edits as a
drafter makes them in Word (typing over a value, a copied row, a deleted row, a blank row
typed in, a tracked change) give exactly those changes in the YAML, comments and key order
kept, and `zhibiao diff` lists them.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from builder.read.yamlsource import parse
from tests.conftest import REPO, run_cli
from tests.wordedit import (
    blank_row_after,
    copy_row,
    delete_row,
    in_copy,
    new_paragraph_after,
    paragraph_of,
    set_field,
    set_text,
    tracked,
    tracked_delete_paragraph,
    tracked_delete_row,
)

SET = "standards/510209-人工智能技术应用"
COPIES = {
    "specialty": "510209-专业教学标准-填写稿.docx",
    "competencies": "510209-职业能力清单-填写稿.docx",
    "course": "510209-课程标准-ZH01-数据采集与标注-填写稿.docx",
    "internship": "510209-岗位实习标准-填写稿.docx",
    "training_base": "510209-实训基地建设标准-填写稿.docx",
}
SOURCES = {
    "specialty": f"{SET}/specialty.yaml",
    "competencies": f"{SET}/competencies.yaml",
    "course": f"{SET}/courses/zh01.yaml",
    "internship": f"{SET}/internship.yaml",
    "training_base": f"{SET}/training-base.yaml",
}


def export_working(root: Path) -> Path:
    """Export the working copies of every example document into `root`/copies."""
    project = _project(root / "project")
    done = run_cli(["export", "docx", "--editable", "-o", str(root / "copies")], project)
    assert done.exit_code == 0, done.stderr
    return root / "copies"


@pytest.fixture(scope="module")
def working(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working copies of every example document, exported once."""
    return export_working(tmp_path_factory.mktemp("working"))


def _project(target: Path) -> Path:
    target.mkdir(parents=True)
    shutil.copytree(REPO / "standards", target / "standards")
    shutil.copy(REPO / "zhibiao.yaml", target / "zhibiao.yaml")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _project(tmp_path / "project")


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


def test_every_unedited_working_copy_changes_no_byte(working: Path, project: Path) -> None:
    before = {p: p.read_bytes() for p in (project / "standards").rglob("*.yaml")}
    copies = sorted(working.glob("*.docx"))
    assert len(copies) == len(before) == 34
    for path in copies:
        done = run_cli(["import", "docx", str(path), "--write"], project)
        assert done.exit_code == 0, (path.name, done.stderr)
        assert "没有需要导入的改动" in done.stdout, (path.name, done.stdout)
        assert done.stderr == ""
    assert {p: p.read_bytes() for p in (project / "standards").rglob("*.yaml")} == before
    assert not list(working.glob("*-意见.docx"))


def _edit(
    working: Path, project: Path, kind: str, change: Callable[[Any], None]
) -> tuple[Any, Any, str, str, Any]:
    """Edit the working copy of `kind` with `change`, import it with --write; returns the
    data before and after, the texts before and after, and the run."""
    document = docx.Document(str(working / COPIES[kind]))
    change(document)
    edited = project / COPIES[kind]
    document.save(str(edited))
    source = project / SOURCES[kind]
    text = source.read_text("utf-8")
    done = run_cli(["import", "docx", str(edited), "--write"], project)
    after = source.read_text("utf-8")
    return parse(text), parse(after), text, after, done


def _kept(text: str, after: str) -> None:
    """Comments and the order of keys survive the import."""
    assert _comments(after) == _comments(text)
    assert after.splitlines()[0] == text.splitlines()[0]


def _diff(project: Path, kind: str) -> str:
    """`zhibiao diff` between the original examples and the imported project."""
    done = run_cli(["diff", str(REPO / "standards"), "--standards", "standards"], project)
    assert done.exit_code == 0, done.stderr
    return done.stdout


def test_competencies_text_level_new_row_removed_row_and_tracked_change(
    working: Path, project: Path
) -> None:
    def change(document: Any) -> None:
        set_field(
            document, "domains[0].tasks[0].competencies[0].text", "能按采集方案采集多源数据。"
        )
        set_field(document, "domains[0].tasks[0].competencies[1].level", "理解")
        twin = copy_row(document, "domains[0].tasks[0].competencies[1].code")
        in_copy(twin, "domains[0].tasks[0].competencies[1].code", "")
        in_copy(twin, "domains[0].tasks[0].competencies[1].text", "能对采集的数据进行脱敏处理。")
        delete_row(document, "domains[0].tasks[1].competencies[0].code")
        tracked(
            document, "domains[1].tasks[0].competencies[0].text", "能使用标注工具完成标注并自检。"
        )

    before, after, text, written, done = _edit(working, project, "competencies", change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    first = expected["domains"][0]["tasks"][0]["competencies"]
    first[0]["text"] = "能按采集方案采集多源数据。"
    first[1]["level"] = "理解"
    new = {"code": "1-1-4", "text": "能对采集的数据进行脱敏处理。", "type": first[1]["type"]}
    first.insert(2, {**new, "level": "理解"})
    del expected["domains"][0]["tasks"][1]["competencies"][0]
    expected["domains"][1]["tasks"][0]["competencies"][0]["text"] = "能使用标注工具完成标注并自检。"
    assert after == expected
    _kept(text, written)
    assert "info[ZB854] 新增职业能力 1-1-4" in done.stderr
    assert "info[ZB855] 删除了职业能力 1-2-1" in done.stderr
    listed = _diff(project, "competencies")
    for code in ("1-1-1", "1-1-2", "1-1-4", "1-2-1", "2-1-1"):
        assert code in listed, (code, listed)


def test_specialty_hours_text_deleted_course_and_new_course(working: Path, project: Path) -> None:
    def change(document: Any) -> None:
        set_field(document, "courses[3].hours", "40")
        set_field(document, "overview", "人工智能技术应用专业面向新一代人工智能产业。", 0)
        delete_row(document, "courses[5].code")
        blank_row_after(
            document,
            "courses[4].code",
            ["公共基础", "", "大学语文", "32", "—", "—", "2", "2", ""],
        )
        tracked(document, "courses[0].name", "思想道德与法治（含实践）")

    before, after, text, written, done = _edit(working, project, "specialty", change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    courses = expected["courses"]
    courses[3]["hours"] = 40
    courses[0]["name"] = "思想道德与法治（含实践）"
    parts = before["overview"].split("\n\n")
    expected["overview"] = "\n\n".join(["人工智能技术应用专业面向新一代人工智能产业。", *parts[1:]])
    highest = max(int(c["code"][2:]) for c in courses if c["code"].startswith("GG"))
    added = {
        "code": f"GG{highest + 1:02d}",
        "name": "大学语文",
        "nature": "公共基础",
        "hours": 32,
        "credits": 2,
        "semesters": [2],
    }
    del courses[5]
    courses.insert(5, added)
    assert after["courses"] == courses
    assert after["overview"].split("\n\n")[0] == "人工智能技术应用专业面向新一代人工智能产业。"
    assert [p.strip() for p in after["overview"].split("\n\n")[1:]] == [
        p.strip() for p in parts[1:]
    ]
    assert {k: v for k, v in after.items() if k not in ("courses", "overview")} == {
        k: v for k, v in expected.items() if k not in ("courses", "overview")
    }
    _kept(text, written)
    listed = _diff(project, "specialty")
    for code in ("GG01", "GG04", "GG06", added["code"]):
        assert code in listed, (code, listed)


def test_course_requirements_hours_new_item_and_tracked_change(
    working: Path, project: Path
) -> None:
    def change(document: Any) -> None:
        set_field(document, "modules[0].items[0].hours", "6")
        twin = copy_row(document, "modules[0].items[1].code")
        in_copy(twin, "modules[0].items[1].code", "")
        in_copy(twin, "modules[0].items[1].name", "数据合规审查")
        in_copy(twin, "modules[0].items[1].requirements", "能依据法律法规审查数据来源。")
        in_copy(twin, "modules[0].items[1].hours", "2")
        tracked(document, "modules[1].items[0].requirements", "能使用爬虫和接口采集数据。")
        set_field(document, "objectives[0].text", "能说明数据采集的法律边界。")

    before, after, text, written, done = _edit(working, project, "course", change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    items = expected["modules"][0]["items"]
    items[0]["hours"] = 6
    code = f"M1-{len(items) + 1}"
    items.insert(
        2,
        {
            "code": code,
            "name": "数据合规审查",
            "requirements": "能依据法律法规审查数据来源。",
            "hours": 2,
        },
    )
    # a block text stays a block text (its final line break kept)
    expected["modules"][1]["items"][0]["requirements"] = "能使用爬虫和接口采集数据。\n"
    ending = "\n" if before["objectives"][0]["text"].endswith("\n") else ""
    expected["objectives"][0]["text"] = "能说明数据采集的法律边界。" + ending
    assert after == expected
    _kept(text, written)
    assert code in _diff(project, "course")


def test_internship_task_edit_new_task_and_deleted_task(working: Path, project: Path) -> None:
    def change(document: Any) -> None:
        set_field(document, "tasks[1].weeks", "5")
        delete_row(document, "tasks[5].code")
        twin = copy_row(document, "tasks[4].code")
        in_copy(twin, "tasks[4].code", "")
        in_copy(twin, "tasks[4].name", "数据安全巡检")
        in_copy(twin, "tasks[4].content", "按规程完成数据安全巡检并记录。")
        in_copy(twin, "tasks[4].weeks", "1")

    before, after, text, written, done = _edit(working, project, "internship", change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    tasks = expected["tasks"]
    tasks[1]["weeks"] = 5
    del tasks[5]
    post = {"post": tasks[4]["post"]} if "post" in tasks[4] else {}
    tasks.append(
        {
            "code": "T7",
            "name": "数据安全巡检",
            **post,
            "content": "按规程完成数据安全巡检并记录。",
            "weeks": 1,
        }
    )
    assert after == expected
    _kept(text, written)
    assert "T7" in _diff(project, "internship")


def test_training_base_equipment_edit_new_equipment_and_removed_room(
    working: Path, project: Path
) -> None:
    def change(document: Any) -> None:
        set_field(document, "rooms[0].equipment[0].quantity", "45")
        blank_row_after(
            document,
            "rooms[1].equipment[0].name",
            ["", "数据脱敏网关", "提供数据脱敏与审计。", "台", "1"],
        )
        delete_row(document, "rooms[2].code")

    before, after, text, written, done = _edit(working, project, "training_base", change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    expected["rooms"][0]["equipment"][0]["quantity"] = 45
    expected["rooms"][1]["equipment"].insert(
        1, {"name": "数据脱敏网关", "spec": "提供数据脱敏与审计。", "unit": "台", "quantity": 1}
    )
    del expected["rooms"][2]
    assert after == expected
    _kept(text, written)
    listed = _diff(project, "training_base")
    assert "R3" in listed and "数据脱敏网关" in listed


def test_without_write_nothing_is_written(working: Path, project: Path) -> None:
    document = docx.Document(str(working / COPIES["internship"]))
    set_field(document, "tasks[1].weeks", "5")
    edited = project / "edited.docx"
    document.save(str(edited))
    source = project / SOURCES["internship"]
    text = source.read_bytes()
    done = run_cli(["import", "docx", str(edited)], project)
    assert done.exit_code == 0, done.stderr
    assert "修改 tasks[1].weeks：5" in done.stdout and "加 --write 写入" in done.stdout
    assert source.read_bytes() == text


def test_tracked_deletions_and_a_new_paragraph_of_a_text(working: Path, project: Path) -> None:
    """A row and a list paragraph deleted with track changes on are deleted; a paragraph
    typed after the last paragraph of 概述 joins that text; a copied list paragraph (a
    培养规格) is a new item with the next code."""

    def change(document: Any) -> None:
        tracked_delete_row(document, "courses[2].code")
        tracked_delete_paragraph(document, "graduation[1]")
        new_paragraph_after(document, "overview", "本专业同时面向智能制造领域。")
        twin = copy.deepcopy(paragraph_of(document, "specs[1].code"))
        for mark in list(twin.iter(qn("w:bookmarkStart"))) + list(twin.iter(qn("w:bookmarkEnd"))):
            mark.getparent().remove(mark)
        paragraph_of(document, "specs[1].code").addnext(twin)
        for sdt in twin.iter(qn("w:sdt")):
            tag = sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val"))
            set_text(sdt, "" if tag.startswith("specs[1].code") else "具有数据安全意识。")

    before, after, text, written, done = _edit(working, project, "specialty", change)
    assert done.exit_code == 0, done.stderr
    expected = copy.deepcopy(before)
    del expected["courses"][2]
    del expected["graduation"][1]
    expected["overview"] = before["overview"].rstrip("\n") + "\n\n本专业同时面向智能制造领域。\n"
    q = [int(s["code"][1:]) for s in before["specs"] if s["code"].startswith("Q")]
    spec = {
        "code": f"Q{max(q) + 1}",
        "type": before["specs"][1]["type"],
        "text": "具有数据安全意识。",
    }
    expected["specs"].insert(2, spec)
    assert after == expected
    _kept(text, written)
