"""The rule registry is complete by construction: `builder.ruleset` lists every module that
declares a code, and every code `zhibiao rules` lists is accepted in zhibiao.yaml."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from builder.ruleset import MODULES
from tests.conftest import REPO, run_cli


def _declares(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            first = node.args[0] if node.args else None
            if (
                name in {"declare", "check"}
                and isinstance(first, ast.Constant)
                and str(first.value).startswith("ZB")
            ):
                return True
    return False


def test_every_declaring_module_is_listed() -> None:
    declaring = set()
    for path in sorted((REPO / "builder").rglob("*.py")):
        if _declares(ast.parse(path.read_text("utf-8"))):
            declaring.add(".".join(path.relative_to(REPO).with_suffix("").parts))
    listed = {module.__name__ for module in MODULES}
    assert declaring - {"builder.base.rules"} == listed


def test_every_listed_rule_is_accepted_in_config(example_project: Path) -> None:
    listed = run_cli(["rules", "--format", "json"], example_project)
    assert listed.exit_code == 0, listed.stderr
    codes = [rule["code"] for rule in json.loads(listed.stdout)]
    assert "ZB801" in codes and "ZB301" in codes
    config = example_project / "zhibiao.yaml"
    text = config.read_text("utf-8").replace("severity: {}", "severity:")
    assert text.count("severity:") == 1
    lines = "".join(f"\n  {code}: warning" for code in codes)
    config.write_text(text.replace("severity:", "severity:" + lines, 1), "utf-8")
    done = run_cli(["check", "--format", "json"], example_project)  # a fresh process
    assert done.exit_code == 0, done.stdout + done.stderr


def test_an_unknown_code_is_still_refused(example_project: Path) -> None:
    config = example_project / "zhibiao.yaml"
    config.write_text(
        config.read_text("utf-8").replace("severity: {}", "severity: {ZB899: warning}"), "utf-8"
    )
    done = run_cli(["check"], example_project)
    assert done.exit_code == 2
    assert "ZB899" in done.stderr
