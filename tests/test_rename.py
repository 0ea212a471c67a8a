"""`zhibiao rename OLD NEW`: every file and kind, comments kept, check clean, all or nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.read.yamlsource import parse
from builder.review.rename import new_errors, rewrite, write_all
from tests.conftest import examples, run_cli
from tests.review_helpers import edit

AI = "standards/510209-人工智能技术应用"


def _snapshot(project: Path) -> dict[str, str]:
    return {
        p.relative_to(project).as_posix(): p.read_text("utf-8")
        for p in sorted((project / "standards").rglob("*.yaml"))
    }


def test_rename_competency_in_every_kind_keeps_comments(example_project: Path) -> None:
    course = example_project / AI / "courses/zj06.yaml"
    text = course.read_text("utf-8")
    marker = '          - ref: "1-2-2"\n'
    assert marker in text
    course.write_text(text.replace(marker, "          # 数据清洗能力\n" + marker, 1), "utf-8")
    before = _snapshot(example_project)
    done = run_cli(["rename", "1-2-2", "1-2-9", "--specialty", "510209"], example_project)
    assert done.exit_code == 0, done.stderr
    assert "已改动 9 个文件 20 处" in done.stdout  # the two schools' plans too
    after = _snapshot(example_project)
    changed = {rel for rel in before if before[rel] != after[rel]}
    assert changed == {
        f"{AI}/{name}"
        for name in (
            "competencies.yaml",
            "courses/zh02.yaml",
            "courses/zj02.yaml",
            "courses/zj06.yaml",
            "internship.yaml",
            "specialty.yaml",
            "training-base.yaml",
            "plans/haigang-2026.yaml",
            "plans/jiangcheng-2026.yaml",
        )
    }
    for rel in changed:  # only the code changed: same lines otherwise, comments included
        old_lines, new_lines = before[rel].splitlines(), after[rel].splitlines()
        assert len(old_lines) == len(new_lines)
        diff = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
        assert diff and all(a.replace("1-2-2", "1-2-9") == b for a, b in diff)
    assert "# 数据清洗能力\n" + marker.replace("1-2-2", "1-2-9") in after[f"{AI}/courses/zj06.yaml"]
    assert "1-2-2" not in after[f"{AI}/courses/zj06.yaml"]
    assert before["standards/730701-电子商务/competencies.yaml"].count('"1-2-2"') == 1
    check = run_cli(["check", "--no-cache"], example_project)
    assert check.exit_code == 0 and "没有发现问题" in check.stdout, check.stdout


def test_rename_course_code_everywhere(example_project: Path) -> None:
    done = run_cli(["rename", "ZJ02", "ZJ09", "--specialty", "510209"], example_project)
    assert done.exit_code == 0, done.stderr
    course = (example_project / AI / "courses/zj02.yaml").read_text("utf-8")
    assert 'code: "ZJ09"' in course
    spec = (example_project / AI / "specialty.yaml").read_text("utf-8")
    assert '"ZJ02"' not in spec and '- code: "ZJ09"' in spec
    base = (example_project / AI / "training-base.yaml").read_text("utf-8")
    assert '"ZJ02"' not in base
    assert run_cli(["check", "--no-cache"], example_project).exit_code == 0
    refs = run_cli(["refs", "ZJ09", "--specialty", "510209"], example_project)
    assert "先修课程" in refs.stdout and "支撑课程" in refs.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["R1", "R2"], "已有编码为「R2」的实训室"),
        (["1-1-1", "1-1-9"], "指代多个对象"),
        (["1-1-1", "1-1-2", "--specialty", "510209"], "已有编码为「1-1-2」的职业能力"),
        (["9-9-9", "9-9-8"], "没有编码为「9-9-9」"),
        (["1-1-1", "1-1-1", "--specialty", "510209"], "新旧编码相同"),
    ],
)
def test_rename_refusals_write_nothing(
    example_project: Path, args: list[str], message: str
) -> None:
    before = _snapshot(example_project)
    done = run_cli(["rename", *args], example_project)
    assert done.exit_code == 2 and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert _snapshot(example_project) == before


def test_new_errors_finds_what_a_rewrite_would_break(example_project: Path) -> None:
    """The safety net behind `rename`: a rewrite that leaves a dangling reference is caught
    on the scratch copy, and the real tree is not touched."""
    from builder.project.loading import open_project

    course = example_project / AI / "courses/zj06.yaml"
    original = course.read_text("utf-8")
    broken = original.replace('ref: "1-2-2"', 'ref: "1-2-8"', 1)
    project = open_project(example_project / "standards", example_project / "zhibiao.yaml")
    found = new_errors(project, {course: (original, broken)}, "1-2-2", "1-2-8")
    assert [d.code for d in found] == ["ZB201"]
    assert course.read_text("utf-8") == original
    assert new_errors(project, {course: (original, original)}, "1-2-2", "1-2-8") == []


def test_write_all_restores_every_file_when_a_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [tmp_path / f"{n}.yaml" for n in range(3)]
    for path in files:
        path.write_text("old\n", "utf-8")
    real = os.replace
    calls = []

    def flaky(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(OSError):
        write_all(dict.fromkeys(files, ("old\n", "new\n")))
    assert [p.read_text("utf-8") for p in files] == ["old\n"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.yaml", "1.yaml", "2.yaml"]


CODE = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1
).filter(lambda s: s == s.strip())


@settings(max_examples=examples(60), deadline=None)
@given(new=CODE)
def test_rewrite_sets_any_code_and_nothing_else(new: str) -> None:
    text = (
        '# 头注释\nkind: course\nitems:\n  # 注释\n  - ref: "1-2-2"  # 行尾\n'
        '    level: 掌握\n  - ref: "1-2-3"\n'
    )
    result = rewrite(text, "x.yaml", [("items", 0, "ref")], "1-2-2", new)
    data = parse(result)
    assert data["items"][0]["ref"] == new
    assert data["items"][1] == {"ref": "1-2-3"}
    assert "# 头注释" in result and "# 注释" in result and "# 行尾" in result


def test_rename_updates_review_records(example_project: Path) -> None:
    record = example_project / AI / "specialty.review.yaml"
    record.write_text(
        "kind: review\nstandard: specialty.yaml\ncomments:\n"
        "  - id: C001  # 甲学院的意见\n    unit: 甲学院\n    anchor: 课程 ZJ02\n    proposal: 改名\n",
        "utf-8",
    )
    course = example_project / AI / "courses/zj02.review.yaml"
    course.write_text(
        "kind: review\nstandard: zj02.yaml\nconfirmations:\n"
        '  - ref: "1-2-2"\n    fingerprint: 0123456789ab\n    by: 张三\n    on: 2026-12-06\n',
        "utf-8",
    )
    done = run_cli(["rename", "ZJ02", "ZJ09", "--specialty", "510209"], example_project)
    assert done.exit_code == 0, done.stderr
    assert "anchor: 课程 ZJ09" in record.read_text("utf-8")
    assert "# 甲学院的意见" in record.read_text("utf-8")
    done = run_cli(["rename", "1-2-2", "1-2-9", "--specialty", "510209"], example_project)
    assert done.exit_code == 0, done.stderr
    assert 'ref: "1-2-9"' in course.read_text("utf-8")
    assert run_cli(["check", "--no-cache"], example_project).exit_code == 0


PLANS = f"{AI}/plans"


def test_rename_course_follows_school_plans_by_code_and_maps_to(example_project: Path) -> None:
    """A school's row stands for the national course by the same code or by `maps_to`; both
    follow the rename, so the plans still match the national course plan."""
    haigang = example_project / PLANS / "haigang-2026.yaml"
    text = haigang.read_text("utf-8")
    row = '  - code: "ZJ02"\n    name: Python程序设计\n'
    assert row in text
    haigang.write_text(
        text.replace(
            row,
            '  # 本校改名开设\n  - code: "HG-PY"\n    name: Python语言程序设计\n'
            '    maps_to: "ZJ02"\n',
        ),
        "utf-8",
    )  # fmt: skip
    assert run_cli(["check", "--no-cache"], example_project).exit_code == 0
    done = run_cli(["rename", "ZJ02", "ZJ09", "--specialty", "510209"], example_project)
    assert done.exit_code == 0, done.stderr
    after = haigang.read_text("utf-8")
    assert '  # 本校改名开设\n  - code: "HG-PY"\n    name: Python语言程序设计\n' in after
    assert '    maps_to: "ZJ09"\n' in after and '"ZJ02"' not in after
    jiangcheng = (example_project / PLANS / "jiangcheng-2026.yaml").read_text("utf-8")
    assert '  - code: "ZJ09"\n    name: Python程序设计\n' in jiangcheng
    assert '"ZJ02"' not in jiangcheng
    check = run_cli(["check", "--no-cache"], example_project)
    assert check.exit_code == 0 and "没有发现问题" in check.stdout, check.stdout


def test_rename_shared_course_standard_and_the_rows_linked_by_code(example_project: Path) -> None:
    """A shared 公共基础课程标准 (no specialty): the rows of the specialties it applies to
    that link to it by course code follow; messages name it, not its internal set code."""
    shared = example_project / "standards/公共基础课/信息技术.yaml"
    edit(shared, 'code: "信息技术"\n', 'code: "GG08"\n')
    assert run_cli(["check", "--no-cache"], example_project).exit_code == 0
    before = _snapshot(example_project)
    done = run_cli(["rename", "GG08", "GG18", "--specialty", "public-courses"], example_project)
    assert done.exit_code == 0, done.stderr
    assert "课程 GG08 → GG18（公共基础课程标准）：已改动 2 个文件 2 处" in done.stdout
    after = _snapshot(example_project)
    assert {rel for rel in before if before[rel] != after[rel]} == {
        "standards/公共基础课/信息技术.yaml",
        "standards/730701-电子商务/specialty.yaml",  # 中职: linked by the code
    }
    assert "# 国家课程标准没有课程代码" in after["standards/公共基础课/信息技术.yaml"]
    assert run_cli(["check", "--no-cache"], example_project).exit_code == 0
    refs = json.loads(run_cli(["refs", "GG18", "-f", "json"], example_project).stdout)
    [target] = [t for t in refs["targets"] if t["specialty"] == "public-courses"]
    assert [u["detail"] for u in target["uses"]] == ["课程代码相同"]
    vague = run_cli(["rename", "GG18", "GG28"], example_project)  # the row has it too now
    assert vague.exit_code == 2, vague.stderr
    assert "公共基础课程标准的课程" in vague.stderr and "public-courses" not in vague.stderr
