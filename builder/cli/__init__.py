"""Command line: parse options, call one pipeline function, map the result to an exit code.

Exit codes: 0 clean, 1 problems found (errors, or warnings with --strict), 2 usage or
configuration error, 3 internal error (the traceback is saved to a file, never printed).

Commands live in modules by purpose (`checking`, `review`, `publishing`, `exchange`); each
parses options and calls one pipeline function, importing it lazily so `--help` stays fast.
A command's module is itself imported only when the command is invoked or listed
(`builder.cli.base.COMMAND_MODULES`).
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path

import click

from builder.cli import i18n
from builder.cli.base import cli
from builder.project import UsageError

__all__ = ["cli", "main"]

i18n.install()  # Click's own messages ("Usage:", "Error: …") in Chinese


def main() -> None:
    """Entry point of the `zhibiao` console script."""
    try:
        cli.main(standalone_mode=False, prog_name="zhibiao")
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):  # click wraps Ctrl-C in Abort
            click.echo("已中断", err=True)
            sys.exit(130)
        click.echo("已中止", err=True)
        sys.exit(2)
    except UsageError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(2)
    except OSError as exc:  # an output path that cannot be written, a disk that is full …
        from builder.project import os_error_message

        click.echo(f"error: {os_error_message(exc)}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("已中断", err=True)
        sys.exit(130)
    except Exception as exc:
        with tempfile.NamedTemporaryFile(
            "w", prefix="zhibiao-", suffix=".log", delete=False
        ) as log:
            traceback.print_exc(file=log)
        where = file_in_trace(exc)
        during = f"（处理 {where} 时）" if where else ""
        click.echo(f"内部错误{during}，请报告此问题；详细信息已写入 {log.name}", err=True)
        sys.exit(3)


def file_in_trace(exc: BaseException) -> str | None:
    """The standards file being processed when `exc` was raised: the innermost frame that
    holds a loaded document (its `rel`) or a YAML path; else the title of a document model."""
    frames = [frame for frame, _ in traceback.walk_tb(exc.__traceback__)]
    for frame in reversed(frames):
        for value in frame.f_locals.values():
            rel = getattr(value, "rel", None)
            if isinstance(rel, str) and hasattr(value, "doc"):
                return rel
            if isinstance(value, Path) and value.suffix in {".yaml", ".yml"}:
                return value.as_posix()
    for frame in reversed(frames):  # no file at hand: a document model being rendered
        for value in frame.f_locals.values():
            title = getattr(getattr(value, "meta", None), "title", None)
            if isinstance(title, str) and isinstance(getattr(value, "kind", None), str):
                return f"「{title}」"
    return None
