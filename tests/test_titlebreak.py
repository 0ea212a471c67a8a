"""Title lines broken by meaning (GB/T 9704 7.3.1; builder/docx/titlebreak.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.docx.titlebreak import CLOSING, OPENING, char_width, title_lines
from tests.conftest import examples

PIECES = st.sampled_from(
    [
        "关于",
        "征求",
        "印发",
        "《",
        "》",
        "（",
        "）",
        "征求意见稿",
        "专业教学标准",
        "课程标准",
        "人工智能技术应用",
        "电子商务",
        "2025年",
        "修订",
        "的通知",
        "意见",
        "等",
        "高等职业教育专科",
    ]
)


def width(line: str) -> float:
    return sum(map(char_width, line))


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14), st.integers(8, 24))
def test_lines_keep_the_text_fit_and_respect_punctuation(pieces: list[str], limit: int) -> None:
    text = "".join(pieces)
    lines = title_lines(text, limit, ["人工智能技术应用"])
    assert "".join(lines) == text  # nothing lost, added or reordered
    if len(lines) > 1:  # broken: every line fits, none starts 》） nor ends 《（
        assert all(width(line) <= limit for line in lines)
        assert all(line[0] not in CLOSING for line in lines[1:])
        assert all(line[-1] not in OPENING for line in lines[:-1])
    else:  # one line only when it fits or no break can make it fit
        assert width(text) <= limit or lines == [text]


def test_names_and_bracketed_titles_stay_whole_when_they_fit() -> None:
    text = "关于征求《高等职业教育专科人工智能技术应用专业教学标准（征求意见稿）》意见的通知"
    lines = title_lines(text, 20, ["人工智能技术应用"])
    assert lines == [
        "关于征求《高等职业教育专科",
        "人工智能技术应用专业教学标准",
        "（征求意见稿）》意见的通知",
    ]
    assert title_lines(
        "关于公布人工智能技术应用等专业教学标准的通知", 20, ["人工智能技术应用"]
    ) == [
        "关于公布人工智能技术应用",
        "等专业教学标准的通知",
    ]
    assert title_lines("短标题", 20) == ["短标题"]
