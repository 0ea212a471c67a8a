"""`zhibiao build` with nothing changed does nothing (`builder.site.record`), and a rebuild after
any kind of edit gives the same site as a clean build.

The project is the repository's example (two specialties) with a theme override folder, so
every kind of input is present: standards, `zhibiao.yaml`, `mkdocs.yml`, a theme override."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.site.record import BuildRecord, fingerprint_inputs, input_files
from builder.site.reuse import built_stamp, output_stamp, published_stamp
from tests.conftest import REPO, examples, run_cli
from tests.review_helpers import git

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}
"""A fixed build date (outside a git repository the build date is otherwise unknown)."""
BUILD = ["build", "--no-docx", "--no-data", "-f", "json"]
VOLATILE = {".zhibiao-site.json"}
"""The only published file allowed to differ between an incremental and a clean build: the
split build's signed manifest of shard keys and output stamps (inodes, modification times)."""


def _project(target: Path) -> Path:
    target.mkdir(parents=True)
    shutil.copytree(REPO / "standards", target / "standards")
    shutil.copy(REPO / "zhibiao.yaml", target / "zhibiao.yaml")
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    (target / "mkdocs.yml").write_text(text, "utf-8")
    (target / "overrides").mkdir()
    (target / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}征求意见稿{% endblock %}\n', "utf-8"
    )
    return target


def _build(project: Path, *args: str) -> tuple[str, str]:
    result = run_cli([*BUILD, *args], project, ENV)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stdout, result.stderr


def _state(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under `folder`: inode, modification time and bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = (
                info.st_ino,
                info.st_mtime_ns,
                path.read_bytes(),
            )
    return found


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in VOLATILE
    }


# --- the key of the inputs -----------------------------------------------------------------

