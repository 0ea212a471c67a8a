"""Atomic outputs: the previous file or directory survives any failure; permissions are usual."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.base import atomic
from builder.base.atomic import replace_directory, write_bytes, write_text


def test_write_text_replaces_and_keeps_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out" / "标准.docx"
    old = os.umask(0o022)
    try:
        write_text(target, "旧")
        write_text(target, "新")
    finally:
        os.umask(old)
    assert target.read_text("utf-8") == "新"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["标准.docx"]


def test_failed_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.docx"
    write_bytes(target, b"previous")

    def interrupted(self: Path, other: Path) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes(target, b"half")
    monkeypatch.undo()
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_interrupted_build_leaves_the_previous_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with replace_directory(site) as staging:
        (staging / "index.html").write_text("v1", "utf-8")
    with pytest.raises(KeyboardInterrupt), replace_directory(site) as staging:
        (staging / "index.html").write_text("v2-partial", "utf-8")
        raise KeyboardInterrupt
    assert (site / "index.html").read_text("utf-8") == "v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_directory_swap_and_permissions(tmp_path: Path) -> None:
    site = tmp_path / "site"
    old = os.umask(0o022)
    try:
        for version in ("v1", "v2"):
            with replace_directory(site) as staging:
                (staging / "index.html").write_text(version, "utf-8")
    finally:
        os.umask(old)
    assert (site / "index.html").read_text("utf-8") == "v2"
    assert site.stat().st_mode & 0o777 == 0o755
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_without_exchange_and_repair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "_exchange", lambda first, second: False)
    site = tmp_path / "site"
    for version in ("v1", "v2"):
        with replace_directory(site) as staging:
            (staging / "index.html").write_text(version, "utf-8")
    assert (site / "index.html").read_text("utf-8") == "v2"
    # a run killed between its two renames leaves only `.site.old`: the next run restores it
    site.replace(tmp_path / ".site.old")
    with pytest.raises(RuntimeError), replace_directory(site):
        raise RuntimeError
    assert (site / "index.html").read_text("utf-8") == "v2"
