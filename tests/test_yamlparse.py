"""The event-based YAML builder: YAML 1.2 core schema, refused features, located problems."""

from __future__ import annotations

import math

import pytest

from builder.read.yamlparse import MAX_DEPTH, within_depth
from builder.read.yamlsource import YamlProblem, parse


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    return caught.value


def test_core_schema_values() -> None:
    text = (
        "a: 0o17\nb: 0x1F\nc: -12\nd: 1.5\ne: .inf\nf: -.inf\ng: 1e3\n"
        "h: yes\ni: ~\nj: null\nk: True\nl: 2025-01-01\nm: '012'\nn: 012\no:\np: on\n"
    )
    data = parse(text)
    assert data["a"] == 15 and data["b"] == 31 and data["c"] == -12
    assert data["d"] == 1.5 and data["e"] == math.inf and data["f"] == -math.inf
    assert data["g"] == 1000.0
    # YAML 1.1 surprises are text under 1.2: yes/on stay strings, dates stay text
    assert data["h"] == "yes" and data["p"] == "on" and data["l"] == "2025-01-01"
    assert data["i"] is None and data["j"] is None and data["o"] is None and data["k"] is True
    assert data["m"] == "012" and data["n"] == 12
    assert math.isnan(parse("x: .nan\n")["x"])


def test_chinese_text_and_blocks() -> None:
    data = parse("name: 人工智能技术应用\ntext: |\n  第一段。\n\n  第二段。\nlist: [掌握, 运用]\n")
    assert data == {
        "name": "人工智能技术应用",
        "text": "第一段。\n\n第二段。\n",
        "list": ["掌握", "运用"],
    }


def test_empty_values_are_null() -> None:
    assert parse("a:\nb: {c, d: }\n") == {"a": None, "b": {"c": None, "d": None}}
    assert parse("") is None
    assert parse("# 只有注释\n") is None
    assert parse("b: ''\n") == {"b": ""}


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: &x 1\nb: *x\n", "ZB003", 1),
        ("base: &b {h: 1}\nc:\n  <<: *b\n", "ZB003", 3),
        ("<<: {a: 1}\n", "ZB003", 1),
        ("a: !!merge x\n", "ZB003", 1),
        ("a: *nothing\n", "ZB001", 1),
        ("a: !foo 1\n", "ZB005", 1),
        ("a: !!binary aGVsbG8=\n", "ZB005", 1),
        ("x: !!python/object/apply:os.system [ls]\n", "ZB005", 1),
        ("x: !!set {a, b}\n", "ZB005", 1),
        ("a: !!int abc\n", "ZB001", 1),
        ("a: !!bool maybe\n", "ZB001", 1),
        ("a: " + "9" * 5000 + "\n", "ZB001", 1),
        ("a: 1\n---\nb: 2\n", "ZB001", 2),
        ("? [1]\n: 2\n", "ZB001", 1),
        ("a:\n\tb: 1\n", "ZB001", 2),
        ("a: b: c\n", "ZB001", 1),
        ("a: 'x\n", "ZB001", 2),
        ("a: \x07\n", "ZB012", 1),
    ],
)
def test_refused_and_broken(text: str, code: str, line: int) -> None:
    found = problem(text)
    assert found.code == code, found.message
    assert found.line == line
    assert found.column >= 1


def test_duplicate_key_names_both_lines() -> None:
    found = problem("b:\n  c: 1\n  d: 2\n  c: 3\n")
    assert found.code == "ZB004"
    assert (found.line, found.column) == (4, 3)
    assert "第 2 行" in found.message


def test_duplicate_key_in_flow_mapping() -> None:
    found = problem("{a: 1, a: 2}\n")
    assert found.code == "ZB004" and "第 1 行" in found.message


def test_quoted_merge_key_is_an_ordinary_key() -> None:
    assert parse("'<<': 1\n") == {"<<": 1}


@pytest.mark.parametrize("depth", [MAX_DEPTH - 1, MAX_DEPTH])
def test_depth_within_limit(depth: int) -> None:
    data = parse("[" * depth + "]" * depth)
    for _ in range(depth - 1):
        data = data[0]
    assert data == []


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1000, 100_000])
def test_too_deep_is_refused_without_crashing(depth: int) -> None:
    # 100k levels used to overflow the C stack of libyaml's composer (a segfault)
    found = problem("a: " + "[" * depth + "]" * depth)
    assert found.code == "ZB008"
    assert found.line == 1
    assert not within_depth("[" * depth + "]" * depth)


def test_deep_block_nesting() -> None:
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(300)) + "  " * 300 + "v\n"
    assert problem(text).code == "ZB008"


def test_billion_laughs_is_refused_at_the_first_alias() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        prev = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [{','.join(['*' + prev] * 9)}]")
    found = problem("\n".join(lines) + "\n")
    assert found.code == "ZB003"
    assert found.line == 1
