"""Chinese messages and hints for libyaml's syntax errors (used by `builder.read.yamlsource`)."""

from __future__ import annotations

import re

import yaml
from yaml.constructor import ConstructorError

Problem = tuple[str, str, int, int, str | None]
"""code, message, 1-based line, 1-based column (0 = unknown), hint."""


def explain(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """(code, Chinese message, line, column, hint) for a libyaml error in `text`."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    problem = exc.problem or exc.context or "无法解析"
    if isinstance(exc, ConstructorError) and "could not determine a constructor" in problem:
        tag = problem.split("tag", 1)[-1].strip(" '").replace("tag:yaml.org,2002:", "!!")
        return (
            "ZB005",
            f"不允许使用自定义标签 {tag}",
            line,
            column,
            "删除标签，直接写出值；标准文件只用普通的映射、列表和标量。",
        )
    if "invalid Unicode character escape code" in problem:
        return _surrogate_escape(text, mark.line if mark else -1, column, line)
    if "expected a single document" in problem or "but found another document" in problem:
        return ("ZB001", "一个文件只能包含一个 YAML 文档（多了 ---）", line, column, None)
    hint = None
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        return (
            "ZB001",
            "YAML 语法错误：使用了 Tab 缩进",
            line,
            column,
            "YAML 不允许用 Tab 缩进，请改用空格（通常每级 2 个空格）。",
        )
    if "mapping values are not allowed" in problem:
        hint = "值里含有“: ”时请给整个值加引号，或检查上一行的缩进。"
    elif "could not find expected ':'" in problem:
        hint = "检查该行是否缺少冒号或缩进是否对齐。"
    if mark is not None and "mapping values" not in problem:
        hint = _unclosed_hint(text, mark.line, problem) or hint
    return ("ZB001", f"YAML 语法错误：{_zh_problem(problem)}", line, column, hint)


def _surrogate_escape(text: str, row: int, column: int, line: int) -> Problem:
    """ZB014 for `"\\ud800"`: libyaml refuses escapes of UTF-16 surrogates."""
    source = text.split("\n", row + 1)[row] if row >= 0 else ""
    found = re.findall(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))", source[: max(column, 0) + 8])
    named = ""
    if found:
        small, large = found[-1]
        named = f" U+{int(small or large, 16):04X}"
    return (
        "ZB014",
        f"双引号字符串中的转义写出了不允许的字符{named}（UTF-16 代理项或超出 Unicode 范围）",
        line,
        column,
        "删除这个转义序列；代理项不是字符，Word 和 Excel（XML 1.0）都无法保存。",
    )


def _unclosed_hint(text: str, line: int, problem: str) -> str | None:
    """Point at a line shortly before `line` whose quote or bracket is never closed."""
    lines = text.split("\n")
    for number in range(min(line, len(lines) - 1), max(line - 20, 0) - 1, -1):
        content = _strip_comment(lines[number].replace('\\"', ""))
        if content.count('"') % 2 == 1:
            return f"第 {number + 1} 行的引号似乎没有闭合。"
        if "'}'" in problem and content.count("{") > content.count("}"):
            return f"第 {number + 1} 行的花括号“{{”似乎没有闭合。"
        if "']'" in problem and content.count("[") > content.count("]"):
            return f"第 {number + 1} 行的方括号“[”似乎没有闭合。"
    return None


def _strip_comment(line: str) -> str:
    """`line` without a trailing `# comment` that is outside double quotes."""
    inside = False
    for index, char in enumerate(line):
        if char == '"':
            inside = not inside
        elif char == "#" and not inside and (index == 0 or line[index - 1] in " \t"):
            return line[:index]
    return line


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


_PROBLEM_ZH = {
    "found character that cannot start any token": "此处的字符不能开始一个值",
    "mapping values are not allowed": "此处不允许出现映射值（多余的冒号？）",
    "could not find expected ':'": "缺少冒号“:”",
    "did not find expected key": "缩进不一致或缺少键",
    "did not find expected node content": "缺少值（括号或引号未闭合？）",
    "did not find expected ',' or ']'": "流式列表缺少“,”或“]”",
    "did not find expected ',' or '}'": "流式映射缺少“,”或“}”",
    "found undefined alias": "使用了未定义的别名",
    "found unexpected end of stream": "文件意外结束（引号或括号未闭合？）",
    "found unknown escape character": "双引号字符串中有未知的转义字符",
    "did not find expected '-' indicator": "列表项缩进不一致",
    "did not find expected hexdecimal number": "转义序列缺少十六进制数字",
    "found a tab character where an indentation space is expected": "使用了 Tab 缩进",
    "found a tab character that violates indentation": "使用了 Tab 缩进",
}


def _zh_problem(problem: str) -> str:
    for english, chinese in _PROBLEM_ZH.items():
        if problem.startswith(english):
            return f"{chinese}（{problem}）"
    return problem
