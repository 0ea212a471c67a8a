"""The cached check equals the full one along a 中高本 chain: a set's continuity diagnostics
(ZB931–ZB937) change when only the set below it is edited, and the cache sees it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cache_support import cached_check, edit_once, example_subset, full_check
from tests.conftest import REPO, examples

CHAIN = ("730701-电子商务", "530701-电子商务", "330701-电子商务")
ZZ = "standards/730701-电子商务"
GZ = "standards/530701-电子商务"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The three-level 电子商务 chain of the examples."""
    return example_subset(tmp_path, CHAIN)


_cached, _full, _edit = cached_check, full_check, edit_once


def _raise_level(p: Path) -> None:  # 730701 3-1-1 掌握 → 运用: 530701 2-1-1 (掌握) now falls
    _edit(
        p / ZZ / "competencies.yaml",
        "能撰写商品推广文案、活动海报文案和新媒体图文。\n            type: 能力\n            level: 掌握",
        "能撰写商品推广文案、活动海报文案和新媒体图文。\n            type: 能力\n            level: 运用",
    )


def _rename(p: Path) -> None:  # 730701 5-1-1 → 5-1-9: 530701 4-1-1 builds on a missing code
    _edit(p / ZZ / "competencies.yaml", 'code: "5-1-1"', 'code: "5-1-9"')


def _copy_content(p: Path) -> None:  # 730701 teaches 530701's text verbatim (punctuation aside)
    _edit(
        p / ZZ / "courses/zh06.yaml",
        "使用数据透视表按商品、渠道、时间维度汇总数据，计算环比和同比。",
        "用转化漏斗，同环比和分组对比定位销量下滑原因；撰写含结论和改进建议的经营分析报告",
    )


def _drop_lower(p: Path) -> None:  # the 中职 set leaves the tree: only an info remains
    shutil.rmtree(p / ZZ)


EDITS = [
    ("level raised below", _raise_level, "ZB934"),
    ("competency renamed below", _rename, "ZB931"),
    ("content copied below", _copy_content, "ZB936"),
    ("lower set removed", _drop_lower, "ZB932"),
]


def test_cached_equals_full_along_the_chain(project: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    assert _cached(project, key).diagnostics == _full(project).diagnostics == []
    for label, edit, code in EDITS:
        edit(project)
        full = _full(project).diagnostics
        assert any(d.code == code and d.file.startswith(GZ) for d in full), (label, full)
        assert _cached(project, key).diagnostics == full, label
        assert _cached(project, key).diagnostics == full, label


def test_an_edit_below_rechecks_only_the_sets_that_read_it(project: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    _cached(project, key)
    _raise_level(project)
    result = _cached(project, key)
    checked = {item.rel.split("/")[1] for item in result.corpus.documents}
    assert checked == {CHAIN[0], CHAIN[1]}  # 330701 read only 530701, which did not change
    # ZB302 in 730701 (its courses now teach 3-1-1 below the new level), ZB934 in 530701
    assert sorted(d.code for d in result.diagnostics) == ["ZB302", "ZB934"]


def _random_edit(project: Path, op: str, which: int) -> None:
    """One edit of set `which` of the chain (a no-op when its target is gone)."""
    folder = project / "standards" / CHAIN[which % len(CHAIN)]
    comps = folder / "competencies.yaml"
    courses = sorted((folder / "courses").glob("*.yaml")) if (folder / "courses").is_dir() else []
    if op == "level" and comps.is_file() and "level: 掌握" in comps.read_text("utf-8"):
        text = comps.read_text("utf-8")
        comps.write_text(text.replace("level: 掌握", "level: 运用", 1), "utf-8")
    elif op == "level-down" and comps.is_file() and "level: 运用" in comps.read_text("utf-8"):
        text = comps.read_text("utf-8")
        comps.write_text(text.replace("level: 运用", "level: 理解", 1), "utf-8")
    elif op == "rename" and comps.is_file() and 'code: "1-1-1"' in comps.read_text("utf-8"):
        comps.write_text(
            comps.read_text("utf-8").replace('code: "1-1-1"', 'code: "1-1-9"'), "utf-8"
        )
    elif op == "drop-course" and courses:
        courses[0].unlink()
    elif op == "drop-list" and comps.is_file():
        comps.unlink()
    elif op == "break-list" and comps.is_file():
        comps.write_text("kind: [\nx:", "utf-8")
    elif op == "copy-content" and courses:
        # the first content text of this set, written into the set above's first course
        above = project / "standards" / CHAIN[(which + 1) % len(CHAIN)] / "courses"
        targets = sorted(above.glob("*.yaml")) if above.is_dir() else []
        source = courses[0].read_text("utf-8").split("requirements: |\n", 1)
        if targets and len(source) == 2:
            line = source[1].splitlines()[0]
            target = targets[0].read_text("utf-8").split("requirements: |\n", 1)
            if len(target) == 2:
                rest = target[1].split("\n", 1)
                targets[0].write_text(
                    f"{target[0]}requirements: |\n{line}\n{rest[1] if len(rest) == 2 else ''}",
                    "utf-8",
                )


@settings(max_examples=examples(6), deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "level",
                    "level-down",
                    "rename",
                    "drop-course",
                    "drop-list",
                    "break-list",
                    "copy-content",
                ]
            ),
            st.integers(0, 2),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_cached_equals_full_after_random_edits_along_the_chain(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, int]]
) -> None:
    work = tmp_path_factory.mktemp("chain-random")
    project = work / "p"
    for name in CHAIN:
        shutil.copytree(REPO / "standards" / name, project / "standards" / name)
    shutil.copy(REPO / "zhibiao.yaml", project / "zhibiao.yaml")
    key = work / "key"
    _cached(project, key)
    for op, which in edits:
        _random_edit(project, op, which)
        full = _full(project).diagnostics
        assert _cached(project, key).diagnostics == full, (op, which)
        assert _cached(project, key).diagnostics == full, (op, which)
