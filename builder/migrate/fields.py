"""What a migration step needs to know about a field and about a round-trip YAML node.

Fields are read from the data model (is it a text, a code, a list that may be marked
`原文未给出`, is it required); nodes are ruamel.yaml's round-trip collections, whose comments
say what an old transcription meant: `待补充  # 原文未给出` was, before model v3, the way to
write a value the source does not give (docs/migrate.md).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from builder.base.diagnostics import DataPath
from builder.model.common import Code
from builder.model.introspect import list_item_model, nested_model
from builder.model.sourced import NOT_GIVEN, SOURCED_LIST

PLACEHOLDER = "待补充"
"""The skeleton's "still to be written" value (ZB605); not the same as 原文未给出."""
NAME_FIELDS = frozenset({"name", "title"})
"""Fields that must name something: docs/transcribe.md keeps them filled."""


@dataclass(frozen=True, slots=True)
class Site:
    """One field of a mapping in the file: where it is and what the model says of it."""

    container: CommentedMap
    key: str
    path: DataPath
    hint: Any
    required: bool
    info: FieldInfo

    @property
    def value(self) -> Any:
        return self.container[self.key]


def _unwrap(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        return [annotation, *_unwrap(typing.get_args(annotation)[0])]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [a for arg in typing.get_args(annotation) for a in _unwrap(arg)]
    return [annotation]


def is_code(hint: Any) -> bool:
    return any(candidate == Code for candidate in _unwrap(hint))


def is_text(hint: Any) -> bool:
    """A free text field (`str` or `str | None`), not a code."""
    return not is_code(hint) and str in _unwrap(hint)


def accepts_text(site: Site, text: str) -> bool:
    """The field may hold `text` (a date or a pattern-checked text may not hold 原文未给出)."""
    key = (id(site.info), text)
    if key not in _ACCEPTS:
        metadata = site.info.metadata
        hint: Any = Annotated[site.hint, *metadata] if metadata else site.hint
        adapter: TypeAdapter[Any] = TypeAdapter(hint)
        try:
            adapter.validate_python(text)
            _ACCEPTS[key] = True
        except ValidationError:
            _ACCEPTS[key] = False
    return _ACCEPTS[key]


_ACCEPTS: dict[tuple[int, str], bool] = {}


def accepts_marked_list(hint: Any) -> bool:
    """A list field that may be written `原文未给出` (builder.model.sourced)."""
    return any(
        typing.get_origin(c) is typing.Annotated and SOURCED_LIST in typing.get_args(c)[1:]
        for c in _unwrap(hint)
    )


def _only_alternative(model: type[BaseModel], key: str, node: CommentedMap) -> bool:
    """True when `key` is one of the fields of which the model requires exactly one
    (`oneOf` of `required` groups in its schema, as `Course.specialty`/`applies_to`) and
    none of the others is written: removing it would leave the document invalid."""
    extra = model.model_config.get("json_schema_extra")
    groups: Any = extra.get("oneOf") if isinstance(extra, dict) else None
    names: list[list[str]] = [
        [str(n) for n in g.get("required") or []]
        for g in (groups if isinstance(groups, list) else [])
        if isinstance(g, dict)
    ]
    if not any(key in group for group in names):
        return False
    return not any(other in node for group in names for other in group if other != key)


def fields(node: Any, model: type[BaseModel], path: DataPath = ()) -> Iterator[Site]:
    """Every field of `node` known to `model`, depth first in file order (a parent before
    its children); the tree may be changed between two items."""
    if not isinstance(node, CommentedMap):
        return
    hints = typing.get_type_hints(model, include_extras=True)
    for key in list(node):
        if key not in model.model_fields or key not in node:
            continue
        hint = hints[key]
        info = model.model_fields[key]
        required = info.is_required() or _only_alternative(model, key, node)
        site = Site(node, key, (*path, key), hint, required, info)
        yield site
        if key not in node:  # removed by the consumer
            continue
        value = node[key]
        item = list_item_model(hint)
        if item is not None and isinstance(value, CommentedSeq):
            for i, child in enumerate(value):
                yield from fields(child, item, (*site.path, i))
        elif (inner := nested_model(hint)) is not None:
            yield from fields(value, inner, site.path)


def _first_line(token: Any) -> str:
    value = str(getattr(token, "value", "") or "")
    return value.split("\n", 1)[0].lstrip("#").strip()


def _says_not_given(token: Any) -> bool:
    return _first_line(token).startswith(NOT_GIVEN)


def _tokens(entry: Any) -> Iterator[Any]:
    for slot in entry or ():
        if isinstance(slot, list):
            yield from slot
        elif slot is not None:
            yield slot


def key_comment(container: Any, key: Any) -> Any:
    """The end-of-line comment token after `container[key]` (a key's value or an item)."""
    entry = container.ca.items.get(key) if hasattr(container, "ca") else None
    if not entry:
        return None
    slot = 0 if isinstance(container, CommentedSeq) else 2
    token = entry[slot]
    return token if token is not None and _first_line(token) else None


def comment_text(container: Any, key: Any) -> str:
    """The first line of the end-of-line comment after `container[key]`, without `#`."""
    return _first_line(key_comment(container, key))


def comment_before(container: Any, key: Any) -> str:
    """The full comment lines just above `key` (ruamel keeps them after the value before it)."""
    from builder.yamlfmt.comments import _holder

    keys = list(container)
    position = keys.index(key)
    if position == 0:
        return ""
    owner, slot_key, slot = _holder(container, keys[position - 1])
    entry = owner.ca.items.get(slot_key)
    token = entry[slot] if entry else None
    if token is None:
        return ""
    return str(token.value).partition("\n")[2]


def marked_here(container: Any, key: Any) -> bool:
    """The value at `container[key]` carries a `# 原文未给出…` comment: at the end of its line,
    or on the lines between the key and a block list below it."""
    if _says_not_given(key_comment(container, key)):
        return True
    value = container[key]
    above: list[Any] = []
    if isinstance(container, CommentedMap):
        entry = container.ca.items.get(key)
        above.extend(entry[3] or [] if entry and len(entry) > 3 else [])
    if isinstance(value, CommentedSeq) and value.ca.comment:
        above.extend(_tokens(value.ca.comment))
    return any(_says_not_given(t) for t in above)


def is_placeholder(value: Any, marked: bool) -> tuple[bool, bool, bool]:
    """(every leaf of `value` is 待补充, 原文未给出 or a value marked `# 原文未给出`; some leaf
    or an enclosing value carries that mark; some leaf is the text 待补充).
    Empty collections are not placeholders."""
    if isinstance(value, (CommentedMap, CommentedSeq)):
        keys = list(value) if isinstance(value, CommentedMap) else list(range(len(value)))
        if not keys:
            return False, marked, False
        seen, filler = marked, False
        for key in keys:
            ok, mark, fill = is_placeholder(value[key], marked or marked_here(value, key))
            if not ok:
                return False, seen, filler
            seen, filler = seen or mark, filler or fill
        return True, seen, filler
    if isinstance(value, str) and value.strip() in {PLACEHOLDER, NOT_GIVEN}:
        return True, marked, value.strip() == PLACEHOLDER  # 原文未给出 alone is today's shape
    return marked, marked, False


def is_number(value: Any) -> bool:
    """A number, or a list of numbers (`semesters: [1]`): what the old model forced."""
    if isinstance(value, CommentedSeq):
        return bool(value) and all(is_number(item) for item in value)
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def marking_comment(container: Any, key: Any) -> str | None:
    """The first `原文未给出…` comment text at or inside `container[key]` (without `#`)."""
    token = key_comment(container, key)
    if _says_not_given(token):
        return _first_line(token)
    value = container[key]
    if isinstance(value, (CommentedMap, CommentedSeq)):
        keys = list(value) if isinstance(value, CommentedMap) else range(len(value))
        for inner in keys:
            found = marking_comment(value, inner)
            if found is not None:
                return found
    return None
