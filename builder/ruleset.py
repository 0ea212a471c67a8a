"""Every diagnostic code of the tool, complete by construction.

The explicit list of the modules that declare codes (as yamllint's `rules/__init__.py`
keeps one): importing this module registers every rule, whichever command runs and
whatever else happened to be imported. `zhibiao rules`, the docs and the configuration
(`severity:` in zhibiao.yaml, checked by `open_project` here, which every command uses)
read the registry through `all_rules()`;
`tests/test_ruleset.py` fails when a module declares a code but is missing here.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from types import ModuleType

from builder.base.rules import RULES, Rule
from builder.check import MODULES as CHECK_MODULES
from builder.comments import checks as consultation
from builder.comments import store as review_store
from builder.docx import notice as notice_file
from builder.drafting import national_rules
from builder.drafting import rules as drafting_rules
from builder.migrate import rules as migrate_rules
from builder.opendata import import_rules, update_rules
from builder.project import Project, UsageError, display_path
from builder.project.loading import open_project as open_bare_project
from builder.read import config, corpus, schema_errors, source_rules
from builder.read.locate import compose, locate
from builder.read.yamlsource import YamlProblem, decode, read_limited

MODULES: tuple[ModuleType, ...] = (
    source_rules,  # ZB0xx reading files
    corpus,  # ZB006, ZB010, ZB013
    schema_errors,  # ZB1xx schema
    *CHECK_MODULES,  # ZB2xx–ZB6xx semantic checks (listed in builder/check/__init__.py)
    review_store,  # ZB701 review records that cannot be read
    consultation,  # ZB702–ZB709 征求意见 records, dispositions, the vote, 需复核 (registered here, not
    # by builder.check: their anchors come from compose, which the checks may not import)
    import_rules,  # ZB8xx importing spreadsheets
    update_rules,  # ZB808–ZB818 bringing an edited workbook back
    migrate_rules,  # ZB016 old shape named by check, ZB017 left alone by migrate
    notice_file,  # ZB609 notice attachments that disagree with their documents
    drafting_rules,  # ZB851–ZB859 importing Word working copies
    national_rules,  # ZB860–ZB865 importing a published standard in the national layout
    config,  # ZB940 site.engine (or --engine) names an engine that is not installed
)
"""The modules that declare diagnostic codes (`builder.base.rules.declare`, `@check`)."""


def all_rules() -> dict[str, Rule]:
    """Every registered rule, by code, in code order."""
    return {code: RULES[code] for code in sorted(RULES)}


def open_project(
    standards: Path | None = None, config_path: Path | None = None, *, missing_ok: bool = False
) -> Project:
    """`builder.project.open_project`, refusing a `severity:` code that is no rule
    (`UsageError` at its place in zhibiao.yaml, with the closest code as a hint)."""
    project = open_bare_project(standards, config_path, missing_ok=missing_ok)
    known = all_rules()
    unknown = [code for code in project.config.severity if code not in known]
    if not unknown or project.config_path is None:
        return project
    shown = display_path(project.config_path)
    try:
        root = compose(decode(read_limited(project.config_path)))
    except (OSError, YamlProblem):  # it was read a moment ago: report without a position
        root = None
    code = unknown[0]
    position = locate(root, ("severity", code), key=True)
    close = difflib.get_close_matches(code.upper(), list(known), n=1, cutoff=0.8)
    raise UsageError(
        f"severity 中的规则代码 {code} 不存在",
        file=shown,
        line=position.line,
        column=position.column,
        hint=f"是否应为「{close[0]}」？" if close else "用 `zhibiao rules` 查看全部规则代码。",
    )
