"""`zhibiao build`: check → compose → render → write → engine → install (atomically)."""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from builder.base.atomic import replace_directory, write_text
from builder.base.diagnostics import Severity
from builder.checking.pipeline import CheckResult
from builder.compose import compose_corpus, compose_sets
from builder.project import Project, UsageError
from builder.project.blobs import BlobCache
from builder.site.checked import cache_folder, check_and_load
from builder.site.config import (
    SiteSettings,
    asset_paths,
    dump_config,
    load_root_config,
    site_config,
    theme_dirs,
)
from builder.site.consultation import drafts
from builder.site.downloads import DownloadProvider, default_providers
from builder.site.engine import SiteEngine
from builder.site.formcache import PARALLEL_THRESHOLD, FormCache
from builder.site.inplace import update_in_place
from builder.site.install import PORTAL_KEPT, install_shards, portal_key, reuse_portal
from builder.site.jiebadict import JiebaCache
from builder.site.layout import PORTAL, SHARDS_DIR, SplitMode
from builder.site.noop import NoopGuard
from builder.site.options import SOURCE_DIR as SOURCE_DIR
from builder.site.options import BuildOptions as BuildOptions
from builder.site.options import BuildOutcome
from builder.site.pagecache import PageCache, TemplateCache
from builder.site.pages import SiteInfo
from builder.site.reuse import FolderMoves, link_tree
from builder.site.rootconfig import ROOT_CONFIG
from builder.site.searchdict import jieba_user_dict
from builder.site.sourcekeys import (
    reusable_sources,
    shard_lookups,
    source_keys,
    write_source_key,
)
from builder.site.sources import SiteSources, planned_files, site_sources, write_sources
from builder.site.split import plan_layout, split_sources
from builder.site.theme import THEME_DIR, theme_digest, theme_files
from builder.site.versions import (
    VERSIONS_FILE,
    add_version,
    default_target,
    parse_versions,
    redirect_html,
    versions_json,
)

JIEBA_DICT = "jieba-user-dict.txt"


BUILT_IN = re.compile(r"(?:Documentation built|Build finished) in ([0-9.]+) ?s(?:econds)?\b")
"""mkdocs's (or Zensical's) closing line; every other line of its log (and jieba's) is dropped unless -v."""


@dataclass(frozen=True, slots=True)
class PreparedShard:
    """A shard of a split build (sources in `shards/<name>/`): its page count and the
    digest of its generated sources."""

    name: str
    weight: int
    digest: str

    @property
    def folder(self) -> str:
        """Its folder, relative to the sources directory."""
        return f"{SHARDS_DIR}/{self.name}"


