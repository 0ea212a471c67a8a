"""Site-only pages built from the corpus: the home page and one overview page per specialty.

Pure functions returning Markdown; links are relative to the page being written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from builder.compose import page_path
from builder.compose.coverage import coverage, keyed_competencies
from builder.compose.meta import applicability
from builder.compose.order import documents
from builder.model import KIND_TITLES
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, SpecialtySet
from builder.site.markdown import Download, banner_block, escape, front_matter, link
from builder.view.anchors import ascii_id, competency_anchor, file_name

LEVEL_ORDER = ("中职", "高职专科", "职业本科")
LEVEL_IDS = {"中职": "zz", "高职专科": "gz", "职业本科": "bk"}
UNGROUPED = ("", "未归类（缺少专业教学标准）")
SHARED_GROUP = ("public", "公共基础课程标准")
"""The nav section of the course standards shared by several specialties (`SHARED_SET`)."""


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """Site-wide facts shown on the generated pages."""

    title: str
    issuer: str = ""
    version: str | None = None
    banner: str | None = None


def overview_path(entry: SpecialtySet) -> str:
    """Path of a specialty's overview page, e.g. "510209/index.md"."""
    return f"{file_name(entry.code)}/index.md"


def specialty_label(entry: SpecialtySet) -> str:
    """ "人工智能技术应用（510209）" or the bare code when the specialty document is missing."""
    if entry.is_shared:
        return SHARED_GROUP[1]
    if entry.specialty is None:
        return entry.code
    return f"{entry.specialty.doc.name}（{entry.code}）"


def category(entry: SpecialtySet) -> tuple[str, str]:
    """(code, name) of the 专业大类 a specialty belongs to."""
    if entry.is_shared:
        return SHARED_GROUP
    if entry.specialty is None:
        return UNGROUPED
    major = entry.specialty.doc.career.major_category
    return major.code, major.name


def grouped(corpus: Corpus) -> list[tuple[tuple[str, str], list[tuple[str, list[SpecialtySet]]]]]:
    """Specialties grouped by 专业大类 (code order), then level (中职 → 职业本科), then code."""
    groups: dict[tuple[str, str], dict[str, list[SpecialtySet]]] = {}
    for entry in corpus.specialties.values():
        level = entry.specialty.doc.level if entry.specialty else ""
        groups.setdefault(category(entry), {}).setdefault(level, []).append(entry)
    ordered = []
    for cat in sorted(groups, key=lambda c: (c == SHARED_GROUP, c == UNGROUPED, c[0])):
        levels = groups[cat]
        keys = sorted(levels, key=lambda lv: LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else 9)
        ordered.append((cat, [(lv, sorted(levels[lv], key=lambda e: e.code)) for lv in keys]))
    return ordered


def home_page(corpus: Corpus, info: SiteInfo) -> str:
    """`index.md`: specialties grouped by 专业大类 and level with status and version."""
    page = "index.md"
    count = sum(len(documents(e)) for e in corpus.specialties.values())
    specialties = sum(not e.is_shared for e in corpus.specialties.values())
    intro = f"本站发布{escape(info.issuer) + '组织编写的' if info.issuer else ''}职业教育标准，"
    intro += f"共 {specialties} 个专业、{count} 份标准文件"
    intro += f"（{escape(info.version)} 版）。" if info.version else "。"
    parts = [banner_block(info.banner), f"# {escape(info.title)} {{#title}}", intro]
    parts.append(
        "每个专业包括专业教学标准、职业能力清单、课程标准、岗位实习标准和实训基地建设标准；"
        "职业能力清单中的每项能力都链接到培养它的课程、实习任务和实训室。"
    )
    for (code, name), levels in grouped(corpus):
        cat_id = f"cat-{ascii_id(code)}" if code else "cat-none"
        if (code, name) == SHARED_GROUP:
            parts.append(f"## {escape(name)} {{#cat-public}}")
            parts.append(_shared_list([e for _, group in levels for e in group], page))
            continue
        parts.append(f"## {escape(f'{name}（{code}）' if code else name)} {{#{cat_id}}}")
        for level, entries in levels:
            if level:
                parts.append(
                    f"### {escape(level)} {{#{cat_id}-{LEVEL_IDS.get(level, ascii_id(level))}}}"
                )
            rows = [
                "| 专业代码 | 专业名称 | 专业教学标准 | 状态 | 版本 | 配套文件 |",
                "| --- | --- | --- | --- | --- | --- |",
            ]
            rows.extend(_home_row(entry, page) for entry in entries)
            parts.append("\n".join(rows))
    return front_matter({"title": info.title}) + "\n\n".join(p for p in parts if p) + "\n"


