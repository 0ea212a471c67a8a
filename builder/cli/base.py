"""The `zhibiao` command group and the options several commands share."""

from __future__ import annotations

from pathlib import Path

import click

from builder import __version__

FORMATS = ("auto", "text", "json", "github", "sarif", "markdown")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

STANDARDS_ARG = click.argument("path", required=False, type=click.Path(path_type=Path))
CONFIG_OPT = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="配置文件（默认就近查找 zhibiao.yaml）/ config file.",
)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="zhibiao")
def cli() -> None:
    """职标 Zhibiao：以代码方式编写、检查和发布职业教育标准。

    Write, check and publish Chinese vocational-education standards as code.
    """
