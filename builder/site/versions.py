"""Versioned sites without mike: `site/<version>/`, `versions.json` and a root redirect.

Material's version selector fetches `../versions.json` (mike's format, newest first) from
any page of a version, so writing that file ourselves is all it needs.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from builder.base.escape import html_text
from builder.project import UsageError
from builder.site.theme import CSP_META

VERSIONS_FILE = "versions.json"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_RESERVED = {VERSIONS_FILE, "index.html", "assets", "search"}


@dataclass(frozen=True, slots=True)
class VersionEntry:
    """One entry of `versions.json`."""

    version: str
    title: str
    aliases: tuple[str, ...] = ()


def check_name(name: str, what: str) -> None:
    """Versions and aliases become directory names: ASCII letters, digits, `.`, `_`, `-`."""
    if not _NAME.match(name) or name in _RESERVED:
        raise UsageError(
            f"{what}「{name}」不能用作目录名",
            hint="只用字母、数字、点、下划线和连字符，例如 2025、2025.1、latest。",
        )


def _version_key(version: str) -> tuple[int, tuple[int, ...], str]:
    """mike's order: non-version ids (dev, next) first, then versions newest first."""
    parts = re.findall(r"\d+", version)
    if not parts or not re.match(r"^v?\d", version):
        return (0, (), version)
    return (1, tuple(-int(p) for p in parts), version)


def parse_versions(text: str, source: str = VERSIONS_FILE) -> list[VersionEntry]:
    """Read a `versions.json` written by us or by mike."""
    try:
        data = json.loads(text)
        entries = [
            VersionEntry(
                str(item["version"]),
                str(item.get("title") or item["version"]),
                tuple(str(a) for a in item.get("aliases") or []),
            )
            for item in data
        ]
    except (ValueError, TypeError, KeyError, AttributeError):
        raise UsageError(f"{source} 格式不正确，无法追加版本", file=source) from None
    return entries


def add_version(
    entries: list[VersionEntry], version: str, title: str, aliases: tuple[str, ...]
) -> list[VersionEntry]:
    """Add or replace `version`; its aliases move away from any older version.

    `title` is plain text; it is stored HTML-escaped, because Material's version selector
    inserts the titles of `versions.json` into the page as HTML (entries already in the
    file were escaped when they were added and are kept as they are)."""
    check_name(version, "版本号")
    for alias in aliases:
        check_name(alias, "别名")
        if alias == version:
            raise UsageError(f"别名「{alias}」与版本号相同")
    moved = set(aliases)
    kept = [
        VersionEntry(e.version, e.title, tuple(a for a in e.aliases if a not in moved))
        for e in entries
        if e.version != version
    ]
    clash = [e.version for e in kept if e.version in moved]
    if clash:
        raise UsageError(f"别名「{clash[0]}」已是一个版本号")
    merged = [*kept, VersionEntry(version, html_text(title), tuple(dict.fromkeys(aliases)))]
    return sorted(merged, key=lambda e: _version_key(e.version))


def versions_json(entries: list[VersionEntry]) -> str:
    """The file content, newest first, in mike's format."""
    data = [{"version": e.version, "title": e.title, "aliases": list(e.aliases)} for e in entries]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def default_target(entries: list[VersionEntry]) -> str:
    """Where the root redirect points: the `latest` alias if any, else the newest version."""
    for entry in entries:
        if "latest" in entry.aliases:
            return "latest/"
    return f"{entries[0].version}/"


def redirect_html(target: str) -> str:
    """A static redirect page (meta refresh plus a link for browsers without it), under the
    same Content-Security-Policy as every other page."""
    href = html.escape(target, quote=True)
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f"{CSP_META}\n"
        f'<title>正在跳转</title>\n<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n</head>\n<body>\n'
        f'<p>正在跳转到 <a href="{href}">{href}</a>……</p>\n</body>\n</html>\n'
    )
