"""Build plain data straight from libyaml events, with an explicit stack.

The YAML 1.2 core schema is applied while building: no yes/no booleans, no sexagesimal
numbers, no timestamps (dates stay text and pydantic parses them). Aliases, merge keys,
duplicate keys, complex keys and tags other than the core ones are refused, and the
nesting depth is bounded. Nothing here recurses, so a hostile file cannot overflow the C
or the Python stack (libyaml's own composer recurses in C and crashes on ~100k levels).

This is about twice as fast as `yaml.load(..., Loader=yaml.CSafeLoader)`, because no
node objects are built and no Python resolver is called per node.
"""

from __future__ import annotations

import re
from typing import Any

from yaml._yaml import CParser
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

MAX_DEPTH = 100
"""Deeper nesting is refused (ZB008); real standards stay below 15 levels."""

_CORE = "tag:yaml.org,2002:"
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_WORDS: dict[str, Any] = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("null", "Null", "NULL", "~", ""), None),
}
_NUMERIC_START = frozenset("-+0123456789.")
_COLLECTION_TAGS: dict[type, tuple[str | None, ...]] = {
    MappingStartEvent: (None, "!", _CORE + "map"),
    SequenceStartEvent: (None, "!", _CORE + "seq"),
}
_MISSING: Any = object()
_LIST: Any = object()
_SPECIAL_START = frozenset([*"-+0123456789.tTfFnN~", ""])
"""First characters of plain scalars that may be something other than text (and "")."""
UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters YAML does not allow in a file (libyaml refuses them raw, ZB012).

