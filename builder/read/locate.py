"""Map a data path (keys and list indexes) to a 1-based line and column.

Only files that have diagnostics are composed again here, with libyaml's composer,
which keeps a start mark on every node.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from builder.base.diagnostics import DataPath
from builder.read.yamlparse import within_depth


@dataclass(frozen=True, slots=True)
class Position:
    """Where a path ends: 1-based line/column and the scalar text as written, if any."""

    line: int
    column: int
    source: str | None = None
    found: bool = True


def compose(text: str) -> Node | None:
    """Compose a document into nodes with positions (None for an empty or too deep file).

    libyaml's composer recurses in C, so the depth is checked first: a file that nests
    deeper than `MAX_DEPTH` would already have been refused by the parser.
    """
    if not within_depth(text):
        return None
    return yaml.compose(text, Loader=yaml.CSafeLoader)


def locate(root: Node | None, path: DataPath, *, key: bool = False) -> Position:
    """Find `path` under `root`.

    The position is that of the value, or of the last key when `key` is true (used
    for unknown fields). When the path leaves the document (a missing field), the
    position of the deepest existing node's key is returned with `found=False`.
    """
    if root is None:
        return Position(1, 1, found=False)
    node: Node = root
    anchor: Node = root
    for index, part in enumerate(path):
        last = index == len(path) - 1
        child = _child(node, part)
        if child is None:
            return Position(anchor.start_mark.line + 1, anchor.start_mark.column + 1, found=False)
        key_node, value_node = child
        anchor = key_node if key_node is not None else value_node
        if last and key and key_node is not None:
            return _position(key_node)
        node = value_node
    return _position(node if isinstance(node, ScalarNode) else anchor)


def _child(node: Node, part: str | int) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                return key_node, value_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item: Node = node.value[part]
        return None, item
    return None


def _position(node: Node) -> Position:
    source = node.value if isinstance(node, ScalarNode) else None
    return Position(node.start_mark.line + 1, node.start_mark.column + 1, source)
