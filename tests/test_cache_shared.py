"""The cached check equals the full one when a course standard shared by several specialties
(`applies_to`) changes: every specialty that reads it through the recorded lookup
(`CorpusView.shared_courses`, `resolve_path`) is examined again, and only those."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.checking.pipeline import CheckResult
from tests.cache_support import cached_check, edit_once, example_subset, full_check
from tests.conftest import REPO, examples

CHAIN = ("730701-电子商务", "530701-电子商务", "330701-电子商务", "公共基础课")
SHARED = "standards/公共基础课/信息技术.yaml"
ZZ = "standards/730701-电子商务/specialty.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The 电子商务 chain of the examples and the shared 信息技术 standard (中职)."""
    return example_subset(tmp_path, CHAIN)


_cached, _full, _edit = cached_check, full_check, edit_once


def _codes(result: CheckResult) -> list[tuple[str, str]]:
    return sorted((d.code, d.file) for d in result.diagnostics)


def _hours(p: Path) -> None:  # 730701's GG08 (108 学时) is now below the standard's 120
    _edit(p / SHARED, "hours: 108  #", "hours: 120  #")


def _level(p: Path) -> None:  # 中职 → 高职专科: 730701 loses it, 530701 (48 学时) gains it
    _edit(p / SHARED, "levels:\n    - 中职", "levels:\n    - 高职专科")


def _listed(p: Path) -> None:  # an explicit list: one unknown code, one of another level
    _edit(
        p / SHARED,
        "levels:\n    - 中职",
        'levels:\n    - 中职\n  specialties: ["730701", "739999", "530701"]',
    )


def _twin(p: Path) -> None:  # a second 中职 信息技术 standard: 730701's GG08 is ambiguous
    text = (p / SHARED).read_text("utf-8").replace('code: "信息技术"', "code: 信息技术二")
    (p / SHARED).with_name("信息技术-二.yaml").write_text(text, "utf-8")


def _link(p: Path) -> None:  # 530701 links the 中职 standard explicitly (ZB219)
    _edit(
        p / "standards/530701-电子商务/specialty.yaml",
        "    name: 信息技术\n",
        "    name: 信息技术\n    standard: ../公共基础课/信息技术.yaml\n",
    )


def _delete(p: Path) -> None:
    for path in (p / "standards/公共基础课").glob("*.yaml"):
        path.unlink()


def _restore(p: Path) -> None:
    shutil.copy(REPO / SHARED, p / SHARED)


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("hours", _hours),
    ("level", _level),
    ("restore", _restore),
    ("listed", _listed),
    ("twin", _twin),
    ("link", _link),
    ("delete", _delete),
    ("restore again", _restore),
]


def test_cached_equals_full_through_edits_of_the_shared_standard(
    project: Path, tmp_path: Path
) -> None:
    key = tmp_path / "key"
    assert _cached(project, key).diagnostics == _full(project).diagnostics == []
    seen: set[str] = set()
    for label, edit in EDITS:
        edit(project)
        full = _full(project).diagnostics
        assert _cached(project, key).diagnostics == full, label
        assert _cached(project, key).diagnostics == full, label
        seen |= {d.code for d in full}
    assert {"ZB217", "ZB218", "ZB219", "ZB412", "ZB413"} <= seen  # the edits were felt


def test_an_edit_of_the_shared_standard_rechecks_only_the_specialties_it_applies_to(
    project: Path, tmp_path: Path
) -> None:
    key = tmp_path / "key"
    _cached(project, key)
    assert _cached(project, key).corpus.documents == []
    _hours(project)
    result = _cached(project, key)
    folders = {item.rel.split("/")[1] for item in result.corpus.documents}
    assert folders == {"730701-电子商务", "公共基础课"}  # 530701 and 330701 read nothing of it
    assert _codes(result) == [("ZB413", ZZ)]
    _level(project)  # now it applies to 530701 and no longer to 730701: both are examined
    result = _cached(project, key)
    folders = {item.rel.split("/")[1] for item in result.corpus.documents}
    assert folders == {"730701-电子商务", "530701-电子商务", "公共基础课"}
    assert _codes(result) == [("ZB413", "standards/530701-电子商务/specialty.yaml")]
    assert result.diagnostics == _full(project).diagnostics


def test_a_new_shared_standard_rechecks_the_specialties_of_its_level(
    project: Path, tmp_path: Path
) -> None:
    key = tmp_path / "key"
    _cached(project, key)
    _twin(project)
    result = _cached(project, key)
    folders = {item.rel.split("/")[1] for item in result.corpus.documents}
    assert folders == {"730701-电子商务", "公共基础课"}
    assert _codes(result) == [("ZB412", ZZ)]


@settings(
    max_examples=examples(6),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(range(len(EDITS))), min_size=1, max_size=4))
def test_cached_equals_full_after_random_edits_of_the_shared_standard(
    tmp_path_factory: pytest.TempPathFactory, picks: list[int]
) -> None:
    base = tmp_path_factory.mktemp("shared-random")
    project = base / "p"
    for name in CHAIN:
        shutil.copytree(REPO / "standards" / name, project / "standards" / name)
    shutil.copy(REPO / "zhibiao.yaml", project / "zhibiao.yaml")
    key = base / "key"
    _cached(project, key)
    for pick in picks:
        label, edit = EDITS[pick]
        try:
            edit(project)
        except (AssertionError, FileNotFoundError):
            continue  # an edit that does not apply to the current state
        assert _cached(project, key).diagnostics == _full(project).diagnostics, label
