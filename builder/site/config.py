"""The generated mkdocs config: data-driven parts merged over the user's root `mkdocs.yml`.

The root file holds appearance only (theme, palette, logo, features, extra CSS). The
builder forces what must come from the data or keep the build strict and offline: docs and
site directories, nav, search with the jieba dictionary, the Markdown extensions the pages
need, link validation, `theme.font: false` and the version selector.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from builder.base.escape import html_text, http_url
from builder.project import UsageError
from builder.site.rootconfig import custom_dir
from builder.site.theme import THEME_DIR

ZHIBIAO_CSS = "assets/zhibiao.css"
MATRIX_SCRIPT = "assets/zhibiao/matrix.js"
VERSION_SCRIPT = "assets/zhibiao/version.js"
"""Keeps the page when switching versions (loaded only in versioned builds)."""
PERMALINK_TITLE = "永久链接"
"""The title of a heading's ¶ link (Python-Markdown's default is English "Permanent link")."""
REQUIRED_EXTENSIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("toc", {"permalink": True, "permalink_title": PERMALINK_TITLE}),
    ("attr_list", {}),
    ("tables", {}),
    ("admonition", {}),
    ("md_in_html", {}),
)
DEFAULT_THEME: dict[str, Any] = {
    "name": "material",
    "language": "zh",
    "features": ["navigation.indexes", "navigation.prune", "navigation.top", "search.highlight"],
}
VALIDATION = {
    "nav": {"omitted_files": "warn", "not_found": "warn", "absolute_links": "warn"},
    "links": {
        "not_found": "warn",
        "anchors": "warn",
        "absolute_links": "warn",
        "unrecognized_links": "warn",
    },
}
_FILE_KEYS = ("logo", "favicon")


@dataclass(frozen=True, slots=True)
class Tagged:
    """A YAML node with a tag MkDocs understands (`!ENV`, `!!python/name:…`), kept verbatim."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("!", _construct)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct)
_Dumper.add_representer(Tagged, _represent)


def load_root_config(path: Path) -> dict[str, Any]:
    """Read the user's `mkdocs.yml` (empty when absent); tags are preserved, not executed."""
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_Loader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise UsageError(
            f"mkdocs.yml 不是合法的 YAML：{exc.problem}",
            file=path.as_posix(),
            line=mark.line + 1 if mark else 0,
            column=mark.column + 1 if mark else 0,
        ) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"无法读取 mkdocs.yml：{exc}", file=path.as_posix()) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError("mkdocs.yml 的顶层必须是映射", file=path.as_posix(), line=1, column=1)
    return data


def dump_config(config: dict[str, Any]) -> str:
    """YAML text of a config (UTF-8, key order kept)."""
    text: str = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return text


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """The data-driven part of the config."""

    site_name: str
    """Plain text (escaped here: Material prints `site_name` into pages unescaped)."""
    site_url: str | None
    nav: list[Any]
    docs_dir: str
    jieba_dict: str
    """Relative to the generated config file (the engine runs in its directory)."""
    versioned: bool = False
    site_path: str = ""
    """Appended to the site URL (a shard's folder, "510209/"), whichever file gave the URL."""
    homepage: str | None = None
    """Where the header logo and title lead (a shard's portal, "../"); None: this site's home."""
    livereload: bool = False
    """`zhibiao serve`: pages load the live-reload script (MkDocs' inline one is blocked)."""


def _extension_name(entry: Any) -> str:
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return str(entry)


def _merge_extensions(user: Sequence[Any]) -> list[Any]:
    merged = [_toc_in_chinese(e) for e in user]
    names = {_extension_name(e) for e in merged}
    for name, options in REQUIRED_EXTENSIONS:
        if name not in names:
            merged.append({name: options} if options else name)
    return merged


def _merge_plugins(user: Sequence[Any], jieba_dict: str) -> list[Any]:
    search: dict[str, Any] = {}
    others: list[Any] = []
    for entry in user:
        if _extension_name(entry) == "search":
            if isinstance(entry, dict) and isinstance(entry["search"], dict):
                search = dict(entry["search"])
        else:
            others.append(entry)
    search["jieba_dict_user"] = jieba_dict
    return [{"search": search}, *others]


