"""`zhibiao refs CODE`: carriers with levels, 培养规格, course plan, 接续 specialties, files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

AI = "standards/510209-人工智能技术应用"
EC = "standards/730701-电子商务"


def _link_specialties(project: Path) -> None:
    """730701 lists 510209 as 接续专业 and shares one competency text and one course name."""
    spec = project / EC / "specialty.yaml"
    text = spec.read_text("utf-8")
    text = text.replace(
        "continuation:\n",
        'continuation:\n  - level: 高职专科\n    code: "510209"\n    name: 人工智能技术应用\n',
        1,
    )
    spec.write_text(text, "utf-8")
    comps = project / EC / "competencies.yaml"
    comps.write_text(
        comps.read_text("utf-8").replace(
            "能按平台活动规则报名并执行店铺促销活动，设置优惠券和满减。",
            "能使用 Pandas 等工具完成数据去重、缺失值和异常值处理、类型转换与合并。",
        ),
        "utf-8",
    )


def test_refs_competency_lists_carriers_levels_and_linked_specialty(example_project: Path) -> None:
    _link_specialties(example_project)
    done = run_cli(["refs", "1-2-2", "--specialty", "510209", "-f", "json"], example_project)
    assert done.exit_code == 0, done.stderr
    data = json.loads(done.stdout)
    [target] = data["targets"]
    assert target["kind"] == "competency" and target["level"] == "运用"
    assert target["defined"]["file"] == f"{AI}/competencies.yaml"
    carriers = {(u["owner"].split()[1], u["level"]) for u in target["uses"] if u["role"] == "承载"}
    assert (
        ("ZJ02", "理解") in carriers and ("T3", "运用") in carriers and ("R1", "运用") in carriers
    )
    spec = [u for u in target["uses"] if u["role"] == "培养规格"]
    assert spec and spec[0]["file"] == f"{AI}/specialty.yaml" and spec[0]["line"] > 1
    # every place is located on the line that holds the reference
    for usage in target["uses"]:
        lines = (example_project / usage["file"]).read_text("utf-8").splitlines()
        assert "1-2-2" in lines[usage["line"] - 1]
    [related] = target["related"]
    assert related["specialty"] == "730701" and related["relation"] == "以本专业为接续专业"
    assert related["code"] == "1-2-2"
    assert f"{AI}/courses/zj06.yaml" in target["files"]


def test_refs_course_text_output(example_project: Path) -> None:
    done = run_cli(["refs", "ZJ02", "--specialty", "510209"], example_project)
    assert done.exit_code == 0, done.stderr
    out = done.stdout
    assert "课程 ZJ02（510209 人工智能技术应用）：Python程序设计" in out
    assert "课程设置" in out and "支撑课程  实训室 R1" in out
    assert "承载  职业能力 1-2-2  M3-2 文件读写与异常处理  学习水平 理解" in out


def test_refs_room_and_all_specialties(example_project: Path) -> None:
    done = run_cli(["refs", "R1", "-f", "json"], example_project)
    data = json.loads(done.stdout)
    assert [t["kind"] for t in data["targets"]] == ["room"]
    assert any(u["owner"] == "职业能力 6-2-1" for u in data["targets"][0]["carries"])
    both = json.loads(run_cli(["refs", "1-1-1", "-f", "json"], example_project).stdout)
    assert {t["specialty"] for t in both["targets"]} == {"510209", "730701", "530701", "330701"}


def test_refs_unknown_code_is_a_usage_error(example_project: Path) -> None:
    done = run_cli(["refs", "1-2-99"], example_project)
    assert done.exit_code == 2
    assert "没有编码为「1-2-99」" in done.stderr and "1-2-" in done.stderr
    assert "Traceback" not in done.stderr


SHARED = "standards/公共基础课/信息技术.yaml"


def test_refs_shared_course_standard_lists_scope_and_the_rows_that_link_to_it(
    example_project: Path,
) -> None:
    done = run_cli(["refs", "信息技术", "-f", "json"], example_project)
    assert done.exit_code == 0, done.stderr
    [target] = json.loads(done.stdout)["targets"]
    assert target["specialty_name"] == "公共基础课程标准" and target["defined"]["file"] == SHARED
    assert target["scope"].startswith("中职各专业；中等职业学校各专业学生必修")
    [row] = target["uses"]  # 730701 is 中职; the 高职 and 本科 GG08 rows are not linked
    assert row["role"] == "链接公共基础课程标准" and row["detail"] == "课程名称相同"
    assert row["file"] == f"{EC}/specialty.yaml"
    lines = (example_project / row["file"]).read_text("utf-8").splitlines()
    assert lines[row["line"] - 1] == '  - code: "GG08"'
    assert f"{EC}/specialty.yaml" in target["files"]
    text = run_cli(["refs", "信息技术"], example_project).stdout
    assert "课程 信息技术（公共基础课程标准）：信息技术" in text
    assert "适用范围：中职各专业" in text and "public-courses" not in text
    row_refs = run_cli(["refs", "GG08", "--specialty", "730701", "-f", "json"], example_project)
    [linked] = json.loads(row_refs.stdout)["targets"]
    assert linked["shared_standard"] == "中等职业学校信息技术课程标准（示例）"
    assert linked["defined"]["file"] == SHARED and linked["scope"].startswith("中职各专业")


def test_refs_course_lists_the_school_plans_rows(example_project: Path) -> None:
    done = run_cli(["refs", "ZJ02", "--specialty", "510209", "-f", "json"], example_project)
    [target] = json.loads(done.stdout)["targets"]
    rows = [u for u in target["uses"] if u["role"] == "人才培养方案"]
    assert {u["file"] for u in rows} == {
        f"{AI}/plans/haigang-2026.yaml",
        f"{AI}/plans/jiangcheng-2026.yaml",
    }
    for usage in rows:
        lines = (example_project / usage["file"]).read_text("utf-8").splitlines()
        assert lines[usage["line"] - 1] == '  - code: "ZJ02"'
        assert usage["owner"].endswith("课程 ZJ02 Python程序设计")
    assert f"{AI}/plans/haigang-2026.yaml" in target["files"]


def test_a_plan_row_without_a_code_is_named_without_one(example_project: Path) -> None:
    """A school's row may give no code (the plan did not number its courses): the carrier
    is named by school and course name, never "None"."""
    plan = example_project / AI / "plans/jiangcheng-2026.yaml"
    text = plan.read_text("utf-8")
    assert '  - code: "ZJ04"\n    name: Linux操作系统\n' in text
    plan.write_text(text.replace('  - code: "ZJ04"\n    name:', "  - name:", 1), "utf-8")
    done = run_cli(["refs", "5-1-1", "--specialty", "510209"], example_project)
    assert done.exit_code == 0, done.stderr
    assert "None" not in done.stdout
    assert "人才培养方案 课程 Linux操作系统" in done.stdout
