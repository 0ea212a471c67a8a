"""The matrix's colour classes: reached, below or not carried, by the configured order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from builder.site.matrix import cell_state, legend

LEVELS = ["了解", "理解", "掌握", "运用"]


def test_states_follow_the_configured_order() -> None:
    assert cell_state(LEVELS, "掌握", "") == "zb-none"
    assert cell_state(LEVELS, "掌握", "理解") == "zb-below"
    assert cell_state(LEVELS, "掌握", "掌握") == "zb-reached"
    assert cell_state(LEVELS, "掌握", "运用") == "zb-reached"
    assert cell_state(LEVELS, "未知", "运用") == "zb-below"  # an unknown requirement: not met
    assert cell_state(LEVELS, "理解", "未知") == "zb-below"


@given(st.sampled_from(LEVELS), st.sampled_from(["", *LEVELS]))
def test_reached_exactly_when_not_lower(required: str, reached: str) -> None:
    state = cell_state(LEVELS, required, reached)
    if not reached:
        assert state == "zb-none"
    else:
        ok = LEVELS.index(reached) >= LEVELS.index(required)
        assert state == ("zb-reached" if ok else "zb-below")


def test_legend_names_every_state() -> None:
    text = legend()
    for cls in ("zb-reached", "zb-below", "zb-none"):
        assert cls in text
