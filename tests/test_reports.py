"""Reporters: text, JSON, GitHub annotations and SARIF, read back and checked for shape."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from builder.base.diagnostics import Diagnostic, Location, Severity
from builder.report import github, sarif, text
from tests.conftest import CASES, run_cli

DATA = Path(__file__).resolve().parent / "data"
SP = "standards/510209-人工智能技术应用"
TEXT_LINE = re.compile(
    r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (error|warning|info)\[ZB\d{3}\] \S.*$"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with errors, warnings, hints and related locations in several files."""
    target = tmp_path / "project"
    shutil.copytree(CASES / "course-mismatch", target)  # ZB206 ×2, with hints and related
    shutil.copy(CASES / "numeric-core-count" / SP / "specialty.yaml", target / SP)  # ZB406
    shutil.copy(CASES / "placeholder" / SP / "courses/ZH03.yaml", target / SP / "courses")  # ZB605
    return target


def _json(project: Path) -> list[dict[str, object]]:
    result = run_cli(["check", "standards", "--format", "json"], project)
    assert result.exit_code == 1, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_json_shape(project: Path) -> None:
    found = _json(project)
    assert isinstance(found, list) and len(found) == 4
    keys = {"code", "severity", "message", "file", "line", "column", "hint", "related"}
    for d in found:
        assert set(d) == keys
        assert isinstance(d["code"], str) and re.fullmatch(r"ZB\d{3}", d["code"])
        assert d["severity"] in {"error", "warning", "info"}
        assert isinstance(d["message"], str) and d["message"]
        assert isinstance(d["line"], int) and isinstance(d["column"], int)
        assert d["hint"] is None or isinstance(d["hint"], str)
        for other in d["related"]:  # type: ignore[attr-defined]
            assert set(other) == {"file", "line", "column"}
    assert [d["code"] for d in found] == ["ZB206", "ZB206", "ZB605", "ZB406"]
    assert found[0]["related"] == [{"file": f"{SP}/specialty.yaml", "line": 0, "column": 0}]
    assert found == sorted(found, key=lambda d: (d["file"], d["line"], d["column"]))  # type: ignore[arg-type,return-value]


def test_text_format(project: Path) -> None:
    result = run_cli(["check", "standards", "--format", "text"], project)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    heads = [line for line in lines if not line.startswith("    ")]
    assert heads[-1] == "检查了 6 个文件：2 个错误，2 个警告"
    for line in heads[:-1]:
        assert TEXT_LINE.match(line), line
    assert heads[0] == (f"{SP}/courses/ZH01.yaml:14:10: error[ZB206] 学分为 3.5，而课程设置中为 4")
    assert lines[1] == "    提示：以专业教学标准课程设置中 ZH01 一行为准，或同时修改两处。"
    assert lines[2] == f"    相关：{SP}/specialty.yaml"
    assert "\x1b[" not in result.stdout  # no colour when not a terminal


def test_text_summary_when_clean(tmp_path: Path) -> None:
    shutil.copytree(CASES / "clean-minimal", tmp_path / "p")
    result = run_cli(["check", "standards"], tmp_path / "p")
    assert (result.exit_code, result.stdout) == (0, "检查了 6 个文件：没有发现问题\n")


def test_text_line_of_a_file_level_problem() -> None:
    d = Diagnostic("ZB007", Severity.ERROR, "文件过大", "standards/a.yaml", 1, 1)
    assert text.format_line(d) == "standards/a.yaml:1:1: error[ZB007] 文件过大"


def test_github_escaping() -> None:
    d = Diagnostic(
        "ZB201",
        Severity.ERROR,
        "职业能力「1-1-3」不存在: 100% 确定,\n第二行",
        "standards/a,b:c%.yaml",
        12,
        7,
        hint="是否应为「1-1-2」？",
    )
    assert github.format_annotation(d) == (
        "::error file=standards/a%2Cb%3Ac%25.yaml,line=12,col=7,title=ZB201::"
        "职业能力「1-1-3」不存在: 100%25 确定,%0A第二行%0A提示：是否应为「1-1-2」？"
    )
    warning = Diagnostic("ZB604", Severity.WARNING, "缺少\r截止日期", "s.yaml", 3, 1)
    assert github.format_annotation(warning) == (
        "::warning file=s.yaml,line=3,col=1,title=ZB604::缺少%0D截止日期"
    )
    info = Diagnostic("ZB503", Severity.INFO, "提示", "s.yaml")
    assert github.format_annotation(info) == "::notice file=s.yaml,title=ZB503::提示"


