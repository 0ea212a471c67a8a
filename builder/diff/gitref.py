"""The two sides of a diff: the working tree, a directory, or a git ref.

A git ref is materialised with `git archive` (the standards directory and the config
only) into a temporary directory, so the working tree is never touched, then loaded
like any directory. Files that do not load are kept as diagnostics, not raised.
"""

from __future__ import annotations

import re
import subprocess
import tarfile
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from builder.base.diagnostics import Diagnostic, Diagnostics
from builder.diff.engine import failed_logical
from builder.diff.model import Problem
from builder.project import Project, UsageError
from builder.read.corpus import Corpus, load_corpus


@dataclass(frozen=True, slots=True)
class Side:
    """One loaded version of the standards tree."""

    label: str
    corpus: Corpus
    base: Path
    diagnostics: tuple[Diagnostic, ...]

    @property
    def failed(self) -> set[str]:
        """Paths (relative to the standards directory) of files that did not load."""
        return failed_logical(self.corpus, self.base)

    def problems(self, side: str) -> list[Problem]:
        """One problem per file that did not load (its first diagnostic)."""
        first: dict[str, Diagnostic] = {}
        for d in self.diagnostics:
            if d.file in self.corpus.failed and d.file not in first:
                first[d.file] = d
        return [
            Problem(side, rel, d.message, d.line, d.column, d.code)
            for rel, d in sorted(first.items())
        ]


def open_side(spec: str | None, project: Project, stack: ExitStack) -> Side:
    """Load the side named by `spec`: None = working tree, a directory, or a git ref.

    Temporary directories are registered on `stack` and removed when it closes.
    """
    if spec is None:
        return _load("工作区", project.standards, project.root)
    folder = Path(spec)
    if folder.is_dir():
        standards = folder / "standards" if (folder / "standards").is_dir() else folder
        base = folder if standards != folder else folder.resolve().parent
        return _load(str(folder), standards, base)
    repo = git_toplevel(project.root)
    if repo is None:
        raise UsageError(
            f"「{spec}」不是目录，而且 {project.root} 不在 git 仓库中，无法作为 git 引用读取",
            hint="给出旧版本的目录，或在 git 仓库中运行。",
        )
    commit = resolve_ref(repo, spec)
    if commit is None:
        raise UsageError(
            f"「{spec}」既不是目录，也不是可识别的 git 引用（分支、标签或提交）",
            hint="例如 HEAD、HEAD~1、main、origin/main、v2025。",
        )
    temp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="zhibiao-ref-")))
    standards_rel = _inside_repo(project.standards, repo)
    paths = [standards_rel]
    if project.config_path is not None:
        paths.append(_inside_repo(project.config_path, repo))
    materialise(repo, commit, paths, temp)
    standards = temp / standards_rel
    standards.mkdir(parents=True, exist_ok=True)
    project_base = temp / _inside_repo(project.root, repo)
    return _load(f"{spec}（{commit[:7]}）", standards, project_base)


def _load(label: str, standards: Path, base: Path) -> Side:
    sink = Diagnostics()
    corpus = load_corpus(standards, base, sink)
    return Side(label, corpus, base, tuple(sink.items))


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)


def git_toplevel(folder: Path) -> Path | None:
    """The root of the git work tree containing `folder`, or None."""
    try:
        done = _git(folder.resolve(), "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        return None
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode("utf-8").strip())


def resolve_ref(repo: Path, ref: str) -> str | None:
    """Full commit id of `ref`, or None when it names no commit."""
    if not ref or ref.startswith("-") or any(c < " " or c == "\x7f" for c in ref):
        return None  # never handed to git, where it could read as an option
    done = _git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    commit = done.stdout.decode("ascii", "replace").strip()
    if done.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40,64}", commit):
        return None
    return commit


def _inside_repo(path: Path, repo: Path) -> str:
    try:
        rel = path.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{path} 不在 git 仓库 {repo} 中") from None
    return rel or "."


def materialise(repo: Path, commit: str, paths: list[str], target: Path) -> None:
    """Extract `paths` of `commit` into `target` (paths missing in that commit are skipped)."""
    present = [p for p in paths if p == "." or _exists(repo, commit, p)]
    if not present:
        return
    with subprocess.Popen(
        ["git", "-C", str(repo), "archive", "--format=tar", commit, "--", *present],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        with tarfile.open(fileobj=proc.stdout, mode="r|") as archive:
            archive.extractall(target, filter=_safe_member)
        error = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise UsageError(f"git archive {commit[:7]} 失败：{error.strip()}")


def _exists(repo: Path, commit: str, path: str) -> bool:
    return _git(repo, "cat-file", "-e", f"{commit}:{path}").returncode == 0


def _safe_member(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo | None:
    """Tar's `data` filter, but members it refuses (links out of the tree) are skipped."""
    try:
        return tarfile.data_filter(member, dest)
    except tarfile.FilterError:
        return None


def changed_files(project: Project, ref: str) -> set[str]:
    """Files that differ between `ref` and the working tree, relative to the current directory.

    Used to put diagnostics of the files a pull request touches first, because GitHub
    shows only the first 10 annotations of each kind per step. Empty outside git.
    """
    repo = git_toplevel(project.root)
    commit = resolve_ref(repo, ref) if repo is not None else None
    if repo is None or commit is None:
        return set()
    done = _git(repo, "diff", "--name-only", "-z", commit, "--")  # a resolved commit id
    if done.returncode != 0:
        return set()
    cwd = Path.cwd().resolve()
    found: set[str] = set()
    for name in done.stdout.decode("utf-8", "replace").split("\0"):
        if name:
            path = (repo / name).resolve()
            try:
                found.add(path.relative_to(cwd).as_posix())
            except ValueError:
                found.add(path.as_posix())
    return found
