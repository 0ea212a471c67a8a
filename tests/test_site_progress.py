"""Progress of a split build: shards built, time spent and an estimate (issue 17 §3)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from builder.site.install import ShardProgress, duration, progress_line


def test_progress_line_estimates_the_rest_from_the_pace_so_far() -> None:
    assert progress_line(10, 70, 60.0) == "已构建分站点 10/70，用时 1 分 0 秒，预计还需 6 分 0 秒"
    assert progress_line(70, 70, 420.0) == "已构建分站点 70/70，用时 7 分 0 秒"
    assert duration(40.4) == "40 秒"


def test_reports_are_throttled_but_the_first_and_last_always_shown() -> None:
    now = [0.0]
    said: list[str] = []
    report = ShardProgress(said.append, every=10.0, clock=lambda: now[0])
    for done in range(1, 71):
        now[0] += 1.0  # a shard a second
        report(done, 70)
    assert said[0].startswith("已构建分站点 1/70") and said[-1].startswith("已构建分站点 70/70")
    assert len(said) == 8  # 1, 11, 21, … 61, then 70
    assert all("预计还需" in line for line in said[:-1])


@given(st.integers(1, 500), st.integers(0, 500), st.floats(0, 10**5))
def test_progress_line_never_claims_more_done_than_exists(total: int, done: int, t: float) -> None:
    done = min(done, total)
    line = progress_line(done, total, t)
    assert f"{done}/{total}" in line
    assert ("预计还需" in line) == (0 < done < total)
