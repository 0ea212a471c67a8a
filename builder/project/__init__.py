"""Locate the project (config + standards directory) and load `zhibiao.yaml`."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError
from yaml.nodes import Node

from builder.base.escape import http_url
from builder.base.oserrors import os_reason
from builder.read.config import CONFIG_NAME, DEFAULT_VOCABULARY, ProjectConfig, find_config
from builder.read.locate import compose, locate
from builder.read.schema_errors import diagnostics_for_model, unquoted_hint
from builder.read.yamlsource import YamlProblem, decode, parse, read_limited


class UsageError(Exception):
    """The tool cannot proceed (bad config, missing directory): exit code 2."""

    def __init__(
        self,
        message: str,
        *,
        file: str = "",
        line: int = 0,
        column: int = 0,
        hint: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
        self.code = code

    def render(self) -> str:
        """`file:line:col: error: message` plus the hint, for the terminal."""
        where = self.file
        if self.file and self.line:
            where = f"{self.file}:{self.line}:{self.column}"
        label = f"error[{self.code}]" if self.code else "error"
        head = f"{where}: {label}: {self.message}" if where else f"{label}: {self.message}"
        return head + (f"\n  提示：{self.hint}" if self.hint else "")


@dataclass(frozen=True, slots=True)
class Project:
    """Where the standards and the config live."""

    root: Path
    standards: Path
    config: ProjectConfig
    config_path: Path | None


def default_standards(start: Path | None = None) -> Path:
    """The standards directory used when none is given: `./standards`, or, when run from a
    folder inside a project, the `standards/` of the nearest parent that has one."""
    return _nearest("standards", start)


def default_schemas(start: Path | None = None) -> Path:
    """The project's `schemas/` folder, found the same way as `default_standards`."""
    return _nearest("schemas", start)


