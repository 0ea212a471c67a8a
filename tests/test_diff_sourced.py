"""`zhibiao diff` sees the source markers: 原文未给出 replaced by the source's text is shown as
补充, an excerpt made whole as 节选补全, and a keyed list (课程设置) leaving 原文未给出 is a change
even before any item is compared (an empty NotGivenList is not an empty list)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import REPO, run_cli

SOURCE = REPO / "tests" / "realworld" / "se310203"


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SOURCE, old)
    shutil.copytree(SOURCE, new)
    return old, new


def _edit(root: Path, before: str, after: str) -> None:
    target = next((root / "standards").rglob("specialty.yaml"))
    text = target.read_text("utf-8")
    assert before in text, before
    target.write_text(text.replace(before, after, 1), "utf-8")


def _changes(old: Path, new: Path) -> list[dict[str, object]]:
    result = run_cli(["diff", str(old / "standards"), "standards", "-f", "json"], new)
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)["changes"]
    return found


def test_not_given_text_supplied_and_excerpt_completed(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(new, "objectives: 原文未给出", "objectives: 培养高素质技术技能人才")
    _edit(
        new, "    节选:\n      - 计算机技术与软件专业技术资格", "    - 计算机技术与软件专业技术资格"
    )
    _edit(new, "      - Web前端开发\n      - 移动应用开发", "    - Web前端开发\n    - 移动应用开发")
    found = {c["field"]: c for c in _changes(old, new)}
    assert found["objectives"]["before"] == "原文未给出"
    assert found["objectives"]["trend"] == "supplied"
    certificates = found["career.certificates"]
    assert certificates["before"] == {
        "节选": ["计算机技术与软件专业技术资格", "Web前端开发", "移动应用开发"]
    }
    assert certificates["after"] == ["计算机技术与软件专业技术资格", "Web前端开发", "移动应用开发"]
    assert certificates["trend"] == "completed"
    text = run_cli(["diff", str(old / "standards"), "standards"], new).stdout
    assert "培养目标：原文未给出 → 培养高素质技术技能人才（补充）" in text
    assert "（节选补全）" in text


def test_a_keyed_list_leaving_not_given_is_shown(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    _edit(
        new,
        "courses: 原文未给出",
        "courses:\n  - {code: ZY01, name: 软件工程, nature: 专业核心}\n#",
    )
    found = _changes(old, new)
    plan = [c for c in found if c.get("field") == "courses"]
    assert len(plan) == 1 and plan[0]["before"] == "原文未给出"
    assert plan[0]["after"] == "列出 1 项" and plan[0]["trend"] == "supplied"
    assert any(c["action"] == "added" for c in found)


def test_an_undisclosed_empty_plan_is_a_change(tmp_path: Path) -> None:
    """原文未给出 → [] reads the same as a list, but says something else (ZB608)."""
    old, new = _pair(tmp_path)
    _edit(new, "courses: 原文未给出", "courses: []\n#")
    found = _changes(old, new)
    assert [(c["field"], c["before"], c["after"], c["trend"]) for c in found] == [
        ("courses", "原文未给出", "列出 0 项", None)
    ]
