"""Docs as tests: every registered diagnostic code is produced by at least one case."""

from __future__ import annotations

import re

import builder.checking  # noqa: F401  (imports every rule module so the registry is complete)
from builder.rules import RULES
from tests.conftest import CASES
from tests.test_bad_input import RUNTIME_CODES
from tests.test_cases import CASE_DIRS, parse_expected


def _expected_codes() -> dict[str, list[str]]:
    """Code → names of the cases whose expected.txt lists it."""
    found: dict[str, list[str]] = {}
    for case in CASE_DIRS:
        for line in parse_expected(case):
            found.setdefault(line.code, []).append(case.name)
    return found


def test_every_code_has_a_failing_case() -> None:
    expected = _expected_codes()
    missing = sorted(code for code in RULES if code not in expected and code not in RUNTIME_CODES)
    assert missing == [], f"no case produces {missing}"


def test_runtime_codes_are_tested_where_they_say() -> None:
    import tests.test_bad_input as module

    for code, test in RUNTIME_CODES.items():
        assert code in RULES
        assert callable(getattr(module, test)), test


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
