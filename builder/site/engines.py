"""Choosing the site engine: `zhibiao build --engine`, else `site.engine` of zhibiao.yaml.

MkDocs with Material is the default; Zensical (`builder.site.zensical`) is an optional
extra, refused with ZB940 when it is chosen but not installed.
"""

from __future__ import annotations

from builder.site.engine import DEFAULT_ENGINE, SiteEngine

ENGINES = ("mkdocs", "zensical")


def choose_engine(name: str | None) -> SiteEngine:
    """The engine called `name` (None or "mkdocs": the default)."""
    if name in (None, "mkdocs"):
        return DEFAULT_ENGINE
    if name == "zensical":
        from builder.site import zensical

        zensical.require()
        return zensical.ZensicalEngine()
    raise ValueError(f"unknown site engine {name!r}")
