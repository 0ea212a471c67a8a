"""The bundled 专业目录 (2021 and later additions), extended by `catalog_extra` in the config."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from builder.read.config import ProjectConfig
from builder.read.yamlsource import parse

LEVEL_RANGES = ((21, 39, "职业本科"), (41, 59, "高职专科"), (61, 79, "中职"))
"""2021 catalog: the 专业大类 code (first 2 digits) gives the level, e.g. 41–59 高职专科
(41 农林牧渔大类 … 51 电子与信息大类 … 59 公共管理与服务大类)."""


def level_of(code: str) -> str | None:
    """Education level of a 2021-catalog specialty code, None when the 大类 code is outside."""
    if len(code) < 2 or not code[:2].isdigit():
        return None
    major = int(code[:2])
    return next((level for low, high, level in LEVEL_RANGES if low <= major <= high), None)


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalog line."""

    code: str
    name: str
    level: str


@dataclass(frozen=True, slots=True)
class Catalog:
    """Known 专业大类 (2 digits), 专业类 (4 digits) and 专业 (6 digits)."""

    edition: str
    categories: dict[str, Entry]
    classes: dict[str, Entry]
    specialties: dict[str, Entry]


def load_catalog(config: ProjectConfig) -> Catalog:
    """Bundled entries for the configured edition plus the project's own entries."""
    edition = config.catalogs.specialty
    name = f"catalog-{edition}.yaml"
    source = resources.files("builder.data").joinpath(name)
    data = parse(source.read_text("utf-8")) if source.is_file() else {}
    tables: dict[str, dict[str, Entry]] = {}
    for table in ("categories", "classes", "specialties"):
        tables[table] = {row["code"]: Entry(**row) for row in data.get(table, [])}
    for extra in config.catalog_extra:
        tables["specialties"][extra.code] = Entry(extra.code, extra.name, extra.level)
    return Catalog(edition, tables["categories"], tables["classes"], tables["specialties"])
