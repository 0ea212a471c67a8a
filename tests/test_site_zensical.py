"""Zensical as the site engine (`zhibiao build --engine zensical`, `site.engine: zensical`):
refused with ZB940 when not installed; when installed, the examples build to the same pages
with the same main text as with mkdocs, in every build mode, and a broken link fails the
build with its place, as `mkdocs build --strict` does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.site import zensical
from builder.site.engine import SiteBuildError
from builder.site.engine_errors import explain
from tests.conftest import REPO, run_cli
from tests.site_text import article_text, html_files

NEEDS_ZENSICAL = pytest.mark.skipif(
    not zensical.available(),
    reason="needs the optional Zensical engine: pip install -c constraints.txt -e '.[zensical]'",
)
BLOCKER = """\
import sys


class _Hidden:
    # zensical is not installed, as far as this process can tell
    def find_spec(self, name, path=None, target=None):
        if name == "zensical" or name.startswith("zensical."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, _Hidden())
"""
REPORT = (
    "Build started\n"
    "\x1b[33mWarning:\x1b[0m page does not exist\n"
    "    \x1b[38;5;246m╭─[\x1b[0m 510209/index.md:33:5 \x1b[38;5;246m]\x1b[0m\n"
    "    │\n"
    "\x1b[33mWarning:\x1b[0m anchor does not exist\n"
    "    ╭─[ chains.md:4:27 ]\n"
    "Warning: something without a place\n"
    "3 issues found\n"
)


def _without_zensical(tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "hide-zensical"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(BLOCKER, "utf-8")
    return {"PYTHONPATH": f"{folder}:{REPO}"}


@pytest.mark.parametrize("how", ["option", "config"])
def test_engine_chosen_but_not_installed_is_a_chinese_usage_error(
    example_project: Path, tmp_path: Path, how: str
) -> None:
    args = ["build", "--no-docx"]
    if how == "option":
        args += ["--engine", "zensical"]
    else:
        config = example_project / "zhibiao.yaml"
        text = config.read_text("utf-8").replace("site:\n", "site:\n  engine: zensical\n", 1)
        config.write_text(text, "utf-8")
    done = run_cli(args, example_project, env=_without_zensical(tmp_path))
    assert done.exit_code == 2, done.stdout + done.stderr
    assert "ZB940" in done.stderr and "zensical 没有安装" in done.stderr
    assert ".[zensical]" in done.stderr
    assert "Traceback" not in done.stderr and "ModuleNotFoundError" not in done.stderr
    assert not (example_project / "site").exists()


def test_serve_refuses_a_missing_engine_too(example_project: Path, tmp_path: Path) -> None:
    done = run_cli(["serve", "--engine", "zensical"], example_project, _without_zensical(tmp_path))
    assert done.exit_code == 2 and "ZB940" in done.stderr, done.stderr


def test_unknown_engine_name_in_config_is_refused(example_project: Path) -> None:
    config = example_project / "zhibiao.yaml"
    text = config.read_text("utf-8").replace("site:\n", "site:\n  engine: hugo\n", 1)
    config.write_text(text, "utf-8")
    done = run_cli(["build", "--no-docx"], example_project)
    assert done.exit_code != 0 and "Traceback" not in done.stderr
    assert "zhibiao.yaml" in done.stdout + done.stderr


def test_warnings_are_read_with_their_place_and_colours_dropped() -> None:
    assert zensical.warnings_in(REPORT) == (
        "510209/index.md:33:5: page does not exist",
        "chains.md:4:27: anchor does not exist",
        "something without a place",
    )
    message, hint = explain(REPORT, zensical.warnings_in(REPORT), engine="zensical")
    assert message.startswith("zensical 构建失败（严格模式下不允许任何警告）")
    assert "510209/index.md:33:5: page does not exist" in message and hint
    assert zensical.built_in("Build finished in 1.84s") == pytest.approx(1.84)
    assert zensical.built_in("Build finished in 850ms") == pytest.approx(0.85)
    assert zensical.built_in("nothing") is None


# ---- with Zensical installed --------------------------------------------------------------


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's examples, built once with each engine into site-mkdocs/ and
    site-zensical/ (Word downloads left out: the same for both)."""
    project = tmp_path_factory.mktemp("engines") / "project"
    project.mkdir()
    for name in ("standards", "zhibiao.yaml", "mkdocs.yml"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy(source, project / name)
    for engine in ("mkdocs", "zensical"):
        args = ["build", "--no-docx", "--engine", engine, "-d", f"site-{engine}"]
        done = run_cli(args, project)
        assert done.exit_code == 0, done.stdout + done.stderr
        assert f"正在用 {engine} 构建站点" in done.stderr
    return project


@pytest.mark.slow
@NEEDS_ZENSICAL
def test_same_pages_and_main_text_as_mkdocs(examples: Path) -> None:
    mkdocs, zens = examples / "site-mkdocs", examples / "site-zensical"
    pages = html_files(mkdocs)
    assert len(pages) >= 30
    assert html_files(zens) == pages
    differing = [p for p in pages if article_text(mkdocs / p) != article_text(zens / p)]
    assert not differing, differing
    assert "能根据业务需求制定数据采集方案" in article_text(zens / "510209/competencies/index.html")
    # downloads and open data are the same files
    for rel in ("510209/competencies.csv", "510209/specialty.yaml"):
        assert (zens / rel).read_bytes() == (mkdocs / rel).read_bytes()
    # the engine's scratch output, derived config and cache are not left behind
    left = {p.name for p in (examples / "build" / "site-src").iterdir()}
    assert not left & {zensical.ZENSICAL_CONFIG, zensical.SCRATCH_SITE, zensical.CACHE_DIR}


@pytest.mark.slow
@NEEDS_ZENSICAL
def test_zensical_pages_carry_the_policy_and_no_inline_script(examples: Path) -> None:
    from builder.site.theme import CONTENT_SECURITY_POLICY
    from tests.test_site_hostile import _Active

    for rel in html_files(examples / "site-zensical"):
        parser = _Active()
        parser.feed((examples / "site-zensical" / rel).read_text("utf-8"))
        assert not parser.found, (rel, parser.found)
        assert parser.policy == CONTENT_SECURITY_POLICY, rel


@pytest.mark.slow
@NEEDS_ZENSICAL
def test_a_broken_link_fails_the_build_with_its_place(examples: Path, tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(examples / "build" / "site-src", sources)
    page = sources / "docs" / "chains.md"
    page.write_text(page.read_text("utf-8") + "\n[缺失](没有这一页.md) [锚点](index.md#没有)\n")
    target = tmp_path / "out"
    with pytest.raises(SiteBuildError) as failed:
        zensical.ZensicalEngine().build(sources / "mkdocs.yml", target)
    assert "严格模式下不允许任何警告" in failed.value.message
    assert "chains.md:" in failed.value.message
    assert "page does not exist" in failed.value.message
    assert "anchor does not exist" in failed.value.message
    assert not target.exists()
    assert not (sources / zensical.SCRATCH_SITE).exists()


@pytest.mark.slow
@NEEDS_ZENSICAL
@pytest.mark.parametrize(
    "args", [["--split", "specialty"], ["--version", "2025", "--alias", "latest"]]
)
def test_split_and_versioned_builds(examples: Path, tmp_path: Path, args: list[str]) -> None:
    project = tmp_path / "project"
    shutil.copytree(examples, project, ignore=shutil.ignore_patterns("site-*", "build"))
    for engine in ("mkdocs", "zensical"):
        done = run_cli(["build", "--no-docx", "--engine", engine, *args, "-d", engine], project)
        assert done.exit_code == 0, done.stdout + done.stderr
    mkdocs, zens = project / "mkdocs", project / "zensical"
    pages = html_files(mkdocs)
    assert html_files(zens) == pages
    differing = [p for p in pages if article_text(mkdocs / p) != article_text(zens / p)]
    assert not differing, differing
    if "--split" in args:
        assert (zens / "510209" / "index.html").is_file()
        assert (zens / "510209" / "search.json").is_file()  # each shard its own index
    else:
        assert (zens / "versions.json").read_bytes() == (mkdocs / "versions.json").read_bytes()
        assert (zens / "latest" / "index.html").is_file()
