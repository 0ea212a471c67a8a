"""The site build's cache of 意见反馈表 forms (`builder.site.formcache`): a hit gives the
bytes a fresh build gives, a forged entry is never published, anything a form shows
changes its key, and a build that made every page prunes what it no longer uses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.comments.anchors import Anchor
from builder.comments.forms import FormInfo
from builder.site.formcache import FormCache, fresh_forms
from tests.conftest import REPO, examples, run_cli

SECRET = b"f" * 32
INFO = FormInfo("510209/course/ZJ02", "《深度学习应用》课程标准", "征求意见稿", "2026-03-31")
ANCHORS = [Anchor("整体", "深度学习应用"), Anchor("1", "课程性质与任务"), Anchor("ZJ02-3", "=1+1")]


def _cache(folder: Path) -> FormCache:
    folder.mkdir(exist_ok=True)
    return FormCache(folder, SECRET, scope="site")


def test_a_second_request_is_a_hit_with_the_same_bytes(tmp_path: Path) -> None:
    cache = _cache(tmp_path / "forms")
    first = cache(INFO, ANCHORS)
    assert first == fresh_forms(INFO, ANCHORS)
    again = _cache(tmp_path / "forms")
    assert again(INFO, ANCHORS) == first
    assert (again.stats.hits, again.stats.rendered) == (1, 0)


def test_a_forged_entry_is_made_again(tmp_path: Path) -> None:
    cache = _cache(tmp_path / "forms")
    made = cache(INFO, ANCHORS)
    [entry] = (tmp_path / "forms").glob("*.bin")
    entry.write_bytes(entry.read_bytes().replace(b"xlsx", b"xlsX", 1))
    forged = _cache(tmp_path / "forms")
    assert forged(INFO, ANCHORS) == made
    assert forged.stats.rejected == 1 and forged.stats.rendered == 1


def test_everything_a_form_shows_is_in_its_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = _cache(tmp_path / "forms")
    base = cache.key(INFO, ANCHORS)
    others = [
        cache.key(FormInfo(INFO.doc_id, INFO.title, INFO.status, "2026-04-30"), ANCHORS),
        cache.key(FormInfo(INFO.doc_id, "另一标题", INFO.status, INFO.deadline), ANCHORS),
        cache.key(INFO, [*ANCHORS[:2], Anchor("ZJ02-3", "=1+2")]),
        cache.key(INFO, ANCHORS[:2]),
        cache.key(INFO, [ANCHORS[1], ANCHORS[0], ANCHORS[2]]),
    ]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    others.append(cache.key(INFO, ANCHORS))
    assert len({base, *others}) == 1 + len(others)


_TEXT = st.text(alphabet=st.sampled_from(list("课程=+-@<>&\"'　\t \n标准ab1")), max_size=12)


@settings(
    max_examples=examples(8),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(_TEXT, _TEXT), max_size=4), _TEXT)
def test_cached_equals_fresh_for_any_anchors(
    tmp_path: Path, rows: list[tuple[str, str]], title: str
) -> None:
    info = FormInfo("x/course/A1", title, "征求意见稿", "")
    anchors = [Anchor(f"{n}{key}", text) for n, (key, text) in enumerate(rows)]
    folder = tmp_path / f"forms-{abs(hash((title, tuple(rows))))}"
    assert _cache(folder)(info, anchors) == fresh_forms(info, anchors)
    hit = _cache(folder)
    assert hit(info, anchors) == fresh_forms(info, anchors)
    assert hit.stats.hits == 1


@pytest.mark.slow
def test_a_build_reuses_the_forms_of_unchanged_drafts(tmp_path: Path) -> None:
    project = tmp_path / "p"
    chain = shutil.ignore_patterns("530701-*", "330701-*", "公共基础课")
    shutil.copytree(REPO / "standards", project / "standards", ignore=chain)
    for name in ("zhibiao.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, project / name)
    build = ["build", "--no-docx", "--no-data", "--split", "specialty"]
    assert run_cli(build, project).exit_code == 0
    store = project / ".zhibiao/cache/forms"
    entries = {p.name: p.stat().st_mtime_ns for p in store.glob("*.bin")}
    assert len(entries) > 5  # the example 人工智能技术应用 is under consultation
    course = project / "standards/510209-人工智能技术应用/courses/zj04.yaml"
    text = course.read_text("utf-8")
    assert "  title: " in text
    course.write_text(text.replace("  title: ", "  title: 修订版", 1), "utf-8")
    result = run_cli(build, project)
    assert result.exit_code == 0, result.stderr
    after = {p.name: p.stat().st_mtime_ns for p in store.glob("*.bin")}
    new = set(after) - set(entries)
    assert len(new) == 1  # the edited draft's forms only; the others were hits
    assert all(after[name] == entries[name] for name in entries)  # untouched, not pruned
    forms = list((project / "site/510209").rglob("*意见反馈表.xlsx"))
    assert forms and all(f.stat().st_size > 0 for f in forms)


@pytest.mark.slow
def test_warming_in_worker_processes_gives_the_same_forms(tmp_path: Path) -> None:
    """Many missing forms are made in worker processes and stored; the build then takes
    each from the cache, byte for byte what its own process would have made."""
    from builder.site.formcache import PARALLEL_THRESHOLD

    many = [
        (
            FormInfo(f"510209/course/ZJ{n:02d}", f"《课程{n}》课程标准", "征求意见稿", ""),
            [*ANCHORS, Anchor(f"ZJ{n:02d}-1", f"第 {n} 条要求")],
        )
        for n in range(PARALLEL_THRESHOLD + 2)
    ]
    cache = _cache(tmp_path / "forms")
    cache(*many[0])  # one is there already
    assert cache.warm(many, jobs=2) == len(many) - 1
    assert cache.warm(many, jobs=2) == 0  # nothing left to make
    again = _cache(tmp_path / "forms")
    for info, anchors in many[:6]:
        assert again(info, anchors) == fresh_forms(info, anchors)
    assert again.stats.hits == 6 and again.stats.rendered == 0
    few = _cache(tmp_path / "few")
    assert few.warm(many[:3], jobs=2) == 0  # too few to start workers for
