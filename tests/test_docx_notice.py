"""The issuing-notice wrapper (--notice): file validation and the GB/T 9704 layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from builder.docx.export import render_trees
from builder.docx.notice import load_notice
from builder.project import UsageError
from builder.read.config import ProjectConfig
from tests.docx_read import headings, open_docx
from tests.docx_trees import course_tree, specialty_tree

NOTICE = Path(__file__).parent / "cases" / "docx-notice" / "notice.yaml"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "notice.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_notice_loads() -> None:
    notice = load_notice(NOTICE)
    assert notice.doc_no == "电子行指委〔2026〕5号"
    assert len(notice.paragraphs()) == 3
    assert notice.attachments[1].document == "510209/course/ZH03"
    assert notice.attachments[1].title is None  # the bound document names it


def test_bad_doc_no_is_located(tmp_path: Path) -> None:
    text = NOTICE.read_text(encoding="utf-8").replace("〔2026〕5号", "[2026]05号")
    with pytest.raises(UsageError) as caught:
        load_notice(_write(tmp_path, text))
    error = caught.value
    assert (error.line, error.column) == (3, 9)
    assert "六角括号" in error.message


def test_unknown_key_gets_a_suggestion(tmp_path: Path) -> None:
    text = NOTICE.read_text(encoding="utf-8").replace("recipients:", "recipient:")
    with pytest.raises(UsageError) as caught:
        load_notice(_write(tmp_path, text))
    assert "recipient" in caught.value.message
    assert caught.value.hint == "是否应为「recipients」？该字段是必填的。"
    assert caught.value.line == 5


def test_unknown_attachment_document(tmp_path: Path) -> None:
    text = NOTICE.read_text(encoding="utf-8").replace("510209/course/ZH03", "510209/course/ZZ99")
    with pytest.raises(UsageError, match="ZZ99"):
        render_trees(
            [specialty_tree(), course_tree()], ProjectConfig(), notice=_write(tmp_path, text)
        )


def test_notice_layout() -> None:
    outputs = render_trees([specialty_tree(), course_tree()], ProjectConfig(), notice=NOTICE)
    assert [o.name for o in outputs][-1] == "通知-电子行指委〔2026〕5号.docx"
    document = open_docx(outputs[-1].data)
    texts = [p.text for p in document.paragraphs]
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert texts[0] == "全国电子信息职业教育教学指导委员会（示例）文件"
    assert styles[texts[0]] == "公文发文机关标志"
    assert texts[1] == "电子行指委〔2026〕5号"
    assert "各有关职业院校、各有关企业：" in texts
    assert "附件：1.\t高等职业教育专科人工智能技术应用专业教学标准（征求意见稿）" in texts
    assert "2.\t《机器学习技术应用》课程标准（送审稿）" in texts  # from the bound document
    assert "3.\t意见反馈表" in texts
    assert "2026年7月1日" in texts
    assert texts.count("附件1") == 1 and texts.count("附件2") == 1 and "附件3" not in texts
    assert "抄送：教育部职业教育与成人教育司，各省、自治区、直辖市教育厅（教委）。" in texts
    assert texts[-1] == "全国电子信息职业教育教学指导委员会秘书处\t2026年7月2日印发"
    # attachments are laid out as 公文: dotted numbers become 一、（一）
    assert "一、概述" in headings(document) and "（一）素质目标" in headings(document)
    last = document.sections[-1]
    assert last._sectPr.find(qn("w:vAlign")).get(qn("w:val")) == "bottom"
    assert last.footer.paragraphs[0].text == ""
    assert document.sections[0].footer.paragraphs[0].text == "— 1 —"


def test_attachment_title_disagreeing_with_its_document_is_zb609(tmp_path: Path) -> None:
    text = NOTICE.read_text(encoding="utf-8").replace(
        "  - document: 510209/course/ZH03\n",
        "  - title: 《深度学习应用开发》课程标准（征求意见稿）\n    document: 510209/course/ZH03\n",
    )
    path = _write(tmp_path, text)
    with pytest.raises(UsageError) as caught:
        render_trees([specialty_tree(), course_tree()], ProjectConfig(), notice=path)
    error = caught.value
    assert error.code == "ZB609" and (error.line, error.column) == (17, 12)
    assert "《机器学习技术应用》课程标准（送审稿）" in error.message
    assert error.render().startswith(f"{path.as_posix()}:17:12: error[ZB609]: ")
    # the same title without 书名号 or with other spacing agrees
    same = text.replace(
        "《深度学习应用开发》课程标准（征求意见稿）", "机器学习技术应用 课程标准（送审稿）"
    )
    render_trees([specialty_tree(), course_tree()], ProjectConfig(), notice=_write(tmp_path, same))


def test_attachment_without_title_or_document_is_located(tmp_path: Path) -> None:
    text = NOTICE.read_text(encoding="utf-8").replace("  - title: 意见反馈表\n", "  - {}\n")
    with pytest.raises(UsageError) as caught:
        load_notice(_write(tmp_path, text))
    assert "附件须有名称" in caught.value.message and caught.value.line == 18


def test_title_breaks_by_meaning_and_attachment_names_hang() -> None:
    outputs = render_trees([specialty_tree(), course_tree()], ProjectConfig(), notice=NOTICE)
    document = open_docx(outputs[-1].data)
    title = next(p for p in document.paragraphs if p.style.name == "公文标题")
    assert title.text.split("\n") == [
        "关于征求《高等职业教育专科",
        "人工智能技术应用专业教学标准",
        "（征求意见稿）》意见的通知",
    ]
    notes = [p for p in document.paragraphs if p.style.name == "公文附件说明"]
    for note in notes:  # every name starts at the same tab stop, wrapped lines under it
        fmt = note.paragraph_format
        assert fmt.left_indent == fmt.tab_stops[0].position
        assert fmt.left_indent + fmt.first_line_indent >= 0
    first, second = notes[0].paragraph_format, notes[1].paragraph_format
    assert first.left_indent + first.first_line_indent == Pt(32)  # 附件 2 characters in
    assert second.left_indent + second.first_line_indent == Pt(80)  # under "1."
