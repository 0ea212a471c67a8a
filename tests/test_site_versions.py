"""versions.json bookkeeping (mike's format) and the root redirect."""

from __future__ import annotations

import json

import pytest

from builder.project import UsageError
from builder.site.versions import (
    VersionEntry,
    add_version,
    default_target,
    parse_versions,
    redirect_html,
    versions_json,
)


def test_versions_newest_first_and_aliases_move() -> None:
    entries = add_version([], "2024", "2024", ("latest",))
    entries = add_version(entries, "2025", "2025 版", ("latest",))
    entries = add_version(entries, "dev", "开发版", ())
    assert [e.version for e in entries] == ["dev", "2025", "2024"]
    assert entries[1].aliases == ("latest",) and entries[2].aliases == ()
    data = json.loads(versions_json(entries))
    assert data[1] == {"version": "2025", "title": "2025 版", "aliases": ["latest"]}
    assert parse_versions(versions_json(entries)) == entries
    assert default_target(entries) == "latest/"
    assert default_target([VersionEntry("2025.1", "x"), VersionEntry("2025", "y")]) == "2025.1/"


def test_rebuilding_a_version_replaces_it() -> None:
    entries = add_version(add_version([], "2025", "旧", ()), "2025", "新", ("stable",))
    assert entries == [VersionEntry("2025", "新", ("stable",))]
    assert [
        e.version for e in add_version(add_version([], "2025.10", "a", ()), "2025.9", "b", ())
    ] == ["2025.10", "2025.9"]


@pytest.mark.parametrize(
    ("version", "aliases"),
    [("../x", ()), ("版本", ()), ("index.html", ()), ("2025", ("2025",)), ("2025", ("a/b",))],
)
def test_unsafe_names_are_usage_errors(version: str, aliases: tuple[str, ...]) -> None:
    with pytest.raises(UsageError):
        add_version([], version, version, aliases)


def test_alias_may_not_be_an_existing_version() -> None:
    with pytest.raises(UsageError):
        add_version(add_version([], "2024", "2024", ()), "2025", "2025", ("2024",))


def test_mike_file_is_read_and_bad_file_rejected() -> None:
    mike = '[{"version": "2.0", "title": "2.0", "aliases": ["latest"], "properties": []}]'
    assert parse_versions(mike) == [VersionEntry("2.0", "2.0", ("latest",))]
    with pytest.raises(UsageError):
        parse_versions('{"version": 1}')


def test_redirect_page() -> None:
    html = redirect_html("latest/")
    assert 'content="0; url=latest/"' in html and 'href="latest/"' in html
