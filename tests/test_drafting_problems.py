"""`zhibiao import docx`: problems located in the Word file and written back as comments;
files that must not be imported; a working copy re-saved by LibreOffice.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from builder.drafting.wordread import W, read_word
from tests.conftest import REPO, run_cli
from tests.test_drafting_roundtrip import COPIES, SOURCES, export_working
from tests.wordedit import set_field


@pytest.fixture(scope="module")
def working(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_working(tmp_path_factory.mktemp("working"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    target.mkdir()
    shutil.copytree(REPO / "standards", target / "standards")
    shutil.copy(REPO / "zhibiao.yaml", target / "zhibiao.yaml")
    return target


def _save(working: Path, project: Path, kind: str, change: Any) -> Path:
    document = docx.Document(str(working / COPIES[kind]))
    change(document)
    edited = project / COPIES[kind]
    document.save(str(edited))
    return edited


def _commented(path: Path) -> dict[str, str]:
    """Each comment of `path` by the place (段N / 表T:行R:列C) of the paragraph it spans."""
    with zipfile.ZipFile(path) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    texts: dict[str, str] = {}
    from lxml import etree

    root = etree.fromstring(comments.encode("utf-8"))
    for comment in root.iter(f"{W}comment"):
        texts[comment.get(f"{W}id") or ""] = "".join(t.text or "" for t in comment.iter(f"{W}t"))
    placed: dict[str, str] = {}
    for para in read_word(path).paragraphs:
        for start in para.element.iter(f"{W}commentRangeStart"):
            placed[para.where] = texts[start.get(f"{W}id") or ""]
    return placed


def test_a_bad_value_is_located_and_commented_at_its_cell(working: Path, project: Path) -> None:
    def change(document: Any) -> None:
        set_field(document, "tasks[1].weeks", "六周")
        set_field(document, "tasks[2].name", "")

    edited = _save(working, project, "internship", change)
    source = project / SOURCES["internship"]
    before = source.read_bytes()
    done = run_cli(["import", "docx", str(edited), "--write"], project)
    assert done.exit_code == 1
    assert source.read_bytes() == before
    table = next(p.table for p in read_word(edited).paragraphs if "tasks[1].weeks|row" in p.tags)
    where = f"表{table}:行3:列5"
    assert f"{edited.as_posix()}:{where}: error[ZB852]" in done.stderr, done.stderr
    assert "「六周」无法读作此项的值" in done.stderr
    opinions = project / COPIES["internship"].replace(".docx", "-意见.docx")
    placed = _commented(opinions)
    assert placed[where].startswith("[ZB852] 「六周」无法读作此项的值")
    assert "未写入任何标准文件" in done.stderr
    # the empty name reaches the model only once the value error is fixed
    document = docx.Document(str(edited))
    set_field(document, "tasks[1].weeks", "6")
    document.save(str(edited))
    done = run_cli(["import", "docx", str(edited), "--write"], project)
    assert done.exit_code == 1 and "error[ZB853]" in done.stderr, done.stderr
    assert f":表{table}:行4:列2: error[ZB853]" in done.stderr
    assert source.read_bytes() == before
    assert _commented(opinions)[f"表{table}:行4:列2"].startswith("[ZB853]")


def test_a_value_changed_in_two_places_differently_is_a_conflict(
    working: Path, project: Path
) -> None:
    tag = "domains[0].tasks[0].competencies[1].level"

    def change(document: Any) -> None:
        set_field(document, tag, "理解", 0)  # the analysis table
        set_field(document, tag, "了解", 1)  # the 培养矩阵 (required level)

    edited = _save(working, project, "competencies", change)
    source = project / SOURCES["competencies"]
    before = source.read_bytes()
    done = run_cli(["import", "docx", str(edited), "--write"], project)
    assert done.exit_code == 1 and done.stderr.count("error[ZB856]") == 2, done.stderr
    assert source.read_bytes() == before
    placed = _commented(project / COPIES["competencies"].replace(".docx", "-意见.docx"))
    assert {where.split(":")[0] for where in placed} == {"表1", "表2"}
    # changed alike in both places, the value is imported once
    document = docx.Document(str(edited))
    set_field(document, tag, "理解", 1)
    document.save(str(edited))
    done = run_cli(["import", "docx", str(edited), "--write"], project)
    assert done.exit_code == 0, done.stderr
    assert f"修改 {tag}：理解" in done.stdout


def test_a_working_copy_of_a_changed_yaml_needs_force(working: Path, project: Path) -> None:
    edited = _save(working, project, "internship", lambda d: set_field(d, "tasks[1].weeks", "5"))
    source = project / SOURCES["internship"]
    source.write_text(source.read_text("utf-8") + "# 秘书处的修改\n", "utf-8")
    done = run_cli(["import", "docx", str(edited), "--write"], project)
    assert done.exit_code == 1 and "error[ZB858]" in done.stderr
    assert "weeks: 5" not in source.read_text("utf-8")
    done = run_cli(["import", "docx", str(edited), "--write", "--force"], project)
    assert done.exit_code == 0, done.stderr
    text = source.read_text("utf-8")
    assert "# 秘书处的修改" in text and "weeks: 5" in text


def test_a_normal_export_is_not_a_working_copy(project: Path) -> None:
    done = run_cli(["export", "docx", "--toc-pages", "never", "-o", "out"], project)
    assert done.exit_code == 0, done.stderr
    normal = project / "out" / "510209-岗位实习标准.docx"
    done = run_cli(["import", "docx", str(normal)], project)
    assert done.exit_code == 1
    assert "error[ZB851]" in done.stderr and "不是由 zhibiao export docx --editable" in done.stderr
    assert (project / "out" / "510209-岗位实习标准-意见.docx").is_file()


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, replace.get(info.filename, old.read(info.filename)))


def test_hostile_files_are_refused_before_reading(working: Path, project: Path) -> None:
    copy = working / COPIES["internship"]
    with zipfile.ZipFile(copy) as archive:
        body = archive.read("word/document.xml")
    doctype = body.replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1
    )
    cases = {
        "doctype.docx": {"word/document.xml": doctype},
        "not-a-zip.docx": None,
    }
    for name, parts in cases.items():
        target = project / name
        if parts is None:
            target.write_bytes(b"PK\x03\x04 not really a zip")
        else:
            _rezip(copy, target, parts)
        source = project / SOURCES["internship"]
        before = source.read_bytes()
        done = run_cli(["import", "docx", str(target), "--write"], project)
        assert done.exit_code == 2, (name, done.stderr)
        assert "无法读取填写稿" in done.stderr and "Traceback" not in done.stderr
        assert source.read_bytes() == before
        assert not (project / name.replace(".docx", "-意见.docx")).exists()
    escape = project / "escape.docx"
    core = zipfile.ZipFile(copy).read("docProps/core.xml")
    start = core.index(b"zhibiao-")
    end = core.index(b"</dc:description>")
    digest = core[start:end].split(b" ")[1]
    outside = b"zhibiao-\xe5\xa1\xab\xe5\x86\x99\xe7\xa8\xbf " + digest + b" ../../etc/passwd"
    _rezip(copy, escape, {"docProps/core.xml": core[:start] + outside + core[end:]})
    done = run_cli(["import", "docx", str(escape), "--write"], project)
    assert done.exit_code == 2 and "在项目目录之外" in done.stderr, done.stderr


def _writer_available() -> bool:
    soffice = shutil.which("soffice")
    return soffice is not None


def _resave(files: list[Path], out: Path, profile: Path) -> list[Path]:
    """Open each file in LibreOffice and save it again as .docx (as a drafter using
    LibreOffice, or WPS writing the same format, does)."""
    env = {**os.environ, "HOME": str(profile)}
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=600,
        env=env,
    )
    return [out / f.name for f in files]


@pytest.mark.libreoffice
@pytest.mark.skipif(not _writer_available(), reason="需要 LibreOffice（soffice）")
def test_libreoffice_resaved_copies_import_unchanged_and_edits_still_read(
    working: Path, project: Path, tmp_path: Path
) -> None:
    files = [working / name for name in COPIES.values()]
    saved = _resave(files, tmp_path / "lo", tmp_path / "profile")
    before = {p: p.read_bytes() for p in (project / "standards").rglob("*.yaml")}
    for path in saved:
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml")
        assert b"<w:tag " not in body  # LibreOffice 7.4 keeps no content-control tag …
        assert b'w:name="_Zb00001"' in body  # … but keeps the bookmarks
        done = run_cli(["import", "docx", str(path), "--write"], project)
        assert done.exit_code == 0, (path.name, done.stderr)
        assert "没有需要导入的改动" in done.stdout, (path.name, done.stdout, done.stderr)
    assert {p: p.read_bytes() for p in (project / "standards").rglob("*.yaml")} == before
    # an edit made in the re-saved file (no content controls left) is read from the cell text
    internship = next(p for p in saved if "岗位实习" in p.name)
    document = docx.Document(str(internship))
    row = next(
        r
        for r in document.element.body.iter(qn("w:tr"))
        if "".join(t.text or "" for t in r.iter(qn("w:t"))).startswith("T2")
    )
    weeks = list(row.iter(qn("w:tc")))[4]
    texts = list(weeks.iter(qn("w:t")))
    texts[0].text = "5"
    for extra in texts[1:]:
        extra.text = ""
    document.save(str(internship))
    done = run_cli(["import", "docx", str(internship), "--write"], project)
    assert done.exit_code == 0, done.stderr
    assert "修改 tasks[1].weeks：5" in done.stdout
    assert "weeks: 5" in (project / SOURCES["internship"]).read_text("utf-8")


def test_text_written_outside_every_item_is_reported(working: Path, project: Path) -> None:
    from tests.wordedit import paragraph_of

    def change(document: Any) -> None:
        body = paragraph_of(document, "objectives")
        note = copy.deepcopy(body)
        for child in list(note):
            if child.tag != qn("w:pPr"):
                note.remove(child)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "（秘书处注：本章待定）"
        run.append(text)
        note.append(run)
        body.addprevious(note)  # right under the heading, before the first paragraph

    edited = _save(working, project, "specialty", change)
    done = run_cli(["import", "docx", str(edited)], project)
    assert done.exit_code == 0, done.stderr
    assert "warning[ZB857] 这段文字不属于标准中的任何一项" in done.stderr
    assert "没有需要导入的改动" in done.stdout
