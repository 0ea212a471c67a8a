"""The bundled excerpt of the 专业目录, extended by `catalog_extra` in the config."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from builder.config import ProjectConfig
from builder.yamlsource import parse

LEVEL_PREFIX = {"3": "职业本科", "5": "高职专科", "7": "中职"}
"""First digit of a 2021-catalog code → education level."""


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
