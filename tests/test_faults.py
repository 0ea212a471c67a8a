"""Faults end cleanly: a full disk during `export docx` leaves no partial set of Word files,
the previous output intact, and a Chinese message (exit 2), never a traceback."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from builder.base import atomic
from tests.opendata_support import FIXTURE
from tests.test_hostile_exports import run_inprocess


def test_write_set_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    previous = tmp_path / "b.docx"
    previous.write_bytes(b"previous")
    opened = 0
    real = os.fdopen

    def failing(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        nonlocal opened
        opened += 1
        if opened == 3:
            os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, mode, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "fdopen", failing)
    files = {tmp_path / f"{name}.docx": b"new" for name in "abcd"}
    with pytest.raises(OSError):
        atomic.write_set(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.docx"]
    assert previous.read_bytes() == b"previous"
    monkeypatch.setattr(atomic.os, "fdopen", real)
    atomic.write_set(files)
    assert all(path.read_bytes() == b"new" for path in files)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Any:
    """A 200 KB tmpfs (skipped where mounting is not permitted)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.slow
def test_full_disk_during_export_docx(tiny_disk: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    out = tiny_disk / "docx"
    out.mkdir()
    (out / "旧文件.docx").write_bytes(b"previous output")
    stat = os.statvfs(tiny_disk)  # leave 8 KB: less than any Word file the export writes
    (tiny_disk / "filler").write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - 8192))
    args = ["export", "docx", "standards", "-o", str(out), "--no-cache", "--force", "-j", "1"]
    result = run_inprocess(args, project)
    text = result.stdout + result.stderr
    assert result.code == 2, text
    assert "磁盘空间不足" in result.stderr and "未写入任何 Word 文件" in result.stderr
    assert "Traceback" not in text and "内部错误" not in text
    assert sorted(p.name for p in out.iterdir()) == ["旧文件.docx"]
    assert (out / "旧文件.docx").read_bytes() == b"previous output"


CLEAN = Path(__file__).resolve().parent / "cases" / "clean-minimal"


def test_a_second_build_stops_with_a_chinese_message(tmp_path: Path) -> None:
    from builder.project.buildlock import exclusive

    project = tmp_path / "p"
    shutil.copytree(CLEAN, project)
    with exclusive(project / "build", [project / "build" / "site-src", project / "site"]):
        result = run_inprocess(["build", "--no-docx", "--no-data"], project)
    text = result.stdout + result.stderr
    assert result.code == 2, text
    assert "另一个 zhibiao build 正在写入" in result.stderr
    assert "Traceback" not in text and "内部错误" not in text
    assert not (project / "site").exists()


@pytest.mark.slow
def test_staging_left_by_a_killed_build_is_removed(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(CLEAN, project)
    stale = [
        project / ".site.0123456789ab.new",
        project / "build" / ".site-src.abcdefabcdef.new",
        project / ".site.0123456789ab.tmp",
    ]
    for path in stale[:2]:
        (path / "assets").mkdir(parents=True)
    stale[2].write_bytes(b"half")
    keep = project / ".site.notastaging.new"
    keep.mkdir()
    result = run_inprocess(["build", "--no-docx", "--no-data"], project)
    assert result.code == 0, result.stderr
    assert (project / "site" / "index.html").is_file()
    assert not any(path.exists() for path in stale)
    assert keep.is_dir()
    inside = project / "site" / ".v1.0123456789ab.new"
    inside.mkdir()
    result = run_inprocess(["build", "--no-docx", "--no-data"], project)
    assert result.code == 0, result.stderr
    assert not inside.exists()


MKDOCS_OUTPUTS = {
    "disk-full": 'Traceback (most recent call last):\n  File "m.py", line 3, in build\n'
    "OSError: [Errno 28] No space left on device: '/s/x.html'",
    "no-permission": "PermissionError: [Errno 13] Permission denied: '/s'",
    "crash": 'Traceback (most recent call last):\n  File "m.py", line 3\n    nav()\n'
    "KeyError: 'nav'",
    "memory": "Traceback (most recent call last):\nMemoryError",
    "config": "ERROR    -  Config value 'theme': Unrecognised theme name: 'x'.\n"
    "Aborted with a configuration error!",
    "empty": "",
}


@pytest.mark.parametrize("name", sorted(MKDOCS_OUTPUTS))
def test_mkdocs_failures_are_told_in_chinese(name: str) -> None:
    from builder.site.engine_errors import explain

    message, hint = explain(MKDOCS_OUTPUTS[name])
    assert message.startswith("mkdocs 构建失败")
    assert "Traceback" not in message and 'File "' not in message
    assert hint
    if name == "disk-full":
        assert "磁盘空间不足" in message and "mkdocs.yml" not in hint
    if name == "crash":
        assert "KeyError" in message and ".log" in message


@pytest.mark.slow
def test_full_disk_during_build_keeps_the_previous_site(tiny_disk: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(CLEAN, project)
    site = tiny_disk / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>上次发布的站点</p>", "utf-8")
    result = run_inprocess(["build", "--no-docx", "--no-data", "-d", str(site)], project)
    text = result.stdout + result.stderr
    assert result.code == 2, text
    assert "磁盘空间不足" in result.stderr, text
    assert "Traceback" not in text and "内部错误" not in text
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text("utf-8") == "<p>上次发布的站点</p>"
    assert [p.name for p in tiny_disk.iterdir()] == ["site"]


def test_export_docx_removes_what_a_killed_export_left(tmp_path: Path) -> None:
    from builder.project.buildlock import exclusive

    project = tmp_path / "p"
    shutil.copytree(CLEAN, project)
    out = project / "dist" / "docx"
    out.mkdir(parents=True)
    leftover = out / ".ZH01.docx.0123456789ab.tmp"
    leftover.write_bytes(b"half a file")
    args = ["export", "docx", "standards", "-o", "dist/docx", "--no-cache", "-j", "1"]
    with exclusive(out.parent, [out]):
        busy = run_inprocess(args, project)
    assert busy.code == 2 and "另一个 zhibiao export docx 正在写入" in busy.stderr, busy.stderr
    result = run_inprocess(args, project)
    assert result.code == 0, result.stderr
    assert not leftover.exists()
    assert sorted(p.suffix for p in out.iterdir()) == [".docx"] * len(list(out.iterdir()))
