"""Fork server behind `tests.conftest.run_cli`: one Python process imports the command line
once, then forks a fresh child for every run.

Each child is a real process like `python -m builder ARGS`: its own working directory,
environment, standard input (/dev/null), standard output and error (files the caller reads),
exit status and subprocesses; nothing a run changes in memory reaches the next run, because
every child starts from the server's state right after the import. What the child skips is
the ~0.5 s of CPU that importing the command line costs (pydantic models, Click, the rules),
paid once per test process instead of once per run. Whatever the import wrote to standard
error (a warning from a dependency) is written again at the start of every child's standard
error, as a fresh process would.

Protocol: one JSON object a line on standard input (`args`, `cwd`, `env`, `stdout`,
`stderr`: paths of the files to write), one JSON object a line on standard output
(`status`: the exit status as `subprocess` reports it, negative for a signal).
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any, NoReturn


def _exit_status(exc: SystemExit) -> int:
    """The status Python gives a process that ends with `exc`."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write(f"{code}\n")
    return 1


def _shut_down() -> None:
    """What the interpreter does before it exits: wait for the threads that are not daemons,
    then run the exit handlers (registered by the imports or by this run)."""
    threading = sys.modules.get("threading")
    if threading is not None:
        try:
            threading._shutdown()  # type: ignore[attr-defined]
        except Exception:
            traceback.print_exc()
    atexit._run_exitfuncs()


def _child(job: dict[str, Any], main_file: str, import_noise: bytes) -> NoReturn:
    status = 1
    try:
        os.chdir(job["cwd"])
        os.environ.clear()
        os.environ.update(job["env"])
        tempfile.tempdir = None  # chosen again from this run's TMPDIR, as in a new process
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for fd, path in ((1, job["stdout"]), (2, job["stderr"])):
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(handle, fd)
            os.close(handle)
        if import_noise:
            os.write(2, import_noise)
        sys.argv = [main_file, *job["args"]]
        from builder.cli import main

        try:
            main()
            status = 0
        except SystemExit as exc:
            status = _exit_status(exc)
        except BaseException:  # what the interpreter does with an uncaught exception
            traceback.print_exc()
            status = 1
    finally:
        _shut_down()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # a closed or full stream: the interpreter exits with 120
                status = 120 if status == 0 else status
        os._exit(status)


def serve() -> None:
    """Answer run requests until standard input closes."""
    requests = os.fdopen(os.dup(0), "rb")  # dup'ed descriptors are not inherited by children
    replies = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(2, 1)  # nothing the server prints can corrupt the replies
    with tempfile.TemporaryFile() as noise:
        saved = os.dup(2)
        os.dup2(noise.fileno(), 2)
        try:
            import builder.cli
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
        noise.seek(0)
        import_noise = noise.read()
    import builder

    main_file = str(Path(builder.__file__).parent / "__main__.py")
    for line in requests:
        job = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            requests.close()
            replies.close()
            _child(job, main_file, import_noise)
        _, wait_status = os.waitpid(pid, 0)
        reply = {"status": os.waitstatus_to_exitcode(wait_status)}
        replies.write(json.dumps(reply).encode("utf-8") + b"\n")
        replies.flush()


if __name__ == "__main__":
    serve()