_NAMES = st.sampled_from(["a.yaml", "b.yaml", "sub/c.yaml", "sub/d/e.yaml"])
_OPS = st.lists(
    st.tuples(
        st.sampled_from(["write", "delete", "rename", "touch"]),
        _NAMES,
        _NAMES,
        st.binary(max_size=6),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ops=_OPS)
def test_recorded_hashes_give_the_key_a_fresh_scan_gives(
    tmp_path: Path, ops: list[tuple[str, str, str, bytes]]
) -> None:
    """With the stat table of the last record (files not read again) the key equals the key
    of a fresh scan, and it changes exactly when the files' names or contents change."""
    root = tmp_path / f"t{time.monotonic_ns()}"
    standards = root / "standards"
    standards.mkdir(parents=True)
    old = time.time_ns() - 10_000_000_000  # older than the racy window: the stat fast path
    model: dict[str, bytes] = {}
    previous: BuildRecord | None = None
    previous_model: dict[str, bytes] = {}
    last_key = ""
    for op, name, other, data in ops:
        path = standards / name
        if op == "write":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            os.utime(path, ns=(old, old))  # same size and mtime as before: only ctime differs
            model[name] = data
        elif op == "delete" and name in model:
            path.unlink()
            del model[name]
        elif op == "rename" and name in model and other not in model:
            (standards / other).parent.mkdir(parents=True, exist_ok=True)
            path.rename(standards / other)
            model[other] = model.pop(name)
        elif op == "touch" and name in model:
            os.utime(path, ns=(old + 5, old + 5))
        files = input_files(root, standards, [], [])
        fresh = fingerprint_inputs(files, {"x": 1}, None)
        cached = fingerprint_inputs(files, {"x": 1}, previous)
        assert cached.key == fresh.key
        assert cached.files == fresh.files
        if previous is not None:
            same = model == previous_model
            assert (fresh.key == last_key) == same
        previous = BuildRecord(cached.key, cached.files, cached.scanned)
        previous_model, last_key = dict(model), fresh.key
    assert fingerprint_inputs(files, {"x": 2}, previous).key != last_key  # settings count


def test_a_large_file_is_keyed_by_its_stat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builder.site.record as record

    monkeypatch.setattr(record, "MAX_HASHED", 4)
    standards = tmp_path / "standards"
    standards.mkdir()
    big = standards / "big.bin"
    big.write_bytes(b"0123456789")
    files = input_files(tmp_path, standards, [], [])
    first = fingerprint_inputs(files, {}, None)
    assert first.files["s:big.bin"].endswith(
        f"stat:10:{big.stat().st_mtime_ns}:{big.stat().st_ctime_ns}:{big.stat().st_ino}"
    )
    assert fingerprint_inputs(files, {}, None).key == first.key
    big.write_bytes(b"9876543210")  # same size: the ctime (and mtime) still change
    assert fingerprint_inputs(files, {}, None).key != first.key


def test_a_file_replaced_by_a_link_to_the_same_bytes_changes_the_key(tmp_path: Path) -> None:
    """Review records are read only when they are regular files: a link is another input."""
    standards = tmp_path / "standards"
    standards.mkdir()
    (standards / "a.review.yaml").write_text("x: 1\n", "utf-8")
    (tmp_path / "copy.yaml").write_text("x: 1\n", "utf-8")
    before = fingerprint_inputs(input_files(tmp_path, standards, [], []), {}, None)
    (standards / "a.review.yaml").unlink()
    (standards / "a.review.yaml").symlink_to(tmp_path / "copy.yaml")
    files = input_files(tmp_path, standards, [], [])
    after = fingerprint_inputs(files, {}, None)
    assert after.key != before.key
    again = fingerprint_inputs(
        files, {}, BuildRecord(after.key, after.files, time.time_ns() + 10**10)
    )
    assert again.key == after.key


# --- nothing changed ----------------------------------------------------------------------


@pytest.mark.slow
def _stamp_as_walked(folder: Path) -> str:
    """`output_stamp` as first written: `os.walk` (sorted), `Path.stat`, relative POSIX names."""
    digest = hashlib.blake2b(digest_size=16)
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            info = path.stat()
            rel = path.relative_to(folder).as_posix()
            digest.update(f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\0".encode())
    return digest.hexdigest()


def test_the_output_stamp_is_the_walked_one_and_sees_every_kind_of_change(tmp_path: Path) -> None:
    """The no-op's stamp of the published site (plain strings, no `Path` per file) lists the
    files `os.walk` lists, in its order: stamps recorded by earlier builds stay valid."""
    site = tmp_path / "site"
    for rel in ("index.html", "a/b/页.html", "a/c.css", "Z/x.js", "a/b/c/d.txt", "a-b/e"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel, "utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/f.txt").write_text("外", "utf-8")
    (site / "linked").symlink_to(tmp_path / "outside")  # a link to a folder: not followed
    (site / "a/link.txt").symlink_to(site / "a/c.css")  # a link to a file: its target's stat
    stamp = output_stamp(site)
    assert stamp == _stamp_as_walked(site)
    for change in (
        lambda: (site / "a/b/页.html").write_text("改", "utf-8"),
        lambda: (site / "a/b/c/new").write_text("", "utf-8"),
        lambda: (site / "Z/x.js").unlink(),
        lambda: os.utime(site / "index.html", ns=(1, 1)),
    ):
        change()
        assert output_stamp(site) == _stamp_as_walked(site) != stamp
        stamp = output_stamp(site)


def test_nothing_changed_leaves_site_and_sources_untouched(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    first_out, _ = _build(project)
    site, sources = _state(project / "site"), _state(project / "build/site-src")
    again_out, again_err = _build(project)
    assert "站点已是最新" in again_err and "正在用 mkdocs" not in again_err
    assert again_out == first_out  # the check's report is given again, unchanged
    assert _state(project / "site") == site
    assert _state(project / "build/site-src") == sources
    assert not [name for name in site if ".zhibiao" in name]  # the record is not published
    assert list((project / ".zhibiao/cache/site").glob("*.json"))

    # each of these is a change: the site is built again
    for change in (
        lambda: (project / "site/index.html").write_text("手工改动", "utf-8"),
        lambda: (project / "mkdocs.yml").write_text(
            (project / "mkdocs.yml").read_text("utf-8") + "copyright: 示例\n", "utf-8"
        ),
        lambda: shutil.rmtree(project / "site"),
    ):
        change()
        _, err = _build(project)
        assert "站点已生成" in err, err
    _, err = _build(project, "--split", "specialty")  # an option that changes the output
    assert "站点已生成" in err
    _, err = _build(project, "--split", "specialty", "--rebuild")
    shards = sum(1 for p in (project / "standards").iterdir() if p.is_dir())
    assert "站点已生成" in err and f"沿用未改动的 {shards} 个" in err

    # a record that does not verify (edited, or copied from elsewhere) is ignored
    record = next((project / ".zhibiao/cache/site").glob("*.json"))
    mac, _, body = record.read_bytes().partition(b"\n")
    record.write_bytes(b"0" * len(mac) + b"\n" + body)
    _, err = _build(project, "--split", "specialty")
    assert "站点已生成" in err


@pytest.mark.slow
def test_a_split_site_edited_by_hand_anywhere_is_built_again(tmp_path: Path) -> None:
    """A split site's record keeps the digest of its manifest (the stamps of the portal and
    of every shard), taken without walking the site again; the no-op still looks at every
    file."""
    project = _project(tmp_path / "p")
    _build(project, "--split", "specialty")
    site = project / "site"
    assert built_stamp(site).startswith("manifest:")
    assert published_stamp(site) == built_stamp(site)
    shard = next(p for p in sorted(site.iterdir()) if p.is_dir() and p.name.isdigit())
    for change in (
        lambda: (shard / "index.html").write_text("手工改动", "utf-8"),
        lambda: (shard / "extra.html").write_text("多出的文件", "utf-8"),
        lambda: (site / "index.html").write_text("门户的手工改动", "utf-8"),
        lambda: (site / "assets/extra.css").write_text("body{}", "utf-8"),
        lambda: shutil.rmtree(shard),
    ):
        _, err = _build(project, "--split", "specialty")
        assert "站点已是最新" in err
        change()
        assert (
            published_stamp(site) != built_stamp(site) or not (site / ".zhibiao-site.json").exists()
        )
        _, err = _build(project, "--split", "specialty")
        assert "站点已生成" in err, err
        assert published_stamp(site) == built_stamp(site)
    assert not (shard / "extra.html").exists() and "手工改动" not in (
        site / "index.html"
    ).read_text("utf-8")


@pytest.mark.slow
def test_versioned_and_from_git_builds_do_nothing_when_nothing_changed(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    _build(project, "--version", "2025", "--alias", "latest")
    before = _state(project / "site")
    _, err = _build(project, "--version", "2025", "--alias", "latest")
    assert "站点已是最新" in err and _state(project / "site") == before
    _, err = _build(project, "--version", "2026", "--alias", "latest")
    assert "站点已生成" in err and (project / "site/2026/index.html").is_file()

    (project / ".gitignore").write_text("site/\nbuild/\npublic/\n.zhibiao/\n", "utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "基线")
    _build(project, "--from-git", "HEAD", "-d", "public")
    public = _state(project / "public")
    _, err = _build(project, "--from-git", "HEAD", "-d", "public")
    assert "站点已是最新" in err and _state(project / "public") == public
    course = next((project / "standards").glob("730701-*/courses/zh01.yaml"))
    text = course.read_text("utf-8").replace("description: |\n  ", "description: |\n  新：", 1)
    course.write_text(text, "utf-8")
    _, err = _build(project, "--from-git", "HEAD", "-d", "public")  # the commit is unchanged
    assert "站点已是最新" in err
    git(project, "commit", "-q", "-am", "改动")
    _, err = _build(project, "--from-git", "HEAD", "-d", "public")
    assert "站点已生成" in err
    assert any("新：" in p.read_text("utf-8") for p in (project / "public").rglob("*.html"))


@pytest.mark.slow
def test_a_cache_folder_linking_out_is_not_written_through(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    (project / ".zhibiao").mkdir()
    (project / ".zhibiao/cache").symlink_to("../..")
    before = sorted(p.name for p in tmp_path.iterdir())
    _, err = _build(project)
    assert "站点已生成" in err
    _, err = _build(project)
    assert "站点已生成" in err  # no record, so no no-op, but the build works
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not (tmp_path / "site").exists() and not (tmp_path / "CACHEDIR.TAG").exists()


# --- every kind of edit: incremental == clean ----------------------------------------------


def _edit_course(project: Path) -> None:
    path = next((project / "standards").glob("730701-*/courses/zh01.yaml"))
    text = path.read_text("utf-8")
    assert "description: |\n  " in text
    path.write_text(text.replace("description: |\n  ", "description: |\n  修订：", 1), "utf-8")


def _rename_specialty(project: Path) -> None:
    """The specialty's name, which is its nav title and its shard's title."""
    path = next((project / "standards").glob("730701-*/specialty.yaml"))
    text = path.read_text("utf-8")
    assert "name: 电子商务\n" in text
    path.write_text(text.replace("name: 电子商务\n", "name: 网络电子商务\n", 1), "utf-8")


def _edit_config(project: Path) -> None:
    path = project / "zhibiao.yaml"
    path.write_text(path.read_text("utf-8").replace("（示例）\n", "（示例·修订）\n"), "utf-8")


def _edit_theme(project: Path) -> None:
    path = project / "overrides/main.html"
    path.write_text(path.read_text("utf-8").replace("征求意见稿", "送审稿"), "utf-8")


def _delete_file(project: Path) -> None:
    next((project / "standards").glob("510209-*/training-base.yaml")).unlink()


def _rename_folder(project: Path) -> None:
    folder = next((project / "standards").glob("730701-*"))
    folder.rename(folder.with_name("730701-电子商务专业"))


EDITS = [_edit_course, _rename_specialty, _edit_config, _edit_theme, _delete_file, _rename_folder]


def _clean_copy(project: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("standards", "overrides"):
        shutil.copytree(project / name, target / name)
    for name in ("zhibiao.yaml", "mkdocs.yml"):
        shutil.copy(project / name, target / name)
    return target


@pytest.mark.slow
@pytest.mark.parametrize("split", ["none", "specialty"])
def test_a_rebuild_after_each_kind_of_edit_equals_a_clean_build(tmp_path: Path, split: str) -> None:
    """One project edited step by step, rebuilt after each edit (a split build reuses the
    shards the edit did not touch); a fresh copy of the same inputs built from nothing must
    give the same files, byte for byte."""
    project = _project(tmp_path / "p")
    _build(project, "--split", split)
    for number, edit in enumerate(EDITS):
        edit(project)
        _, err = _build(project, "--split", split)
        assert "站点已生成" in err, (edit.__name__, err)
        clean = _clean_copy(project, tmp_path / f"clean-{number}")
        _build(clean, "--split", split)
        built, expected = _files(project / "site"), _files(clean / "site")
        assert sorted(built) == sorted(expected), edit.__name__
        different = [name for name in built if built[name] != expected[name]]
        assert not different, (edit.__name__, different[:5])


# --- the automatic mode on a small corpus: one edit rebuilds what it touched ---------------


def _small_project(target: Path, codes: tuple[str, ...], above: int) -> Path:
    """The example's specialties `codes` only, splitting (`site.split: auto`) above `above`."""
    target.mkdir(parents=True)
    for code in codes:
        folder = next((REPO / "standards").glob(f"{code}-*"))
        shutil.copytree(folder, target / "standards" / folder.name)
    config = (REPO / "zhibiao.yaml").read_text("utf-8")
    assert "\nsite:\n" in config
    config = config.replace("\nsite:\n", f"\nsite:\n  split: auto\n  split_above: {above}\n", 1)
    (target / "zhibiao.yaml").write_text(config, "utf-8")
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    (target / "mkdocs.yml").write_text(text, "utf-8")
    (target / "overrides").mkdir()
    (target / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}征求意见稿{% endblock %}\n', "utf-8"
    )
    return target


def _add_specialty(project: Path) -> None:
    folder = next((REPO / "standards").glob("510209-*"))
    shutil.copytree(folder, project / "standards" / folder.name)


def _remove_specialty(project: Path) -> None:
    shutil.rmtree(next((project / "standards").glob("510209-*")))


AUTO_EDITS = [
    (_add_specialty, "构建 2 个"),  # one specialty more than split_above: split from now on
    (_edit_course, "构建 1 个，沿用未改动的 1 个"),
    (_rename_specialty, "构建 1 个，沿用未改动的 1 个"),
    (_edit_config, "构建 2 个"),
    (_edit_theme, "构建 2 个"),
    (_delete_file, "构建 1 个，沿用未改动的 1 个"),
    (_rename_folder, "构建 0 个，沿用未改动的 2 个"),  # the same pages: regenerated, not built
    (_remove_specialty, "站点已生成"),  # back to one site
]


@pytest.mark.slow
def test_the_automatic_mode_rebuilds_what_an_edit_touched_and_equals_a_clean_build(
    tmp_path: Path,
) -> None:
    """The default mode (`site.split: auto`) on a two-specialty corpus with a low threshold:
    adding a specialty switches to the split site, an edit rebuilds only the shards it
    touched (the portal too only when its pages change), and every rebuild gives the files
    a clean build of the same inputs gives."""
    project = _small_project(tmp_path / "p", ("730701",), above=1)
    _, err = _build(project)
    assert "分站点" not in err
    for number, (edit, expected_line) in enumerate(AUTO_EDITS):
        edit(project)
        _, err = _build(project)
        assert "站点已生成" in err and expected_line in err, (edit.__name__, err)
        if edit is _edit_course:  # the portal lists names, not descriptions: kept
            assert "门户站点的页面未改动" in err, err
        clean = _clean_copy(project, tmp_path / f"clean-{number}")
        _build(clean)
        built, expected = _files(project / "site"), _files(clean / "site")
        assert sorted(built) == sorted(expected), edit.__name__
        different = [name for name in built if built[name] != expected[name]]
        assert not different, (edit.__name__, different[:5])


_SHOW_MODULES = """
import json, sys
from builder.cli import main
try:
    main()
except SystemExit as done:
    code = done.code
print(json.dumps([code, sorted(sys.modules)]))
"""


@pytest.mark.slow
def test_a_build_with_nothing_to_do_imports_neither_the_engine_nor_the_composer(
    tmp_path: Path,
) -> None:
    """The no-op path decides before loading mkdocs, Material, jieba, the composing and
    rendering modules or the Word and spreadsheet writers (the import is most of its time)."""
    project = _small_project(tmp_path / "p", ("730701",), above=60)
    env = {**os.environ, **ENV, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}

    def probe() -> tuple[str, list[str]]:
        done = subprocess.run(
            [sys.executable, "-c", _SHOW_MODULES, *BUILD],
            cwd=project,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            check=False,
        )
        code, modules = json.loads(done.stdout.splitlines()[-1])
        assert code == 0, done.stderr
        return done.stderr, modules

    err, modules = probe()  # the first build: the probe sees the heavy modules
    assert "站点已生成" in err and "builder.compose" in modules, err
    assert "builder.site.pipeline" in modules
    err, modules = probe()
    assert "站点未改动" in err, err
    heavy = ("mkdocs", "material", "jieba", "builder.compose", "builder.site.pipeline")
    heavy += ("builder.site.sources", "docx", "openpyxl", "markdown")
    # nor the configuration and data model, the checks, the rule set or the YAML readers:
    # it decides before loading zhibiao.yaml (`builder.site.unchanged`)
    heavy += ("pydantic", "pydantic_core", "yaml", "ruamel", "jinja2", "builder.model")
    heavy += ("builder.check", "builder.checking", "builder.ruleset", "builder.read.config")
    heavy += ("builder.project.loading", "builder.site.config", "builder.site.run")
    heavy += ("builder.cli.checking", "builder.cli.exchange", "builder.cli.review")
    loaded = [m for m in modules if m in heavy or any(m.startswith(h + ".") for h in heavy)]
    assert not loaded, loaded[:10]
    assert "builder.site.unchanged" in modules


@pytest.mark.slow
def test_the_early_no_op_sees_every_input_the_configuration_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The no-op decided before loading any configuration (`builder.site.unchanged`) takes
    the files `zhibiao.yaml` and `mkdocs.yml` name from the last build's record: an edit to
    any of them, or to the configuration itself, is a change; a file rewritten with the same
    bytes is not; and what it prints is what the full no-op prints."""
    from builder.site.options import BuildOptions
    from builder.site.unchanged import nothing_to_do

    project = _small_project(tmp_path / "p", ("730701",), above=60)
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text("utf-8") + "extra_css:\n  - assets/extra.css\n", "utf-8")
    (project / "assets").mkdir()
    (project / "assets/extra.css").write_text(".md-header { color: red; }\n", "utf-8")
    shutil.copytree(project / "overrides", project / "overrides2")
    _build(project)
    full_out, full_err = _build(project)  # through the CLI, so through the early no-op too
    assert "站点已是最新" in full_err

    monkeypatch.chdir(project)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    options = BuildOptions(site_dir=Path("site"), docx=False, open_data=False)
    said: list[str] = []

    def early(engine: str | None = None) -> bool:
        said.clear()
        return nothing_to_do(None, None, None, options, fmt="json", engine=engine, say=said.append)

    capsys.readouterr()
    assert early()
    assert capsys.readouterr().out == full_out
    assert said == [line for line in full_err.splitlines() if line]
    assert not early(engine="zensical")  # another engine: the full build checks it

    course = next((project / "standards").glob("730701-*/courses/zh01.yaml"))
    edits = {
        "asset": (project / "assets/extra.css", lambda t: t + "/* 改 */\n"),
        "override": (project / "overrides/main.html", lambda t: t + "<!-- 改 -->\n"),
        "theme folder": (
            mkdocs,
            lambda t: t.replace("custom_dir: overrides", "custom_dir: overrides2"),
        ),
        "engine": (project / "zhibiao.yaml", lambda t: t + "  engine: zensical\n"),
        "config comment": (project / "zhibiao.yaml", lambda t: t + "# 注释\n"),
        "course": (course, lambda t: t.replace("description: |", "description: |\n  新", 1)),
    }
    for name, (path, edit) in edits.items():
        before = path.read_bytes()
        path.write_text(edit(before.decode("utf-8")), "utf-8")
        assert path.read_bytes() != before, name
        assert not early(), name
        path.write_bytes(before)  # the same bytes again: nothing to do
        assert early(), name
    (project / "overrides/new.html").write_text("<p>新</p>\n", "utf-8")
    assert not early()
    (project / "overrides/new.html").unlink()
    assert early()
    assert not nothing_to_do(
        None, None, None, replace(options, rebuild=True), fmt="json", engine=None, say=said.append
    )