def test_github_format_from_the_cli(project: Path) -> None:
    result = run_cli(["check", "standards", "--format", "github"], project)
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"::error file={SP}/courses/ZH01.yaml,line=14,col=10,title=ZB206::"
        "学分为 3.5，而课程设置中为 4%0A提示：以专业教学标准课程设置中 ZH01 一行为准，或同时修改两处。"
    )
    assert sum(line.startswith("::warning ") for line in lines) == 2
    assert lines[-1] == "检查了 6 个文件：2 个错误，2 个警告"


@pytest.mark.parametrize(("env", "first"), [({"GITHUB_ACTIONS": "true"}, "::error "), ({}, SP)])
def test_auto_format(project: Path, env: dict[str, str], first: str) -> None:
    result = run_cli(["check", "standards"], project, env=env)
    assert result.stdout.startswith(first)


def _sarif_schema() -> dict[str, object]:
    schema: dict[str, object] = json.loads((DATA / "sarif-schema-2.1.0.json").read_text("utf-8"))
    return schema


def test_sarif_validates_against_the_official_schema(project: Path) -> None:
    result = run_cli(["check", "standards", "--format", "sarif"], project)
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["ZB206", "ZB406", "ZB605"]
    levels = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert levels == [
        ("ZB206", "error"),
        ("ZB206", "error"),
        ("ZB605", "warning"),
        ("ZB406", "warning"),
    ]
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].isascii()  # a URI: non-ASCII percent-encoded
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
    first = run["results"][0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == sarif.uri(f"{SP}/courses/ZH01.yaml")
    assert first["region"] == {"startLine": 14, "startColumn": 10}


def test_sarif_of_a_clean_run_and_of_an_unlocated_result() -> None:
    validator = jsonschema.Draft4Validator(_sarif_schema())
    validator.validate(sarif.document([]))
    d = Diagnostic("ZB007", Severity.ERROR, "文件过大", "standards/大.yaml")
    log = sarif.document([d])
    validator.validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert "region" not in location
    assert location["artifactLocation"]["uri"] == "standards/%E5%A4%A7.yaml"


def test_the_vendored_schema_rejects_a_broken_log() -> None:
    """The schema file is real: it refuses a result without a message."""
    log = sarif.document([Diagnostic("ZB201", Severity.ERROR, "x", "a.yaml", 1, 1)])
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(_sarif_schema()).validate(log)


def test_output_file_is_written_whole(project: Path) -> None:
    report = project / "reports" / "check.json"
    result = run_cli(["check", "standards", "-f", "json", "-o", "reports/check.json"], project)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(json.loads(report.read_text("utf-8"))) == 4
    assert sorted(p.name for p in report.parent.iterdir()) == ["check.json"]  # no temp files left
    # A later run replaces the file.
    (project / "zhibiao.yaml").write_text(
        "severity: {ZB206: ignore, ZB406: ignore, ZB605: ignore}\n"
    )
    result = run_cli(["check", "standards", "-f", "json", "-o", "reports/check.json"], project)
    assert (result.exit_code, json.loads(report.read_text("utf-8"))) == (0, [])


def test_output_file_untouched_when_the_run_fails(project: Path) -> None:
    report = project / "check.txt"
    report.write_text("上一次的报告\n", "utf-8")
    (project / "zhibiao.yaml").write_text("learning_levels: [了解\n", "utf-8")
    result = run_cli(["check", "standards", "-o", "check.txt"], project)
    assert result.exit_code == 2
    assert report.read_text("utf-8") == "上一次的报告\n"


def test_output_to_a_directory_is_a_usage_error(project: Path) -> None:
    (project / "out").mkdir()
    result = run_cli(["check", "standards", "-o", "out"], project)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: 无法写入报告文件 out")
    assert "Traceback" not in result.stderr
    assert list((project / "out").iterdir()) == []


def test_related_locations_in_text() -> None:
    d = Diagnostic(
        "ZB302",
        Severity.ERROR,
        "职业能力 1-1-1 要求达到「掌握」",
        "c.yaml",
        15,
        67,
        related=(Location("courses/ZH01.yaml"), Location("internship.yaml", 26, 9)),
    )
    import io

    stream = io.StringIO()
    text.report([d], 3, stream)
    assert stream.getvalue().splitlines() == [
        "c.yaml:15:67: error[ZB302] 职业能力 1-1-1 要求达到「掌握」",
        "    相关：courses/ZH01.yaml",
        "    相关：internship.yaml:26:9",
        "检查了 3 个文件：1 个错误，0 个警告",
    ]


def test_summary_counts_notes() -> None:
    note = Diagnostic("ZB503", Severity.INFO, "专业名称与目录不一致", "s.yaml", 10, 7)
    warning = Diagnostic("ZB604", Severity.WARNING, "缺少截止日期", "s.yaml", 6, 11)
    assert text.summary([note, warning], 6) == "检查了 6 个文件：0 个错误，1 个警告，1 条提示"
    assert text.summary([], 6) == "检查了 6 个文件：没有发现问题"
