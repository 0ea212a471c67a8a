"""The check cache: identical results to a full check, through edits, deletes, renames and forgeries."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import builder.checking.incremental as incremental
from benchmarks.generate import generate
from builder.checking.incremental import run_check_cached
from builder.checking.pipeline import CheckResult, run_check
from builder.project.cache import CACHE_NAME, CheckCache
from builder.project.loading import open_project
from tests.conftest import examples, run_cli


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four valid specialty sets with three course standards each."""
    root = tmp_path_factory.mktemp("cache-base")
    generate(root, 4, 2025, course_standards=3)
    return root


@pytest.fixture
def project(pristine: Path, tmp_path: Path) -> Path:
    target = tmp_path / "p"
    shutil.copytree(pristine, target)
    return target


def _sets(project: Path) -> list[Path]:
    return sorted((project / "standards").iterdir())


def _cached(project: Path, key: Path, **kwargs: object) -> CheckResult:
    cache = CheckCache.open(project / ".zhibiao" / "cache", key_file=key)
    return run_check_cached(open_project(project / "standards"), cache, base=project, **kwargs)  # type: ignore[arg-type]


def _full(project: Path) -> CheckResult:
    return run_check(open_project(project / "standards"), base=project)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _course(project: Path, set_no: int, index: int = 0) -> Path:
    return sorted((_sets(project)[set_no] / "courses").iterdir())[index]


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("edit hours", lambda p: _edit(_course(p, 0), "hours: ", "hours: 1")),
    ("delete a referenced course", lambda p: _course(p, 1, -1).unlink()),
    ("rename a course", lambda p: _course(p, 2).rename(_course(p, 2).with_name("renamed.yaml"))),
    ("break YAML", lambda p: _edit(_sets(p)[3] / "internship.yaml", "kind:", "kind: [\nx:")),
    ("rename a competency", lambda p: _edit(_sets(p)[0] / "competencies.yaml", "code: 1-1-1", "code: 9-9-9")),
    ("delete specialty.yaml", lambda p: (_sets(p)[1] / "specialty.yaml").unlink()),
    ("copy a course", lambda p: shutil.copy(_course(p, 0, 1), _course(p, 0, 1).with_name("copy.yaml"))),
    ("fix YAML", lambda p: _edit(_sets(p)[3] / "internship.yaml", "kind: [\nx:", "kind:")),
    ("touch everything", lambda p: [os.utime(f) for f in (p / "standards").rglob("*.yaml")]),
    ("reference leaves the tree", lambda p: _edit(_sets(p)[2] / "specialty.yaml", "standard: courses/", "standard: ../../../")),
    ("config severity", lambda p: _edit(p / "zhibiao.yaml", "site:", "severity: {ZB303: ignore, ZB605: error}\nsite:")),
    ("course moves to another set", lambda p: _edit(_course(p, 3), f"specialty: '{_sets(p)[3].name[:6]}'", f"specialty: '{_sets(p)[0].name[:6]}'")),
]  # fmt: skip


