"""The Word render cache (`builder.docx.rendercache`): keys, trust, pruning, CLI and site."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest

from builder.checking.pipeline import run_check
from builder.compose.doctree import DocTree, Link, Paragraph
from builder.docx.export import export_trees, render_trees
from builder.docx.pool import PARALLEL_THRESHOLD, render_many
from builder.docx.profiles import GBT11, GBT9704
from builder.docx.rendercache import DocxCache, canonical
from builder.read.config import ProjectConfig
from builder.site.downloads import default_providers
from tests.conftest import run_cli
from tests.docx_trees import course_tree, specialty_tree, training_base_tree

SECRET = b"k" * 32
STATS = re.compile(r"缓存命中 (\d+) 个，重新生成 (\d+) 个")
COURSE = "standards/510209-人工智能技术应用/courses/zh02.yaml"


def _cache(folder: Path, scope: str = "export") -> DocxCache:
    folder.mkdir(parents=True, exist_ok=True)
    return DocxCache(folder, SECRET, scope=scope)


def _mutations(value: Any) -> Iterator[tuple[str, Any]]:
    """Every single-field change of `value`: (where, changed value)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            for where, new in _mutations(getattr(value, item.name)):
                yield f"{item.name}{where}", replace(value, **{item.name: new})
    elif isinstance(value, tuple):
        for index, member in enumerate(value):
            for where, new in _mutations(member):
                yield f"[{index}]{where}", (*value[:index], new, *value[index + 1 :])
        yield "+", (*value, value[-1] if value else "x")
        if value:
            yield "-", value[:-1]
    elif isinstance(value, bool):
        yield "=", not value
    elif isinstance(value, int):
        yield "=", value + 1
    elif isinstance(value, float):
        yield "=", value + 0.5
    elif isinstance(value, str):
        yield "=", value + "甲"
    elif value is None:
        yield "=", "甲"
    else:
        raise AssertionError(f"unexpected {type(value)}")


@pytest.mark.parametrize("make", [course_tree, specialty_tree, training_base_tree])
def test_changing_any_field_of_a_tree_changes_the_key(tmp_path: Path, make: Any) -> None:
    cache = _cache(tmp_path / "c")
    tree = make()
    base = cache.key(tree, GBT9704, "t")
    assert base == cache.key(make(), GBT9704, "t")  # stable for equal input
    seen = 0
    for where, changed in _mutations(tree):
        assert cache.key(changed, GBT9704, "t") != base, where
        seen += 1
    assert seen > 100


def test_changing_any_profile_setting_or_the_template_changes_the_key(tmp_path: Path) -> None:
    cache = _cache(tmp_path / "c")
    tree = course_tree()
    base = cache.key(tree, GBT11, "t")
    for where, changed in _mutations(GBT11):
        assert cache.key(tree, changed, "t") != base, where
    assert cache.key(tree, GBT9704, "t") != base
    assert cache.key(tree, GBT11, "u") != base


def test_canonical_form_tells_types_apart() -> None:
    text = Paragraph(("链接",))
    link = Paragraph((Link("链接", ""),))
    assert canonical(text) != canonical(link)
    forms = {json.dumps(canonical(value)) for value in [(1,), (1.0,), (True,), ("1",), (None,)]}
    assert len(forms) == 5
    assert canonical(("builder.compose.doctree.Link", "a", "b")) != canonical(Link("a", "b"))
    with pytest.raises(TypeError):
        canonical({"a": 1})


def test_cache_hits_give_the_same_bytes_and_skip_rendering(tmp_path: Path) -> None:
    trees = [specialty_tree(), course_tree(), training_base_tree()]
    plain = render_trees(trees, ProjectConfig())
    cache = _cache(tmp_path / "c")
    first = render_trees(trees, ProjectConfig(), cache=cache)
    assert (cache.stats.hits, cache.stats.rendered) == (0, 3)
    again = _cache(tmp_path / "c")
    second = render_trees(trees, ProjectConfig(), cache=again)
    assert (again.stats.hits, again.stats.rendered) == (0 + 3, 0)
    assert [o.data for o in plain] == [o.data for o in first] == [o.data for o in second]
    assert [o.name for o in plain] == [o.name for o in second]


def _renders(folder: Path, trees: list[DocTree], config: ProjectConfig, **options: Any) -> int:
    cache = _cache(folder)
    render_trees(trees, config, cache=cache, **options)
    return cache.stats.rendered


