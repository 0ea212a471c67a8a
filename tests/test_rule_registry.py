"""Docs as tests: every registered diagnostic code is produced by at least one case."""

from __future__ import annotations

import re
from pathlib import Path

import builder.ruleset  # noqa: F401  (imports every rule module so the registry is complete)
from builder.base.rules import RULES
from tests.conftest import CASES, run_cli
from tests.test_bad_input import RUNTIME_CODES as GENERATED_CODES
from tests.test_cases import CASE_DIRS, parse_expected

RUNTIME_CODES = {
    **GENERATED_CODES,
}
ELSEWHERE_CODES = {
    # numbered within a check range, raised by another command (tested in its own module)
    "ZB016": "test_migrate",  # check on an old-shaped file names the upgrade (needs old files)
    "ZB017": "test_migrate",  # left alone by `zhibiao migrate`
    "ZB609": "test_docx_notice",  # a notice attachment disagreeing with its bound document
    "ZB938": "test_opendata_import",  # a malformed 衔接 cell in an imported workbook
    "ZB940": "test_site_zensical",  # the chosen site engine is not installed (build, serve)
}
BASELINE_CODES = {
    # needs a git baseline (`check --base REF`), which tests/test_check_review.py builds
    "ZB606": "test_status_backwards_without_new_version_is_an_error",
}


def _expected_codes() -> dict[str, list[str]]:
    """Code → names of the cases whose expected.txt lists it."""
    found: dict[str, list[str]] = {}
    for case in CASE_DIRS:
        for line in parse_expected(case):
            found.setdefault(line.code, []).append(case.name)
    return found


CHECK_STAGES = "01234569"
"""Codes ZB0xx–ZB6xx and ZB9xx (conformance of schools' plans) come from `zhibiao check`; others (ZB8xx: `zhibiao import xlsx`) from
other commands, which test them in their own test modules."""


def test_every_check_code_has_a_failing_case() -> None:
    expected = _expected_codes()
    missing = sorted(
        code
        for code in RULES
        if code[2] in CHECK_STAGES
        and code not in expected
        and code not in RUNTIME_CODES
        and code not in BASELINE_CODES
        and code not in ELSEWHERE_CODES
    )
    assert missing == [], f"no case produces {missing}"


def test_codes_raised_elsewhere_are_asserted_there() -> None:
    here = Path(__file__).resolve().parent
    for code, module in ELSEWHERE_CODES.items():
        assert code in RULES
        assert code in (here / f"{module}.py").read_text("utf-8"), (code, module)


def test_every_other_code_is_asserted_by_some_test() -> None:
    here = Path(__file__).resolve()
    sources = "".join(
        p.read_text("utf-8") for p in sorted(here.parent.glob("test_*.py")) if p != here
    )
    untested = sorted(code for code in RULES if code[2] not in CHECK_STAGES and code not in sources)
    assert untested == [], f"no test mentions {untested}"


def test_runtime_codes_are_tested_where_they_say() -> None:
    import tests.test_bad_input as module
    import tests.test_check_review as review

    for code, test in RUNTIME_CODES.items():
        assert code in RULES
        assert callable(getattr(module, test)), test
    for code, test in BASELINE_CODES.items():
        assert code in RULES
        assert callable(getattr(review, test)), test


def test_expected_files_name_only_real_codes() -> None:
    unknown = sorted(set(_expected_codes()) - set(RULES) - {"usage-error"})
    assert unknown == []


def test_the_clean_base_passes() -> None:
    assert parse_expected(CASES / "clean-minimal") == []


def test_rules_are_documented() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(set(names)) == len(names), "rule names must be unique"
    for code, rule in RULES.items():
        assert re.fullmatch(r"ZB\d{3}", code)
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name), rule.name
        assert rule.summary and rule.explanation, code
        assert re.search(r"[\u4e00-\u9fff]", rule.explanation), f"{code}: explanation not Chinese"


def test_rules_command_finds_a_rule_by_code_or_name(tmp_path: Path) -> None:
    """`zhibiao rules` prints the name next to each code, so the name works as a key too."""
    shown = [run_cli(["rules", key], tmp_path) for key in ("ZB201", "zb201", "dangling-competency")]
    assert [r.exit_code for r in shown] == [0, 0, 0]
    assert shown[0].stdout.startswith("ZB201  dangling-competency  [error]  引用了不存在的职业能力")
    assert shown[0].stdout == shown[1].stdout == shown[2].stdout
    typo = run_cli(["rules", "dangling-competence"], tmp_path)
    assert typo.exit_code == 2
    assert "是否应为「dangling-competency」" in typo.stderr
    unknown = run_cli(["rules", "ZB999"], tmp_path)
    assert unknown.exit_code == 2 and "运行 zhibiao rules 查看全部规则" in unknown.stderr
