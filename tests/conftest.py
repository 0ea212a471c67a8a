"""Shared helpers: run the CLI in a directory, copy the example project."""

from __future__ import annotations

import atexit
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"

# Hypothesis profiles. The default is what `python3 -m pytest` and CI run; `thorough` (a
# nightly or pre-release run: `HYPOTHESIS_PROFILE=thorough python3 -m pytest -m "not browser"`)
# tries ten times as many examples, in every test that sizes its examples with `examples()`
# and in those that take hypothesis's own default.
settings.register_profile("thorough", max_examples=1000)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
settings.load_profile(PROFILE)


def examples(default: int, thorough: int | None = None) -> int:
    """A property test's number of examples: `default` normally, more under the `thorough`
    profile (`thorough`, else ten times `default`)."""
    if PROFILE == "thorough":
        return thorough if thorough is not None else 10 * default
    return default


@pytest.fixture(autouse=True)
def _release_frozen_corpora() -> Iterator[None]:
    """Loading a corpus freezes what is alive (`builder.read.corpus.quiet_gc`); a test
    process loads thousands, so each test lets the collector see its objects again, as
    `zhibiao serve` does after each build."""
    yield
    gc.unfreeze()


@dataclass
class CliResult:
    """Exit code and output of one CLI run."""

    exit_code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> CliResult:
    """Run `python -m builder ARGS` in `cwd` as a user would (a real process, real exit code).

    PYTHONPATH points at this checkout, so a git worktree tests its own `builder/`. The
    process is forked from a server that has imported the command line once
    (`tests/cli_server.py`: same code, same exit status, own environment and files), unless
    `env` changes what an interpreter reads only when it starts (PYTHON*, LANG, LC_*, TZ) or
    ZHIBIAO_TEST_SUBPROCESS=1 asks for a new interpreter every time.
    """
    inherited = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    base_env = {**inherited, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    full_env = {**base_env, **(env or {})}
    forked = _FORKS.run(args, cwd, full_env, base_env)
    if forked is not None:
        return forked
    done = subprocess.run(
        [sys.executable, "-m", "builder", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        check=False,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def _read_text(path: Path) -> str:
    """A captured stream as `subprocess.run(text=True, encoding="utf-8")` returns it."""
    with path.open(encoding="utf-8", newline=None) as handle:
        return handle.read()


class _ForkServer:
    """The `tests/cli_server.py` process of this test process, started on first use."""

    STARTUP = ("PYTHON", "LANG", "LC_", "TZ")

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.env: dict[str, str] = {}
        self.broken = os.environ.get("ZHIBIAO_TEST_SUBPROCESS") == "1"
        self.lock = threading.Lock()

    def _startup(self, env: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in env.items() if k.startswith(self.STARTUP)}

    def run(
        self, args: list[str], cwd: Path, env: dict[str, str], base_env: dict[str, str]
    ) -> CliResult | None:
        """The forked run's result (environment `env`); None when it must be a new
        interpreter instead. The server itself starts with `base_env`."""
        if (
            self.broken
            or not Path(cwd).is_dir()  # subprocess raises for it: let it
            or not all(isinstance(a, (str, os.PathLike)) for a in args)
        ):
            return None
        with self.lock:
            if self.process is None:
                self.env = base_env
                self.process = subprocess.Popen(
                    [sys.executable, "-c", "from tests.cli_server import serve; serve()"],
                    cwd=REPO,
                    env=base_env,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                )
                atexit.register(self.stop)
            if self._startup(env) != self._startup(self.env):
                return None
            with tempfile.TemporaryDirectory(prefix="zhibiao-cli-") as folder:
                out, err = Path(folder, "stdout"), Path(folder, "stderr")
                job = {
                    "args": [os.fspath(a) for a in args],
                    "cwd": str(Path(cwd).absolute()),
                    "env": env,
                    "stdout": str(out),
                    "stderr": str(err),
                }
                assert self.process.stdin is not None and self.process.stdout is not None
                try:
                    self.process.stdin.write(json.dumps(job).encode("utf-8") + b"\n")
                    self.process.stdin.flush()
                    reply = self.process.stdout.readline()
                except OSError:
                    reply = b""
                if not reply:  # the server is gone: new interpreters from now on
                    self.broken = True
                    return None
                status = json.loads(reply)["status"]
                return CliResult(status, _read_text(out), _read_text(err))

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=30)


_FORKS = _ForkServer()


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    """A throw-away copy of the repository's example project (standards + config)."""
    target = tmp_path / "project"
    target.mkdir()
    shutil.copytree(REPO / "standards", target / "standards")
    if (REPO / "zhibiao.yaml").is_file():
        shutil.copy(REPO / "zhibiao.yaml", target / "zhibiao.yaml")
    return target
