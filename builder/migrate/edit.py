"""Rewriting one value of a round-trip mapping without losing the comments around it.

ruamel.yaml keeps the full-line comments that precede a key on the last line of the value
before it (`builder.yamlfmt.comments`); replacing or removing a block value would take
those lines with it. They are cut off first and put back after the edit. The comment that
justified the edit (`# 原文未给出…`) stays at the end of the new value's line, or, when the
key is removed, becomes a full-line comment naming the key in its place.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from builder.migrate.fields import marking_comment
from builder.migrate.steps import REMOVE
from builder.yamlfmt.comments import _cut, _holder, _paste, _paste_front


def _styled(old: Any, new: Any) -> Any:
    """`new` quoted as `old` was (a quoted 待补充 stays quoted)."""
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(new)
    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(new)
    return new


def _column(container: CommentedMap, key: Any) -> int:
    try:
        return int(container.lc.key(key)[1])
    except (AttributeError, KeyError, TypeError, IndexError):
        return 0


def _shift_comment(container: CommentedMap, key: Any, grow: int) -> None:
    """Keep the distance between a value and its end-of-line comment when the value grows."""
    entry = container.ca.items.get(key)
    token = entry[2] if entry else None
    if token is not None and grow > 0 and not str(token.value).startswith("\n"):
        token.start_mark.column += grow


def _put_before(container: CommentedMap, keys: list[Any], key: Any, text: str) -> None:
    """Full comment lines placed just above `key` (after the key before it)."""
    position = keys.index(key)
    if position == 0:
        _paste_front(container, text)
        return
    owner, slot_key, slot = _holder(container, keys[position - 1])
    value = owner[slot_key]
    entry = owner.ca.items.get(slot_key)
    if isinstance(value, str) and value.endswith("\n") and (not entry or entry[slot] is None):
        # a block scalar ends with its own line break: no empty line in between
        owner.ca.items.setdefault(slot_key, [None, None, None, None])
        owner.ca.items[slot_key][slot] = CommentToken(text, CommentMark(0), None)
        return
    _paste(container, keys[position - 1], text)


def _lines_above(container: CommentedMap, key: Any) -> list[str]:
    """The comment lines between `key:` and the first item of the block list below it."""
    tokens: list[Any] = []
    entry = container.ca.items.get(key)
    if entry and len(entry) > 3 and entry[3]:
        tokens.extend(entry[3])
    value = container[key]
    if isinstance(value, CommentedSeq) and value.ca.comment and value.ca.comment[1]:
        tokens.extend(t for t in value.ca.comment[1] if t not in tokens)
    lines: list[str] = []
    for token in tokens:
        lines.extend(x for x in str(token.value).splitlines() if x.strip().startswith("#"))
    return lines


def apply_edit(container: CommentedMap, key: Any, value: Any) -> None:
    """Set `container[key]` to `value`, or remove the key when `value` is `REMOVE`."""
    old = container[key]
    if value is not REMOVE and not isinstance(old, (CommentedMap, CommentedSeq)):
        container[key] = _styled(old, value)  # the end-of-line comment stays where it is
        _shift_comment(container, key, len(str(value)) - len(str(old)))
        return
    note = marking_comment(container, key)
    keys = list(container)
    trailing = _cut(container, key)
    indent = " " * _column(container, key)
    above = "".join(f"{indent}{line.strip()}\n" for line in _lines_above(container, key))
    container.ca.items.pop(key, None)
    if above:
        _put_before(container, keys, key, above)
    if value is not REMOVE:
        container[key] = value
        if note:
            column = _column(container, key) + len(str(key)) + len(str(value)) + 4
            container.yaml_add_eol_comment(f"# {note}", key, column=column)
        if trailing:
            _paste(container, key, trailing)
        return
    if note:
        trailing = f"{' ' * _column(container, key)}# {key} {note}\n{trailing}"
    del container[key]
    if trailing:
        _put_before(container, keys, key, trailing)
