"""The bundled excerpt of the 国家职业分类大典 (2022), extended by `occupation_extra`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from builder.read.config import ProjectConfig
from builder.read.yamlsource import parse


@dataclass(frozen=True, slots=True)
class Occupation:
    """One 细类 (职业): code, name and marks (S 数字职业, L 绿色职业)."""

    code: str
    name: str
    marks: frozenset[str]


@dataclass(frozen=True, slots=True)
class Occupations:
    """Known occupations and 小类 codes of one edition."""

    edition: str
    occupations: dict[str, Occupation]
    minor_groups: frozenset[str]

    def code_of(self, name: str) -> str | None:
        """The code of the occupation called `name`, if exactly one is."""
        found = [code for code, row in self.occupations.items() if row.name == name]
        return found[0] if len(found) == 1 else None

    @property
    def available(self) -> bool:
        """True when data for the configured edition is bundled or configured."""
        return bool(self.occupations)


@lru_cache(maxsize=4)
def bundled_occupations(edition: str) -> tuple[dict[str, Occupation], frozenset[str]]:
    source = resources.files("builder.data").joinpath(f"occupations-{edition}.yaml")
    if not source.is_file():
        return {}, frozenset()
    data = parse(source.read_text("utf-8"))
    rows = {
        row["code"]: Occupation(row["code"], row["name"], frozenset(row.get("marks") or ()))
        for row in data.get("occupations", [])
    }
    return rows, frozenset(data.get("minor_groups", []))


def load_occupations(config: ProjectConfig) -> Occupations:
    """Bundled entries for the configured 大典 edition plus the project's own entries."""
    edition = config.catalogs.occupation
    bundled, minors = bundled_occupations(edition)
    rows = dict(bundled)
    for extra in config.occupation_extra:
        rows[extra.code] = Occupation(extra.code, extra.name, frozenset(extra.marks))
    groups = minors | {code[:7] for code in rows}
    return Occupations(edition, rows, frozenset(groups))