@dataclass(frozen=True, slots=True)
class Prepared:
    """A generated source tree ready for the engine (for a split build: the portal's config,
    plus one folder per shard under `shards/`)."""

    config_file: Path
    docs_dir: Path
    shards: tuple[PreparedShard, ...] = ()
    theme_dirs: tuple[Path, ...] = ()
    kept: int = 0
    """Shards whose sources were kept from the previous build (not composed again)."""


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
    split: SplitMode = "none",
    previous: Path | None = None,
    live: bool = False,
    jobs: int | None = 1,
    moves: FolderMoves | None = None,
) -> Prepared:
    """Render the corpus into `target` (docs/, mkdocs.yml, jieba dictionary).

    With a `split` mode that applies (see `builder.site.split.plan_layout`), `target` holds
    the portal and `target/shards/<name>/` each shard; a shard whose sources in the
    `previous` sources folder were made from the same inputs is taken from there instead
    of being composed and rendered again (`builder.site.sourcekeys`): moved whole with
    `moves` (for the caller to undo if it abandons `target`, which replaces `previous`),
    else hard-linked."""
    corpus, config = result.corpus, project.config
    root_file = root_config or project.root / ROOT_CONFIG
    root = load_root_config(root_file)
    assets = _assets(root, root_file.parent)
    theme = theme_files(theme_dirs(root, root_file.parent))
    directory_urls = root.get("use_directory_urls", True) is not False
    layout = plan_layout(corpus, split, config.site.split_above, directory_urls=directory_urls)
    kept: dict[str, PreparedShard] = {}
    keys: dict[str, str] = {}
    if layout is None:
        trees = compose_corpus(corpus, config)
    else:
        described = _described(project, root_file, assets, providers, banner, version, split)
        described += ";" + theme_digest(theme)
        keys = source_keys(corpus, layout, f"{described};{directory_urls}", result.digests)
        for candidate in layout.shards:
            old = _site_folder(previous, candidate.name) if previous is not None else None
            found = reusable_sources(old, keys[candidate.name], corpus) if old is not None else None
            if old is not None and found is not None:
                if moves is not None:
                    moves.move(old, _site_folder(target, candidate.name))
                else:
                    link_tree(old, _site_folder(target, candidate.name))
                kept[candidate.name] = PreparedShard(candidate.name, *found)
        fresh = [s for s in layout.shards if s.name not in kept]
        trees = compose_sets(
            corpus, config, (corpus.specialties[c] for s in fresh for c in s.codes)
        )
    with tempfile.TemporaryDirectory(prefix="zhibiao-downloads-") as scratch:
        downloads: dict[str, list[tuple[str, Path]]] = {}
        for provider in providers:
            for page, path in provider.collect(corpus, config, trees, Path(scratch)).items():
                downloads.setdefault(page, []).append((provider.label, path))
        info = SiteInfo(config.site.title, config.issuer, version, banner)
        data = []
        if with_data:  # imported here: openpyxl is not needed by a build with nothing to do
            from builder.site.datacache import DataCache
            from builder.site.opendata import open_data

            data = open_data(corpus, config, DataCache.open(project.root, scope="site"))
        forms = _site_cache(FormCache, project)
        many = drafts(corpus, config, trees, at_least=PARALLEL_THRESHOLD)
        forms.warm(many, jobs)  # many missing: made in worker processes first
        sites: Iterable[tuple[str, SiteSources]]
        if layout is None:
            site = site_sources(corpus, config, trees, downloads, info, changelog, data, forms)
            sites = [(PORTAL, site)]
        else:
            sites = split_sources(
                corpus, config, trees, downloads, info, layout, changelog, data, kept, forms
            )
        url = config.site.url
        if url and version:
            url = f"{url.rstrip('/')}/{version}/"
        shards: list[PreparedShard] = []
        for name, sources in sites:
            folder = _site_folder(target, name)
            write(planned_files(sources, assets), folder / "docs")
            write(theme, folder / THEME_DIR)
            shard = layout.shard(name) if layout is not None and name != PORTAL else None
            entries = (
                [corpus.specialties[c] for c in shard.codes]
                if shard is not None
                else corpus.specialties.values()
            )
            write_text(folder / JIEBA_DICT, jieba_user_dict(entries))
            settings = SiteSettings(
                site_name=f"{config.site.title} · {shard.title}" if shard else config.site.title,
                site_url=url,
                site_path=f"{name}/" if shard else "",
                nav=sources.nav,
                docs_dir="docs",
                jieba_dict=JIEBA_DICT,
                versioned=version is not None and shard is None,
                homepage="../" if shard else None,
                livereload=live,
            )
            config_text = dump_config(site_config(root, settings, root_file.parent))
            write_text(folder / "mkdocs.yml", config_text)
            if shard is not None:
                read = shard_lookups(corpus, shard.codes)
                digest = write_source_key(folder, keys[name], len(sources.pages), read)
                shards.append(PreparedShard(name, len(sources.pages), digest))
        if not kept:  # every draft's forms were asked for: the others can go
            forms.prune()
    if layout is not None:  # in layout order, kept ones included
        prepared = {s.name: s for s in shards} | kept
        shards = [prepared[s.name] for s in layout.shards]
    return Prepared(
        target / "mkdocs.yml",
        target / "docs",
        tuple(shards),
        theme_dirs(root, root_file.parent),
        len(kept),
    )


_Cache = TypeVar("_Cache", bound=BlobCache)


def _site_cache(kind: type[_Cache], project: Project) -> _Cache:
    """The build's store of `kind`; none kept when the cache folder is a link, as for the
    check."""
    if cache_folder(project) is None:
        return kind(None, None, scope="site")
    return kind.open(project.root, scope="site")