Written as escapes in double quotes (`"\\x0b"`, `"\\e"`, `"\\uFFFE"`) they would reach the
outputs, where XML 1.0 (Word, Excel) cannot hold them; they are refused the same way (ZB014).
TAB, LF and CR are ordinary text. Also used by the writers as a last line of defence.
"""
_CHAR_NAMES = {0: "NUL", 0x1B: "ESC", 0x7F: "DEL", 0xFFFE: "非字符", 0xFFFF: "非字符"}


class YamlProblem(Exception):
    """A file that cannot be turned into data; `line`/`column` are 1-based (0 = unknown)."""

    def __init__(
        self, code: str, message: str, line: int = 0, column: int = 0, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


def _at(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _number(text: str, kind: str, mark: Any) -> Any:
    try:
        if kind == "int":
            if text[:2] in ("0o", "0x"):
                return int(text[2:], 8 if text[1] == "o" else 16)
            return int(text)
        if text.lstrip("+-").lower() in (".inf", ".nan"):
            return float(text.replace(".", "", 1))
        return float(text)
    except ValueError:
        raise YamlProblem(
            "ZB001",
            f"数值「{text[:40]}」无法解析" + ("（位数过多）" if len(text) > 1000 else ""),
            *_at(mark),
            hint="如果它是编码或文字，请加引号。",
        ) from None


def _scalar(event: Any) -> Any:
    """The value of a scalar event under the YAML 1.2 core schema."""
    value: str = event.value
    tag = event.tag
    if tag is None or tag == "!":
        if tag is None and event.implicit[0]:
            if value in _WORDS:
                return _WORDS[value]
            if value[0] in _NUMERIC_START:
                if _INT.fullmatch(value):
                    return _number(value, "int", event.start_mark)
                if _FLOAT.fullmatch(value):
                    return _number(value, "float", event.start_mark)
        return value
    if tag == _CORE + "merge":
        raise _merge_problem(event.start_mark)
    if tag in (_CORE + "str", _CORE + "timestamp"):
        return value
    if tag == _CORE + "int":
        return _number(value.replace("_", ""), "int", event.start_mark)
    if tag == _CORE + "float":
        return _number(value.replace("_", ""), "float", event.start_mark)
    if tag in (_CORE + "bool", _CORE + "null"):
        word = _WORDS.get(value, _MISSING)
        expected = bool if tag.endswith("bool") else type(None)
        if word is _MISSING or type(word) is not expected:
            raise YamlProblem(
                "ZB001", f"「{value[:40]}」不是合法的 {_short(tag)} 值", *_at(event.start_mark)
            )
        return word
    raise _tag_problem(tag, event.start_mark)


def plain_kind(value: str) -> str:
    """What an untagged plain scalar is under the YAML 1.2 core schema used here:
    "str", "int", "float", "bool" or "null" (the same decision `build` makes).

    `zhibiao fmt` resolves with this, so ruamel.yaml reads and writes every scalar with the
    meaning `zhibiao check` gives it (`1_2` and `on` stay text, whatever `%YAML` says)."""
    if value in _WORDS:
        return "null" if _WORDS[value] is None else "bool"
    if value[:1] in _NUMERIC_START:
        if _INT.fullmatch(value):
            return "int"
        if _FLOAT.fullmatch(value):
            return "float"
    return "str"


def _merge_problem(mark: Any) -> YamlProblem:
    return YamlProblem(
        "ZB003", "不允许使用合并键（<<）", *_at(mark), hint="把要合并的键值直接写在这个映射里。"
    )


def _short(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _tag_problem(tag: str, mark: Any) -> YamlProblem:
    return YamlProblem(
        "ZB005",
        f"不允许使用自定义标签 {_short(tag)}",
        *_at(mark),
        hint="删除标签，直接写出值；标准文件只用普通的映射、列表和标量。",
    )


def is_plain_text(value: str) -> bool:
    """True when `value` written unquoted reads back as this text under the core schema.

    Writers that use PyYAML (YAML 1.1) quote what YAML 1.1 sees as numbers or booleans, but
    not `1e10`, `0o17` or `.NaN`, which YAML 1.2 (this parser) reads as numbers.
    """
    if value in _WORDS:
        return False
    return not (value[:1] in _NUMERIC_START and (_INT.fullmatch(value) or _FLOAT.fullmatch(value)))


def describe_char(char: str) -> str:
    """`U+001B（ESC）`: how a refused character is named in messages."""
    code = ord(char)
    name = _CHAR_NAMES.get(code)
    if name is None:
        name = "代理项" if 0xD800 <= code <= 0xDFFF else "控制字符"
    return f"U+{code:04X}（{name}）"


def _unprintable(value: str, event: Any, stack: list[list[Any]]) -> YamlProblem:
    """ZB014 for a double-quoted scalar whose escapes produce a character YAML forbids."""
    found = UNPRINTABLE.search(value)
    assert found is not None
    parts: list[str] = []
    for frame in stack:
        if frame[1] is _LIST:
            parts.append(f"[{len(frame[0])}]")
        elif frame[1] is not _MISSING:
            parts.append(("." if parts else "") + str(frame[1])[:40])
    is_key = bool(stack) and stack[-1][1] is _MISSING and type(stack[-1][0]) is dict
    where = "键" if is_key else (f"字段「{''.join(parts)}」" if parts else "值")
    return YamlProblem(
        "ZB014",
        f"{where}中含有不允许的字符 {describe_char(found.group())}（由转义写出）",
        *_at(event.start_mark),
        hint="删除这个转义序列；Word 和 Excel（XML 1.0）都无法保存这个字符。"
        "换行、Tab 可直接写 \\n、\\t。",
    )


def build(text: str) -> Any:
    """Parse one YAML document into plain data; raise `YamlProblem` for refused features.

    libyaml's own errors (syntax, control characters) propagate as `yaml` exceptions for
    the caller to translate.
    """
    return _Builder(text).run()


class _Builder:
    """One pass over the events of a text."""

    def __init__(self, text: str, *, lines: bool = False) -> None:
        self.text = text
        self.lines = lines  # record key lines, to report the first of two duplicate keys
        self.anchors: dict[str, Any] = {}
        self.escapes = "\\" in text  # only an escape can put an unprintable character in

    def run(self) -> Any:
        parser = CParser(self.text)
        try:
            get = parser.get_event
            get()  # stream start
            event = get()
            if type(event) is StreamEndEvent:
                return None
            root = self._document(get)
            event = get()
            if type(event) is DocumentStartEvent:
                raise YamlProblem(
                    "ZB001", "一个文件只能包含一个 YAML 文档（多了 ---）", *_at(event.start_mark)
                )
            return root
        finally:
            parser.dispose()

    def _document(self, get: Any) -> Any:
        # Hot loop: one iteration per event of the file; names are bound locally.
        scalar_event, mapping_start, sequence_start = (
            ScalarEvent,
            MappingStartEvent,
            SequenceStartEvent,
        )
        mapping_end, sequence_end = MappingEndEvent, SequenceEndEvent
        missing, in_list, special = _MISSING, _LIST, _SPECIAL_START
        lines, escapes = self.lines, self.escapes
        stack: list[
            list[Any]
        ] = []  # frames: [container, pending key | _MISSING | _LIST, key lines]
        while True:
            event = get()
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None:
                    self._anchor(event)
                value = event.value
                if escapes and event.style == '"' and UNPRINTABLE.search(value):
                    raise _unprintable(value, event, stack)
                if event.tag is not None or (event.implicit[0] and value[:1] in special):
                    value = _scalar(event)
            elif kind is mapping_start or kind is sequence_start:
                self._open(event, kind, stack)
                if kind is mapping_start:
                    stack.append([{}, missing, {} if lines else None])
                else:
                    stack.append([[], in_list, None])
                continue
            elif kind is mapping_end or kind is sequence_end:
                value = stack.pop()[0]
            elif kind is AliasEvent:
                raise self._alias(event)
            elif kind is DocumentEndEvent:
                return None
            else:  # pragma: no cover  (libyaml emits no other event inside a document)
                raise YamlProblem("ZB001", "YAML 结构无法识别", *_at(event.start_mark))
            if not stack:
                self._end(get)
                return value
            frame = stack[-1]
            key = frame[1]
            if key is in_list:
                frame[0].append(value)
            elif key is missing:
                if value in frame[0] or value == "<<":
                    self._bad_key(event, value, frame)
                if lines:
                    frame[2][value] = event.start_mark.line + 1
                frame[1] = value
            else:
                frame[0][key] = value
                frame[1] = missing

    def _end(self, get: Any) -> None:
        """After the root node: the document must end here."""
        event = get()
        if type(event) is not DocumentEndEvent:  # pragma: no cover  (libyaml guarantees it)
            raise YamlProblem("ZB001", "YAML 结构无法识别", *_at(event.start_mark))

    def _open(self, event: Any, kind: type, stack: list[list[Any]]) -> None:
        if event.tag not in _COLLECTION_TAGS[kind]:
            raise _tag_problem(event.tag, event.start_mark)
        if event.anchor is not None:
            self._anchor(event)
        if stack and type(stack[-1][0]) is dict and stack[-1][1] is _MISSING:
            raise YamlProblem("ZB001", "映射的键必须是简单标量", *_at(event.start_mark))
        if len(stack) >= MAX_DEPTH:
            raise YamlProblem(
                "ZB008",
                f"嵌套层级超过 {MAX_DEPTH} 层",
                *_at(event.start_mark),
                hint="标准文件的结构不超过十几层；请检查缩进或括号。",
            )

    def _bad_key(self, event: Any, key: Any, frame: list[Any]) -> None:
        """Raise for a merge key or a duplicate key (the caller found one of the two)."""
        if key == "<<" and event.tag is None and event.implicit[0]:
            raise _merge_problem(event.start_mark)
        if key not in frame[0]:
            return  # a quoted "<<" is an ordinary key
        if frame[2] is None:  # a second pass records key lines and raises with them
            _Builder(self.text, lines=True).run()
        first = frame[2][key] if frame[2] is not None else "?"
        raise YamlProblem(
            "ZB004",
            f"重复的键「{key}」（第 {first} 行已出现）",
            *_at(event.start_mark),
            hint="删除或合并其中一处；YAML 会静默保留其中一个值。",
        )

    def _anchor(self, event: Any) -> None:
        self.anchors.setdefault(event.anchor, event.start_mark)

    def _alias(self, event: Any) -> YamlProblem:
        mark = self.anchors.get(event.anchor)
        if mark is None:
            return YamlProblem("ZB001", "YAML 语法错误：使用了未定义的别名", *_at(event.start_mark))
        return YamlProblem(
            "ZB003",
            "不允许使用锚点与别名（& / *）",
            *_at(mark),
            hint="把被引用的内容直接写出来；别名会让一处修改悄悄影响多处。",
        )


def within_depth(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when `text` nests no deeper than `limit` (other parse errors count as shallow)."""
    parser = CParser(text)
    depth = 0
    try:
        while True:
            event = parser.get_event()
            if event is None or type(event) is StreamEndEvent:
                return True
            if type(event) in (MappingStartEvent, SequenceStartEvent):
                depth += 1
                if depth > limit:
                    return False
            elif type(event) in (MappingEndEvent, SequenceEndEvent):
                depth -= 1
    except Exception as exc:
        # libyaml ≥ 0.2.6 refuses more than 1,000 levels itself: that is too deep too
        return "maximum nesting depth" not in str(exc)
    finally:
        parser.dispose()
