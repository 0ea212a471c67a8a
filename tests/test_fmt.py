"""`zhibiao fmt`: key order, quoted codes, comments kept, idempotent, broken files untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.read.corpus import discover
from builder.read.yamlsource import YamlProblem, decode, parse
from builder.yamlfmt import format_paths, format_text
from tests.conftest import REPO, run_cli
from tests.review_helpers import PROJECT, copy_project


def _comment_start(line: str) -> int | None:
    """Index of the `#` that starts a comment on this line (outside quotes), or None."""
    quote = None
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'" and (i == 0 or line[i - 1] in " [{,:-"):
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return None


def comments(text: str) -> list[str]:
    """Full-line and end-of-line comments, in order (blank lines ignored)."""
    found = []
    for line in text.splitlines():
        start = _comment_start(line)
        if start is not None:
            found.append(line[start:].strip())
    return found


def example_files() -> list[Path]:
    """Every standards YAML file the repository ships (fixture project, examples, cases)."""
    roots = [
        PROJECT / "standards",
        REPO / "standards",
        REPO / "tests" / "cases",
        REPO / "tests" / "realworld",
    ]
    return [p for root in roots if root.is_dir() for p in discover(root)]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_example_file_is_stable(path: Path) -> None:
    try:
        original = decode(path.read_bytes())
    except YamlProblem:  # non-UTF-8 fixtures: fmt refuses them like check does
        refused = format_paths([path], REPO, check=True)
        assert refused.diagnostics and not refused.changed, path
        return
    first = format_text(original, path.name)
    if first.text is None:  # deliberately broken case files: fmt must refuse, not rewrite
        assert first.diagnostics, path
        return
    assert sorted(comments(first.text)) == sorted(comments(original))
    assert _eol_gaps(first.text) >= _eol_gaps(original), "a comment lost its spacing"
    assert parse(first.text) == parse(original), "fmt changed the data"
    second = format_text(first.text, path.name)
    assert second.text == first.text, "fmt is not idempotent"
    if first.text.startswith("# yaml-language-server") or original.startswith(
        "# yaml-language-server"
    ):
        assert first.text.splitlines()[0] == original.splitlines()[0]


def _eol_gaps(text: str) -> int:
    """Number of end-of-line comments preceded by two spaces."""
    return sum(
        1
        for line in text.splitlines()
        if (start := _comment_start(line)) and line[:start].strip() and line[:start].endswith("  ")
    )


SCRAMBLED = """\
# yaml-language-server: $schema=../../../schemas/course.schema.json
# 课程标准（键的顺序被打乱）
name: 数据采集与标注  # 课程名称
kind: course
# 学时
hours: 64
specialty: 510209
meta:
  version: "2026"
  # 标题
  title: 《数据采集与标注》课程标准
  status: 草案

# 课程代码
code: ZH01
modules:
- code: M1
  hours: 64
  name: 采集
  items:
  - name: 方案
    code: M1-1
    requirements: 能根据业务需求制定数据采集方案，明确数据来源、类型、格式、规模和采集周期，并能说明采集过程中的数据安全与个人信息保护要求。
    competencies: [{level: 掌握, ref: 1-1-1}]
