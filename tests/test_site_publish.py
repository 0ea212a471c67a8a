"""Versioned builds, `--from-git` and the live-reloading `zhibiao serve`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli
from tests.site_html import html_file, read_page
from tests.test_site_build import SPECIALTY, copy_project

pytestmark = pytest.mark.slow


def test_two_versions_with_alias_and_redirect(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first = run_cli(["build", "--version", "2024", "--alias", "latest"], project)
    assert first.exit_code == 0, first.stderr
    second = run_cli(
        ["build", "--version", "2025", "--alias", "latest", "--title", "2025 版"], project
    )
    assert second.exit_code == 0, second.stderr
    site = project / "site"
    assert json.loads((site / "versions.json").read_text("utf-8")) == [
        {"version": "2025", "title": "2025 版", "aliases": ["latest"]},
        {"version": "2024", "title": "2024", "aliases": []},
    ]
    for folder in ("2024", "2025", "latest"):
        assert html_file(site / folder, "510209/competencies.md").is_file(), folder
    assert 'url=latest/"' in (site / "index.html").read_text("utf-8")
    page = (site / "2024/index.html").read_text("utf-8")
    assert '"provider":"mike"' in page.replace(" ", "")
    assert "（2024 版）" in read_page(site / "2024/index.html").text
    assert "（2025 版）" in read_page(site / "latest/index.html").text
    unversioned = run_cli(["build"], project)
    assert unversioned.exit_code == 2 and "versions.json" in unversioned.stderr
    assert (site / "2024/index.html").is_file()


def _git(project: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, env=env)


def test_build_a_version_from_a_git_tag(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "2024 版")
    _git(project, "tag", "v2024")
    course = project / SPECIALTY / "courses/zh02.yaml"
    edited = course.read_text("utf-8").replace("房价预测、客户流失预测", "工业质检、能耗预测")
    course.write_text(edited, "utf-8")
    old = run_cli(["build", "--from-git", "v2024", "--version", "2024"], project)
    assert old.exit_code == 0, old.stderr
    status = subprocess.run(
        ["git", "-c", "core.quotePath=false", "status", "--porcelain"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    assert sorted(status.stdout.splitlines()) == [f" M {SPECIALTY}/courses/zh02.yaml", "?? site/"]
    new = run_cli(["build", "--version", "2025", "--alias", "latest"], project)
    assert new.exit_code == 0, new.stderr
    site = project / "site"
    assert "房价预测" in read_page(html_file(site / "2024", "510209/courses/ZH02.md")).text
    assert "工业质检" in read_page(html_file(site / "2025", "510209/courses/ZH02.md")).text
    assert course.read_text("utf-8") == edited
    missing = run_cli(["build", "--from-git", "no-such-tag", "--version", "x"], project)
    assert missing.exit_code == 2 and "找不到 git 引用" in missing.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            text: str = response.read().decode("utf-8")
            return text
    except OSError:
        return None


def _wait_for(url: str, needle: str, limit: float = 120) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        text = _fetch(url)
        if text is not None and needle in text:
            return text
        time.sleep(0.5)
    raise AssertionError(f"{url} never contained {needle!r}")


def test_serve_regenerates_pages_when_yaml_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/510209/courses/ZH02/"
        _wait_for(url, "房价预测")
        course = project / SPECIALTY / "courses/zh02.yaml"
        course.write_text(course.read_text("utf-8").replace("房价预测", "能耗预测"), "utf-8")
        _wait_for(url, "能耗预测")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    stderr = process.stderr.read().decode("utf-8") if process.stderr else ""
    assert "已重新生成页面" in stderr and "Traceback" not in stderr


def test_rebuilding_a_commit_gives_identical_bytes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "zhibiao.yaml"
    config.write_text(config.read_text("utf-8") + "  url: https://std.example.org/\n", "utf-8")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    env_date = "2025-06-30T08:00:00+08:00"
    subprocess.run(
        ["git", "commit", "-q", "-m", "发布"],
        cwd=project,
        check=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "测试",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "测试",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "GIT_COMMITTER_DATE": env_date,
            "GIT_AUTHOR_DATE": env_date,
        },
    )
    for out in ("a", "b"):
        result = run_cli(["build", "--no-docx", "-d", out], project, env={"SOURCE_DATE_EPOCH": ""})
        assert result.exit_code == 0, result.stderr
    first = {
        p.relative_to(project / "a"): p.read_bytes()
        for p in (project / "a").rglob("*")
        if p.is_file()
    }
    second = {
        p.relative_to(project / "b"): p.read_bytes()
        for p in (project / "b").rglob("*")
        if p.is_file()
    }
    assert first == second
    sitemap = first[Path("sitemap.xml")].decode("utf-8")
    assert "<loc>https://std.example.org/510209/competencies/</loc>" in sitemap
    assert "<lastmod>2025-06-30</lastmod>" in sitemap
