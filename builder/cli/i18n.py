"""Click's own messages in Chinese, through its gettext hooks.

Click marks every message it prints with `gettext` / `ngettext` (bound as `_` and `ngettext`
in each of its modules). `install()` rebinds those names to a lookup in `MESSAGES`, so
"Usage:", "Options:", "Error: No such option …" and the rest read in Chinese whatever the
machine's locale. A message missing from the catalogue keeps Click's English text; the test
`tests/test_cli_language.py` runs every command's help and common mistakes and fails on
English framework words, so a new Click release that adds a message shows up there.

Policy for English in the command line (docs/checks.md §命令行的语言): everything a person
reads is Chinese; English remains only in names (commands, options, file formats, programs)
and in the machine-read tokens of diagnostic lines (`error[ZB201]`, as editors and CI parse).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

MESSAGES: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Aborted!": "已中止。",
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不询问，直接确认。",
    "Repeat for confirmation": "再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入的值不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "deprecated": "已弃用",
    "(dynamic)": "（动态）",
    "Choose from:\n\t{choices}": "可选值：\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "integer": "整数",
    "float": "数",
    "integer range": "整数",
    "float range": "数",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} 不是有效的布尔值。可用的值：{states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "unknown error": "未知错误",
    "Value must be an iterable.": "值必须是列表。",
    "Invalid start character for option ({option})": "选项的起始字符无效（{option}）",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "提示：命令 {name!r} 已弃用。{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "提示：{param_type} {name!r} 已弃用。{extra_message}"
    ),
}
"""Click's English message → Chinese. Placeholders are kept exactly."""

PLURALS: dict[str, tuple[str, str]] = {
    "Did you mean {possibility}?": (
        "（是不是想输入 {possibility}？）",
        "（是不是想输入：{possibilities}？）",
    ),
    "Got unexpected extra argument ({args})": ("多余的参数（{args}）", "多余的参数（{args}）"),
    "Option {name!r} requires an argument.": (
        "选项 {name!r} 需要一个值。",
        "选项 {name!r} 需要 {nargs} 个值。",
    ),
    "Takes {nargs} values but 1 was given.": (
        "需要 {nargs} 个值，但只给了 1 个。",
        "需要 {nargs} 个值，但给了 {len} 个。",
    ),
    "{len_type} values are required, but {len_value} was given.": (
        "需要 {len_type} 个值，但给了 {len_value} 个。",
        "需要 {len_type} 个值，但给了 {len_value} 个。",
    ),
    "{value!r} does not match the format {format}.": (
        "{value!r} 不符合格式 {format}。",
        "{value!r} 不符合以下任一格式：{formats}。",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} 不是 {choice}。",
        "{value!r} 不是以下之一：{choices}。",
    ),
}
"""Click's singular message → (Chinese singular, Chinese plural)."""

_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click._parser",
    "click.termui",
    "click.types",
    "click.utils",
)


_WORDS = frozenset(
    {"argument", "option", "parameter", "file", "directory", "path"}
    | {"integer", "float", "integer range", "float range"}
)
"""Words Click passes as format values ("Missing {param_type}", "not a valid {number_type}")."""


class _Template(str):
    """A translated message whose `format` also translates the words Click fills in."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        named = {k: MESSAGES[v] if v in _WORDS else v for k, v in kwargs.items()}
        return str.format(self, *args, **named)


def gettext(message: str) -> str:
    """The Chinese text of one of Click's messages (Click's English when not catalogued)."""
    translated = MESSAGES.get(message)
    return message if translated is None else _Template(translated)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The Chinese singular or plural form of one of Click's counted messages."""
    forms = PLURALS.get(singular)
    if forms is None:
        return singular if count == 1 else plural
    return _Template(forms[0] if count == 1 else forms[1])


def install() -> None:
    """Rebind `_`, `gettext` and `ngettext` in Click's modules to the Chinese catalogue."""
    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # modules differ between Click releases
            continue
        _rebind(module, "_", gettext)
        _rebind(module, "gettext", gettext)
        _rebind(module, "ngettext", ngettext)


def _rebind(module: object, name: str, function: Callable[..., str]) -> None:
    if callable(getattr(module, name, None)):
        setattr(module, name, function)
