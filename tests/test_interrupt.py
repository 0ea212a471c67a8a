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
        # a shell's background job inherits SIGINT ignored, and Python then installs no
        # KeyboardInterrupt handler: give the build the default, as a terminal would
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _wait_for(predicate: object, process: subprocess.Popen[bytes], limit: float = 120) -> None:
    start = time.monotonic()
    while not predicate():  # type: ignore[operator]
        assert process.poll() is None, "the build finished before it could be interrupted"
        assert time.monotonic() - start < limit
        time.sleep(0.02)


def _workers_in(project: Path) -> list[int]:
    """Shard build workers (`builder.site.batch`) still running inside `project`."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes()
            cwd = Path(str((proc / "cwd").readlink()).removesuffix(" (deleted)"))
            if b"builder.site.batch" in command and cwd.is_relative_to(project):
                found.append(int(proc.name))
        except (OSError, ValueError):
            continue
    return found


@pytest.mark.parametrize(
    ("sig", "split"),
    [(signal.SIGINT, "none"), (signal.SIGKILL, "none"), (signal.SIGINT, "specialty")],
)
def test_interrupted_site_build_keeps_the_previous_site(
    project: Path, sig: signal.Signals, split: str
) -> None:
    command = ["build", "--no-docx", "--no-data", "--split", split, "-j", "1"]
    if split != "none":  # three shards for one worker, so it is still busy when interrupted
        generate(project, 3, 2025, course_standards=2)
    first = run_cli(command, project, ENV)
    assert first.exit_code == 0, first.stderr
    before = _digest(project / "site")
    _change_a_course(project)
    if split != "none":  # rebuild every shard, not only the changed one
        (project / "site" / ".zhibiao-site.json").unlink()
        before.pop(".zhibiao-site.json")
    process = _start(command, project)
    code = next((project / "standards").iterdir()).name.split("-")[0]
    marker = "index.html" if split == "none" else f"{code}/assets"  # a shard being written
    staged = lambda: any(  # noqa: E731
        (p / marker).exists() for p in project.glob(".site.*.new") if p.is_dir()
    )
    _wait_for(staged, process)  # mkdocs is writing the new site (for a split build: its shards)
    process.send_signal(sig)
    code = process.wait(timeout=120)
    stderr = process.stderr.read().decode("utf-8") if process.stderr else ""
    if sig == signal.SIGINT:  # Ctrl-C: "已中断", exit 130 as shells expect
        assert code == 130 and "已中断" in stderr, (code, stderr)
    else:
        assert code == -signal.SIGKILL
    assert _digest(project / "site") == before
    if sig == signal.SIGINT:
        assert not list(project.glob(".site.*")), "staging removed on Ctrl-C"
    if split != "none":
        assert not _workers_in(project), "the shard workers were stopped too"
    again = run_cli(command, project, ENV)
    assert again.exit_code == 0, again.stderr
    assert _digest(project / "site") != before
    assert not list(project.glob(".site.*.old"))


def test_interrupted_docx_export_leaves_only_complete_files(project: Path) -> None:
    out = project / "dist"
    first = run_cli(["export", "docx", "--toc-pages", "never", "-o", "dist"], project, ENV)
    assert first.exit_code == 0, first.stderr
    before = _digest(out)
    _change_a_course(project)
    process = _start(["export", "docx", "--toc-pages", "never", "-o", "dist"], project)
    time.sleep(1.5)  # mid-way through checking and rendering
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    after = _digest(out)
    assert set(before) <= set(after)
    for name in after:
        if name.endswith(".docx"):
            assert zipfile.ZipFile(out / name).testzip() is None, name  # old or new, whole
