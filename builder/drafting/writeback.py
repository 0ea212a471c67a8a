"""Writing the changes of a working copy into the YAML text, keeping comments and order.

The file is loaded with the round-trip loader of `zhibiao fmt` (`builder.yamlfmt.make_yaml`),
only the changed values are replaced (in the style they were written: a block text stays a
block, a quoted code stays quoted), removed items are deleted and new ones inserted, and the
result is dumped with the same settings. The new text is read back as `zhibiao check`
reads it and must equal the old data with exactly these changes (else nothing is written),
then validated against the model.
"""

from __future__ import annotations

import io
import typing
import warnings
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
)

from builder.drafting import rules
from builder.drafting.changes import Addition, Changes, Problem, get
from builder.drafting.values import Token, render_path, slot
from builder.model.common import Code
from builder.read.corpus import validate
from builder.read.yamlsource import YamlProblem, parse
from builder.yamlfmt import make_yaml
from builder.yamlfmt.normalise import normalise


@dataclass(slots=True)
class Outcome:
    """The new YAML text (None when it must not be written) and the problems found."""

    text: str | None
    problems: list[Problem] = field(default_factory=list)


def write_back(text: str, rel: str, model: type[BaseModel], changes: Changes) -> Outcome:
    """Apply `changes` to the YAML `text` of file `rel`."""
    crlf = "\r\n" in text
    source = text.replace("\r\n", "\n") if crlf else text
    try:
        plain = parse(source)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = make_yaml().load(source)
    except (YamlProblem, YAMLError, ValueError, TypeError):
        return Outcome(None, [_unwritable(f"{rel} 无法按 fmt 的方式读取，未写入")])
    origins = _apply(tree, plain, model, changes)
    out = io.StringIO()
    try:
        make_yaml().dump(tree, out)
        after = parse(out.getvalue())
    except (YAMLError, YamlProblem, ValueError, TypeError):
        return Outcome(None, [_unwritable(f"{rel} 写回后无法再读取，未写入")])
    if after != plain:
        return Outcome(None, [_unwritable(f"{rel} 写回后除导入的改动外还有其他变化，未写入")])
    result = out.getvalue().replace("\n", "\r\n") if crlf else out.getvalue()
    _doc, problems = validate(after, rel)  # as `zhibiao check` validates a file
    if problems:
        found = [_invalid(d.message, d.data_path or (), d.hint, changes, origins) for d in problems]
        return Outcome(None, found)
    return Outcome(result)


def _unwritable(message: str) -> Problem:
    return Problem(
        rules.UNWRITABLE,
        message,
        "",
        None,
        "用 zhibiao fmt 检查该文件，或手工修改后重新导出填写稿。",
    )


Origins = dict[tuple[Token, ...], list[int | Addition]]
"""For each list that changed shape: what each final position holds (an old index or a new item)."""


def _apply(tree: Any, plain: Any, model: type[BaseModel], changes: Changes) -> Origins:
    for parts, value in changes.edits.items():
        _set(tree, plain, model, parts, value)
    lists: dict[tuple[Token, ...], tuple[set[int], list[Addition]]] = {}
    for parts in changes.removals:
        index = parts[-1]
        assert isinstance(index, int)
        lists.setdefault(parts[:-1], (set(), []))[0].add(index)
    for addition in changes.additions:
        lists.setdefault(addition.into, (set(), []))[1].append(addition)
    origins: Origins = {}
    for into in sorted(lists, key=len, reverse=True):
        removed, added = lists[into]
        seq, items = get(tree, into), get(plain, into)
        if not isinstance(seq, list) or not isinstance(items, list):
            continue
        final: list[int | Addition] = []
        for i in range(-1, len(seq)):
            if i >= 0 and i not in removed:
                final.append(i)
            final.extend(a for a in added if a.after == i)
        origins[into] = final
        for i in range(len(seq) - 1, -2, -1):
            for addition in reversed([a for a in added if a.after == i]):
                seq.insert(i + 1, _styled_new(addition.value, model, into))
                items.insert(i + 1, addition.value)
            if i in removed:
                del seq[i]
                del items[i]
    return origins


