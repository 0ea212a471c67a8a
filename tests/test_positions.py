"""Unit tests: positions point at the offending value; the YAML reader refuses what it must."""

from __future__ import annotations

import pytest

from builder.read.locate import compose, locate
from builder.read.yamlsource import MAX_DEPTH, YamlProblem, decode, parse

COURSE = """\
# yaml-language-server: $schema=../../../schemas/course.schema.json
kind: course
code: ZH01
name: 数据采集与标注
semesters: [3, 4]
modules:
  - {code: M1, name: 数据采集与清洗, hours: 24}
  - code: M2
    name: 数据标注与质检
    hours: 四十
"""


def _at(text: str, line: int, column: int) -> str:
    """The rest of `line` from `column` (both 1-based)."""
    return text.replace("\r\n", "\n").split("\n")[line - 1][column - 1 :]


@pytest.mark.parametrize(
    ("path", "line", "column", "starts"),
    [
        (("code",), 3, 7, "ZH01"),
        (("name",), 4, 7, "数据采集与标注"),
        (("semesters", 1), 5, 16, "4]"),
        # Columns count characters, not bytes: 数据采集与清洗 is 7 characters wide.
        (("modules", 0, "hours"), 7, 38, "24}"),
        (("modules", 0, "name"), 7, 22, "数据采集与清洗"),
        (("modules", 1, "hours"), 10, 12, "四十"),
        (("modules", 1), 8, 5, "code: M2"),  # a mapping item: where it starts
        (("modules",), 6, 1, "modules:"),  # a block collection: its key
    ],
)
def test_locate_points_at_the_value(
    path: tuple[str | int, ...], line: int, column: int, starts: str
) -> None:
    position = locate(compose(COURSE), path)
    assert (position.line, position.column) == (line, column)
    assert _at(COURSE, line, column).startswith(starts)
    assert position.found


def test_locate_a_key_for_unknown_fields() -> None:
    position = locate(compose(COURSE), ("modules", 1, "name"), key=True)
    assert (position.line, position.column) == (9, 5)
    assert _at(COURSE, 9, 5).startswith("name:")


def test_locate_a_missing_path_falls_back_to_the_deepest_key() -> None:
    position = locate(compose(COURSE), ("modules", 1, "items"))
    assert (position.line, position.column, position.found) == (8, 5, False)


def test_locate_keeps_the_source_text_of_scalars() -> None:
    text = "code: 060103\nname: x\n"
    assert locate(compose(text), ("code",)).source == "060103"
    assert parse(text)["code"] == 60103  # why ZB102 exists: the leading zero is lost


def test_positions_in_crlf_and_bom_files() -> None:
    raw = ("\ufeff" + COURSE).replace("\n", "\r\n").encode("utf-8")
    text = decode(raw)
    position = locate(compose(text), ("modules", 1, "hours"))
    assert (position.line, position.column) == (10, 12)


def test_yaml_1_2_core_schema() -> None:
    data = parse("a: yes\nb: off\nc: 2025-06-30\nd: 1_000\ne: 0o17\nf: .inf\ng: ~\nh: 3:20\n")
    assert data == {
        "a": "yes",
        "b": "off",
        "c": "2025-06-30",
        "d": "1_000",
        "e": 15,
        "f": float("inf"),
        "g": None,
        "h": "3:20",
    }


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "words"),
    [
        ("a: &x 1\nb: *x\n", "ZB003", 1, 4, "锚点与别名"),
        ("a:\n  <<: {b: 1}\n", "ZB003", 2, 3, "合并键"),
        ("a: 1\nb: 2\na: 3\n", "ZB004", 3, 1, "第 1 行已出现"),
        ("a: !!binary aGVsbG8=\n", "ZB005", 1, 4, "!!binary"),
        ("a: !!python/name:os.system\n", "ZB005", 1, 4, "!!python/name:os.system"),
        ("a: !!set {b, c}\n", "ZB005", 1, 4, "!!set"),
        ("a: !!python/object:builtins.dict {b: 1}\n", "ZB005", 1, 4, "!!python/object"),
        ("a: !!str 060103\n", None, 0, 0, ""),
        ("a: 1\n---\nb: 2\n", "ZB001", 2, 1, "一个文件只能包含一个 YAML 文档"),
        ("a:\n\tb: 1\n", "ZB001", 2, 1, "Tab"),
        ("a: [1, 2\nb: 3\n", "ZB001", 2, 2, "流式列表"),
        ("名称: 数据\x07采集\n", "ZB012", 1, 7, "U+0007"),
        ("{[a]: 1}\n", "ZB001", 1, 2, "简单标量"),
    ],
)
def test_parse_refuses(text: str, code: str | None, line: int, column: int, words: str) -> None:
    if code is None:  # the core tags stay allowed
        assert parse(text) == {"a": "060103"}
        return
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    problem = caught.value
    assert (problem.code, problem.line, problem.column) == (code, line, column), problem
    assert words in problem.message + (problem.hint or "")


def test_quoted_merge_key_is_an_ordinary_key() -> None:
    assert parse('a: {"<<": 1}\n') == {"a": {"<<": 1}}


def test_nesting_limit() -> None:
    assert parse("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n")
    with pytest.raises(YamlProblem) as caught:
        parse("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n")
    assert (caught.value.code, caught.value.line, caught.value.column) == (
        "ZB008",
        1,
        3 + MAX_DEPTH,
    )


@pytest.mark.parametrize(
    ("raw", "words", "line", "column"),
    [
        ("课程名称: 数据采集".encode("gbk"), "疑似 GBK/GB18030", 1, 1),
        ("name: 数据采集\n".encode("utf-16"), "UTF-16 LE", 1, 1),
        ("name: 数据采集\n".encode("utf-16-be"), "UTF-16 BE", 1, 1),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制数据", 1, 1),
        ("a: 数据\n".encode() + b"b: \xff\n", "不是有效的 UTF-8", 2, 4),
    ],
)
def test_decode_names_the_encoding(raw: bytes, words: str, line: int, column: int) -> None:
    with pytest.raises(YamlProblem) as caught:
        decode(raw)
    assert caught.value.code == "ZB002"
    assert words in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, column)


def test_decode_accepts_a_utf8_bom() -> None:
    assert decode("\ufeffkind: course\n".encode()) == "kind: course\n"
