"""The command line reads in Chinese: every command's help, and Click's own messages.

English may remain only in names (commands, options, metavars, file formats, programs) and in
the machine-read tokens of diagnostic lines; a run of four English words is a sentence.
"""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from builder.cli import cli

FRAMEWORK = re.compile(
    r"Usage:|Options:|Commands:|Error:|Show this message|Show the version|Try '|No such"
    r"|Missing (argument|option|parameter|command)|Invalid value|is not a valid|is not one of"
    r"|Aborted|default: |required\]|does not exist|Got unexpected|requires an argument"
    r"|Did you mean|, version "
)
SENTENCE = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){3,}\b")
METAVARS = re.compile(r"\[OPTIONS\]|COMMAND \[ARGS\]\.\.\.|\[ARGS\]\.\.\.")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    context = click.Context(group)
    for name in group.list_commands(context):  # the top-level group imports each on lookup
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


COMMANDS = _commands(cli)


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args, prog_name="zhibiao")
    return result.output


def _english(text: str) -> list[str]:
    text = METAVARS.sub("", text)
    return FRAMEWORK.findall(text) + SENTENCE.findall(text)


def test_every_command_is_listed() -> None:
    assert ("check",) in COMMANDS and ("export", "docx") in COMMANDS and len(COMMANDS) > 12


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "zhibiao")
def test_help_reads_in_chinese(command: tuple[str, ...]) -> None:
    output = _run([*command, "--help"])
    assert "用法：" in output and "选项" in output, output
    assert not _english(output), (_english(output), output)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "zhibiao")
def test_mistakes_are_explained_in_chinese(command: tuple[str, ...]) -> None:
    output = _run([*command, "--no-such-option"])
    assert "错误：没有选项 '--no-such-option'" in output, output
    assert "运行 'zhibiao" in output and "--help' 查看帮助" in output, output
    assert not _english(output), (_english(output), output)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--jobs", "x"], "'x' 不是有效的整数"),
        (["check", "--jobs", "0"], "不在范围"),
        (["check", "--format", "yaml"], "不是以下之一：'auto'"),
        (["check", "--jobs"], "需要一个值"),
        (["export"], "用法："),
        (["nosuch"], "没有命令 'nosuch'"),
        (["check", "--stric"], "是不是想输入 '--strict'"),
        (["-V"], "zhibiao "),
    ],
)
def test_framework_messages_in_chinese(args: list[str], expected: str) -> None:
    output = _run(args)
    assert expected in output, output
    assert not _english(output), (_english(output), output)


_LAZY = """
import json, sys
import click
from builder.cli import cli
from builder.cli.base import COMMAND_MODULES
before = sorted(m for m in sys.modules if m.startswith("builder.cli."))
context = click.Context(cli)
found = {}
for name in cli.list_commands(context):
    command = cli.get_command(context, name)
    found[name] = command.callback.__module__ if command is not None else None
import importlib, pkgutil, builder.cli
for info in pkgutil.iter_modules(builder.cli.__path__):
    importlib.import_module(f"builder.cli.{info.name}")
every = sorted(cli.commands)  # each module imported: every command that exists
print(json.dumps([before, found, {k: list(v) for k, v in COMMAND_MODULES.items()}, every]))
"""


def test_each_command_loads_only_when_looked_up_from_the_module_that_defines_it() -> None:
    """`builder.cli` registers no command module on import (a no-op build must not pay for
    the checks' imports); looking a command up imports the module that defines it."""
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _LAZY], capture_output=True, text=True, check=True)
    before, found, modules, every = json.loads(done.stdout)
    assert before == ["builder.cli.base", "builder.cli.i18n"]
    assert sorted(found) == sorted(modules) == every and len(found) > 12
    for name, module in found.items():
        assert module is not None and module.rpartition(".")[2] == modules[name][0], name