def _shared_list(entries: Sequence[SpecialtySet], page: str) -> str:
    """The shared course standards, one line each with where they apply."""
    lines = []
    for entry in entries:
        for item in entry.courses:
            doc = item.doc
            scope = applicability(doc.applies_to) if doc.applies_to is not None else ""
            title = link(escape(doc.meta.title), page, page_path(item))
            lines.append(f"- {title}（适用范围：{escape(scope)}）")
    return "\n".join(lines)


def _home_row(entry: SpecialtySet, page: str) -> str:
    name = entry.specialty.doc.name if entry.specialty else entry.code
    overview = link(escape(name), page, overview_path(entry))
    standard, status, version = "—", "—", "—"
    if entry.specialty is not None:
        meta = entry.specialty.doc.meta
        standard = link(escape(meta.title), page, page_path(entry.specialty))
        status, version = escape(meta.status), escape(meta.version)
    extras = []
    if entry.competencies:
        extras.append(link("职业能力清单", page, page_path(entry.competencies[0])))
    if entry.courses:
        extras.append(f"{len(entry.courses)} 份课程标准")
    extras += [link("岗位实习标准", page, page_path(i)) for i in entry.internships]
    extras += [link("实训基地建设标准", page, page_path(b)) for b in entry.training_bases]
    return f"| {escape(entry.code)} | {overview} | {standard} | {status} | {version} | {' · '.join(extras) or '—'} |"


def specialty_page(
    entry: SpecialtySet,
    config: ProjectConfig,
    downloads: Mapping[str, Sequence[Download]],
    info: SiteInfo,
    *,
    crumb: str = "",
) -> str:
    """`<code>/index.md`: facts, every document with status/version/downloads, coverage summary.

    `crumb` is a line of links shown above the title (the way back to the portal of a
    split build)."""
    page = overview_path(entry)
    title = specialty_label(entry)
    parts = [banner_block(info.banner), crumb, f"# {escape(title)} {{#title}}"]
    if entry.specialty is not None:
        doc = entry.specialty.doc
        career = doc.career
        parts.append(
            f"**专业大类**：{escape(career.major_category.name)}（{escape(career.major_category.code)}）　"
            f"**专业类**：{escape(career.major_class.name)}（{escape(career.major_class.code)}）　"
            f"**层次**：{escape(doc.level)}　**基本修业年限**：{doc.duration.years}年\n{{: .zb-meta }}"
        )
    parts.append("## 标准文件 {#documents}")
    rows = ["| 文件 | 类型 | 状态 | 版本 | 下载 |", "| --- | --- | --- | --- | --- |"]
    for item in documents(entry):
        target = page_path(item)
        meta = item.doc.meta
        files = " · ".join(
            link(escape(d.label), page, _beside(target, d.href)) for d in downloads.get(target, ())
        )
        rows.append(
            f"| {link(escape(meta.title), page, target)} | {KIND_TITLES[item.kind]} "
            f"| {escape(meta.status)} | {escape(meta.version)} | {files or '—'} |"
        )
    parts.append("\n".join(rows))
    if entry.shared:
        parts.append("## 共用的公共基础课程标准 {#shared-courses}")
        parts.append(
            "\n".join(
                f"- {link(escape(c.doc.meta.title), page, page_path(c))}" for c in entry.shared
            )
        )
    parts.extend(_coverage_summary(entry, config, page))
    return front_matter({"title": title}) + "\n\n".join(p for p in parts if p) + "\n"


def _beside(target: str, href: str) -> str:
    folder = target.rpartition("/")[0]
    return f"{folder}/{href}" if folder else href


def _coverage_summary(entry: SpecialtySet, config: ProjectConfig, page: str) -> list[str]:
    if not entry.competencies:
        return []
    items = keyed_competencies(entry)
    if not items:  # the list's work requirements are not given (原文未给出): no matrix to point to
        return []
    cov = coverage(entry, config)
    taught = [key for key, _, _, _ in items if cov.uses.get(key)]
    kinds = {"course": 0, "internship": 0, "room": 0}
    for column in cov.columns:
        kinds[column.kind] += 1
    matrix = link("职业能力培养矩阵", page, f"{page_path(entry.competencies[0])}#matrix")
    lines = [
        "## 职业能力覆盖 {#coverage}",
        f"职业能力清单共 {len(items)} 项职业能力，其中 {len(taught)} 项由 {kinds['course']} 门课程、"
        f"{kinds['internship']} 份岗位实习标准和 {kinds['room']} 个实训室承载，"
        f"详见{matrix}。",
    ]
    missing = [key for key, _, _, _ in items if not cov.uses.get(key)]
    if missing:
        target = page_path(entry.competencies[0])
        links = "、".join(
            link(escape(key), page, f"{target}#{competency_anchor(key)}") for key in missing
        )
        lines.append(f"尚未承载的职业能力：{links}。")
    return lines
