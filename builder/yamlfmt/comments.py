"""Move comments with their keys when ruamel.yaml mappings are reordered.

ruamel.yaml attaches a full-line comment to the end of whatever precedes it: the
comment above `name:` is stored on the previous key's value (for a nested value, on its
last descendant). Reordering keys would therefore move comments to the wrong key. Here
the lines that precede each key are cut off before reordering and put back in front of
the same key afterwards.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

_END = object()


def _holder(container: Any, key: Any) -> tuple[Any, Any, int]:
    """(collection, key, slot) where the text after `container[key]`'s last line is kept."""
    value = container[key]
    if isinstance(value, CommentedMap) and len(value) and value.fa.flow_style() is not True:
        return _holder(value, list(value.keys())[-1])
    if isinstance(value, CommentedSeq) and len(value) and value.fa.flow_style() is not True:
        return _holder(value, len(value) - 1)
    return container, key, 0 if isinstance(container, CommentedSeq) else 2


def _cut(container: Any, key: Any) -> str:
    """Remove and return the full lines (comments, blank lines) after `container[key]`."""
    owner, slot_key, slot = _holder(container, key)
    entry = owner.ca.items.get(slot_key)
    if not entry or entry[slot] is None:
        return ""
    token = entry[slot]
    head, newline, rest = str(token.value).partition("\n")
    if not newline:
        return ""
    if head.strip():
        token.value = head + "\n"
    else:
        entry[slot] = None
    return rest


def _paste(container: Any, key: Any, text: str) -> None:
    """Append full lines after `container[key]` (before whatever follows it)."""
    owner, slot_key, slot = _holder(container, key)
    entry = owner.ca.items.setdefault(slot_key, [None, None, None, None])
    token = entry[slot]
    if token is None:
        entry[slot] = CommentToken("\n" + text, CommentMark(0), None)
    else:
        token.value = (token.value if token.value.endswith("\n") else token.value + "\n") + text


def _paste_front(mapping: CommentedMap, text: str) -> None:
    """Put full lines at the start of `mapping`, after what is already there."""
    comment = mapping.ca.comment
    token = CommentToken(text, CommentMark(0), None)
    if comment is None:
        mapping.ca.comment = [None, [token]]
    elif comment[1] is None:
        comment[1] = [token]
    else:
        comment[1].append(token)


def reorder(mapping: CommentedMap, order: list[Any]) -> None:
    """Reorder `mapping` to `order` (a permutation of its keys), keeping comments in place."""
    old = list(mapping.keys())
    if old == order or mapping.fa.flow_style() is True:
        for key in order:
            mapping.move_to_end(key)
        return
    blocks: dict[Any, str] = {}
    for previous, key in zip(old, [*old[1:], _END], strict=True):
        blocks[key] = _cut(mapping, previous)
    for key in order:
        mapping.move_to_end(key)
    for previous, key in zip(order, [*order[1:], _END], strict=True):
        if blocks.get(key):
            _paste(mapping, previous, blocks[key])
    if blocks.get(order[0]):
        _paste_front(mapping, blocks[order[0]])
