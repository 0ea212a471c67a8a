"""The `zhibiao` command group and the options several commands share."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from builder import __version__

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("auto", "text", "json", "github", "sarif", "markdown")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

STANDARDS_ARG = click.argument("path", required=False, type=click.Path(path_type=Path))
FORMAT_OPT = click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="诊断的输出格式（auto：GitHub Actions 中为 github，否则为 text）",
)
CONFIG_OPT = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="配置文件（默认就近查找 zhibiao.yaml）",
)


def jobs_option(what: str) -> Callable[[F], F]:
    """`-j/--jobs N`: worker processes for `what` (Chinese), one per CPU when not given."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        metavar="N",
        help=f"{what}的进程数（默认每个 CPU 一个）",
    )


def no_cache_option(cache: str) -> Callable[[F], F]:
    """`--no-cache`: neither read nor write the named cache."""
    gap = " " if cache[:1].isascii() else ""  # 中文与西文之间留空格
    return click.option("--no-cache", is_flag=True, help=f"不读写{gap}{cache}")


COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "build": ("publishing",),
    "check": ("checking",),
    "comments": ("consult",),
    "conform": ("conform",),
    "diff": ("review",),
    "export": ("exchange",),
    "fmt": ("review",),
    "import": ("exchange", "drafting"),
    "migrate": ("review",),
    "new": ("review",),
    "refs": ("consult",),
    "rename": ("consult",),
    "rules": ("checking",),
    "schema": ("checking",),
    "serve": ("publishing",),
}
"""Command → the modules of `builder.cli` that define it (and its subcommands). A command's
module is imported when the command is looked up, so `zhibiao build` with nothing to do loads
neither the checks nor the data model; `zhibiao --help` imports them all."""


class LazyGroup(click.Group):
    """The top-level group: each command is registered by its module, imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        for module in COMMAND_MODULES.get(cmd_name, ()):
            importlib.import_module(f"builder.cli.{module}")
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(
    __version__,
    "-V",
    "--version",
    prog_name="zhibiao",
    message="%(prog)s %(version)s",
    help="显示版本并退出。",
)
def cli() -> None:
    """职标 Zhibiao：以代码方式编写、检查和发布职业教育标准。

    \f
    Write, check and publish Chinese vocational-education standards as code.
    """
