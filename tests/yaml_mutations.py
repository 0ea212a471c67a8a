"""Hypothesis strategies: the repository's example YAML files, mutated with tricky YAML.

Scalars are replaced by values whose meaning differs between YAML 1.1, ruamel.yaml's 1.2
rules and the YAML 1.2 core schema `zhibiao check` uses; comments, anchors, directives,
flow collections, block scalars, tabs, reordered keys, CRLF and a BOM are added. Many
mutants do not parse: fmt must refuse those without writing, like check does.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from tests.conftest import REPO

TRICKY = (
    "1_2",
    "0o17",
    "+0o100",
    "-0o7",
    "0x1F",
    "-0x1f",
    "0b101",
    ".inf",
    "-.Inf",
    "+.INF",
    ".nan",
    ".NaN",
    "on",
    "off",
    "yes",
    "No",
    "y",
    "n",
    "ON",
    "True",
    "FALSE",
    "~",
    "null",
    "Null",
    "NULL",
    "2021-01-01",
    "2001-12-14t21:59:43.10-05:00",
    "1e3",
    "1E+3",
    "-1.5e-3",
    "1.",
    ".5",
    "+12",
    "-0",
    "-0.0",
    "060103",
    "0",
    "00",
    "12:30",
    "1:30:00",
    "190:20:30",
    "0.1_0",
    "1__0",
    "_1",
    "1_",
    "12e03",
    '"quoted"',
    "'single ''q'''",
    '"1_2"',
    "'on'",
    '"\\t tab"',
    '"\\x41"',
    "a\tb",
    "x # not a comment?",
    "x #comment",
    "|\n  multi\n  line",
    ">-\n  folded\n  text",
    "|+\n  keep\n\n",
    "plain\n  continued",
    "[1_2, on, '060103', ~]",
    "{a: 1, b: yes, c: 0x1F}",
    "[]",
    "{}",
    "!!str 1_2",
    "!!int 1_2",
    "!!float 1",
    "!!bool true",
    "!!null ''",
    "&a 1_2",
    "&b [1, 2]",
    "=",
    "<<",
    "?",
    "-",
    "- x",
    "@at",
    "`tick",
    "%pct",
    "机械 on",
    "数据：1_2",
    "123456789012345678901234567890",
    "0x",
    "0o",
    "+",
    ".",
    "...",
    "---",
)
"""Scalars (and small nodes) written in place of a value."""

_VALUE = re.compile(r"^(?P<head>\s*(?:- )*(?:[^\s#:][^#:]*?: |- ))(?P<value>\S.*)$")


@cache
def example_texts() -> tuple[str, ...]:
    """The example standards shipped in standards/ and tests/realworld/ (UTF-8 files)."""
    texts = []
    for root in (REPO / "standards", REPO / "tests" / "realworld"):
        for path in sorted(root.rglob("*.y*ml")):
            try:
                texts.append(path.read_bytes().decode("utf-8"))
            except UnicodeDecodeError:
                continue
    return tuple(texts)


def _value_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _VALUE.match(line)]


def _replace_value(lines: list[str], index: int, value: str) -> None:
    match = _VALUE.match(lines[index])
    assert match is not None
    head = match["head"]
    if "\n" in value:
        indent = " " * (len(head) - len(head.lstrip()) + 2)
        first, *rest = value.split("\n")
        value = "\n".join([first, *(indent + part.strip() if part else "" for part in rest)])
    lines[index] = head + value


def _top_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each top-level key with the indented lines under it."""
    starts = [i for i, line in enumerate(lines) if re.match(r"^[A-Za-z_][\w-]*:", line)]
    return list(zip(starts, [*starts[1:], len(lines)], strict=True))


@st.composite
def mutated_yaml(draw: st.DrawFn) -> str:
    """One example file with one to six mutations."""
    text = draw(st.sampled_from(example_texts()))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(
            st.sampled_from(
                ("scalar", "scalar", "scalar", "comment", "anchor", "swap", "tab", "key")
            )
        )
        candidates = _value_lines(lines)
        if operation == "scalar" and candidates:
            index = draw(st.sampled_from(candidates))
            _replace_value(lines, index, draw(st.sampled_from(TRICKY)))
        elif operation == "comment":
            index = draw(st.integers(0, len(lines) - 1))
            if draw(st.booleans()) or not lines[index].strip():
                lines.insert(index, "# 注释：" + draw(st.sampled_from(TRICKY)).split("\n")[0])
            else:
                lines[index] += "  # 行尾注释"
        elif operation == "anchor" and candidates:
            index = draw(st.sampled_from(candidates))
            match = _VALUE.match(lines[index])
            assert match is not None
            lines[index] = match["head"] + "&x" + str(index) + " " + match["value"]
        elif operation == "swap":
            blocks = _top_blocks(lines)
            if len(blocks) >= 2:
                a = draw(st.integers(0, len(blocks) - 2))
                (s1, e1), (s2, e2) = blocks[a], blocks[a + 1]
                lines[s1:e2] = lines[s2:e2] + lines[s1:e1]
        elif operation == "tab" and candidates:
            index = draw(st.sampled_from(candidates))
            lines[index] = lines[index] + draw(st.sampled_from(("\t", " \t# t", "\tx")))
        elif operation == "key" and candidates:
            index = draw(st.sampled_from(candidates))
            key = draw(st.sampled_from(("1_2", "on", "yes", "0x1F", "~", "060103", "1e3")))
            indent = lines[index][: len(lines[index]) - len(lines[index].lstrip(" "))]
            if not lines[index].lstrip().startswith("- "):
                lines.insert(index, f"{indent}{key}: {draw(st.sampled_from(TRICKY[:40]))}")
    text = "\n".join(lines)
    if draw(st.integers(0, 4)) == 0:
        text = draw(st.sampled_from(("%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "---\n"))) + text
    if draw(st.integers(0, 4)) == 0:
        text = text.replace("\n", "\r\n")
    if draw(st.integers(0, 6)) == 0:
        text = "\ufeff" + text
    return text


def example_paths() -> list[Path]:
    """The files `example_texts` reads (for messages)."""
    return [
        path
        for root in (REPO / "standards", REPO / "tests" / "realworld")
        for path in sorted(root.rglob("*.y*ml"))
    ]
