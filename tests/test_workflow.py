"""The CI workflow and pre-commit hooks: valid YAML, and every zhibiao command line parses."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest

from builder.cli import cli
from builder.read.yamlsource import parse
from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "standards.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
CONFIG = REPO / ".pre-commit-config.yaml"
OTHER_BRANCHES = {"build": "网站构建（site 分支）", "export docx": "Word 导出（docx 分支）"}
"""Commands the workflow calls that other branches add; validated as soon as they exist."""
SHELL_OPERATORS = re.compile(r"\s(?:\|\||&&|;|\||>>?|2>)\s")


def _load(path: Path) -> Any:
    return parse(path.read_text("utf-8"))


def _workflow_commands() -> list[str]:
    commands: list[str] = []
    for step in _load(WORKFLOW)["jobs"]["standards"]["steps"]:
        script = step.get("run", "").replace("\\\n", " ")
        for line in script.splitlines():
            line = SHELL_OPERATORS.split(f" {line.strip()} ")[0].strip()
            if line.startswith("zhibiao "):
                commands.append(line)
    return commands


def _hook_commands() -> list[str]:
    entries = [hook["entry"] for hook in _load(HOOKS)]
    for repo in _load(CONFIG)["repos"]:
        entries.extend(hook["entry"] for hook in repo["hooks"])
    return [re.sub(r"^python -m builder\b", "zhibiao", entry) for entry in entries]


def test_workflow_is_valid_and_complete() -> None:
    workflow = _load(WORKFLOW)
    assert set(workflow["on"]) >= {"pull_request", "push"}
    steps = workflow["jobs"]["standards"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    scripts = "\n".join(step.get("run", "") for step in steps)
    assert "zhibiao check --format github --base" in scripts
    assert '--summary "$GITHUB_STEP_SUMMARY"' in scripts
    assert re.search(r"zhibiao diff \"\$BASE_REF\" --format markdown .*--summary", scripts)
    assert "origin/$BASE_BRANCH" in scripts
    uploads = [s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/upload")]
    assert len(uploads) == 3
    names = [s.get("name") for s in steps]
    assert len(names) == len(set(names))


def test_hooks_are_valid() -> None:
    hooks = {hook["id"]: hook for hook in _load(HOOKS)}
    assert {"zhibiao-check", "zhibiao-fmt"} <= set(hooks)
    assert hooks["zhibiao-fmt"]["entry"] == "zhibiao fmt --check"
    assert hooks["zhibiao-check"]["pass_filenames"] is False
    local = _load(CONFIG)["repos"]
    assert local[0]["repo"] == "local"
    assert {h["id"] for h in local[0]["hooks"]} == {"zhibiao-check", "zhibiao-fmt"}


@pytest.mark.parametrize("line", _workflow_commands() + _hook_commands())
def test_command_line_is_a_valid_invocation(line: str) -> None:
    args = shlex.split(line)[1:]
    command: click.Command = cli
    path: list[str] = []
    while isinstance(command, click.Group):
        name, args = args[0], args[1:]
        path.append(name)
        found = command.get_command(click.Context(command), name)  # imports its module
        if found is None:
            pending = " ".join(path)
            if pending in OTHER_BRANCHES:
                pytest.skip(f"{pending}：由{OTHER_BRANCHES[pending]}提供，合并后自动校验")
            pytest.fail(f"工作流调用了不存在的命令：{line}")
        command = found
    try:
        with command.make_context(" ".join(path), args) as ctx:
            assert ctx.command is command
    except click.UsageError as exc:  # pragma: no cover - reported as a test failure
        pytest.fail(f"{line}: {exc.format_message()}")


def test_commands_cover_the_review_workflow() -> None:
    names = {shlex.split(line)[1] for line in _workflow_commands()}
    assert {"check", "diff", "fmt"} <= names


def _command(path: str) -> click.Command:
    command: click.Command = cli
    for name in path.split():
        assert isinstance(command, click.Group)
        found = command.get_command(click.Context(command), name)  # imports its module
        assert found is not None, path
        command = found
    return command


def _option(command: click.Command, flag: str) -> Any:
    return next((p for p in command.params if flag in getattr(p, "opts", ())), None)


def test_uploads_are_where_the_commands_write() -> None:
    """The artifacts upload the folders `zhibiao build` and `zhibiao export docx` write to by
    default (the workflow calls them without -o), and the report folder the earlier steps fill."""
    workflow = _load(WORKFLOW)
    steps = workflow["jobs"]["standards"]["steps"]
    uploads = {s["with"]["name"]: s["with"]["path"] for s in steps if "upload" in s.get("uses", "")}
    docx_default = _option(_command("export docx"), "--output").default
    assert uploads["docx"] == f"{Path(docx_default).as_posix()}/"
    assert uploads["site"] == "site/"  # build: site/ in the project root unless --site-dir
    assert uploads["zhibiao-report"] == "${{ env.REPORT_DIR }}/"
    lines = _workflow_commands()
    assert "zhibiao export docx" in lines
    assert any(line.startswith("zhibiao build") and "--site-dir" not in line for line in lines)


def test_only_the_check_step_writes_annotations() -> None:
    """`zhibiao build` checks again; in Actions its default format (auto) would repeat every
    annotation of the check step, so the workflow asks it for plain text."""
    for line in _workflow_commands():
        args = shlex.split(line)
        if args[1] == "check":
            continue
        option = _option(_command(args[1]), "--format")
        if option is None or "github" not in getattr(option.type, "choices", ()):
            continue
        formats = [args[i + 1] for i, a in enumerate(args[:-1]) if a in option.opts]
        assert formats and formats[-1] not in ("auto", "github"), line
