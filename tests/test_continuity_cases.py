"""Every continuity rule (ZB931–ZB937, ZB939) has a failing case and the chain has passing
cases (tests/cases_chain.py; run by tests/test_cases.py)."""

from __future__ import annotations

from builder.base.rules import RULES
from tests.cases_chain import CHAIN_CASES

CONTINUITY = {"ZB931", "ZB932", "ZB933", "ZB934", "ZB935", "ZB936", "ZB937", "ZB939"}


def test_every_continuity_rule_has_a_failing_case() -> None:
    import builder.checking.pipeline  # noqa: F401  (registers every rule)

    declared = {code for code in RULES if "ZB931" <= code <= "ZB939" and code != "ZB938"}
    assert declared == CONTINUITY  # ZB938 is the xlsx import's (tests/test_opendata_import.py)
    failing = {line.split()[0] for case in CHAIN_CASES if case.expected for line in case.expected}
    assert failing >= CONTINUITY


def test_the_chain_has_passing_cases_for_the_rules_that_can_fail() -> None:
    passing = [case for case in CHAIN_CASES if case.name.startswith("pass-")]
    assert all(case.expected == () for case in passing)
    names = {case.name for case in passing}
    assert {
        "pass-chain-builds-on-known",  # ZB931
        "pass-chain-level-raised",  # ZB934
        "pass-chain-taught-below",  # ZB935
        "pass-chain-content-raised",  # ZB936
        "pass-chain-course-progressed",  # ZB937
    } <= names