def _nearest(name: str, start: Path | None) -> Path:
    """`./name`, or `name` in the nearest parent folder that has it.

    The search stops at the first folder holding `zhibiao.yaml` (the project root), whose
    `name` is returned even when it does not exist yet. The path is relative to the working
    directory where possible, so messages stay short.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / name
        if candidate.is_dir() or (folder / CONFIG_NAME).is_file():
            if folder == here:
                return Path(name)
            try:
                return Path(os.path.relpath(candidate, here))
            except ValueError:  # another drive on Windows
                return candidate
    return Path(name)


def open_project(
    standards: Path | None = None, config_path: Path | None = None, *, missing_ok: bool = False
) -> Project:
    """Resolve the standards directory and load the config found next to it (or given).

    `missing_ok` accepts a standards directory that does not exist yet (`zhibiao new`).
    """
    folder = standards if standards is not None else default_standards()
    if not folder.exists() and not missing_ok:
        raise UsageError(
            f"标准目录不存在：{folder}",
            hint="在项目根目录运行，或给出标准目录路径：zhibiao check PATH",
        )
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"不是目录：{folder}")
    if config_path is None:
        config_path = find_config(folder.resolve())
    elif not config_path.is_file():
        raise UsageError(f"配置文件不存在：{display_path(config_path)}")
    config = load_config(config_path) if config_path else ProjectConfig()
    root = config_path.parent if config_path else folder.resolve().parent
    return Project(root=root, standards=folder, config=config, config_path=config_path)


def load_config(path: Path) -> ProjectConfig:
    """Load and validate `zhibiao.yaml`; every problem raises `UsageError` with a location."""
    shown = display_path(path)
    try:
        text = decode(read_limited(path))
        data = parse(text)
    except YamlProblem as problem:
        raise UsageError(
            problem.message,
            file=shown,
            line=problem.line or 1,
            column=problem.column or 1,
            hint=problem.hint,
        ) from None
    except OSError as exc:
        raise UsageError(f"无法读取配置文件：{os_reason(exc)}", file=shown) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UsageError(f"{CONFIG_NAME} 的顶层必须是映射（键: 值）", file=shown, line=1, column=1)
    try:
        config = ProjectConfig.model_validate_json(json.dumps(data, ensure_ascii=False))
    except ValidationError as error:
        root = compose(text)
        located = sorted(
            (
                (locate(root, d.data_path or (), key=d.code == "ZB103"), d)
                for d in diagnostics_for_model(ProjectConfig, shown, error)
            ),
            key=lambda pair: (pair[0].line, pair[0].column, pair[1].code),
        )
        position, first = located[0]
        hint = first.hint
        if first.code == "ZB102" and position.source:
            hint = unquoted_hint(position.source)
        parent = _dotted((first.data_path or ())[:-1])
        raise UsageError(
            f"{parent}：{first.message}" if parent else first.message,
            file=shown,
            line=position.line,
            column=position.column,
            hint=hint,
        ) from None
    _check_config(config, text, shown)
    return config


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def os_error_message(exc: OSError) -> str:
    """`无法访问 路径：原因` for an input/output error, the reason in Chinese where known."""
    name = exc.filename2 if exc.filename2 is not None else exc.filename
    reason = os_reason(exc)
    if name is None:
        return f"无法完成文件读写：{reason}"
    return f"无法访问 {display_path(Path(os.fsdecode(name)))}：{reason}"


def _dotted(path: tuple[str | int, ...]) -> str:
    shown = ""
    for part in path:
        if isinstance(part, int):
            shown += f"[{part}]"
        elif not part.startswith("\x00"):
            shown += f".{part}" if shown else part
    return shown


def _check_config(config: ProjectConfig, text: str, shown: str) -> None:
    root = compose(text)
    levels = config.learning_levels
    for index, level in enumerate(levels):
        if level in levels[:index]:
            position = locate(root, ("learning_levels", index))
            raise UsageError(
                f"learning_levels 中的取值「{level}」重复",
                file=shown,
                line=position.line,
                column=position.column,
                hint="学习水平由低到高排列，每个取值只能出现一次。",
            )
    _check_vocabularies(config, root, shown)
    if config.site.url is not None and http_url(config.site.url) is None:
        position = locate(root, ("site", "url"))
        raise UsageError(
            f"site.url「{config.site.url}」不是 http 或 https 地址",
            file=shown,
            line=position.line,
            column=position.column,
            hint="写成完整的网址，如 https://standards.example.cn/；不发布到固定地址时删除 site.url。",
        )


def _check_vocabularies(config: ProjectConfig, root: Node | None, shown: str) -> None:
    """`level_vocabularies` and `level_mappings`: names known, values in their vocabulary, order kept."""

    def fail(path: tuple[str | int, ...], message: str, hint: str) -> NoReturn:
        position = locate(root, path)
        raise UsageError(message, file=shown, line=position.line, column=position.column, hint=hint)

    for name, levels in config.level_vocabularies.items():
        where: tuple[str | int, ...] = ("level_vocabularies", name)
        if name == DEFAULT_VOCABULARY:
            fail(
                where,
                f"level_vocabularies 不能再定义「{name}」",
                "「学习水平」指 learning_levels，请换一个名称。",
            )
        if not name.strip() or not levels:
            fail(where, f"水平词表「{name}」没有名称或没有取值", "写成 名称: [由低到高的取值]。")
        for index, level in enumerate(levels):
            if level in levels[:index]:
                fail(
                    (*where, index),
                    f"水平词表「{name}」中的取值「{level}」重复",
                    "每个取值只能出现一次。",
                )
    names = [DEFAULT_VOCABULARY, *config.level_vocabularies]
    for m, mapping in enumerate(config.level_mappings):
        where = ("level_mappings", m)
        for key, vocab in (("from", mapping.from_), ("to", mapping.to)):
            if config.vocabulary(vocab) is None:
                fail(
                    (*where, key),
                    f"level_mappings 中的词表「{vocab}」未声明",
                    "可用：" + "、".join(names),
                )
        source = config.vocabulary(mapping.from_) or []
        target = config.vocabulary(mapping.to) or []
        last = -1
        for level in source:
            if level not in mapping.levels:
                continue
            mapped = mapping.levels[level]
            if mapped not in target:
                fail(
                    (*where, "levels", level),
                    f"「{level}」对应的「{mapped}」不在词表「{mapping.to}」中",
                    "可用取值：" + "、".join(target),
                )
            if target.index(mapped) < last:
                fail(
                    (*where, "levels", level),
                    f"对应关系颠倒了顺序：「{level}」对应的「{mapped}」低于前一个水平的对应值",
                    "由低到高的水平应对应由低到高（或相同）的水平。",
                )
            last = target.index(mapped)
        for level in mapping.levels:
            if level not in source:
                fail(
                    (*where, "levels", level),
                    f"「{level}」不在词表「{mapping.from_}」中",
                    "可用取值：" + "、".join(source),
                )
