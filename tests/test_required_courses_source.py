"""Where the required-course lists come from (issue 14 §6; /work/shared/domain tags).

The 中职 list is the 《中等职业学校公共基础课程方案》 (2019) as reported by the MoE [S]: it is
checked by default and ZB211 names the 方案, not 13号, as its source. The 高职专科 and 职业本科
lists (13号's own lists were not read in a checkable copy [U]) are off by default and are
switched on only by the project's zhibiao.yaml, whose hint then names the project's source.
"""

from __future__ import annotations

import json
from pathlib import Path

from builder.read.config import SOURCE_COURSES_ZZ, ProjectConfig
from tests.conftest import REPO, run_cli

CASES = REPO / "tests" / "cases"


def _hints(case: str) -> list[str]:
    result = run_cli(["check", "standards", "--format", "json", "--no-cache"], CASES / case)
    data = json.loads(result.stdout)
    items = data["diagnostics"] if isinstance(data, dict) else data
    return [d.get("hint") or "" for d in items if d["code"] in ("ZB211", "ZB212")]


def test_unverified_lists_are_off_by_default() -> None:
    levels = ProjectConfig().numeric_rules.levels
    assert levels["高职专科"].required_courses is None
    assert levels["职业本科"].required_courses is None
    assert all(rules.limited_electives is None for rules in levels.values())
    assert [c.name for c in levels["中职"].required_courses or []] == [
        "思想政治", "语文", "历史", "数学", "外语", "信息技术", "体育与健康", "艺术",
    ]  # fmt: skip


def test_the_default_list_names_its_own_source() -> None:
    (hint,) = _hints("zz-plan-13")
    assert f"课程清单来源：{SOURCE_COURSES_ZZ}" in hint
    assert "13号" not in hint.split("课程清单来源：")[1]


def test_a_configured_list_names_the_projects_source(tmp_path: Path) -> None:
    hints = _hints("required-public-course")
    assert hints and all("课程清单来源：" in h for h in hints)
    assert not any(SOURCE_COURSES_ZZ in h for h in hints)


def test_configuring_the_zz_list_drops_the_default_source() -> None:
    config = ProjectConfig.model_validate(
        {"numeric_rules": {"levels": {"中职": {"required_courses": [{"name": "语文"}]}}}}
    )
    assert config.numeric_rules.courses_source_for("中职") != SOURCE_COURSES_ZZ
    assert "按 zhibiao.yaml 调整" in config.numeric_rules.courses_source_for("中职")


def test_undergraduate_rules_are_not_attributed_to_13(example_project: Path) -> None:
    """职业本科 is not covered by 13号: a failing share names the project's own rule as source."""
    spec = example_project / "standards" / "330701-电子商务" / "specialty.yaml"
    spec.write_text(spec.read_text("utf-8").replace("elective: true", "elective: false"), "utf-8")
    result = run_cli(["check", "standards", "--format", "json"], example_project)
    data = json.loads(result.stdout)
    items = data["diagnostics"] if isinstance(data, dict) else data
    (found,) = [d for d in items if d["code"] == "ZB403" and "330701" in d["file"]]
    hint = str(found["hint"])
    assert "规则来源：项目自定的规则（教职成〔2019〕13号不适用于职业本科" in hint
    assert "规则来源：教职成〔2019〕13号；" not in hint
