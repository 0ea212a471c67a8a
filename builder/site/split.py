"""The docs trees of a split build: one portal and one shard per specialty (or 专业大类).

Pure functions: models and rendered trees in, page texts and navs out. Every page is
rendered inside `rendering_shard(...)` so links that leave its shard become raw hrefs.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from builder.compose import page_path
from builder.compose.doctree import DocTree
from builder.model.sourced import course_key, course_label
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, SpecialtySet
from builder.site.consultation import consultation_parts
from builder.site.formcache import Forms, fresh_forms
from builder.site.layout import PORTAL, Shard, SiteLayout, SplitMode, rendering_shard
from builder.site.markdown import (
    PageChrome,
    banner_block,
    escape,
    front_matter,
    link,
    nav_title,
    render_document,
)
from builder.site.opendata import DATA_PAGE, DataFile, as_blobs, data_page
from builder.site.pages import (
    LEVEL_IDS,
    UNGROUPED,
    SiteInfo,
    category,
    grouped,
    home_page,
    overview_path,
    specialty_label,
    specialty_page,
)
from builder.site.sources import (
    CHANGELOG_PAGE,
    SiteSources,
    changelog_page,
    documents_nav,
    offered_downloads,
)
from builder.view.anchors import ascii_id, file_name

CATEGORY_DIR = "categories"


def category_id(code: str) -> str:
    """Folder-safe id of a 专业大类 ("51"), "none" for specialties without a 专业教学标准."""
    return ascii_id(code) if code else "none"


def plan_layout(
    corpus: Corpus, mode: SplitMode, above: int, *, directory_urls: bool = True
) -> SiteLayout | None:
    """The shards of a split build, or None for one site.

    `auto` splits by specialty when the corpus has more than `above` specialties."""
    if mode == "none" or (mode == "auto" and len(corpus.specialties) <= above):
        return None
    shards: list[Shard] = []
    folders: dict[str, str] = {}
    if mode == "category":
        for (code, name), levels in grouped(corpus):
            codes = tuple(e.code for _, entries in levels for e in entries)
            shard = Shard(category_id(code), "", name, codes)
            shards.append(shard)
            folders.update((file_name(c), shard.name) for c in codes)
    else:
        for _, levels in grouped(corpus):
            for _, entries in levels:
                for entry in entries:
                    folder = file_name(entry.code)
                    shards.append(
                        Shard(folder, f"{folder}/", specialty_label(entry), (entry.code,))
                    )
                    folders[folder] = folder
    return SiteLayout(tuple(shards), folders, directory_urls)


def split_sources(
    corpus: Corpus,
    config: ProjectConfig,
    trees: Sequence[DocTree],
    downloads: Mapping[str, Sequence[tuple[str, Path]]],
    info: SiteInfo,
    layout: SiteLayout,
    changelog: str | None = None,
    data: Sequence[DataFile] = (),
    skip: Collection[str] = (),
    forms: Forms = fresh_forms,
) -> Iterator[tuple[str, SiteSources]]:
    """Render the portal, then each shard not in `skip` (its sources are kept from the last
    build) in turn; nothing is written. One shard at a time, so a national corpus never
    holds every page in memory. `trees` need only cover the shards rendered; `forms` makes
    the 意见反馈表 of each draft (`builder.site.consultation`)."""
    copies, offered = offered_downloads(downloads)
    by_shard: dict[str, list[DocTree]] = {}
    for tree in trees:
        by_shard.setdefault(layout.owner(tree.page).name, []).append(tree)
    with rendering_shard(layout, PORTAL):
        yield PORTAL, _portal(corpus, info, changelog, data)
    for shard in layout.shards:
        if shard.name in skip:
            continue
        entries = [corpus.specialties[code] for code in shard.codes]
        with rendering_shard(layout, shard.name):
            site = SiteSources()
            trees_here = by_shard.get(shard.name, [])
            sections, blobs = consultation_parts(corpus, config, trees_here, forms)
            site.blobs = {shard.inner(path): data for path, data in blobs.items()}
            for tree in by_shard.get(shard.name, []):
                chrome = PageChrome(tuple(offered.get(tree.page, ())), info.banner)
                extra = sections.get(tree.page, "")
                site.pages[shard.inner(tree.page)] = render_document(tree, chrome) + extra
            for entry in entries:
                crumb = _crumb(entry, overview_path(entry))
                page = specialty_page(entry, config, offered, info, crumb=crumb)
                site.pages[shard.inner(overview_path(entry))] = page
            if not shard.prefix:
                site.pages["index.md"] = _category_page(entries, info, "index.md")
        site.copies = {
            shard.inner(target): source
            for target, source in copies.items()
            if layout.owner(target).name == shard.name
        }
        pages = {t.page for t in by_shard.get(shard.name, [])}
        site.nav = _shard_nav(shard, entries, pages)
        yield shard.name, site


def _portal(
    corpus: Corpus,
    info: SiteInfo,
    changelog: str | None,
    data: Sequence[DataFile],
) -> SiteSources:
    site = SiteSources()
    site.pages["index.md"] = home_page(corpus, info)
    nav: list[Any] = [{"首页": "index.md"}]
    categories: list[Any] = []
    for (code, name), levels in grouped(corpus):
        path = f"{CATEGORY_DIR}/{category_id(code)}.md"
        entries = [e for _, group in levels for e in group]
        site.pages[path] = _directory_page((code, name), entries, info, path)
        categories.append({nav_title(f"{name}（{code}）" if code else name): path})
    nav.append({"专业大类": categories})
    if changelog is not None:
        site.pages[CHANGELOG_PAGE] = changelog_page(changelog)
        nav.append({"修订说明": CHANGELOG_PAGE})
    if data:
        site.pages[DATA_PAGE] = data_page(list(data))
        site.blobs.update(as_blobs(list(data)))
        nav.append({"开放数据": DATA_PAGE})
    site.nav = nav
    return site


def _directory_page(
    cat: tuple[str, str], entries: Sequence[SpecialtySet], info: SiteInfo, page: str
) -> str:
    """A 专业大类 page of the portal: every specialty with its documents, posts and courses,
    so the portal's search finds a specialty by a course or post name."""
    code, name = cat
    title = f"{name}（{code}）" if code else name
    parts = [banner_block(info.banner), f"# {escape(title)} {{#title}}"]
    parts.append(
        f"本大类共 {len(entries)} 个专业。每个专业的标准在各自的分站点中发布，可在分站点内全文检索。"
    )
    level = ""
    for entry in entries:
        current = entry.specialty.doc.level if entry.specialty else ""
        if current != level and current:
            parts.append(f"## {escape(current)} {{#{LEVEL_IDS.get(current, ascii_id(current))}}}")
            level = current
        parts.extend(_specialty_entry(entry, page))
    return front_matter({"title": title}) + "\n\n".join(p for p in parts if p) + "\n"


