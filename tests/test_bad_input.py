"""Bad input that is generated at run time rather than committed: symlinks, huge or deeply
nested files, random bytes. Each must give a located message and exit 1, never a traceback."""

from __future__ import annotations

import json
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from builder.read.corpus import load_document
from builder.read.yamlsource import MAX_DEPTH, MAX_FILE_BYTES
from tests.conftest import CASES, run_cli

RUNTIME_CODES = {
    "ZB007": "test_file_over_the_size_limit",
    "ZB008": "test_deep_nesting",
    "ZB013": "test_symlink_pointing_outside",
    "ZB015": "test_workbook_cell_with_a_control_character",
}
"""Codes whose failing case is generated here (the files are too big or not committable)."""

COURSES = "standards/510209-人工智能技术应用/courses"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the clean base project."""
    target = tmp_path / "project"
    shutil.copytree(CASES / "clean-minimal", target)
    (target / "expected.txt").unlink()
    return target


def _check(project: Path) -> tuple[int, list[dict[str, object]], str]:
    result = run_cli(["check", "standards", "--format", "json"], project)
    assert "Traceback" not in result.stderr, result.stderr
    found = json.loads(result.stdout) if result.exit_code in (0, 1) else []
    return result.exit_code, found, result.stderr


def test_symlink_pointing_outside(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("kind: course\n", "utf-8")
    link = project / COURSES / "ZH02.yaml"
    link.symlink_to(secret)
    exit_code, found, _ = _check(project)
    assert exit_code == 1
    assert [(d["code"], d["file"], d["line"], d["column"]) for d in found] == [
        ("ZB013", f"{COURSES}/ZH02.yaml", 1, 1)
    ]
    assert str(secret) in str(found[0]["message"])


def test_symlink_inside_is_followed(project: Path) -> None:
    """A link to another file of the standards tree is read like the file itself."""
    (project / COURSES / "ZH01-link.yaml").symlink_to("ZH01.yaml")
    exit_code, found, _ = _check(project)
    assert exit_code == 1
    assert [d["code"] for d in found] == ["ZB207"], found  # the same course twice
    # Each file is shown under its own name, not the link's target.
    assert {found[0]["file"], found[0]["related"][0]["file"]} == {  # type: ignore[index]
        f"{COURSES}/ZH01.yaml",
        f"{COURSES}/ZH01-link.yaml",
    }


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # 100 000 nested flow sequences: libyaml alone would overflow the C stack.
        # The file's mapping is level 1, so the 100th "[" (column 106) is level 101.
        ("kind: course\nname: " + "[" * 100_000 + "]" * 100_000 + "\n", 2, 7 + MAX_DEPTH - 1),
        # 150 nested block mappings: parses fine, but is refused before validation recurses.
        (
            "kind: course\nname:\n"
            + "".join("  " * i + f"a{i}:\n" for i in range(1, 150))
            + "  " * 150
            + "x: 1\n",
            MAX_DEPTH + 2,  # the mapping under a100, the 101st level (the file's mapping is 1st)
            2 * MAX_DEPTH + 1,
        ),
    ],
    ids=["flow-100000", "block-150"],
)
def test_deep_nesting(project: Path, text: str, line: int, column: int) -> None:
    (project / COURSES / "ZH02.yaml").write_text(text, "utf-8")
    exit_code, found, _ = _check(project)
    assert exit_code == 1
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("ZB008", line, column)]
    assert f"{MAX_DEPTH} 层" in str(found[0]["message"])


def test_file_over_the_size_limit(project: Path) -> None:
    big = project / COURSES / "ZH02.yaml"
    with big.open("wb") as handle:
        handle.write(b"kind: course\n")
        handle.write(b"# " + b"x" * (MAX_FILE_BYTES - 1) + b"\n")
    exit_code, found, _ = _check(project)
    assert exit_code == 1
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("ZB007", 1, 1)]
    assert "5 MB" in str(found[0]["message"])


def test_file_at_the_size_limit_is_read(project: Path) -> None:
    text = (project / COURSES / "ZH01.yaml").read_bytes()
    padded = text + b"#" * (MAX_FILE_BYTES - len(text) - 1) + b"\n"
    assert len(padded) == MAX_FILE_BYTES
    (project / COURSES / "ZH01.yaml").write_bytes(padded)
    exit_code, found, _ = _check(project)
    assert (exit_code, found) == (0, [])


def test_random_bytes_never_crash(tmp_path: Path) -> None:
    """Corrupt a real standard byte by byte; loading must always end in diagnostics."""
    original = (CASES / "clean-minimal" / COURSES / "ZH01.yaml").read_bytes()
    rng = random.Random(20250601)
    target = tmp_path / "ZH01.yaml"
    codes: set[str] = set()
    for _ in range(300):
        data = bytearray(original)
        for _ in range(rng.randint(1, 6)):
            position = rng.randrange(len(data))
            data[position] = rng.randrange(256)
        target.write_bytes(bytes(data))
        doc, problems = load_document(target, "ZH01.yaml", tmp_path)
        assert (doc is None) == bool(problems)
        for problem in problems:
            assert problem.code.startswith("ZB") and problem.message
        codes.update(p.code for p in problems)
    for _ in range(50):
        target.write_bytes(rng.randbytes(rng.randint(1, 4000)))
        doc, problems = load_document(target, "ZH01.yaml", tmp_path)
        assert doc is None and problems
    assert {"ZB001", "ZB002"} <= codes  # the corruption did hit both the YAML and the encoding


def test_random_bytes_through_the_cli(project: Path) -> None:
    rng = random.Random(7)
    (project / COURSES / "ZH02.yaml").write_bytes(rng.randbytes(2048))
    exit_code, found, _ = _check(project)
    assert exit_code == 1
    assert [d["code"] for d in found] == ["ZB002"]


def test_nonexistent_standards_dir(tmp_path: Path) -> None:
    result = run_cli(["check", "标准"], tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: 标准目录不存在：标准")
    assert "Traceback" not in result.stderr


def test_standards_path_is_a_file(project: Path) -> None:
    result = run_cli(["check", "standards/510209-人工智能技术应用/specialty.yaml"], project)
    assert result.exit_code == 2
    assert "不是目录" in result.stderr


def test_config_file_not_found(project: Path) -> None:
    result = run_cli(["check", "standards", "--config", "nope.yaml"], project)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: 配置文件不存在：nope.yaml")


def test_config_found_in_a_parent_folder(project: Path) -> None:
    """Run from inside the standards tree: the config is found by walking up."""
    (project / "zhibiao.yaml").write_text("severity:\n  ZB605: ignore\n", "utf-8")
    spec = project / "standards/510209-人工智能技术应用/specialty.yaml"
    spec.write_text(
        spec.read_text("utf-8").replace("quality: 建立", "quality: 待补充。建立"), "utf-8"
    )
    result = run_cli(["check", "."], project / "standards")
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (
        0,
        "检查了 6 个文件：没有发现问题",
    )


def test_unreadable_config_is_a_usage_error(project: Path) -> None:
    (project / "zhibiao.yaml").write_bytes("issuer: 测试\n".encode("gbk"))
    result = run_cli(["check", "standards"], project)
    assert result.exit_code == 2
    assert result.stderr.startswith("zhibiao.yaml:1:9: error: 文件不是有效的 UTF-8（疑似 GBK")


def test_check_without_a_path_from_inside_the_standards_tree(project: Path) -> None:
    """`zhibiao check` run in standards/<专业>/courses finds the project's standards/ above it."""
    course = project / COURSES / "ZH01.yaml"
    course.write_text(
        course.read_text("utf-8").replace('{ref: "1-1-2"', '{ref: "1-1-9"', 1), "utf-8"
    )
    result = run_cli(["check", "--format", "json"], project / COURSES)
    assert result.exit_code == 1, result.stderr
    found = json.loads(result.stdout)
    assert [(d["code"], d["file"], d["line"]) for d in found] == [
        ("ZB301", "../competencies.yaml", 16),  # 1-1-2 lost its carrier
        ("ZB201", "ZH01.yaml", 40),
    ]


