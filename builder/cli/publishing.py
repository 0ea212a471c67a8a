"""`zhibiao build` and `zhibiao serve`: the documentation site."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import cast

import click

from builder.cli.base import CONFIG_OPT, FORMAT_OPT, STANDARDS_ARG, cli, jobs_option


def _say(message: str) -> None:
    click.echo(message, err=True)


@cli.command("build")
@STANDARDS_ARG
@CONFIG_OPT
@click.option("--force", is_flag=True, help="检查有错误也发布，每页显示警告")
@click.option("--version", "version", help="构建到 site/<版本>/ 并更新 versions.json")
@click.option("--alias", "aliases", multiple=True, help="版本别名，如 latest，可多次")
@click.option("--title", help="版本选择器中的名称（默认同版本号）")
@click.option("--from-git", "ref", help="从 git 标签或提交构建，不改动工作区")
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(path_type=Path),
    help="输出目录（默认项目根目录下的 site/）",
)
@FORMAT_OPT
@click.option("--no-docx", is_flag=True, help="不生成 Word 下载")
@click.option(
    "--changelog",
    type=click.Path(path_type=Path, dir_okay=False),
    help="修订说明页面（Markdown 文件）",
)
@click.option(
    "--changes-since",
    "since",
    metavar="REF",
    help="由与该 git 引用（如上一版本的标签）的语义差异生成修订说明页",
)
@click.option("--no-data", is_flag=True, help="不生成开放数据页")
@click.option(
    "--split",
    type=click.Choice(["auto", "none", "specialty", "category"]),
    help="拆分为门户和分站点（默认取 zhibiao.yaml 的 site.split，即 auto）",
)
@click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    help="站点引擎（默认取 zhibiao.yaml 的 site.engine，即 mkdocs；zensical 需另行安装）",
)
@click.option("--rebuild", is_flag=True, help="即使与上次构建相比没有改动也重新构建")
@jobs_option("解析文件和构建分站点")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="另外显示 mkdocs 与 jieba 的原始日志（默认只显示译成中文的要点）",
)
def build_command(
    path: Path | None,
    config_path: Path | None,
    force: bool,
    version: str | None,
    aliases: tuple[str, ...],
    title: str | None,
    ref: str | None,
    site_dir: Path | None,
    fmt: str,
    no_docx: bool,
    changelog: Path | None,
    since: str | None,
    no_data: bool,
    split: str | None,
    rebuild: bool,
    engine: str | None,
    jobs: int | None,
    verbose: bool,
) -> None:
    """检查标准并生成文档站点（mkdocs，严格模式）；有错误时拒绝发布。

    \f
    Check the standards and build the documentation site; refuses to publish on errors.
    """
    from builder.site.layout import SplitMode
    from builder.site.options import BuildOptions

    if aliases and version is None:
        raise click.UsageError("--alias 需要与 --version 一起使用")
    if changelog is not None and since is not None:
        raise click.UsageError("--changelog 与 --changes-since 只能选一个")
    options = BuildOptions(
        site_dir=Path("site"),
        force=force,
        version=version,
        aliases=aliases,
        title=title,
        docx=not no_docx,
        open_data=not no_data,
        split=cast("SplitMode | None", split),
        jobs=jobs,
        progress=None,
        verbose=verbose,
        rebuild=rebuild,
    )
    if ref is None and since is None and changelog is None:
        from builder.site.unchanged import nothing_to_do  # before loading any configuration

        if nothing_to_do(path, config_path, site_dir, options, fmt=fmt, engine=engine, say=_say):
            sys.exit(0)
    from builder.site.run import read_changelog, run_build

    options = replace(options, changelog=read_changelog(changelog))
    sys.exit(
        run_build(
            path, config_path, site_dir, options, fmt=fmt, ref=ref, since=since, engine=engine
        )
    )


@cli.command("serve")
@STANDARDS_ARG
@CONFIG_OPT
@click.option(
    "-a",
    "--dev-addr",
    "address",
    default="127.0.0.1:8000",
    show_default=True,
    help="预览地址 host:port",
)
@click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    help="站点引擎（默认取 zhibiao.yaml 的 site.engine，即 mkdocs；zensical 需另行安装）",
)
def serve_command(
    path: Path | None, config_path: Path | None, address: str, engine: str | None
) -> None:
    """本地预览站点，修改标准文件后自动刷新"""
    from builder.site.run import run_serve

    sys.exit(run_serve(path, config_path, address, engine))
