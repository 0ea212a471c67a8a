"""The end of a GB/T 9704 document: the seal place over the 成文日期 and the 版记 at the foot
of the last, even page (issue 17 §1), checked in the .docx and in LibreOffice's rendering."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

from builder.compose import compose_document
from builder.docx.ending import DATE_RIGHT, signature_indents, text_width
from builder.docx.export import render_trees
from builder.docx.tocpages import fill_documents
from tests.compose_models import CONFIG, course, loaded, small_corpus
from tests.docx_pdf import pdf_text, to_pdf, tools_missing
from tests.docx_read import open_docx
from tests.docx_trees import course_tree, specialty_tree

NOTICE = Path(__file__).parent / "cases" / "docx-notice" / "notice.yaml"
ISSUED = {
    "status": "发布",
    "doc_no": "电子行指委〔2026〕7号",
    "issuer": ["全国电子信息职业教育教学指导委员会", "海州市教育局"],
    "issued_on": "2026-03-18",
    "copy_to": ["教育部职业教育与成人教育司", "各省级教育行政部门"],
    "printed_by": "电子行指委秘书处",
}
PAGE_HEIGHT, BOTTOM_MARGIN = 841.9, 1984 / 20  # pt (A4; GB/T 9704 bottom margin 35 mm)
RIGHT_EDGE = 595.3 - 1474 / 20  # right edge of the text block (pt)
CHAR = 16.0


def issued_course(**meta: object) -> bytes:
    """The Word file of an issued 课程标准 (GB/T 9704 profile) with `meta`."""
    base = course("ZH01", "数据采集与标注", [("1-1-1", "掌握")])
    data = base.model_dump(mode="json", exclude_none=True)
    data["meta"] = {**data["meta"], **ISSUED, **meta}
    data["meta"].pop("comment_deadline", None)
    item = loaded(type(base).model_validate_json(_json(data)), "standards/510209/courses/ZH01.yaml")
    corpus = small_corpus(item)
    [output] = render_trees([compose_document(item, corpus, CONFIG)], CONFIG)
    return output.data


def _json(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False)


@given(
    st.lists(
        st.text(alphabet="教育部人力资源社会保障海州市学院", min_size=1, max_size=40), max_size=4
    ),
    st.dates().map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
)
def test_signatures_are_centred_over_the_date_inside_the_block(
    signers: list[str], date: str
) -> None:
    indents, date_indent = signature_indents(signers, date)
    centre = date_indent + text_width(date) / 2
    assert all(i >= 0 for i in indents) and date_indent >= DATE_RIGHT - 1e-9
    for signer, indent in zip(signers, indents, strict=True):
        assert abs(indent + text_width(signer) / 2 - centre) < 1e-9
    if max(map(text_width, signers), default=0) <= text_width(date) + 2 * DATE_RIGHT:
        assert date_indent == DATE_RIGHT  # 成文日期右空四字


def test_issued_document_is_signed_with_a_seal_place_and_a_record() -> None:
    document = open_docx(issued_course())
    texts = [p.text for p in document.paragraphs]
    at = texts.index("全国电子信息职业教育教学指导委员会")
    assert texts[at + 1 : at + 3] == ["海州市教育局", "2026年3月18日"]
    signer = document.paragraphs[at]
    assert signer.paragraph_format.space_before.pt == pytest.approx(2 * 28.95)
    seal = [b.get(qn("w:name")) for b in signer._p.iter(qn("w:bookmarkStart"))]
    assert seal == ["印章"]
    # the long name is centred over the date, which moves left so that the name fits
    _, date_indent = signature_indents(ISSUED["issuer"], "2026年3月18日")  # type: ignore[arg-type]
    assert date_indent > DATE_RIGHT
    assert document.paragraphs[at + 2].paragraph_format.right_indent.pt == date_indent * CHAR
    short = open_docx(issued_course(issuer="海州市教育局")).paragraphs
    dated = next(p for p in short if p.text == "2026年3月18日")
    assert dated.paragraph_format.right_indent.pt == DATE_RIGHT * CHAR  # 右空四字
    assert texts[-2:] == [
        "抄送：教育部职业教育与成人教育司，各省级教育行政部门。",
        "电子行指委秘书处\t2026年3月18日印发",
    ]
    last = document.sections[-1]._sectPr
    assert last.find(qn("w:type")).get(qn("w:val")) == "evenPage"
    assert last.find(qn("w:pgNumType")).get(qn("w:start")) is None  # numbering continues


def test_no_record_without_copy_or_printer_and_no_signature_on_drafts() -> None:
    texts = [p.text for p in open_docx(issued_course(copy_to=[], printed_by=None)).paragraphs]
    assert not any("印发" in t or t.startswith("抄送") for t in texts)
    draft = issued_course(status="送审稿", issued_on=None, printed_by=None, copy_to=[])
    assert "海州市教育局" not in [p.text for p in open_docx(draft).paragraphs]


def _words(pdf: Path, page: int) -> list[tuple[float, float, float, str]]:
    """(xMin, xMax, yMax, text) of each word on one page (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = re.findall(
        r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', out
    )
    return [(float(a), float(b), float(c), t) for a, b, c, t in found]


def assert_record_at_foot_of_even_page(pdf: Path, printed: str) -> None:
    pages = pdf_text(pdf)
    record = len(pages)  # the 版记 page is the last
    assert "印发" in pages[-1] and printed in pages[-1].replace(" ", "")
    assert record % 2 == 0, f"版记 on page {record}"
    assert not re.search(r"—\s*\d+\s*—", pages[-1])  # no page number on the 版记 page
    words = _words(pdf, record)
    lowest = max(y for _, _, y, _ in words)
    bottom = PAGE_HEIGHT - BOTTOM_MARGIN
    assert bottom - 3 * CHAR < lowest <= bottom, (lowest, bottom)
    assert all(y > PAGE_HEIGHT / 2 for _, _, y, _ in words)  # nothing else on that page


pdf_tools = pytest.mark.skipif(tools_missing() is not None, reason="LibreOffice/poppler missing")


@pytest.mark.slow
@pytest.mark.libreoffice
@pdf_tools
def test_rendered_ending_seal_place_and_record(tmp_path: Path) -> None:
    course_data = issued_course(issuer=["海州市教育局", "海州市人力资源和社会保障局"])
    notice = render_trees([specialty_tree(), course_tree()], CONFIG, notice=NOTICE)[-1]
    # a body ending on an odd page and one ending on an even page (one more paragraph of body)
    longer = issued_course(
        issuer=["海州市教育局", "海州市人力资源和社会保障局"], references=["参考文献一"] * 12
    )
    laid_out = fill_documents(
        [("course.docx", course_data), ("notice.docx", notice.data), ("longer.docx", longer)]
    )
    files = []
    for name, data in zip(("course", "notice", "longer"), laid_out, strict=True):
        files.append(tmp_path / f"{name}.docx")
        files[-1].write_bytes(data)
    course_pdf, notice_pdf, longer_pdf = to_pdf(files, tmp_path / "pdf", tmp_path / "lo")
    assert_record_at_foot_of_even_page(course_pdf, "2026年3月18日印发")
    assert_record_at_foot_of_even_page(notice_pdf, "2026年7月2日印发")
    assert_record_at_foot_of_even_page(longer_pdf, "2026年3月18日印发")
    # the two bodies end on pages of different parity: one needed the blank page, one not

    # 成文日期 four characters in from the right edge, the signatures centred over it
    pages = pdf_text(course_pdf)
    signed = next(i for i, p in enumerate(pages, 1) if "海州市教育局" in p)
    words = _words(course_pdf, signed)
    day = [w for w in words if w[3].endswith("日") and w[2] > 200]
    date_right = max(x1 for _, x1, _, _ in day[-1:])
    assert date_right == pytest.approx(RIGHT_EDGE - DATE_RIGHT * CHAR, abs=CHAR / 2)
    line = next(w for w in words if w[3] == "海州市教育局")
    date_left = min(x0 for x0, _, y, _ in words if y == day[-1][2])
    centre = (line[0] + line[1]) / 2
    # centred within one character (LibreOffice sets the date a little wider than ½-width digits)
    assert centre == pytest.approx((date_left + date_right) / 2, abs=CHAR)