def _specialty_entry(entry: SpecialtySet, page: str) -> list[str]:
    lines = [f"### {escape(specialty_label(entry))} {{#s-{ascii_id(entry.code)}}}"]
    links = [link("专业概览", page, overview_path(entry))]
    if entry.specialty is not None:
        links.append(link("专业教学标准", page, page_path(entry.specialty)))
    links += [link("职业能力清单", page, page_path(c)) for c in entry.competencies]
    links += [link("岗位实习标准", page, page_path(i)) for i in entry.internships]
    links += [link("实训基地建设标准", page, page_path(b)) for b in entry.training_bases]
    lines.append(" · ".join(links))
    if entry.specialty is not None:
        career = entry.specialty.doc.career
        posts = [*career.posts, *(o.name for o in career.occupations)]
        if posts:
            lines.append("面向岗位和职业：" + "、".join(escape(p) for p in dict.fromkeys(posts)))
    if entry.courses:
        courses = sorted(entry.courses, key=lambda c: course_key(c.doc))
        names = "、".join(link(escape(course_label(c.doc)), page, page_path(c)) for c in courses)
        lines.append(f"课程标准：{names}")
    return lines


def _category_page(entries: Sequence[SpecialtySet], info: SiteInfo, page: str) -> str:
    """The home page of a 专业大类 shard: the same listing as the portal's page."""
    cat = category(entries[0]) if entries else UNGROUPED
    return _directory_page(cat, entries, info, page)


def _crumb(entry: SpecialtySet, page: str) -> str:
    """ "全部专业 › 电子与信息大类" above a specialty's overview (links to the portal)."""
    code, name = category(entry)
    home = link("全部专业", page, "index.md")
    group = link(escape(name), page, f"{CATEGORY_DIR}/{category_id(code)}.md")
    return f"{home} › {group}\n{{: .zb-crumbs }}"


def _inner_nav(item: Any, shard: Shard) -> Any:
    if isinstance(item, str):
        return shard.inner(item)
    if isinstance(item, dict):
        return {key: _inner_nav(value, shard) for key, value in item.items()}
    return [_inner_nav(value, shard) for value in item]


def _shard_nav(shard: Shard, entries: Sequence[SpecialtySet], pages: set[str]) -> list[Any]:
    if shard.prefix:
        return [_inner_nav(item, shard) for item in documents_nav(entries[0], pages)]
    nav: list[Any] = [{nav_title(shard.title or "专业"): "index.md"}]
    nav.extend(
        {nav_title(specialty_label(entry)): documents_nav(entry, pages)} for entry in entries
    )
    return nav
