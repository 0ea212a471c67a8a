"""`zhibiao build`: check → compose → render → write → engine → install (atomically)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.atomic import replace_directory, write_text
from builder.checking import CheckResult, run_check
from builder.compose import compose_corpus
from builder.diagnostics import Severity
from builder.project import Project, UsageError
from builder.site.config import (
    ROOT_CONFIG,
    SiteSettings,
    asset_paths,
    dump_config,
    load_root_config,
    site_config,
)
from builder.site.downloads import DownloadProvider, default_providers
from builder.site.engine import DEFAULT_ENGINE, SiteEngine
from builder.site.opendata import open_data
from builder.site.pages import SiteInfo
from builder.site.searchdict import jieba_user_dict
from builder.site.sources import planned_files, site_sources, write_sources
from builder.site.versions import (
    VERSIONS_FILE,
    add_version,
    check_name,
    default_target,
    parse_versions,
    redirect_html,
    versions_json,
)

SOURCE_DIR = "build/site-src"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What `zhibiao build` was asked to do."""

    site_dir: Path
    force: bool = False
    version: str | None = None
    aliases: tuple[str, ...] = ()
    title: str | None = None
    docx: bool = True
    open_data: bool = True
    changelog: str | None = None
    source_dir: Path | None = None
    source_date_epoch: int | None = None


@dataclass(slots=True)
class BuildOutcome:
    """Result of a build: the check result, and where the site went (None when refused)."""

    check: CheckResult
    published: Path | None = None
    forced: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A generated source tree ready for the engine."""

    config_file: Path
    docs_dir: Path


def forced_banner(result: CheckResult) -> str:
    """The warning printed on every page of a site published with --force."""
    errors = sum(1 for d in result.diagnostics if d.severity == Severity.ERROR)
    return (
        f"本站点在检查发现 {errors} 个错误的情况下强制发布（zhibiao build --force），"
        "内容可能不完整或有误，请勿作为正式依据。"
    )


def prepare_sources(
    project: Project,
    result: CheckResult,
    target: Path,
    *,
    banner: str | None,
    version: str | None,
    changelog: str | None = None,
    providers: Sequence[DownloadProvider] = (),
    with_data: bool = False,
    root_config: Path | None = None,
    write: Callable[[dict[str, bytes | Path], Path], object] = write_sources,
) -> Prepared:
    """Render the corpus into `target` (docs/, mkdocs.yml, jieba dictionary)."""
    corpus, config = result.corpus, project.config
    trees = compose_corpus(corpus, config)
    root_file = root_config or project.root / ROOT_CONFIG
    root = load_root_config(root_file)
    assets = _assets(root, root_file.parent)
    with tempfile.TemporaryDirectory(prefix="zhibiao-downloads-") as scratch:
        downloads: dict[str, list[tuple[str, Path]]] = {}
        for provider in providers:
            for page, path in provider.collect(corpus, config, trees, Path(scratch)).items():
                downloads.setdefault(page, []).append((provider.label, path))
        info = SiteInfo(config.site.title, config.issuer, version, banner)
        data = open_data(corpus, config) if with_data else []
        sources = site_sources(corpus, config, trees, downloads, info, changelog, data)
        docs = target / "docs"
        write(planned_files(sources, assets), docs)
    jieba = target / "jieba-user-dict.txt"
    write_text(jieba, jieba_user_dict(corpus))
    url = config.site.url
    if url and version:
        url = f"{url.rstrip('/')}/{version}/"
    settings = SiteSettings(
        site_name=config.site.title,
        site_url=url,
        nav=sources.nav,
        docs_dir=docs.name,
        jieba_dict=jieba.name,
        versioned=version is not None,
    )
    config_file = target / "mkdocs.yml"
    write_text(config_file, dump_config(site_config(root, settings, root_file.parent)))
    return Prepared(config_file, docs)


def _assets(root: dict[str, Any], root_dir: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    base = root_dir.resolve()
    for rel in asset_paths(root):
        path = (base / rel).resolve()
        if not path.is_relative_to(base) or not path.is_file():
            raise UsageError(
                f"mkdocs.yml 引用的文件不存在或在项目目录之外：{rel}",
                file=(root_dir / ROOT_CONFIG).as_posix(),
                hint="logo、favicon、extra_css、extra_javascript 的路径相对于 mkdocs.yml 所在目录。",
            )
        found[rel] = path
    return found


def build_site(
    project: Project,
    options: BuildOptions,
    *,
    report: Callable[[CheckResult], None],
    say: Callable[[str], None],
    base: Path | None = None,
    engine: SiteEngine = DEFAULT_ENGINE,
    providers: Sequence[DownloadProvider] | None = None,
    root_config: Path | None = None,
) -> BuildOutcome:
    """Check the corpus, refuse on errors (unless forced), then build and install the site."""
    if options.version is not None:
        check_name(options.version, "版本号")
    elif (options.site_dir / VERSIONS_FILE).is_file():
        raise UsageError(
            f"{options.site_dir} 中已有多版本站点（{VERSIONS_FILE}），不带 --version 构建会覆盖全部版本",
            hint="用 --version 构建一个版本，或用 -d 指定其他输出目录。",
        )
    result = run_check(project, base=base)
    report(result)
    outcome = BuildOutcome(result)
    if result.failed():
        if not options.force:
            return outcome
        outcome.forced = True
    banner = forced_banner(result) if outcome.forced else None
    source_dir = options.source_dir or project.root / SOURCE_DIR
    if providers is None:
        providers = default_providers(docx=options.docx, root=project.root)
    with replace_directory(source_dir) as staging:
        prepared = prepare_sources(
            project,
            result,
            staging,
            banner=banner,
            version=options.version,
            changelog=options.changelog,
            providers=providers,
            with_data=options.open_data,
            root_config=root_config,
        )
    config_file = source_dir / prepared.config_file.name
    say(f"正在用 {engine.name} 构建站点……")
    if options.version is None:
        with replace_directory(options.site_dir) as site:
            engine.build(config_file, site, epoch=options.source_date_epoch)
        outcome.published = options.site_dir
        return outcome
    outcome.published = install_version(engine, config_file, options)
    return outcome


def install_version(engine: SiteEngine, config_file: Path, options: BuildOptions) -> Path:
    """Build into `site/<version>/`, copy aliases, update versions.json and the redirect."""
    assert options.version is not None
    root = options.site_dir
    listing = root / VERSIONS_FILE
    entries = (
        parse_versions(listing.read_text("utf-8"), listing.as_posix()) if listing.is_file() else []
    )
    before = {a for e in entries for a in e.aliases}
    title = options.title or options.version
    entries = add_version(entries, options.version, title, options.aliases)
    dropped = before - {a for e in entries for a in e.aliases}
    target = root / options.version
    with replace_directory(target) as site:
        engine.build(config_file, site, epoch=options.source_date_epoch)
    for alias in options.aliases:
        with replace_directory(root / alias) as copy:
            shutil.copytree(target, copy, dirs_exist_ok=True)
    for alias in sorted(dropped):
        if (root / alias).is_dir():
            shutil.rmtree(root / alias)
    write_text(listing, versions_json(entries))
    write_text(root / "index.html", redirect_html(default_target(entries)))
    return target
