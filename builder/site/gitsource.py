"""`--from-git REF`: export a tag or commit into a temporary directory with `git archive`,
so a release can be rebuilt without touching the working tree."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.project import UsageError


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("找不到 git 命令，无法使用 --from-git") from None


def _stdout(done: subprocess.CompletedProcess[bytes]) -> str:
    return done.stdout.decode("utf-8", "replace").strip()


@contextmanager
def exported(project_root: Path, ref: str) -> Iterator[Path]:
    """Yield the project directory as it was at `ref` (inside a temporary copy).

    The whole repository tree at `ref` is extracted, so the project may live in a
    subdirectory; the yielded path corresponds to `project_root` there.
    """
    top = _git(["rev-parse", "--show-toplevel"], project_root)
    if top.returncode != 0:
        raise UsageError(f"{project_root} 不在 git 仓库中，无法使用 --from-git")
    toplevel = Path(_stdout(top)).resolve()
    commit = resolve(project_root, ref)
    if commit is None:
        raise UsageError(
            f"找不到 git 引用「{ref}」", hint="用 git tag 或 git log 查看可用的标签和提交。"
        )
    archive = _git(["archive", "--format=tar", commit, "--"], project_root)
    if archive.returncode != 0:
        detail = archive.stderr.decode("utf-8", "replace").strip()
        raise UsageError(f"git archive 失败：{detail}")
    folder = Path(tempfile.mkdtemp(prefix="zhibiao-git-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        yield folder / project_root.resolve().relative_to(toplevel)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def resolve(project_root: Path, ref: str) -> str | None:
    """The full commit id `ref` names, or None. A value that git could take for an option
    (`--output=…`, `--upload-pack=…`) names no commit: it is never passed as one."""
    if not ref or ref.startswith("-") or any(c < " " or c == "\x7f" for c in ref):
        return None
    done = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
        project_root,
    )
    commit = _stdout(done)
    if done.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40,64}", commit):
        return None
    return commit


def commit_time(project_root: Path, ref: str = "HEAD") -> int | None:
    """Commit time (Unix seconds) of `ref`, or None outside a repository."""
    try:
        commit = resolve(project_root, ref)
        if commit is None:
            return None
        done = _git(["log", "-1", "--format=%ct", commit, "--"], project_root)
    except UsageError:
        return None
    text = _stdout(done)
    return int(text) if done.returncode == 0 and text.isdigit() else None


def build_date(root: Path, ref: str | None) -> int | None:
    """The date written into the site: $SOURCE_DATE_EPOCH, else the commit time of the
    built revision (so rebuilding a commit gives the same bytes), else unknown."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if value.isdigit():
        return int(value)
    return commit_time(root, ref or "HEAD")