def test_commands_without_a_path_from_a_project_subfolder(example_project: Path) -> None:
    """From any folder under the project root (next to zhibiao.yaml), the defaults still work."""
    (example_project / "docs").mkdir()
    check = run_cli(["check"], example_project / "docs")
    assert (check.exit_code, check.stdout) == (0, "检查了 34 个文件：没有发现问题\n")
    fmt = run_cli(["fmt", "--check"], example_project / "standards" / "730701-电子商务")
    assert (fmt.exit_code, fmt.stderr) == (0, "需要格式化 0 个文件，34 个文件无需改动\n")


def test_no_standards_above_the_working_directory(tmp_path: Path) -> None:
    """Outside any project the message still names ./standards, and nothing is searched beyond
    the first folder holding zhibiao.yaml."""
    (tmp_path / "standards").mkdir()
    inner = tmp_path / "other"
    inner.mkdir()
    (inner / "zhibiao.yaml").write_text("issuer: 测试\n", "utf-8")
    result = run_cli(["check"], inner)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: 标准目录不存在：standards")


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "standards", "-o", "standards"],
        ["diff", "standards", "--format", "docx", "-o", "报告/修订对照表.docx"],
        ["diff", "standards", "--summary", "报告/summary.md"],
        ["check", "--summary", "报告/summary.md"],
        [
            "new",
            "course",
            "--specialty",
            "510209",
            "--code",
            "ZY09",
            "--name",
            "测试",
            "-o",
            "报告/x.yaml",
        ],
        ["export", "json", "-o", "报告/x.json"],
    ],
)
def test_an_output_path_that_cannot_be_written(project: Path, args: list[str]) -> None:
    """`报告` is a file, so nothing can be written under it: a usage error naming the path."""
    (project / "报告").write_text("不是目录\n", "utf-8")
    result = run_cli(args, project)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("error: 无法"), result.stderr
    assert "报告" in result.stderr or "standards" in result.stderr
    assert "内部错误" not in result.stderr and "Traceback" not in result.stderr


