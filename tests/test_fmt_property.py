"""`zhibiao fmt` never changes what `zhibiao check` reads, and is idempotent (property test).

The repository's example files are mutated with tricky YAML (tests/yaml_mutations.py). For
every mutant, fmt either refuses with a located diagnostic, or its output reads (with the
check parser) as exactly the same data: same values, same types; the only change allowed
is a bare integer becoming the quoted text of its digits (a code fmt quotes on purpose).

CI runs a few hundred mutants; the full fuzz (4,000 or more) runs locally with
`ZHIBIAO_FMT_FUZZ=4000 python3 -m pytest tests/test_fmt_property.py -q`.
"""

from __future__ import annotations

import math
import os
from typing import Any

from hypothesis import HealthCheck, given, settings

from builder.read.yamlsource import YamlProblem, decode, parse
from builder.yamlfmt import format_text
from tests.conftest import examples
from tests.yaml_mutations import mutated_yaml

EXAMPLES = int(os.environ.get("ZHIBIAO_FMT_FUZZ", str(examples(300, 4000))))


def _same(before: Any, after: Any) -> bool:
    """Written independently of builder.yamlfmt.meaning, on purpose."""
    if type(before) is int and type(after) is str:
        return str(before) == after
    if type(before) is not type(after):
        return False
    if isinstance(before, dict):
        if {(type(k), k) for k in before} != {(type(k), k) for k in after}:
            return False
        return all(_same(value, after[key]) for key, value in before.items())
    if isinstance(before, list):
        return len(before) == len(after) and all(map(_same, before, after))
    if isinstance(before, float):
        if math.isnan(before):
            return math.isnan(after)
        return before == after and math.copysign(1, before) == math.copysign(1, after)
    return bool(before == after)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 300,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_yaml())
def test_fmt_keeps_meaning_and_is_idempotent(text: str) -> None:
    raw = text.encode("utf-8")
    try:
        source = decode(raw)
        before = parse(source)
    except YamlProblem:
        before = None
        readable = False
    else:
        readable = True
    result = format_text(source if readable else text.lstrip("\ufeff"), "m.yaml")
    if result.text is None:
        assert result.diagnostics, "refused without saying why"
        for diagnostic in result.diagnostics:
            assert diagnostic.line or diagnostic.data_path is not None, diagnostic
        return
    assert readable, "fmt rewrote a file that check cannot read"
    after = parse(result.text)
    assert _same(before, after), (before, after)
    again = format_text(result.text, "m.yaml")
    assert again.text == result.text, "fmt is not idempotent"
