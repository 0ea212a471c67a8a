"""Real published standards transcribed into Zhibiao YAML (tests/realworld/<name>/).

Each folder is a small project (its own `zhibiao.yaml`, a `standards/` tree and `expected.txt`).
`expected.txt` lists the diagnostics the current model and rules give, one `CODE path:line`
per line (path relative to the folder, lines starting with # are comments), so a change to the
model shows up here as a changed expectation. See tests/realworld/GAPS.md for what they mean.
Values the source does not give carry the comment “原文未给出” and are kept only while the model
requires them.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from builder.model.sourced import NOT_GIVEN
from builder.read.corpus import validate
from builder.read.locate import compose
from builder.read.yamlsource import parse
from tests.conftest import run_cli

REALWORLD = Path(__file__).resolve().parent / "realworld"
FOLDERS = sorted(p for p in REALWORLD.iterdir() if (p / "expected.txt").is_file())
MARKER = "原文未给出"
"""Comment that marks a value the model requires but the source does not give."""


def _expected(folder: Path) -> list[str]:
    lines = (folder / "expected.txt").read_text("utf-8").splitlines()
    return sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def _check(folder: Path) -> tuple[int, list[dict[str, object]]]:
    """Run `check` once per folder; the three tests read the same result."""
    result = run_cli(["check", "standards", "--format", "json", "--no-cache"], folder)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code in (0, 1), result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return result.exit_code, found


def test_every_folder_is_a_project() -> None:
    assert len(FOLDERS) >= 5
    for folder in FOLDERS:
        assert (folder / "zhibiao.yaml").is_file(), folder
        assert list((folder / "standards").rglob("*.yaml")), folder


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_diagnostics_match_expected(folder: Path) -> None:
    exit_code, found = _check(folder)
    actual = sorted(f"{d['code']} {d['file']}:{d['line']}" for d in found)
    assert actual == _expected(folder), json.dumps(found, ensure_ascii=False, indent=1)
    errors = any(d["severity"] == "error" for d in found)
    assert exit_code == (1 if errors else 0)


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_transcriptions_fit_the_model(folder: Path) -> None:
    """Every file loads and validates: the gaps are recorded as values, not as schema errors."""
    _, found = _check(folder)
    reading = [d for d in found if str(d["code"]) < "ZB200"]
    assert not reading, reading


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_placeholders_are_marked(folder: Path) -> None:
    """Each “待补充” placeholder sits on a line that says the source does not give it."""
    _, found = _check(folder)
    for d in found:
        if d["code"] != "ZB605":
            continue
        text = (folder / str(d["file"])).read_text("utf-8").splitlines()
        line = text[int(str(d["line"])) - 1]
        assert MARKER in line, f"{d['file']}:{d['line']}: {line}"


def _marked(
    node: Node, lines: list[str], path: tuple[str | int, ...] = ()
) -> Iterator[tuple[str | int, ...]]:
    """Paths of the keys and list items written on a line that carries the marker."""
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            here = (*path, key_node.value)
            disclosed = isinstance(value_node, ScalarNode) and value_node.value == NOT_GIVEN
            if MARKER in lines[key_node.start_mark.line] and not disclosed:
                yield here
            yield from _marked(value_node, lines, here)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            if MARKER in lines[item.start_mark.line]:
                yield (*path, i)
            yield from _marked(item, lines, (*path, i))


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_gaps_are_disclosed_not_filled(folder: Path) -> None:
    """What the source does not give is written 原文未给出; “待补充” stays only where the model
    still requires a code (the specialty or course code of a name-only document, GAPS.md gap 5)."""
    for file in sorted((folder / "standards").rglob("*.yaml")):
        for number, line in enumerate(file.read_text("utf-8").splitlines(), start=1):
            if "待补充" in line.split("#")[0]:
                key = line.split(":")[0].strip().removeprefix("- ")
                assert key in {"specialty", "code"}, f"{file}:{number}: {line}"


def _without(data: Any, path: tuple[str | int, ...]) -> Any:
    trimmed = copy.deepcopy(data)
    parent = trimmed
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]
    return trimmed


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_placeholders_are_still_required(folder: Path) -> None:
    """A value marked “原文未给出” stays only while the model requires it: leaving it out must
    make the file invalid. When the model relaxes a field, this names the placeholder to remove."""
    files = sorted((folder / "standards").rglob("*.yaml"))
    checked = 0
    for file in files:
        text = file.read_text("utf-8")
        data = parse(text)
        doc, problems = validate(data, file.name)
        assert doc is not None, problems
        root = compose(text)
        assert root is not None
        for path in _marked(root, text.splitlines()):
            checked += 1
            doc, _ = validate(_without(data, path), file.name)
            where = f"{file.relative_to(folder)}: {'.'.join(map(str, path))}"
            assert doc is None, f"{where} 不再是模型必填项，占位应删除"
    if not checked:  # every gap of this folder is written 原文未给出: nothing left to relax
        lines = [line for f in files for line in f.read_text("utf-8").splitlines()]
        assert not any("待补充" in line.split("#")[0] for line in lines)


@pytest.mark.slow
@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_every_transcription_builds_its_site(folder: Path, tmp_path: Path) -> None:
    """The strict site build of every real document succeeds (a list whose 工作要求 are
    原文未给出 once left the overview page linking to a matrix that does not exist)."""
    project = tmp_path / folder.name
    shutil.copytree(folder, project, ignore=shutil.ignore_patterns("build", "site", ".zhibiao"))
    result = run_cli(["build", "standards", "--force", "--no-docx", "-d", "site"], project)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code == 0, result.stderr
    assert (project / "site" / "index.html").is_file()