def test_issuer_profile_template_and_epoch_invalidate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    folder = tmp_path / "c"
    tree = course_tree()
    bare = [replace(tree, cover=replace(tree.cover, issuer=None))]
    config = ProjectConfig()
    assert _renders(folder, bare, config) == 1
    assert _renders(folder, bare, config) == 0
    issuer = ProjectConfig.model_validate({"issuer": "示例行业教学指导委员会"})
    assert _renders(folder, bare, issuer) == 1
    assert _renders(folder, bare, issuer) == 0
    profiles = ProjectConfig.model_validate({"docx": {"profiles": {"course": "gbt1.1"}}})
    assert _renders(folder, bare, profiles) == 1
    template = tmp_path / "mine.docx"
    document = docx.Document()
    document.styles["Normal"].font.size = docx.shared.Pt(13)
    document.save(str(template))
    assert _renders(folder, bare, config, reference_docx=template) == 1
    assert _renders(folder, bare, config, reference_docx=template) == 0
    document.styles["Normal"].font.size = docx.shared.Pt(14)
    document.save(str(template))  # same path, other bytes
    assert _renders(folder, bare, config, reference_docx=template) == 1
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert _renders(folder, bare, config) == 1
    assert _renders(folder, bare, config) == 0


def test_tampered_or_foreign_entries_are_rendered_again(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    trees = [course_tree(), training_base_tree()]
    genuine = [o.data for o in render_trees(trees, ProjectConfig(), cache=_cache(folder))]
    entries = sorted(folder.glob("*.docx"))
    assert len(entries) == 2
    forged = render_trees([specialty_tree()], ProjectConfig())[0].data
    for entry in entries:  # the same forged document everywhere, MAC files left alone
        entry.write_bytes(forged)
    cache = _cache(folder)
    assert [o.data for o in render_trees(trees, ProjectConfig(), cache=cache)] == genuine
    assert (cache.stats.rejected, cache.stats.rendered) == (2, 2)
    assert [e.read_bytes() for e in entries] != [forged, forged]  # repaired
    # a cache signed with another key (e.g. committed by someone else) is not trusted
    other = DocxCache(folder, b"o" * 32)
    render_trees(trees, ProjectConfig(), cache=other)
    assert (other.stats.hits, other.stats.rejected) == (0, 2)
    # a missing or garbled MAC file is not trusted either
    macs = sorted(folder.glob("*.mac"))
    macs[0].unlink()
    macs[1].write_bytes(b"\xff\xfe")
    third = _cache(folder)
    render_trees(trees, ProjectConfig(), cache=third)
    assert third.stats.rendered == 2


def test_partial_runs_never_prune_and_scopes_keep_their_entries(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    everything = [specialty_tree(), course_tree(), training_base_tree()]
    full = _cache(folder)
    render_trees(everything, ProjectConfig(), cache=full)
    full.prune()
    assert len(list(folder.glob("*.docx"))) == 3
    partial = _cache(folder)
    render_trees(everything[:1], ProjectConfig(), cache=partial)  # a part: not pruned
    assert len(list(folder.glob("*.docx"))) == 3
    site = _cache(folder, scope="site")  # another scope, other settings
    issuer = ProjectConfig.model_validate({"issuer": "另一个发布机构"})
    render_trees(
        [replace(t, cover=replace(t.cover, issuer=None)) for t in everything[:1]],
        issuer,
        cache=site,
    )
    site.prune()
    assert len(list(folder.glob("*.docx"))) == 4  # the export scope still uses its three
    smaller = _cache(folder)
    render_trees(everything[1:], ProjectConfig(), cache=smaller)
    smaller.prune()
    assert smaller.stats.pruned == 1
    assert len(list(folder.glob("*.docx"))) == len(list(folder.glob("*.mac"))) == 3
    (folder / "used-site.json").write_text("{broken", encoding="utf-8")
    last = _cache(folder)
    render_trees(everything[1:], ProjectConfig(), cache=last)
    last.prune()
    assert len(list(folder.glob("*.docx"))) == 2


def test_parallel_rendering_gives_the_same_bytes_in_order() -> None:
    trees = [course_tree(), specialty_tree(), training_base_tree()]
    variants = [
        replace(tree, cover=replace(tree.cover, version=str(2000 + i)))
        for i in range(PARALLEL_THRESHOLD // 3 + 1)
        for tree in trees
    ]
    work = [(tree, GBT9704 if tree.kind == "course" else GBT11, None) for tree in variants]
    assert len(work) >= PARALLEL_THRESHOLD
    assert list(render_many(work, jobs=2)) == list(render_many(work, jobs=1))


# --- the command line and the site build, on the example project ---------------------------


def _export(project: Path, env: dict[str, str], out: str, *extra: str) -> tuple[int, int]:
    done = run_cli(["export", "docx", "--toc-pages", "never", "-o", out, *extra], project, env)
    assert done.exit_code == 0, done.stderr
    found = STATS.search(done.stdout)
    assert found is not None, done.stdout
    return int(found.group(1)), int(found.group(2))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_cli_reuses_unchanged_documents(example_project: Path, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    hits, rendered = _export(example_project, env, "out1")
    assert hits == 0 and rendered > 10
    assert _export(example_project, env, "out2") == (rendered, 0)
    first, second = _files(example_project / "out1"), _files(example_project / "out2")
    assert first == second
    cache = example_project / ".zhibiao" / "cache"
    assert (cache / ".gitignore").read_text("utf-8").strip().endswith("*")
    assert len(list((cache / "docx").glob("*.docx"))) == rendered
    course = example_project / COURSE
    course.write_text(
        course.read_text("utf-8").replace("教学中弱化数学推导", "教学中淡化数学推导"), "utf-8"
    )
    assert _export(example_project, env, "out3") == (rendered - 1, 1)
    third = _files(example_project / "out3")
    changed = [name for name in first if first[name] != third[name]]
    assert changed == ["510209-课程标准-ZH02-机器学习应用开发.docx"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(third[changed[0]])).paragraphs)
    assert "淡化数学推导" in text
    # the full export dropped the entry of the old course text
    assert len(list((cache / "docx").glob("*.docx"))) == rendered


def test_cli_no_cache_neither_reads_nor_writes(example_project: Path, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    done = run_cli(
        ["export", "docx", "--toc-pages", "never", "-o", "plain", "--no-cache"],
        example_project,
        env,
    )
    assert done.exit_code == 0, done.stderr
    assert not (example_project / ".zhibiao").exists()
    assert STATS.search(done.stdout) is None
    genuine = _files(example_project / "plain")
    _export(example_project, env, "cached")
    # forge every entry with a valid MAC: the cache is trusted, --no-cache does not read it
    secret = (tmp_path / "xdg" / "zhibiao" / "cache-key").read_bytes()
    folder = example_project / ".zhibiao" / "cache" / "docx"
    forged = next(iter(genuine.values()))
    for entry in folder.glob("*.docx"):
        entry.write_bytes(forged)
        mac = hmac.new(secret, entry.stem.encode() + b"\0" + forged, hashlib.sha256)
        entry.with_suffix(".mac").write_text(mac.hexdigest() + "\n", "ascii")
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    done = run_cli(
        ["export", "docx", "--toc-pages", "never", "-o", "plain2", "--no-cache"],
        example_project,
        env,
    )
    assert done.exit_code == 0, done.stderr
    assert _files(example_project / "plain2") == genuine
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    _export(example_project, env, "forged")
    assert set(_files(example_project / "forged").values()) == {forged}


def test_cli_exports_when_the_cache_cannot_be_written(
    example_project: Path, tmp_path: Path
) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    genuine = run_cli(
        ["export", "docx", "--toc-pages", "never", "-o", "plain", "--no-cache"],
        example_project,
        env,
    )
    assert genuine.exit_code == 0
    (example_project / ".zhibiao").write_text("不是目录\n", "utf-8")
    done = run_cli(["export", "docx", "--toc-pages", "never", "-o", "out"], example_project, env)
    assert done.exit_code == 0, done.stderr
    assert STATS.search(done.stdout) is None
    assert _files(example_project / "out") == _files(example_project / "plain")
    # no place for the key outside the repository: no cache either
    (example_project / ".zhibiao").unlink()
    blocked = {"XDG_CACHE_HOME": str(example_project / "zhibiao.yaml")}
    done = run_cli(
        ["export", "docx", "--toc-pages", "never", "-o", "out2"], example_project, blocked
    )
    assert done.exit_code == 0, done.stderr
    assert STATS.search(done.stdout) is None
    assert not list((example_project / ".zhibiao" / "cache" / "docx").iterdir())


def test_site_downloads_use_the_cache_of_the_project(
    example_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    from builder.compose import compose_corpus
    from builder.project.loading import open_project

    corpus = run_check(open_project(example_project / "standards", None)).corpus
    trees = compose_corpus(corpus, ProjectConfig())
    word = default_providers(root=example_project)[1]
    first = word.collect(corpus, ProjectConfig(), trees, tmp_path / "w1")
    folder = example_project / ".zhibiao" / "cache" / "docx"
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.docx")}
    assert len(stamps) == len(trees) and (folder / "used-site.json").is_file()
    second = word.collect(corpus, ProjectConfig(), trees, tmp_path / "w2")
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("*.docx")} == stamps
    assert first.keys() == second.keys()
    assert all(first[page].read_bytes() == second[page].read_bytes() for page in first)
    # a partial export through the library stores entries but leaves the rest alone
    export_trees(trees[:1], ProjectConfig(), tmp_path / "w3", cache=_cache(folder))
    assert len(list(folder.glob("*.docx"))) == len(trees)
