"""Fast, safe YAML reading: bytes → text → plain data, every failure a located problem.

Parsing uses libyaml's event parser and builds the data directly (`builder.yamlparse`),
because the round-trip parser of ruamel.yaml is an order of magnitude slower on a
national corpus. Files are measured before they are read (`read`), positions are
recovered later, only for files that have diagnostics (`builder.locate`). ruamel.yaml
is used where comments must survive (`zhibiao fmt`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import yaml

from builder.yamlparse import YamlProblem, build

__all__ = ["MAX_FILE_BYTES", "YamlProblem", "decode", "parse", "read", "read_with_stat"]

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Files larger than this are refused (ZB007): no real standard comes near it."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
)


def decode(raw: bytes, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Decode a standards file, which must be UTF-8 (a UTF-8 BOM is tolerated)."""
    if len(raw) > max_bytes:
        raise _too_large(len(raw), max_bytes)
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raise YamlProblem(
                "ZB002",
                f"文件编码为 {name}，须为 UTF-8",
                1,
                1,
                hint="在编辑器中以“UTF-8（无 BOM）”另存此文件。",
            )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = _guess_encoding(raw)
        raise YamlProblem(
            "ZB002",
            f"文件不是有效的 UTF-8（疑似 {guess}）" if guess else "文件不是有效的 UTF-8",
            line,
            column,
            hint="在编辑器中以“UTF-8（无 BOM）”另存此文件，例如 iconv -f GBK -t UTF-8。",
        ) from None


def _guess_encoding(raw: bytes) -> str | None:
    if raw.count(b"\x00") > len(raw) // 4:
        return "UTF-16（无 BOM）"
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return "GBK/GB18030"


def read(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a standards file, refusing one over `max_bytes` before reading it (ZB007)."""
    return read_with_stat(path, max_bytes=max_bytes)[0]


def read_with_stat(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> tuple[bytes, os.stat_result]:
    """`read`, with the status of the opened file taken before its bytes.

    Only regular files are read: a FIFO or a device named `*.yaml` would otherwise block
    or never end (it is opened without blocking, then refused).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "不是普通文件（可能是管道、设备或目录）")
        if info.st_size > max_bytes:
            raise _too_large(info.st_size, max_bytes)
        raw = handle.read(max_bytes + 1)  # the file may grow between stat and read
    if len(raw) > max_bytes:
        raise _too_large(len(raw), max_bytes)
    return raw, info


def _too_large(size: int, max_bytes: int) -> YamlProblem:
    return YamlProblem(
        "ZB007",
        f"文件过大（{size / 1048576:.1f} MB），上限为 {max_bytes / 1048576:.0f} MB",
        hint="一份标准通常不超过 200 KB；请检查是否误提交了生成文件或数据文件。",
    )


def parse(text: str) -> Any:
    """Parse one YAML document into plain data; raise `YamlProblem` on any failure."""
    try:
        return build(text)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _marked_problem(exc, text) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise YamlProblem(
            "ZB012",
            f"文件包含不允许的控制字符 U+{exc.character:04X}"
            if isinstance(exc.character, int)
            else "文件包含不允许的控制字符",
            line,
            column,
            hint="删除该位置的不可见字符（常见于从 Word 或网页复制的文本）。",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("ZB001", f"YAML 语法错误：{exc}") from None


def _marked_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    problem = exc.problem or exc.context or "无法解析"
    hint = None
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        return YamlProblem(
            "ZB001",
            "YAML 语法错误：使用了 Tab 缩进",
            line,
            column,
            hint="YAML 不允许用 Tab 缩进，请改用空格（通常每级 2 个空格）。",
        )
    if "mapping values are not allowed" in problem:
        hint = "值里含有“: ”时请给整个值加引号，或检查上一行的缩进。"
    elif "could not find expected ':'" in problem:
        hint = "检查该行是否缺少冒号或缩进是否对齐。"
    return YamlProblem("ZB001", f"YAML 语法错误：{_zh_problem(problem)}", line, column, hint)


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
}


def _zh_problem(problem: str) -> str:
    for english, chinese in _PROBLEM_ZH.items():
        if problem.startswith(english):
            return f"{chinese}（{problem}）"
    return problem
