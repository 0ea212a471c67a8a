"""Open a project: find the standards folder and `zhibiao.yaml`, load and validate it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NoReturn

from pydantic import ValidationError

from builder.base.escape import http_url
from builder.base.oserrors import os_reason
from builder.project import Project, UsageError, default_standards, display_path
from builder.read.config import DEFAULT_VOCABULARY, ProjectConfig
from builder.read.configfile import CONFIG_NAME, find_config
from builder.read.locate import compose, locate
from builder.read.schema_errors import diagnostics_for_model, unquoted_hint
from builder.read.yamlsource import YamlProblem, decode, parse, read_limited

if TYPE_CHECKING:
    from pathlib import Path

    from yaml.nodes import Node


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
