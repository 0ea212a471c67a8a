"""Locate the project (config + standards directory) and load `zhibiao.yaml`."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from builder.config import CONFIG_NAME, ProjectConfig, find_config
from builder.locate import compose, locate
from builder.rules import RULES
from builder.yamlsource import YamlProblem, decode, parse


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
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint

    def render(self) -> str:
        """`file:line:col: error: message` plus the hint, for the terminal."""
        where = self.file
        if self.file and self.line:
            where = f"{self.file}:{self.line}:{self.column}"
        head = f"{where}: error: {self.message}" if where else f"error: {self.message}"
        return head + (f"\n  提示：{self.hint}" if self.hint else "")


@dataclass(frozen=True, slots=True)
class Project:
    """Where the standards and the config live."""

    root: Path
    standards: Path
    config: ProjectConfig
    config_path: Path | None


def open_project(standards: Path | None = None, config_path: Path | None = None) -> Project:
    """Resolve the standards directory and load the config found next to it (or given)."""
    folder = standards if standards is not None else Path("standards")
    if not folder.exists():
        raise UsageError(
            f"标准目录不存在：{folder}",
            hint="在项目根目录运行，或给出标准目录路径：zhibiao check PATH",
        )
    if not folder.is_dir():
        raise UsageError(f"不是目录：{folder}")
    if config_path is None:
        config_path = find_config(folder.resolve())
    elif not config_path.is_file():
        raise UsageError(f"配置文件不存在：{config_path}")
    config = load_config(config_path) if config_path else ProjectConfig()
    root = config_path.parent if config_path else folder.resolve().parent
    return Project(root=root, standards=folder, config=config, config_path=config_path)


def load_config(path: Path) -> ProjectConfig:
    """Load and validate `zhibiao.yaml`; every problem raises `UsageError` with a location."""
    shown = path.as_posix()
    try:
        text = decode(path.read_bytes())
        data = parse(text)
    except YamlProblem as problem:
        raise UsageError(
            problem.message, file=shown, line=problem.line, column=problem.column, hint=problem.hint
        ) from None
    except OSError as exc:
        raise UsageError(f"无法读取配置文件：{exc.strerror}", file=shown) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UsageError(f"{CONFIG_NAME} 的顶层必须是映射", file=shown, line=1, column=1)
    try:
        config = ProjectConfig.model_validate_json(json.dumps(data, ensure_ascii=False))
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = tuple(first["loc"])
        position = locate(compose(text), loc, key=first["type"] == "extra_forbidden")
        hint = None
        if first["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[-1]), list(ProjectConfig.model_fields), n=1)
            hint = f"是否应为「{close[0]}」？" if close and len(loc) == 1 else None
        field = ".".join(map(str, loc))
        raise UsageError(
            f"配置项 {field} 无效：{first['msg']}",
            file=shown,
            line=position.line,
            column=position.column,
            hint=hint,
        ) from None
    _check_config(config, text, shown)
    return config


def _check_config(config: ProjectConfig, text: str, shown: str) -> None:
    import builder.check  # registers every rule code, whoever imported us
    import builder.source_rules  # noqa: F401

    root = compose(text)
    for code in config.severity:
        if code not in RULES:
            position = locate(root, ("severity", code), key=True)
            close = difflib.get_close_matches(code, list(RULES), n=1)
            raise UsageError(
                f"severity 中的规则代码 {code} 不存在",
                file=shown,
                line=position.line,
                column=position.column,
                hint=f"是否应为「{close[0]}」？"
                if close
                else "用 `zhibiao rules` 查看全部规则代码。",
            )
    levels = config.learning_levels
    if len(set(levels)) != len(levels):
        position = locate(root, ("learning_levels",))
        raise UsageError(
            "learning_levels 中有重复的取值", file=shown, line=position.line, column=position.column
        )