def _described(
    project: Project,
    root_file: Path,
    assets: dict[str, Path],
    providers: Sequence[DownloadProvider],
    banner: str | None,
    version: str | None,
    split: str,
) -> str:
    """Everything besides the data that a shard's generated sources depend on."""
    digest = hashlib.blake2b(digest_size=20)
    config = project.config
    facts = [config.model_dump_json(), banner, version, split, [p.label for p in providers]]
    digest.update(repr(facts).encode())
    files = [root_file, *(assets[k] for k in sorted(assets))]
    if config.docx.reference_docx:
        files.append(project.root / config.docx.reference_docx)
    for path in files:
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def _site_folder(target: Path, name: str) -> Path:
    return target if name == PORTAL else target / SHARDS_DIR / name


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


def build_locked(
    project: Project,
    options: BuildOptions,
    report: Callable[[CheckResult], None],
    say: Callable[[str], None],
    base: Path | None,
    engine: SiteEngine,
    providers: Sequence[DownloadProvider] | None,
    root_config: Path | None,
    noop: NoopGuard | None,
) -> BuildOutcome:
    """Check, compose, render and publish, while holding the build lock of the folders
    (`builder.site.entry.build_site` takes it and has found that something changed)."""
    result = check_and_load(project, options, base)
    report(result)
    outcome = BuildOutcome(result)
    if result.failed():
        if not options.force:
            return outcome
        outcome.forced = True
    banner = forced_banner(result) if outcome.forced else None
    source_dir = options.source_dir or project.root / SOURCE_DIR
    if providers is None:
        providers = default_providers(docx=options.docx, root=project.root, jobs=options.jobs)
    moves = FolderMoves()  # kept shard sources, moved back if preparing fails
    with replace_directory(source_dir) as staging, moves.undone_on_failure():
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
            split=options.split or project.config.site.split,
            previous=source_dir if source_dir.is_dir() else None,
            live=options.live,
            jobs=options.jobs,
            moves=moves,
        )
    say(f"正在用 {engine.name} 构建站点……")

    portal = portal_key(source_dir, prepared) if prepared.shards else ""
    pages = PageCache(None, None, scope="site")  # a split build keeps pages and templates
    if prepared.shards:
        pages = _site_cache(PageCache, project)
        stores = [_site_cache(kind, project) for kind in (TemplateCache, JiebaCache)]
        pages.worker_cache = project.root if all(s.enabled for s in stores) else None

    def publish(dest: Path, previous: Sequence[Path]) -> None:
        """Put the site at `dest`: its changed shards swapped in when nothing else changed,
        else a whole new copy swapped in at once (kept shards linked from `previous`)."""
        if portal and update_in_place(
            engine, source_dir, prepared, dest, options, say, portal, pages
        ):
            return
        with replace_directory(dest) as site:
            if portal and reuse_portal(portal, site, previous):
                say(PORTAL_KEPT)
            else:
                build_portal(site)
            if prepared.shards:
                install_shards(
                    engine, source_dir, prepared, site, previous, options, say, portal, pages
                )

    def build_portal(site: Path) -> None:
        log = engine.build(source_dir / "mkdocs.yml", site, epoch=options.source_date_epoch)
        if options.verbose:  # the engine's own lines, untranslated, only when asked for
            for line in log.output.splitlines():
                say(f"  {engine.name}: {line}")
        else:  # the one line of the engine's log worth reading, in Chinese
            took = BUILT_IN.search(log.output)
            if took:
                say(f"{engine.name} 构建用时 {float(took.group(1)):.1f} 秒")

    if options.version is None:
        publish(options.site_dir, [options.site_dir])
        outcome.published = options.site_dir
    else:
        outcome.published = install_version(publish, options)
    if noop is not None:
        noop.remember(outcome)
    return outcome


def install_version(publish: Callable[[Path, Sequence[Path]], None], options: BuildOptions) -> Path:
    """Build into `site/<version>/`, link aliases, update versions.json and the redirect."""
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
    others = [root / e.version for e in entries if e.version != options.version]
    publish(target, [target, *others])
    for alias in options.aliases:
        with replace_directory(root / alias) as copy:
            link_tree(target, copy)
    for alias in sorted(dropped):
        if (root / alias).is_dir():
            shutil.rmtree(root / alias)
    write_text(listing, versions_json(entries))
    write_text(root / "index.html", redirect_html(default_target(entries)))
    return target
