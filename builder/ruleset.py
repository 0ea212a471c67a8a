"""Every diagnostic code of the tool, complete by construction.

The explicit list of the modules that declare codes (as yamllint's `rules/__init__.py`
keeps one): importing this module registers every rule, whichever command runs and
whatever else happened to be imported. The configuration (`severity:` in zhibiao.yaml),
`zhibiao rules` and the docs read the registry through `all_rules()`;
`tests/test_ruleset.py` fails when a module declares a code but is missing here.
"""

from __future__ import annotations

from types import ModuleType

from builder import corpus, schema_errors, source_rules
from builder.check import codes, coverage, lifecycle, numeric, references
from builder.opendata import import_rules
from builder.rules import RULES, Rule

MODULES: tuple[ModuleType, ...] = (
    source_rules,  # ZB0xx reading files
    corpus,  # ZB006, ZB010, ZB013
    schema_errors,  # ZB1xx schema
    references,  # ZB2xx references
    coverage,  # ZB3xx coverage and levels
    numeric,  # ZB4xx numeric rules
    codes,  # ZB5xx code systems
    lifecycle,  # ZB6xx lifecycle
    import_rules,  # ZB8xx importing spreadsheets
)
"""The modules that declare diagnostic codes (`builder.rules.declare`, `@check`)."""


def all_rules() -> dict[str, Rule]:
    """Every registered rule, by code, in code order."""
    return {code: RULES[code] for code in sorted(RULES)}