def _toc_in_chinese(entry: Any) -> Any:
    """A user's `toc` entry with the permalink title in Chinese unless one is given."""
    if isinstance(entry, dict) and len(entry) == 1 and "toc" in entry:
        options = entry["toc"]
        if isinstance(options, dict) and "permalink_title" not in options:
            return {"toc": {**options, "permalink_title": PERMALINK_TITLE}}
    return entry


def asset_paths(root: dict[str, Any]) -> list[str]:
    """Local files the root config refers to (logo, favicon, extra CSS/JS), relative paths."""
    theme = root.get("theme")
    found = [
        theme[k] for k in _FILE_KEYS if isinstance(theme, dict) and isinstance(theme.get(k), str)
    ]
    for key in ("extra_css", "extra_javascript"):
        for entry in root.get(key) or []:
            path = entry.get("path") if isinstance(entry, dict) else entry
            if isinstance(path, str):
                found.append(path)
    return [p for p in found if "://" not in p and not p.startswith("//")]


def theme_dirs(root: dict[str, Any], root_dir: Path) -> tuple[Path, ...]:
    """Theme override folders (`theme.custom_dir`) the built pages depend on."""
    theme = root.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        return (custom_dir(theme["custom_dir"], root_dir),)
    return ()


def _site_url(url: str) -> str:
    """`site.url` of zhibiao.yaml as MkDocs' `site_url`: only http(s), %-encoded so it cannot
    leave the `href` of the canonical link it ends up in."""
    safe = http_url(url)
    if safe is None:
        raise UsageError(
            f"site.url「{url}」不是 http 或 https 地址",
            hint="写成完整的网址，如 https://standards.example.cn/；不发布到固定地址时删除 site.url。",
        )
    return safe


def site_config(root: dict[str, Any], settings: SiteSettings, root_dir: Path) -> dict[str, Any]:
    """The full config: the root file's settings with the data-driven and forced keys merged in."""
    config = copy.deepcopy(root)
    config.pop("INHERIT", None)
    name = config.get("site_name")
    config["site_name"] = html_text(name if isinstance(name, str) else settings.site_name)
    if settings.site_url and "site_url" not in config:
        config["site_url"] = _site_url(settings.site_url)
    if settings.site_path and isinstance(config.get("site_url"), str):
        config["site_url"] = f"{config['site_url'].rstrip('/')}/{settings.site_path}"
    config["docs_dir"] = settings.docs_dir
    config.pop("site_dir", None)
    config["nav"] = settings.nav
    theme = config.get("theme")
    theme = {"name": theme} if isinstance(theme, str) else dict(theme or {})
    for key, value in DEFAULT_THEME.items():
        theme.setdefault(key, copy.deepcopy(value))
    theme["font"] = False
    # the generated override (builder.site.theme), which holds the user's custom_dir too
    theme["custom_dir"] = THEME_DIR
    config["theme"] = theme
    config["extra_css"] = [ZHIBIAO_CSS, *(config.get("extra_css") or [])]
    config["extra_javascript"] = [*(config.get("extra_javascript") or []), MATRIX_SCRIPT]
    config["markdown_extensions"] = _merge_extensions(config.get("markdown_extensions") or [])
    config["plugins"] = _merge_plugins(config.get("plugins") or ["search"], settings.jieba_dict)
    config["validation"] = VALIDATION
    extra = dict(config.get("extra") or {})
    extra.setdefault("generator", False)
    if settings.homepage is not None:
        extra["homepage"] = settings.homepage
    extra.pop("zhibiao_livereload", None)
    if settings.livereload:
        extra["zhibiao_livereload"] = True
    if settings.versioned:
        extra["version"] = {"provider": "mike", "alias": True}
        config["extra_javascript"].append(VERSION_SCRIPT)
    else:
        extra.pop("version", None)
    config["extra"] = extra
    return config
