"""The 开放数据 page: the JSON dataset, its schema, CASE 1.1 packages and Excel workbooks.

Everything is built in memory from the loaded corpus (the same functions as
`zhibiao export json|case|xlsx`), so the site offers exactly what the exports write.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from builder.base.escape import markdown_text, relative_href
from builder.opendata import case, dataset
from builder.opendata.case_defs import Uris
from builder.opendata.xlsx_export import file_name, specialty_workbook
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, SpecialtySet
from builder.site.datacache import DataCache, Entry, pack, unpack
from builder.site.markdown import front_matter

DATA_PAGE = "data.md"
DATA_DIR = "data"
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s\x00-\x1f\x7f]+')


@dataclass(frozen=True, slots=True)
class DataFile:
    """One published data file: docs-relative path, what it is, its bytes."""

    path: str
    label: str
    content: bytes


def _segment(name: str) -> str:
    """One folder or file name of a published path: codes are free text, so separators,
    `..` and characters that are not safe in a file name become `_`."""
    safe = _UNSAFE_NAME.sub("_", name)
    return f"_{safe[1:]}" if safe.startswith(".") else safe or "_"


def open_data(
    corpus: Corpus, config: ProjectConfig, cache: DataCache | None = None
) -> list[DataFile]:
    """Every open-data file of the site, in a stable order.

    With a `cache`, a specialty whose documents and settings are unchanged since a build
    that stored its files gets them from there (`builder.site.datacache`); the cache is
    pruned to what this build used."""
    files = [
        DataFile(
            f"{DATA_DIR}/dataset.json",
            "标准数据集（全部标准，JSON）",
            dataset.render(dataset.build_dataset(corpus, config)).encode("utf-8"),
        ),
        DataFile(
            f"{DATA_DIR}/dataset.schema.json",
            "标准数据集的 JSON Schema",
            dataset.schema_text().encode("utf-8"),
        ),
    ]
    cache = cache if cache is not None else DataCache(None, None, scope="site")  # inert
    settings = cache.settings(config) if cache.enabled else ""
    for entry in corpus.specialties.values():
        if not any(entry.documents()):  # only schools' plans: no data files
            continue
        key = cache.key(entry, settings) if cache.enabled else ""
        found = unpack(cache.load(key) or b"") if key else None
        if found is None:
            found = _specialty_files(entry, config)
            if key:
                cache.store(key, pack(found))
        files.extend(DataFile(*item) for item in found)
    cache.prune()
    return files


def _specialty_files(entry: SpecialtySet, config: ProjectConfig) -> list[Entry]:
    """The workbook and CASE packages of one specialty, as (path, label, bytes)."""
    code = entry.code
    files: list[Entry] = [
        (
            f"{DATA_DIR}/{_segment(file_name(entry))}",
            f"{code} 职业能力清单、课程设置与能力课程矩阵（Excel）",
            specialty_workbook(entry, config),  # the one the 职业能力清单 page offers
        )
    ]
    base = f"{config.site.url.rstrip('/')}/ims/case/v1p1" if config.site.url else None
    packages, _ = case.specialty_packages(entry, config, Uris(base))
    files.extend(
        (
            f"{DATA_DIR}/case/{_segment(code)}/{_segment(package.name)}",
            f"{code} {package.title}（CASE 1.1）",
            case.render(package.data).encode("utf-8"),
        )
        for package in packages
    )
    return files


def data_page(files: list[DataFile]) -> str:
    """The 开放数据 page listing every file with a link."""
    lines = [
        "# 开放数据",
        "",
        "本站标准同时以机器可读格式提供，供产业人才数据平台、学校管理系统等使用。"
        "数据由 `zhibiao export json|case|xlsx` 生成，与网页内容出自同一份 YAML 源文件。",
        "",
        "| 文件 | 说明 |",
        "| --- | --- |",
    ]
    for item in files:
        rel = PurePosixPath(item.path).relative_to(DATA_DIR).as_posix()
        link = f"[{markdown_text(rel)}]({relative_href(item.path)})"
        lines.append(f"| {link} | {markdown_text(item.label)} |")
    lines += [
        "",
        "- **标准数据集**：全部标准的规范化表格（文件、专业、职业能力、课程、能力映射），按编码关联；"
        "格式见同目录的 JSON Schema。",
        "- **CASE 1.1**：1EdTech Competencies and Academic Standards Exchange 的 CFPackage，"
        "标识符为由稳定编码派生的 UUIDv5，历次构建保持不变。",
        "- **Excel**：每个专业一个工作簿，含职业能力清单、课程设置（学时/学分）与能力 × 课程矩阵，可直接打印。",
        "",
    ]
    return front_matter({"title": "开放数据"}) + "\n".join(lines)


def as_blobs(files: list[DataFile]) -> Mapping[str, bytes]:
    """Docs-relative path → bytes, for the docs tree."""
    return {item.path: item.content for item in files}
