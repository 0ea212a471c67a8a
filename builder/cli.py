"""Command line: parse options, call one pipeline function, map the result to an exit code.

Exit codes: 0 clean, 1 problems found (errors, or warnings with --strict), 2 usage or
configuration error, 3 internal error (the traceback is saved to a file, never printed).
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path

import click

from builder import __version__
from builder.project import UsageError, open_project

FORMATS = ("auto", "text", "json", "github", "sarif")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="zhibiao")
def cli() -> None:
    """职标 Zhibiao：以代码方式编写、检查和发布职业教育标准。

    Write, check and publish Chinese vocational-education standards as code.
    """


@cli.command("check")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="配置文件（默认就近查找 zhibiao.yaml）/ config file.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="输出格式 / output format.",
)
@click.option("--strict", is_flag=True, help="有警告也返回 1 / fail on warnings too.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="写入文件而不是标准输出 / write the report to a file.",
)
def check_command(
    path: Path | None, config_path: Path | None, fmt: str, strict: bool, output: Path | None
) -> None:
    """检查标准目录（默认 ./standards）：模式、引用、覆盖、数值规则、编码。

    Check a standards directory: schema, references, coverage, numeric rules, codes.
    """
    import io

    from builder import report
    from builder.atomic import write_text
    from builder.checking import run_check

    result = run_check(open_project(path, config_path))
    reporter = report.select(fmt)
    if output is not None:
        buffer = io.StringIO()
        reporter(result.diagnostics, result.files, buffer)
        try:
            write_text(output, buffer.getvalue())
        except OSError as exc:
            raise UsageError(f"无法写入报告文件 {output}：{exc.strerror or exc}") from None
    else:
        reporter(result.diagnostics, result.files, sys.stdout)
    sys.exit(1 if result.failed(strict=strict) else 0)


@cli.command("schema")
@click.option(
    "--check", "check_only", is_flag=True, help="只检查是否与模型一致，不写入 / only detect drift."
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="输出目录 / output directory.",
)
def schema_command(check_only: bool, folder: Path) -> None:
    """由数据模型生成 JSON Schema（schemas/*.json）。

    Generate the JSON Schemas from the pydantic models; --check exits 1 on drift.
    """
    from builder import schema

    if check_only:
        stale = schema.drift(folder)
        for name in stale:
            click.echo(f"{folder / name}: 与数据模型不一致，请运行 zhibiao schema / out of date")
        if stale:
            sys.exit(1)
        click.echo(f"{folder}: 与数据模型一致 / up to date")
        return
    changed = schema.write(folder)
    click.echo(f"已写入 {len(changed)} 个文件 / wrote {len(changed)} file(s) to {folder}")


@cli.command("rules")
@click.argument("code", required=False)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("text", "json", "markdown")),
    default="text",
    show_default=True,
)
def rules_command(code: str | None, fmt: str) -> None:
    """列出全部检查规则及说明和示例 / list every diagnostic code."""
    from builder.rulesdoc import render

    click.echo(render(code, fmt), nl=False)


def main() -> None:
    """Entry point of the `zhibiao` console script."""
    try:
        cli.main(standalone_mode=False, prog_name="zhibiao")
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.Abort:
        click.echo("已中止 / aborted", err=True)
        sys.exit(2)
    except UsageError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("已中断 / interrupted", err=True)
        sys.exit(130)
    except Exception:
        with tempfile.NamedTemporaryFile(
            "w", prefix="zhibiao-", suffix=".log", delete=False
        ) as log:
            traceback.print_exc(file=log)
        click.echo(f"内部错误，请报告此问题；详细信息已写入 {log.name} / internal error", err=True)
        sys.exit(3)