def test_cached_results_equal_full_results_through_edits(project: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    assert _cached(project, key).diagnostics == _full(project).diagnostics == []
    for label, edit in EDITS:
        edit(project)
        full = _full(project).diagnostics
        first = _cached(project, key)
        again = _cached(project, key)
        assert first.diagnostics == full, label
        assert again.diagnostics == full, label
    assert len(full) > 10  # the edits really broke things


def test_a_warm_run_examines_only_the_edited_set(project: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    assert _cached(project, key).complete
    assert len(_cached(project, key).corpus.documents) == 0
    _edit(_course(project, 2), "hours: ", "hours: 1")
    result = _cached(project, key)
    assert {item.rel.split("/")[1] for item in result.corpus.documents} == {_sets(project)[2].name}
    assert [d.code for d in result.diagnostics].count("ZB408") >= 1


def test_same_size_same_mtime_edit_is_still_seen(project: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    path = _course(project, 0)
    before = path.stat()
    _cached(project, key)
    text = path.read_text("utf-8").replace("hours: 6", "hours: 8", 1)
    path.write_text(text, "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert _cached(project, key).diagnostics == _full(project).diagnostics != []


def test_chunks_and_dropped_documents_give_the_same_result(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(_course(project, 0), "hours: ", "hours: 1")
    (_sets(project)[1] / "specialty.yaml").unlink()
    monkeypatch.setattr(incremental, "CHUNK_SETS", 1)
    monkeypatch.setattr(incremental, "KEEP_DOCS", 3)
    result = _cached(project, tmp_path / "key")
    assert result.diagnostics == _full(project).diagnostics != []


def test_parallel_workers_give_the_same_result(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builder.read.parallel

    monkeypatch.setattr(builder.read.parallel, "PARALLEL_THRESHOLD", 2)
    _edit(_course(project, 0), "hours: ", "hours: 1")
    sequential = _full(project)
    parallel = run_check(open_project(project / "standards"), base=project, jobs=2)
    assert parallel.diagnostics == sequential.diagnostics != []
    assert [d.rel for d in parallel.corpus.documents] == [
        d.rel for d in sequential.corpus.documents
    ]
    assert _cached(project, tmp_path / "key", jobs=2).diagnostics == sequential.diagnostics


def test_corrupt_cache_is_ignored_and_rewritten(project: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    _cached(project, key)
    cache_file = project / ".zhibiao" / "cache" / CACHE_NAME
    cache_file.write_bytes(b"\x00garbage{")
    _edit(_course(project, 1), "hours: ", "hours: 1")
    assert _cached(project, key).diagnostics == _full(project).diagnostics != []
    assert cache_file.read_bytes().startswith(b"\x00") is False


def test_a_forged_cache_from_the_repository_is_not_trusted(project: Path, tmp_path: Path) -> None:
    """A pull request could commit `.zhibiao/cache/check.json` claiming a broken set is clean."""
    attacker = tmp_path / "attacker-key"
    _cached(project, attacker)  # the attacker's cache of the clean tree
    cache_file = project / ".zhibiao" / "cache" / CACHE_NAME
    clean = cache_file.read_bytes()
    _edit(_course(project, 0), "hours: ", "hours: 1")  # the change under review is broken
    _cached(project, attacker)
    body = json.loads(cache_file.read_bytes().partition(b"\n")[2])
    old_body = json.loads(clean.partition(b"\n")[2])
    for name in ("sets",):
        body[name] = {**body[name], **old_body[name]}
    body["sets"] = {k: [[], []] for k in body["sets"]}  # every set "has no problems"
    forged = json.dumps(body, ensure_ascii=False).encode()
    secret = attacker.read_bytes()
    cache_file.write_bytes(
        hmac.new(secret, forged, hashlib.sha256).hexdigest().encode() + b"\n" + forged
    )
    assert _cached(project, attacker).diagnostics == []  # the forgery works with the forger's key…
    reviewer = tmp_path / "reviewer-key"
    assert (
        _cached(project, reviewer).diagnostics == _full(project).diagnostics != []
    )  # …not with ours


def test_other_tool_version_starts_afresh(project: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    _cached(project, key)
    cache = CheckCache.open(project / ".zhibiao" / "cache", key_file=key)
    assert cache.sets
    cache.tool = "another version"
    cache.sets, cache.files, cache.stats = {}, {}, {}
    cache._load()
    assert cache.sets == {} and cache.files == {}


def test_command_line_cache_folder(project: Path, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    uncached = run_cli(["check", "standards", "--no-cache", "-f", "json"], project, env)
    assert uncached.exit_code == 0 and json.loads(uncached.stdout) == []
    assert not (project / ".zhibiao").exists()
    _edit(_course(project, 0), "hours: ", "hours: 1")
    first = run_cli(["check", "standards", "-f", "json"], project, env)
    second = run_cli(["check", "standards", "-f", "json", "-j", "2"], project, env)
    plain = run_cli(["check", "standards", "--no-cache", "-f", "json"], project, env)
    assert first.exit_code == second.exit_code == plain.exit_code == 1
    assert json.loads(first.stdout) == json.loads(second.stdout) == json.loads(plain.stdout)
    folder = project / ".zhibiao" / "cache"
    assert (folder / ".gitignore").read_text("utf-8").strip().endswith("*")
    assert (
        (folder / "CACHEDIR.TAG")
        .read_text("utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (tmp_path / "xdg" / "zhibiao" / "cache-key").stat().st_mode & 0o077 == 0


def _apply(project: Path, op: str, a: int, b: int) -> None:
    """One random edit of the tree (a no-op when its file is already gone)."""
    sets = _sets(project)
    folder = sets[a % len(sets)]
    courses = sorted((folder / "courses").glob("*.yaml")) if (folder / "courses").is_dir() else []
    course = courses[b % len(courses)] if courses else None
    spec = folder / "specialty.yaml"
    if op == "hours" and course is not None and "hours: " in course.read_text("utf-8"):
        _edit(course, "hours: ", "hours: 1")
    elif op == "delete" and course is not None:
        course.unlink()
    elif op == "rename" and course is not None:
        course.rename(course.with_name(f"r{b}-{course.name}"))
    elif op == "break" and course is not None:
        course.write_text("kind: [\nx:", "utf-8")
    elif op == "competency" and (folder / "competencies.yaml").is_file():
        text = (folder / "competencies.yaml").read_text("utf-8")
        if "code: 1-1-1" in text:
            _edit(folder / "competencies.yaml", "code: 1-1-1", "code: 9-9-9")
    elif op == "unplan" and spec.is_file():
        spec.unlink()
    elif op == "elsewhere" and spec.is_file() and "standard: courses/" in spec.read_text("utf-8"):
        other = sets[(a + 1) % len(sets)].name  # a reference into another specialty's folder
        _edit(spec, "standard: courses/", f"standard: ../{other}/courses/")
    elif op == "move" and course is not None:
        code = folder.name[:6]
        other = sets[(a + 1) % len(sets)].name[:6]
        if f"specialty: '{code}'" in course.read_text("utf-8"):
            _edit(course, f"specialty: '{code}'", f"specialty: '{other}'")


OPS = ["hours", "delete", "rename", "break", "competency", "unplan", "elsewhere", "move"]

ACROSS_SETS = [
    # set 0 references set 1's zj01.yaml, which is then deleted / broken (a path lookup)
    [("elsewhere", 0, 0), ("delete", 1, 0)],
    [("elsewhere", 0, 0), ("break", 1, 0)],
    [("elsewhere", 0, 0), ("move", 1, 0)],
    # set 2 loses its 专业教学标准 (ZB205 names the known ones), then set 3 loses its own
    [("unplan", 2, 0), ("unplan", 3, 0)],
]


@pytest.mark.parametrize("edits", ACROSS_SETS)
def test_a_set_is_checked_again_when_what_it_read_elsewhere_changes(
    project: Path, tmp_path: Path, edits: list[tuple[str, int, int]]
) -> None:
    key = tmp_path / "key"
    _cached(project, key)
    for op, a, b in edits:
        _apply(project, op, a, b)
        full = _full(project).diagnostics
        assert _cached(project, key).diagnostics == full, (op, a, b)
        assert _cached(project, key).diagnostics == full, (op, a, b)


@settings(max_examples=examples(8), deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(st.sampled_from(OPS), st.integers(0, 3), st.integers(0, 4)),
        min_size=1,
        max_size=4,
    )
)
def test_cached_equals_uncached_after_random_edits(
    pristine: Path, tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, int, int]]
) -> None:
    """Whatever is edited, in whichever set, a warm cached check finds what a full one does:
    the cross-set facts a set's check read are recorded by the view, not listed by hand."""
    work = tmp_path_factory.mktemp("random-edits")
    project = work / "p"
    shutil.copytree(pristine, project)
    key = work / "key"
    _cached(project, key)
    for op, a, b in edits:
        _apply(project, op, a, b)
        full = _full(project).diagnostics
        assert _cached(project, key).diagnostics == full, (op, a, b)
        assert _cached(project, key).diagnostics == full, (op, a, b)
