"""An interrupted build or export leaves the previous site and Word files intact."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from benchmarks.generate import generate
from tests.conftest import REPO, run_cli

pytestmark = pytest.mark.slow
ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "NO_COLOR": "1"}


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    generate(tmp_path, 1, 2025, course_standards=2)
    return tmp_path


def _change_a_course(project: Path) -> None:
    course = sorted(next((project / "standards").iterdir()).glob("courses/*.yaml"))[0]
    text = course.read_text("utf-8")
    course.write_text(
        text.replace("description: |-\n  ", "description: |-\n  （修订）", 1), "utf-8"
    )


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, **ENV, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "builder", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for(predicate: object, process: subprocess.Popen[bytes], limit: float = 120) -> None:
    start = time.monotonic()
    while not predicate():  # type: ignore[operator]
        assert process.poll() is None, "the build finished before it could be interrupted"
        assert time.monotonic() - start < limit
        time.sleep(0.02)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_site_build_keeps_the_previous_site(project: Path, sig: signal.Signals) -> None:
    first = run_cli(["build", "--no-docx", "--no-data"], project, ENV)
    assert first.exit_code == 0, first.stderr
    before = _digest(project / "site")
    _change_a_course(project)
    process = _start(["build", "--no-docx", "--no-data"], project)
    staged = lambda: any(  # noqa: E731
        (p / "index.html").exists() for p in project.glob(".site.*.new") if p.is_dir()
    )
    _wait_for(staged, process)  # mkdocs is writing the new site
    process.send_signal(sig)
    code = process.wait(timeout=120)
    stderr = process.stderr.read().decode("utf-8") if process.stderr else ""
    if sig == signal.SIGINT:  # click turns Ctrl-C into Abort: "已中止 / aborted", exit 2
        assert code == 2 and "aborted" in stderr, (code, stderr)
    else:
        assert code == -signal.SIGKILL
    assert _digest(project / "site") == before
    if sig == signal.SIGINT:
        assert not list(project.glob(".site.*")), "staging removed on Ctrl-C"
    again = run_cli(["build", "--no-docx", "--no-data"], project, ENV)
    assert again.exit_code == 0, again.stderr
    assert _digest(project / "site") != before
    assert not list(project.glob(".site.*.old"))


def test_interrupted_docx_export_leaves_only_complete_files(project: Path) -> None:
    out = project / "dist"
    first = run_cli(["export", "docx", "-o", "dist"], project, ENV)
    assert first.exit_code == 0, first.stderr
    before = _digest(out)
    _change_a_course(project)
    process = _start(["export", "docx", "-o", "dist"], project)
    time.sleep(1.5)  # mid-way through checking and rendering
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    after = _digest(out)
    assert set(before) <= set(after)
    for name in after:
        if name.endswith(".docx"):
            assert zipfile.ZipFile(out / name).testzip() is None, name  # old or new, whole
