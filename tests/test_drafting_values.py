"""Reading values typed into a working copy, splitting a cell into its fields, next codes."""

from __future__ import annotations

import io
from typing import Any

import pytest
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

from builder.drafting.changes import next_code
from builder.drafting.containers import read_cell
from builder.drafting.values import NotReadable, Slot, decode, slot, tokens
from builder.drafting.wordread import Para
from builder.drafting.writeback import _styled
from builder.model import Course, Specialty
from builder.read.yamlsource import decode as decode_yaml
from builder.read.yamlsource import parse
from builder.yamlfmt import make_yaml


def _slot(model: type, path: str) -> Slot:
    found = slot(model, tokens(path))
    assert found is not None, path
    return found


@pytest.mark.parametrize(
    ("path", "text", "value"),
    [
        ("courses[0].hours", " 36 ", 36),
        ("courses[0].hours", "36 学时", 36),
        ("courses[0].hours", "—", None),
        ("courses[0].credits", "2.5", 2.5),
        ("courses[0].credits", "2", 2),
        ("courses[0].semesters", "1–4", [1, 2, 3, 4]),
        ("courses[0].semesters", "5、6", [5, 6]),
        ("courses[0].semesters", "—", None),  # not given: the key is left out
        ("courses[0].elective", "选修", True),
        ("courses[0].elective", "必修", False),
        ("courses[0].nature", "专业核心", "专业核心"),
        ("courses[0].name", "  机器学习\n", "机器学习"),
        ("specs[0].type", "知识", "知识"),
        ("overview", "第一段\n\n第二段", "第一段\n\n第二段"),
        ("career.posts", "数据标注员、 算法工程师\n", ["数据标注员", "算法工程师"]),
        ("career.certificates", "—", None),
        ("meta.drafting_units", "甲学院", ["甲学院"]),
        ("meta.proposed_by", "甲委员会", "甲委员会"),  # one unit: a text, as usually written
        ("meta.proposed_by", "甲委员会、乙部", ["甲委员会", "乙部"]),
        ("meta.compiled_on", "2026年3月8日", "2026-03-08"),
        ("meta.compiled_on", "2026年3月", "2026-03"),
        ("meta.issued_on", "2026-03-18", "2026-03-18"),
        ("meta.comment_deadline", "2027年1月15日", "2027-01-15"),
        ("meta.title", "2026年3月8日", "2026年3月8日"),  # a text, not a date
    ],
)
def test_decode_by_the_models_type(path: str, text: str, value: object) -> None:
    assert decode(text, _slot(Specialty, path)) == value


@pytest.mark.parametrize(
    ("path", "text", "says"),
    [
        ("courses[0].hours", "三十六", "应为一个数字"),
        ("courses[0].hours", "36.5", "应为整数"),
        ("courses[0].hours", "9" * 6000, "数字过长"),
        ("courses[0].nature", "核心", "「公共基础」"),
        ("courses[0].elective", "可选", "选修"),
        ("courses[0].semesters", "4–1", "从小到大"),
        ("specs[0].type", "技能", "「素质」、「知识」、「能力」"),
        ("meta.issued_on", "明年春天", "应为日期"),
        ("meta.comment_deadline", "3月8日", "应为日期"),
    ],
)
def test_text_that_is_not_a_value_is_refused(path: str, text: str, says: str) -> None:
    with pytest.raises(NotReadable, match=says):
        decode(text, _slot(Specialty, path))


def test_paths_outside_the_model_have_no_slot() -> None:
    assert slot(Course, tokens("modules[0].items[2].hours")) is not None
    assert slot(Course, tokens("modules[0].nothing")) is None
    assert slot(Course, tokens("name[0]")) is None


@pytest.mark.parametrize(
    ("template", "codes", "made"),
    [
        ("1-2-3", ["1-2-1", "1-2-2", "1-2-3", "1-3-9"], "1-2-4"),
        ("ZH05", ["ZH01", "ZH05", "GG09"], "ZH06"),
        ("R9", ["R9", "R10"], "R11"),
        ("M1-1", ["M1-1", "M2-1"], "M1-2"),
        ("4.6", ["4.1", "4.6"], "4.7"),
        ("体验", ["体验"], None),
    ],
)
def test_next_code_follows_the_lists_scheme(template: str, codes: list[str], made: str) -> None:
    assert next_code(template, codes) == made


def _para(text: str) -> Para:
    para = Para("段1", 0, 0, 0, text=text)
    para.segments = [(text, None)]
    return para


def test_a_cell_is_split_around_its_fixed_text_keeping_the_most_fields() -> None:
    pieces = [("人工智能（智能制造）", "name"), ("（", None), ("510209", "code"), ("）", None)]
    assert read_cell(pieces, [_para("人工智能（智能制造）（510209）")]) == [
        ("name", "人工智能（智能制造）"),
        ("code", "510209"),
    ]
    assert read_cell(pieces, [_para("人工智能（智能制造方向）（510209）")]) == [
        ("name", "人工智能（智能制造方向）"),
        ("code", "510209"),
    ]
    # both fields changed and the fixed text inside the name: no safe split
    assert read_cell(pieces, [_para("人工智能（智能制造方向）（510219）")]) is None
    # the fixed text removed
    assert read_cell(pieces, [_para("人工智能 510209")]) is None
    assert read_cell(pieces, [_para("（" * 30_000)]) is None


def test_a_yaml_file_fmt_cannot_read_is_not_written() -> None:
    from builder.drafting.changes import Changes
    from builder.drafting.writeback import write_back

    outcome = write_back("name: a\nname: b\n", "x.yaml", Course, Changes(edits={("name",): "c"}))
    assert outcome.text is None
    assert [p.rule.code for p in outcome.problems] == ["ZB859"]


@pytest.mark.parametrize(
    "old", ["原文", SingleQuotedScalarString("原文"), LiteralScalarString("甲\n乙\n")]
)
@pytest.mark.parametrize("text", ["甲\x85乙", "中间 有\u2028空格", "第一行\n第二行\u2029段"])
def test_line_break_characters_typed_in_word_come_back_exactly(old: Any, text: str) -> None:
    """NEL, LS and PS are line breaks to ruamel's emitter: in the old value's style (plain,
    single-quoted, literal) they came back changed, so such text is written double-quoted."""
    out = io.StringIO()
    make_yaml().dump({"name": _styled(old, text, code=False)}, out)
    assert parse(decode_yaml(out.getvalue().encode("utf-8")))["name"] == text
