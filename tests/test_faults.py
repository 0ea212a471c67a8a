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

from builder import atomic
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
    (tiny_disk / "filler").write_bytes(b"\0" * 120_000)
    args = ["export", "docx", "standards", "-o", str(out), "--no-cache", "--force", "-j", "1"]
    result = run_inprocess(args, project)
    text = result.stdout + result.stderr
    assert result.code == 2, text
    assert "磁盘空间不足" in result.stderr and "未写入任何 Word 文件" in result.stderr
    assert "Traceback" not in text and "内部错误" not in text
    assert sorted(p.name for p in out.iterdir()) == ["旧文件.docx"]
    assert (out / "旧文件.docx").read_bytes() == b"previous output"