def _set(
    tree: Any, plain: Any, model: type[BaseModel], parts: tuple[Token, ...], value: Any
) -> None:
    parent, items = get(tree, parts[:-1]), get(plain, parts[:-1])
    key = parts[-1]
    if isinstance(parent, dict) and isinstance(key, str):
        if value is None:
            parent.pop(key, None)
            items.pop(key, None)
            return
        new = _styled(parent.get(key), value, _is_code(model, parts))
        if key in parent or not isinstance(parent, CommentedMap):
            parent[key] = new
        else:
            parent.insert(_position(parent, key, model, parts), key, new)
        items[key] = _plain(new)
    elif isinstance(parent, list) and isinstance(key, int) and value is not None:
        new = _styled(parent[key], value, _is_code(model, parts))
        parent[key] = new
        items[key] = _plain(new)


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _styled(old: Any, value: Any, code: bool) -> Any:
    """`value` written in the style of the value it replaces."""
    if isinstance(value, list):
        seq = CommentedSeq(value)
        if (isinstance(old, CommentedSeq) and old.fa.flow_style()) or not isinstance(
            old, CommentedSeq
        ):
            seq.fa.set_flow_style()
        return seq
    if not isinstance(value, str):
        return value
    if any(c in value for c in "\r\x85\u2028\u2029"):  # line breaks to the emitter: escaped
        return DoubleQuotedScalarString(value)
    if isinstance(old, LiteralScalarString | FoldedScalarString) or "\n" in value:
        ending = "\n" if not isinstance(old, str) or old.endswith("\n") else ""
        return LiteralScalarString(value.rstrip("\n") + ending)
    if isinstance(old, ScalarString):
        return type(old)(value)
    if code:
        return DoubleQuotedScalarString(value)
    return value


def _is_code(model: type[BaseModel], parts: tuple[Token, ...]) -> bool:
    found = slot(model, parts)
    if found is None:
        return False
    annotation = found.annotation
    return bool(annotation == Code or any(a == Code for a in typing.get_args(annotation)))


def _position(
    mapping: CommentedMap, key: str, model: type[BaseModel], parts: tuple[Token, ...]
) -> int:
    """Where a new key goes: after the keys the model lists before it."""
    owner = _owner(model, parts)
    order = list(owner.model_fields) if owner is not None else []
    if key not in order:
        return len(mapping)
    before = set(order[: order.index(key)])
    position = 0
    for index, existing in enumerate(mapping):
        if existing in before:
            position = index + 1
    return position


def _owner(model: type[BaseModel], parts: tuple[Token, ...]) -> type[BaseModel] | None:
    from builder.model.introspect import nested_model

    if len(parts) == 1:
        return model
    found = slot(model, parts[:-1])
    return nested_model(found.annotation) if found is not None else None


def _styled_new(value: Any, model: type[BaseModel], into: tuple[Token, ...]) -> Any:
    if not isinstance(value, dict):
        return LiteralScalarString(value + "\n") if "\n" in value else value
    node = CommentedMap()
    for key, item in value.items():
        node[key] = _styled(None, item, _is_code(model, (*into, 0, key)))
    item_model = _owner(model, (*into, 0, "code"))
    if item_model is not None:
        list(normalise(node, item_model))
    return node


def _invalid(
    message: str, path: tuple[str | int, ...], hint: str | None, changes: Changes, origins: Origins
) -> Problem:
    """A validation error of the written data, located where the drafter made the value."""
    where, element = "", None
    original: list[Token] = []
    for part in path:
        if isinstance(part, int):
            final = origins.get(tuple(original))
            held = final[part] if final is not None and part < len(final) else part
            if isinstance(held, Addition):
                where, element = held.where, held.element
                break
            original.append(held)
        elif isinstance(part, str) and not part.startswith("\x00"):
            original.append(part)
    if not where:
        for end in range(len(original), 0, -1):
            found = changes.places.get(render_path(tuple(original[:end])))
            if found is None:
                found = next(
                    (
                        v
                        for k, v in changes.places.items()
                        if k.startswith(render_path(tuple(original[:end])))
                    ),
                    None,
                )
            if found is not None:
                where, element = found
                break
    return Problem(rules.INVALID, message, where, element, hint)
