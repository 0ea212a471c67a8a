"""Small edits of a round-trip YAML document (ruamel.yaml, `yamlfmt.make_yaml`), comments kept.

`zhibiao import xlsx` changes single fields and list items of a loaded document; everything
else keeps its bytes (comments, blank lines, quoting, key order). New keys go where the
model's field order puts them; a new value is written in the house style of `zhibiao fmt`:
codes double-quoted, multi-line text as a literal block when that reads back exactly.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from builder.model.sourced import EXCERPT_KEY
from builder.read.yamlparse import UNPRINTABLE, is_plain_text
from builder.yamlfmt.comments import _cut, _paste

_BREAKS = frozenset("\r\x85\u2028\u2029\x0b\x0c")


_PLAIN = re.compile(r"^[^-?:,\[\]{}#&*!|>'\"%@`\s](?:[^\n:#,\[\]{}]|:(?=\S)|(?<=\S)#)*$")
"""Text written unquoted only when it is plain in block *and* flow context (ruamel.yaml writes
`? x` plainly inside a flow mapping, which no parser reads back)."""


def scalar(text: str, code: bool) -> Any:
    """A string node: a code double-quoted; text with line breaks as a literal block when safe;
    plain only when unambiguous, else double-quoted (escapes keep every character)."""
    if code:
        return DoubleQuotedScalarString(text)
    if "\n" in text and _literal_safe(text):
        return LiteralScalarString(text)
    plain = _PLAIN.match(text) and text == text.strip() and is_plain_text(text)
    if plain and not _BREAKS.intersection(text):  # the emitter breaks lines at NEL, LS, PS
        return text
    return DoubleQuotedScalarString(text)


def _literal_safe(text: str) -> bool:
    body = text[:-1] if text.endswith("\n") else text
    if not body or body.endswith("\n") or _BREAKS.intersection(text) or UNPRINTABLE.search(text):
        return False
    if body[0] in " \t" or "\t" in body:
        return False
    return all(line == line.rstrip(" ") for line in body.split("\n"))


def node(value: Any, code: bool = False) -> Any:
    """A plain value (str, int, float, bool, list, dict) as round-trip nodes."""
    if isinstance(value, str):
        return scalar(value, code)
    if isinstance(value, list):
        seq = CommentedSeq()
        seq.extend(node(item, code) for item in value)
        return seq
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = node(item, key in ("code", "ref"))
        return mapping
    return value


def unwrap(value: Any) -> Any:
    """The list inside `{节选: [...]}`; the value itself otherwise."""
    if isinstance(value, dict) and set(value) == {EXCERPT_KEY}:
        return value[EXCERPT_KEY]
    return value


def walk(data: Any, path: tuple[str | int, ...]) -> Any:
    """The node at `path` (through `{节选: [...]}` wrappers); None when absent."""
    value = data
    for step in path:
        value = unwrap(value)
        if isinstance(step, int):
            if not isinstance(value, list) or step >= len(value):
                return None
        elif not isinstance(value, dict) or step not in value:
            return None
        value = value[step]
    return value


def set_key(mapping: CommentedMap, key: str, value: Any, order: list[str]) -> None:
    """Set `key` (in place when present, else at its place in `order`)."""
    if key in mapping:
        mapping[key] = value
        return
    rank = {name: i for i, name in enumerate(order)}
    position = sum(1 for k in mapping if rank.get(k, len(order)) < rank.get(key, len(order)))
    if position >= len(mapping) and len(mapping):
        trailing = _cut(mapping, list(mapping)[-1])
        mapping.insert(position, key, value)
        if trailing:
            _paste(mapping, key, trailing)
        return
    mapping.insert(position, key, value)


def drop_key(mapping: CommentedMap, key: str) -> None:
    """Remove `key`; the lines that followed the mapping's last key stay after it."""
    keys = list(mapping)
    if key not in mapping:
        return
    if key == keys[-1] and len(keys) > 1:
        trailing = _cut(mapping, key)
        del mapping[key]
        if trailing:
            _paste(mapping, keys[-2], trailing)
        return
    del mapping[key]


def replace_items(seq: CommentedSeq, desired: list[Any]) -> None:
    """Make `seq` hold `desired` (existing items by identity, new ones inserted), keeping the
    comments of the items that stay and the lines after the list."""
    if [id(x) for x in seq] == [id(x) for x in desired]:
        return
    trailing = _cut(seq, len(seq) - 1) if len(seq) else ""
    keep = {id(x) for x in desired}
    for index in reversed(range(len(seq))):
        if id(seq[index]) not in keep:
            del seq[index]
    for index, item in enumerate(desired):
        if index < len(seq) and seq[index] is item:
            continue
        found = next((j for j in range(index, len(seq)) if seq[j] is item), None)
        if found is not None:
            del seq[found]
        seq.insert(index, item)
    if trailing and len(seq):
        _paste(seq, len(seq) - 1, trailing)
