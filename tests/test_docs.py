"""Documentation that must stay true: docs/rules.md, the examples in docs/checks.md, and the
editor settings that map files to schemas."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
from pathlib import Path

import pytest

from builder.read.yamlsource import decode, parse
from builder.report.rulesdoc import render
from builder.ruleset import all_rules
from tests.conftest import CASES, REPO, run_cli

CHECKS_MD = REPO / "docs" / "checks.md"
EXAMPLE = re.compile(
    r"<!-- example: (?P<case>[\w-]+) \| (?P<args>[^>]+?) -->\n```\w*\n(?P<output>.*?)```", re.S
)


def test_rules_md_is_up_to_date() -> None:
    """Like `cog --check`: regenerate with `python3 -m builder rules --format markdown > docs/rules.md`."""
    committed = (REPO / "docs" / "rules.md").read_text("utf-8")
    assert committed == render(all_rules(), None, "markdown"), (
        "docs/rules.md is stale: python3 -m builder rules --format markdown > docs/rules.md"
    )


def test_rules_md_lists_every_code() -> None:
    from builder.base.rules import RULES

    committed = (REPO / "docs" / "rules.md").read_text("utf-8")
    for code in RULES:
        assert f"### {code} " in committed


def _examples() -> list[tuple[str, str, str]]:
    text = CHECKS_MD.read_text("utf-8")
    return [(m["case"], m["args"], m["output"]) for m in EXAMPLE.finditer(text)]


def test_checks_md_has_examples() -> None:
    assert len(_examples()) >= 5


@pytest.mark.parametrize(
    ("case", "args", "output"), _examples(), ids=[f"{c}:{a}" for c, a, _ in _examples()]
)
def test_checks_md_example_is_real(case: str, args: str, output: str, tmp_path: Path) -> None:
    work = tmp_path / case
    shutil.copytree(CASES / case, work)
    result = run_cli(args.split(), work)
    shown = result.stderr if result.exit_code == 2 else result.stdout
    assert shown == output


def test_checks_md_links_resolve() -> None:
    text = CHECKS_MD.read_text("utf-8")
    for target in re.findall(r"\]\(([^)#:]+\.md)\)", text):
        assert (CHECKS_MD.parent / target).is_file(), target


def test_vscode_settings_map_each_file_to_its_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text("utf-8"))
    mapping: dict[str, list[str]] = settings["yaml.schemas"]
    for schema in mapping:
        assert (REPO / schema).is_file(), schema
    files = sorted((CASES / "clean-minimal" / "standards").rglob("*.yaml"))
    assert len(files) == 6
    for path in files:
        rel = path.relative_to(CASES / "clean-minimal").as_posix()
        schemas = [s for s, globs in mapping.items() if any(fnmatch.fnmatch(rel, g) for g in globs)]
        assert len(schemas) == 1, (rel, schemas)
        kind = parse(decode(path.read_bytes()))["kind"]
        assert schemas[0] == f"./schemas/{kind}.schema.json", rel
    assert mapping["./schemas/zhibiao.schema.json"] == ["zhibiao.yaml"]


def test_modelines_of_the_clean_base_point_at_the_schemas() -> None:
    """The `# yaml-language-server: $schema=` line of each base file resolves to the schema."""
    for path in sorted((CASES / "clean-minimal" / "standards").rglob("*.yaml")):
        first = path.read_text("utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        target = (path.parent / match[1]).resolve()
        kind = parse(decode(path.read_bytes()))["kind"]
        assert target == (REPO / "schemas" / f"{kind}.schema.json").resolve(), path