# 末尾注释
x_extra: 1
"""


def test_key_order_quoting_and_comments_follow_their_keys() -> None:
    result = format_text(SCRAMBLED, "a.yaml")
    assert result.text is not None
    lines = result.text.splitlines()
    keys = [line.split(":")[0] for line in lines if re.match(r"^[a-z_]+:", line)]
    assert keys == ["kind", "meta", "specialty", "code", "name", "hours", "modules", "x_extra"]
    assert lines[0].startswith("# yaml-language-server")
    assert lines[lines.index('code: "ZH01"') - 1] == "# 课程代码"
    assert lines[lines.index("hours: 64") - 1] == "# 学时"
    assert "name: 数据采集与标注  # 课程名称" in lines
    assert lines[lines.index("x_extra: 1") - 1] == "# 末尾注释"
    assert lines[lines.index("  title: 《数据采集与标注》课程标准") - 1] == "  # 标题"
    assert 'specialty: "510209"' in lines
    assert '  - code: "M1"' in lines and '      - code: "M1-1"' in lines
    assert '        competencies: [{ref: "1-1-1", level: 掌握}]' in lines
    long_line = next(line for line in lines if "requirements:" in line)
    assert long_line.endswith("个人信息保护要求。")
    assert sorted(comments(result.text)) == sorted(comments(SCRAMBLED))
    assert format_text(result.text, "a.yaml").text == result.text


def test_cli_check_lists_files_and_second_run_changes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    course = next((project / "standards").rglob("zh01.yaml"))
    course.write_text(SCRAMBLED, "utf-8")
    check = run_cli(["fmt", "--check"], project)
    assert check.exit_code == 1
    assert check.stdout.strip().endswith("zh01.yaml: 需要格式化")
    assert course.read_text("utf-8") == SCRAMBLED
    assert run_cli(["fmt"], project).exit_code == 0
    formatted = course.read_text("utf-8")
    assert run_cli(["fmt", "--check"], project).exit_code == 0
    assert run_cli(["fmt"], project).exit_code == 0
    assert course.read_text("utf-8") == formatted


def test_syntax_error_is_located_and_file_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "standards" / "bad.yaml"
    bad.parent.mkdir()
    text = "kind: course\nname: [Python\nhours: 64\n"
    bad.write_text(text, "utf-8")
    result = run_cli(["fmt"], tmp_path)
    assert result.exit_code == 1
    assert re.search(r"standards/bad\.yaml:\d+:\d+: error\[ZB001\]", result.stderr)
    assert bad.read_text("utf-8") == text


def test_lost_leading_zero_is_reported_not_fixed(tmp_path: Path) -> None:
    spec = tmp_path / "standards" / "s.yaml"
    spec.parent.mkdir()
    text = "kind: specialty\ncode: 060103  # 前导零已丢失\nname: 测试\n"
    spec.write_text(text, "utf-8")
    result = run_cli(["fmt", "standards/s.yaml"], tmp_path)
    assert result.exit_code == 1
    assert "standards/s.yaml:2:7: error[ZB102]" in result.stderr
    assert '"060103"' in result.stderr
    assert spec.read_text("utf-8") == text


def test_unquoted_integer_code_becomes_a_string() -> None:
    result = format_text("kind: specialty\ncode: 510209\nname: 人工智能技术应用\n", "s.yaml")
    assert result.text == 'kind: specialty\ncode: "510209"\nname: 人工智能技术应用\n'


def test_windows_line_endings_are_kept() -> None:
    """A CRLF file stays CRLF on every line (comments included); a formatted one is unchanged."""
    crlf = SCRAMBLED.replace("\n", "\r\n")
    result = format_text(crlf, "a.yaml")
    assert result.text is not None
    assert result.text.count("\r\n") == result.text.count("\n")
    plain = format_text(SCRAMBLED, "a.yaml").text
    assert plain is not None and result.text == plain.replace("\n", "\r\n")
    assert format_text(result.text, "a.yaml").text == result.text


def test_windows_file_already_formatted_is_left_alone(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    course = next((project / "standards").rglob("zh01.yaml"))
    original = course.read_bytes().replace(b"\n", b"\r\n")
    course.write_bytes(original)
    result = run_cli(["fmt", "--check"], project)
    assert result.exit_code == 0, result.stdout
    assert run_cli(["fmt"], project).exit_code == 0
    assert course.read_bytes() == original


def test_a_named_file_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    """`zhibiao fmt 会议纪要.txt` must not rewrite a text file that happens to parse as YAML."""
    notes = tmp_path / "会议纪要.txt"
    notes.write_text("时间:   2025-03-01\n议题:    [学时, 学分]\n", "utf-8")
    result = run_cli(["fmt", "会议纪要.txt"], tmp_path)
    assert result.exit_code == 2
    assert "只处理 .yaml / .yml 文件：会议纪要.txt" in result.stderr
    assert notes.read_text("utf-8") == "时间:   2025-03-01\n议题:    [学时, 学分]\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kind: course\ncode: 1_2\nname: x\n", 'kind: course\ncode: "1_2"\nname: x\n'),
        ('kind: course\ncode: "C1"\nname: x\nhours: +0o100\n', None),
        ('%YAML 1.1\n---\nkind: course\ncode: "C1"\nname: on\n', None),
        ("%YAML 1.1\n---\na: 0o17\nb: 012\nc: 1:30\nd: yes\n", None),
        ("a: 1e3\nb: .inf\nc: 2021-01-01\nd: 0x1F\ne: -.inf\nf: 060103\n", None),
    ],
)
def test_scalars_keep_the_meaning_check_gives_them(text: str, expected: str | None) -> None:
    """ruamel.yaml reads these differently from the check parser unless told otherwise."""
    result = format_text(text, "a.yaml")
    assert result.text is not None, result.diagnostics
    assert result.text == (expected or text)
    assert parse(result.text) == parse(text)


@pytest.mark.parametrize("kind", ["[course]", "{a: 1}", "1", "~", "true"])
def test_kind_that_is_not_text_does_not_crash(kind: str) -> None:
    text = f"kind: {kind}\nname: x\n"
    result = format_text(text, "a.yaml")
    assert result.text is not None and parse(result.text) == parse(text)


def test_safety_net_refuses_a_meaning_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ruamel.yaml's own rules (no core resolver), fmt would turn `1_2` into "12" and the
    octal of a `%YAML 1.1` file into a decimal: the comparison with the check parser refuses."""
    from ruamel.yaml import YAML

    import builder.yamlfmt as yamlfmt

    def plain() -> YAML:
        yaml = YAML()
        yaml.preserve_quotes = True
        return yaml

    monkeypatch.setattr(yamlfmt, "make_yaml", plain)
    result = format_text("kind: course\ncode: 1_2\nname: x\n", "a.yaml")
    assert result.text is None
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "ZB001" and diagnostic.data_path == ("code",)
    assert "「1_2」（文本） 将变为 「12」（文本）" in diagnostic.message
    from ruamel.yaml.representer import RoundTripRepresenter

    monkeypatch.undo()
    house_style = yamlfmt.make_yaml

    def ruamel_octal() -> YAML:
        yaml = house_style()
        yaml.Representer = RoundTripRepresenter  # writes 0o17 as 017 under %YAML 1.1
        return yaml

    monkeypatch.setattr(yamlfmt, "make_yaml", ruamel_octal)
    octal = format_text("%YAML 1.1\n---\nhours: 0o17\n", "a.yaml")
    assert (
        octal.text is None
        and "「15」（整数） 将变为 「17」（整数）" in octal.diagnostics[0].message
    )


def test_refusal_is_located_in_chinese_and_exits_1(tmp_path: Path) -> None:
    """A tab inside a plain value: check reads it, ruamel.yaml cannot; fmt leaves the file."""
    spec = tmp_path / "standards" / "s.yaml"
    spec.parent.mkdir()
    text = "kind: specialty\ncode: '510209'\nname: 人工智能\tx\n"
    spec.write_bytes(text.encode("utf-8"))
    result = run_cli(["fmt"], tmp_path)
    assert result.exit_code == 1
    assert re.search(
        r"standards/s\.yaml:3:\d+: error\[ZB001\] fmt 无法在保持含义不变", result.stderr
    )
    assert "Traceback" not in result.stderr and "while scanning" not in result.stderr
    assert spec.read_bytes() == text.encode("utf-8")


def test_reused_anchor_names_print_no_framework_warning(tmp_path: Path) -> None:
    spec = tmp_path / "standards" / "s.yaml"
    spec.parent.mkdir()
    spec.write_text("kind: specialty\ncode: &a '510209'\nname: &a 人工智能\n", "utf-8")
    result = run_cli(["fmt"], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "Warning" not in result.stderr and "anchor" not in result.stderr
