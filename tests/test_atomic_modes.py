"""Atomic writes keep permissions: new files follow the umask, rewritten files keep their mode."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.base.atomic import replace_directory, write_text
from tests.conftest import REPO, run_cli


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_file_follows_the_umask(tmp_path: Path, umask_022: None) -> None:
    write_text(tmp_path / "报告.json", "[]\n")
    assert _mode(tmp_path / "报告.json") == 0o644


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_rewritten_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "zh01.yaml"
    target.write_text("kind: course\n", "utf-8")
    target.chmod(0o664)
    write_text(target, "kind: course\nname: 测试\n")
    assert _mode(target) == 0o664


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_replaced_directory_is_readable_like_a_new_one(tmp_path: Path, umask_022: None) -> None:
    with replace_directory(tmp_path / "site") as staging:
        (staging / "index.html").write_text("<html></html>", "utf-8")
    assert _mode(tmp_path / "site") == 0o755
    (tmp_path / "site").chmod(0o750)
    with replace_directory(tmp_path / "site") as staging:
        (staging / "index.html").write_text("<html></html>", "utf-8")
    assert _mode(tmp_path / "site") == 0o750


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_fmt_keeps_a_standard_file_readable(tmp_path: Path) -> None:
    """`zhibiao fmt` used to leave rewritten files readable by their owner only (0600)."""
    course = tmp_path / "standards" / "zh01.yaml"
    course.parent.mkdir()
    text = (REPO / "standards/510209-人工智能技术应用/courses/zh01.yaml").read_text("utf-8")
    course.write_text(text.replace("hours: 64\n", "hours:    64\n", 1), "utf-8")
    course.chmod(0o644)
    assert run_cli(["fmt"], tmp_path).exit_code == 0
    assert "hours: 64\n" in course.read_text("utf-8")
    assert _mode(course) == 0o644
