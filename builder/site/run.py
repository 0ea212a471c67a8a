"""CLI glue for `zhibiao build`: resolve the project (or a git ref), report, exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import click

from builder import report
from builder.checking.pipeline import CheckResult
from builder.project import Project, UsageError
from builder.project.cache import cache_root
from builder.ruleset import open_project
from builder.site.engines import choose_engine
from builder.site.entry import build_site
from builder.site.gitsource import build_date, exported
from builder.site.options import BuildOptions
from builder.site.outdir import guard_site_dir, site_target
from builder.site.rootconfig import ROOT_CONFIG


def _say(message: str) -> None:
    click.echo(message, err=True)


@contextmanager
def _source(
    project: Project, standards: Path, ref: str | None
) -> Iterator[tuple[Project, Path | None, Path | None]]:
    """The project to build, the diagnostics base and the root mkdocs.yml to use."""
    if ref is None:
        yield project, None, None
        return
    root = project.root.resolve()
    try:
        rel_standards = standards.resolve().relative_to(root)
    except ValueError:
        raise UsageError(
            f"标准目录 {standards} 不在项目目录 {root} 中，无法使用 --from-git"
        ) from None
    with exported(root, ref) as old_root:
        folder = old_root / rel_standards
        if not folder.is_dir():
            raise UsageError(f"git 引用「{ref}」中没有标准目录 {rel_standards.as_posix()}")
        config = None
        if project.config_path is not None:
            candidate = old_root / project.config_path.resolve().relative_to(root)
            config = candidate if candidate.is_file() else None
        old = open_project(folder, config)
        mkdocs = old_root / ROOT_CONFIG
        yield old, old_root, mkdocs if mkdocs.is_file() else root / ROOT_CONFIG


def run_build(
    path: Path | None,
    config_path: Path | None,
    site_dir: Path | None,
    options: BuildOptions,
    *,
    fmt: str,
    ref: str | None,
    since: str | None = None,
    engine: str | None = None,
) -> int:
    """Run `zhibiao build`; returns the exit code (0 published, 1 refused).

    `site_dir` defaults to `site/` in the project root; `options.site_dir` is ignored.
    `engine` (mkdocs, zensical) defaults to `site.engine` of zhibiao.yaml.
    """
    project = open_project(path, config_path)
    chosen_engine = choose_engine(engine or project.config.site.engine)
    standards = project.standards
    options = replace(
        options,
        site_dir=site_target(site_dir, project.root),
        source_date_epoch=build_date(project.root, ref),
    )
    guard_site_dir(options.site_dir, project.root, project.standards)
    if since is not None:
        options = replace(options, changelog=changelog_since(project, since, ref))
    reporter = report.select(fmt)

    def show(result: CheckResult) -> None:
        reporter(result.diagnostics, result.files, sys.stdout)
        sys.stdout.flush()

    with _source(project, standards, ref) as (source, base, root_config):
        if ref is not None:
            _say(f"从 git 引用「{ref}」构建（不改动工作区）")
            options = replace(
                options,
                source_dir=options.source_dir or _temp_sources(base),
                record_dir=options.record_dir or _record_dir(project.root),
                cache_check=False,  # the exported tree is temporary
            )
        outcome = build_site(
            source,
            options,
            report=show,
            say=_say,
            base=base,
            engine=chosen_engine,
            root_config=root_config,
        )
    if outcome.published is None:
        _say("检查发现错误，未发布站点。请修正后重试，或用 --force 强制发布（每页将显示警告）。")
        return 1
    if outcome.forced:
        _say("警告：检查未通过，站点已强制发布，每页顶部显示警告横幅。")
    if outcome.unchanged:
        _say(f"站点未改动：{outcome.published}（需要重新构建时加 --rebuild）")
    else:
        _say(f"站点已生成：{outcome.published}")
    return 0


def _record_dir(root: Path) -> Path | None:
    """The working tree's cache folder for the build record (None when it links out)."""
    try:
        return cache_root(root)
    except UsageError:
        return None


def _temp_sources(base: Path | None) -> Path:
    assert base is not None
    return base / "build" / "site-src"


def changelog_since(project: Project, since: str, ref: str | None) -> str:
    """The 修订说明 page: the semantic diff from `since` to the built revision."""
    from builder.diff import render_markdown, run_diff

    changes = run_diff(project, since, ref)
    target = f"「{ref}」" if ref else "当前工作区"
    intro = f"# 修订说明\n\n本页列出自「{since}」以来至{target}的标准内容变更（按编码比较，由 `zhibiao diff` 生成）。\n\n"
    return intro + render_markdown(changes, title=None, level=2)


def read_changelog(path: Path | None) -> str | None:
    """The 修订说明 page given with --changelog (None when not given): a Markdown file,
    published in its safe subset (`builder.site.safe_markdown`)."""
    if path is None:
        return None
    from builder.site.safe_markdown import user_changelog

    try:
        return user_changelog(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"无法读取修订说明文件：{exc}", file=path.as_posix()) from None


def run_serve(
    path: Path | None, config_path: Path | None, address: str, engine: str | None = None
) -> int:
    """Run `zhibiao serve`: diagnostics and progress on stderr, preview until interrupted."""
    from builder.site.serve import serve

    chosen_engine = choose_engine(engine or open_project(path, config_path).config.site.engine)

    reporter = report.select("text")

    def show(result: CheckResult) -> None:
        reporter(result.diagnostics, result.files, sys.stderr)

    return serve(path, config_path, address, report=show, say=_say, engine=chosen_engine)
