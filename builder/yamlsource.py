"""Fast, safe YAML reading: bytes → text → plain data, every failure a located problem.

Parsing uses PyYAML's libyaml parser (CSafeLoader) with a YAML 1.2 core-schema resolver,
because the round-trip parser of ruamel.yaml is an order of magnitude slower on a
national corpus. Positions are recovered later, only for files that have diagnostics
(`builder.locate`). ruamel.yaml is used where comments must survive (`zhibiao fmt`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode

from builder.yaml_messages import explain

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Files larger than this are refused (ZB007): no real standard comes near it."""

MAX_DEPTH = 100
"""Deeper nesting is refused (ZB008); real standards stay below 15 levels."""

_SAFE_DEPTH_BOUND = 2000
"""Texts whose nesting *could* exceed this are scanned event by event before libyaml composes
them: libyaml's composer recurses on the C stack and crashes the process around 100 000 levels."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
)


@dataclass(frozen=True, slots=True)
class YamlProblem(Exception):
    """A file that cannot be turned into data; `line`/`column` are 1-based (0 = unknown)."""

    code: str
    message: str
    line: int = 0
    column: int = 0
    hint: str | None = None


def read_limited(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a file, refusing (ZB007) before reading when it is larger than `max_bytes`."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        return handle.read(max_bytes + 1)


def _too_large(size: int, max_bytes: int) -> YamlProblem:
    return YamlProblem(
        "ZB007",
        f"文件过大（{size / 1048576:.1f} MB），上限为 {max_bytes / 1048576:g} MB",
        hint="一份标准通常不超过 200 KB；请检查是否误提交了生成文件或数据文件。",
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
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8")) + 1
        guess = _guess_encoding(raw)
        if guess and guess.startswith("UTF-16"):
            line, column = 1, 1  # the whole file is in another encoding
        if guess == "binary":
            raise YamlProblem(
                "ZB002",
                "文件含有二进制数据，不是文本文件",
                line,
                column,
                hint="standards/ 下只放 YAML 文本；图片等附件请放到其他目录。",
            ) from None
        raise YamlProblem(
            "ZB002",
            f"文件不是有效的 UTF-8（疑似 {guess} 编码）" if guess else "文件不是有效的 UTF-8",
            line,
            column,
            hint="在编辑器中以“UTF-8（无 BOM）”另存此文件"
            + (f"，或用 iconv -f {guess.split('/')[0]} -t UTF-8 转换。" if guess else "。"),
        ) from None


def _guess_encoding(raw: bytes) -> str | None:
    """Name the likely encoding of bytes that are not UTF-8; "binary" for non-text data."""
    sample = raw[:4096]
    if b"\x00" in sample:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if odd > half * 0.3 and even < half * 0.05:
            return "UTF-16 LE"
        if even > half * 0.3 and odd < half * 0.05:
            return "UTF-16 BE"
        return "binary"
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        return "binary"
    return "GBK/GB18030"


class _CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema: no yes/no booleans, no sexagesimal, no timestamps, no merge."""


_CoreResolver.yaml_implicit_resolvers = {}
_CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
_CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _Constructor(yaml.constructor.SafeConstructor):
    """Safe constructor that refuses aliases and duplicate keys."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlProblem(
                "ZB003",
                "不允许使用锚点与别名（& / *）",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                hint="把被引用的内容直接写出来；别名会让一处修改悄悄影响多处。",
            )
        return super().construct_object(node, deep=deep)

    def construct_yaml_int(self, node: ScalarNode) -> int:
        text = str(self.construct_scalar(node)).replace("_", "")
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, "expected a mapping", node.start_mark)
        mapping: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style
            ):
                raise YamlProblem(
                    "ZB003",
                    "不允许使用合并键（<<）",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    hint="把要合并的键值直接写在这个映射里。",
                )
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise YamlProblem(
                    "ZB001",
                    "映射的键必须是简单标量",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            if key in first_seen:
                raise YamlProblem(
                    "ZB004",
                    f"重复的键「{key}」（第 {first_seen[key]} 行已出现）",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    hint="删除或合并其中一处；YAML 会静默保留其中一个值。",
                )
            first_seen[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


_SAFE = yaml.constructor.SafeConstructor.yaml_constructors
_Constructor.yaml_constructors = {
    # Only the YAML 1.2 core types: !!binary, !!set, !!omap, !!pairs, … are refused (ZB005).
    **{
        f"tag:yaml.org,2002:{name}": _SAFE[f"tag:yaml.org,2002:{name}"]
        for name in ("null", "bool", "float", "str", "seq", "map")
    },
    "tag:yaml.org,2002:int": _Constructor.construct_yaml_int,
    # YAML 1.2 core schema has no timestamps: dates stay text and pydantic parses them.
    "tag:yaml.org,2002:timestamp": _SAFE["tag:yaml.org,2002:str"],
    None: _SAFE[None],  # any other tag: "could not determine a constructor" → ZB005
}


class _Loader(CParser, _Constructor, _CoreResolver):
    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        _Constructor.__init__(self)
        _CoreResolver.__init__(self)


def parse(text: str) -> Any:
    """Parse one YAML document into plain data; raise `YamlProblem` on any failure."""
    loader = _Loader(text)
    try:
        if _depth_bound(text) > _SAFE_DEPTH_BOUND:
            _check_depth(_Loader(text))
        data = loader.get_single_data()
        if _data_depth(data) <= MAX_DEPTH:
            return data
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(*explain(exc, text)) from None
    except yaml.reader.ReaderError as exc:
        # libyaml reads UTF-8: the position is a byte offset into the encoded text.
        encoded = text.encode("utf-8")
        start = encoded.rfind(b"\n", 0, exc.position) + 1
        line = encoded.count(b"\n", 0, exc.position) + 1
        column = len(encoded[start : exc.position].decode("utf-8", errors="replace")) + 1
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
    except RecursionError:
        pass
    finally:
        loader.dispose()
    # Too deep: find where, without recursion.
    _check_depth(_Loader(text))
    raise YamlProblem("ZB008", f"嵌套层级超过 {MAX_DEPTH} 层", hint=_DEPTH_HINT)


_DEPTH_HINT = "标准文件的结构不超过十几层；请检查缩进或括号。"


def _depth_bound(text: str) -> int:
    """An upper bound of the nesting depth that is cheap to compute.

    A nested block collection starts at least one column further right every two levels, and
    every flow level needs its own bracket, so the depth is at most twice the longest line
    plus the number of opening brackets.
    """
    longest = max(map(len, text.splitlines()), default=0)
    return 2 * longest + text.count("[") + text.count("{") + 2


def _data_depth(data: Any) -> int:
    """Nesting depth of parsed data (0 for a scalar), computed without recursion."""
    if type(data) is not dict and type(data) is not list:
        return 0
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        children = value.values() if type(value) is dict else value
        stack.extend((c, depth + 1) for c in children if type(c) is dict or type(c) is list)
    return deepest


def _check_depth(scanner: _Loader) -> None:
    """Walk the event stream (no recursion) and refuse nesting deeper than `MAX_DEPTH`."""
    depth = 0
    try:
        while (event := scanner.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise YamlProblem(
                        "ZB008",
                        f"嵌套层级超过 {MAX_DEPTH} 层",
                        mark.line + 1 if mark else 0,
                        mark.column + 1 if mark else 0,
                        hint=_DEPTH_HINT,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        scanner.dispose()