def test_empty_standards_directory_is_a_usage_error(tmp_path: Path) -> None:
    """A CI job pointed at the wrong folder must not pass silently with "0 files, no problems"."""
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "README.md").write_text("说明", "utf-8")
    result = run_cli(["check", "standards"], tmp_path)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "没有任何 .yaml 标准文件" in result.stderr and "Traceback" not in result.stderr


def test_workbook_cell_with_a_control_character(tmp_path: Path) -> None:
    """A cell holding U+0080 (allowed in XML 1.0, not in YAML) is reported at its cell, no YAML."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "职业能力清单"
    sheet.append(["工作领域", "工作任务", "职业能力", "学习水平"])
    sheet.append(["数据采集与处理", "数据采集", "能采集QQQ数据。", "掌握"])
    book.save(tmp_path / "book.xlsx")
    with zipfile.ZipFile(tmp_path / "book.xlsx") as src:
        parts = {name: src.read(name) for name in src.namelist()}
    sheet_xml = "xl/worksheets/sheet1.xml"
    assert b"QQQ" in parts[sheet_xml]
    parts[sheet_xml] = parts[sheet_xml].replace(b"QQQ", b"&#128;")
    with zipfile.ZipFile(tmp_path / "hostile.xlsx", "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    args = ["import", "xlsx", "hostile.xlsx", "-o", "out.yaml", "--specialty", "510209"]
    result = run_cli([*args, "--version", "2025"], tmp_path)
    assert result.exit_code == 1, result.stderr
    assert "hostile.xlsx:2:3: error[ZB015]" in result.stdout + result.stderr
    assert "U+0080" in result.stdout + result.stderr
    assert not (tmp_path / "out.yaml").exists()
