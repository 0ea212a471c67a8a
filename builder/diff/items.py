"""Comparison inside one document: fields, and lists of keyed items paired by code.

Items present on one side only are held back until the whole document is walked; an
added and a removed item of the same type whose content is equal apart from the key are
a rename (different code) or a move (same code, different parent).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from builder.diff.keys import ITEM_KINDS, ItemKind, field_label
from builder.diff.model import Action, Change, DocumentRef, Step
from builder.model import Competency, CompetencyRef, scoped_code
from builder.model.introspect import list_item_model, nested_model
from builder.model.meta import STATUS_ORDER
from builder.model.sourced import EXCERPT_KEY, NOT_GIVEN, is_excerpt, is_not_given


def plain(value: Any) -> Any:
    """A JSON-compatible copy of a model value (dates become ISO text)."""
    return to_jsonable_python(value)


def marked(value: Any) -> Any:
    """`plain`, with the source markers kept: a list or text the source does not give is
    `原文未给出`, an excerpt list is `{节选: [...]}` (docs/transcribe.md)."""
    if is_not_given(value):
        return NOT_GIVEN
    if is_excerpt(value):
        return {EXCERPT_KEY: plain(list(value))}
    return plain(value)


def list_state(items: Sequence[Any]) -> str:
    """How a keyed list stands against the source: not given, an excerpt, or listed."""
    if is_not_given(items):
        return NOT_GIVEN
    if is_excerpt(items):
        return f"{EXCERPT_KEY}，列出 {len(items)} 项"
    return f"列出 {len(items)} 项"


def sourced_trend(before: Any, after: Any) -> str | None:
    """``supplied`` (原文未给出 → text), ``withdrawn`` (→ 原文未给出), ``completed`` (excerpt
    → whole list), ``excerpted`` (whole → excerpt), or None."""
    empty: tuple[Any, ...] = (None, [], "", list_state([]))
    if before == NOT_GIVEN and after != NOT_GIVEN:
        return None if after in empty else "supplied"
    if after == NOT_GIVEN and before != NOT_GIVEN:
        return "withdrawn"
    was, now = _is_excerpt_value(before), _is_excerpt_value(after)
    if was and not now and after not in empty:
        return "completed"
    if now and not was:
        return "excerpted"
    return None


def _is_excerpt_value(value: Any) -> bool:
    if isinstance(value, dict):
        return set(value) == {EXCERPT_KEY}
    return isinstance(value, str) and value.startswith(f"{EXCERPT_KEY}，")


def signature(value: Any, *, drop: frozenset[str] = frozenset()) -> str:
    """Canonical text of a value without the given top-level keys (for rename detection)."""
    data = plain(value)
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k not in drop}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def item_key(item: BaseModel, kind: ItemKind) -> str:
    """The key of an item: its code, within its numbering scope when it has one (a list
    numbered per 等级 table or per column, `scope`), e.g. "1.1.1（相关知识要求）"."""
    return scoped_code(str(getattr(item, kind.key)), getattr(item, "scope", None))


def item_signature(item: BaseModel, kind: ItemKind) -> str:
    """Content of an item without its key; child codes that start with the key are made
    relative (`M3-1` under `M3` → `*-1`), so renaming a parent together with its
    hierarchical children still counts as "content unchanged"."""
    key = item_key(item, kind)
    data = plain(item)
    data.pop(kind.key, None)
    return json.dumps(_relative(data, key), ensure_ascii=False, sort_keys=True)


def _relative(value: Any, key: str) -> Any:
    if isinstance(value, dict):
        return {k: _relative(v, key) for k, v in value.items()}
    if isinstance(value, list):
        return [_relative(v, key) for v in value]
    if isinstance(value, str) and value.startswith(f"{key}-"):
        return "*" + value[len(key) :]
    return value


@dataclass(slots=True)
class _Pending:
    """An item present on one side only, waiting for rename detection."""

    parent: tuple[Step, ...]
    item: BaseModel
    kind: ItemKind
    seq: int


@dataclass(slots=True)
class DocumentDiffer:
    """Compares two versions of one document and records the changes."""

    ref: DocumentRef
    levels: Sequence[str]
    counter: list[int]
    changes: list[Change] = field(default_factory=list)
    added: list[_Pending] = field(default_factory=list)
    removed: list[_Pending] = field(default_factory=list)

    def next_seq(self) -> int:
        self.counter[0] += 1
        return self.counter[0]

    def run(self, old: BaseModel, new: BaseModel) -> list[Change]:
        self.node(old, new, (), (), ())
        self.resolve()
        return self.changes

    def node(
        self,
        old: BaseModel,
        new: BaseModel,
        path: tuple[Step, ...],
        prefix: tuple[str, ...],
        labels: tuple[str, ...],
    ) -> None:
        model = type(new)
        for name, info in model.model_fields.items():
            a, b = getattr(old, name), getattr(new, name)
            item_model = list_item_model(info.annotation)
            if item_model is not None and item_model in ITEM_KINDS:
                a, b = ([] if a is None else a), ([] if b is None else b)
                state_a, state_b = list_state(a), list_state(b)
                if _marker_changed(a, b):
                    shown = (*labels, field_label(model, name))
                    self.record_field(model, name, path, prefix, shown, state_a, state_b)
                self.items(a, b, ITEM_KINDS[item_model], path)
                continue
            label = field_label(model, name)
            inner = nested_model(info.annotation)
            if inner is not None and a is not None and b is not None:
                shown = labels if name == "meta" else (*labels, label)
                self.node(a, b, path, (*prefix, name), shown)
                continue
            before, after = marked(a), marked(b)
            if before != after:
                self.record_field(model, name, path, prefix, (*labels, label), before, after)

    def record_field(
        self,
        model: type[BaseModel],
        name: str,
        path: tuple[Step, ...],
        prefix: tuple[str, ...],
        labels: tuple[str, ...],
        before: Any,
        after: Any,
    ) -> None:
        dotted = ".".join((*prefix, name))
        self.changes.append(
            Change(
                Action.CHANGED,
                self.ref,
                path,
                field=dotted,
                label=" › ".join(labels),
                before=before,
                after=after,
                trend=self.trend(model, dotted, before, after),
                seq=self.next_seq(),
            )
        )

    def trend(self, model: type[BaseModel], dotted: str, before: Any, after: Any) -> str | None:
        sourced = sourced_trend(before, after)
        if sourced is not None:
            return sourced
        if dotted == "level" and model in (Competency, CompetencyRef):
            return _ordered(self.levels, before, after, ("raised", "lowered"))
        if dotted == "meta.status":
            return _ordered(STATUS_ORDER, before, after, ("forward", "backward"))
        numbers = (int, float)
        if isinstance(before, numbers) and isinstance(after, numbers):
            if isinstance(before, bool) or isinstance(after, bool):
                return None
            return "increased" if after > before else "decreased"
        return None

    def items(
        self,
        old: Sequence[BaseModel],
        new: Sequence[BaseModel],
        kind: ItemKind,
        parent: tuple[Step, ...],
    ) -> None:
        old_by_key = _keyed(old, kind)
        new_by_key = _keyed(new, kind)
        for key, item in new_by_key.items():
            if key in old_by_key:
                self.node(old_by_key[key], item, (*parent, _step(kind, item, key)), (), ())
            else:
                self.added.append(_Pending(parent, item, kind, self.next_seq()))
        for key, item in old_by_key.items():
            if key not in new_by_key:
                self.removed.append(_Pending(parent, item, kind, self.next_seq()))

    def resolve(self) -> None:
        """Turn held-back items into renames/moves where content matches, else add/remove."""
        unmatched = list(self.removed)
        for added in self.added:
            sig = item_signature(added.item, added.kind)
            match = next(
                (
                    r
                    for r in unmatched
                    if r.kind == added.kind and item_signature(r.item, r.kind) == sig
                ),
                None,
            )
            new_key = item_key(added.item, added.kind)
            new_path = (*added.parent, _step(added.kind, added.item, new_key))
            if match is None:
                self.changes.append(
                    Change(Action.ADDED, self.ref, new_path, after=plain(added.item), seq=added.seq)
                )
                continue
            unmatched.remove(match)
            old_key = item_key(match.item, match.kind)
            old_path = (*match.parent, _step(match.kind, match.item, old_key))
            action = Action.MOVED if old_key == new_key else Action.RENAMED
            self.changes.append(
                Change(
                    action,
                    self.ref,
                    new_path,
                    old_code=old_key,
                    old_path=old_path,
                    seq=added.seq,
                )
            )
        for removed in unmatched:
            key = item_key(removed.item, removed.kind)
            path = (*removed.parent, _step(removed.kind, removed.item, key))
            self.changes.append(
                Change(Action.REMOVED, self.ref, path, before=plain(removed.item), seq=removed.seq)
            )


def _marker_changed(before: Any, after: Any) -> bool:
    """The list went from or to 原文未给出 or an excerpt (its items compare on their own)."""
    return (is_not_given(before), is_excerpt(before)) != (is_not_given(after), is_excerpt(after))


def _ordered(order: Sequence[str], before: Any, after: Any, words: tuple[str, str]) -> str | None:
    if before in order and after in order:
        return words[0] if order.index(after) > order.index(before) else words[1]
    return None


def _keyed(items: Sequence[BaseModel], kind: ItemKind) -> dict[str, BaseModel]:
    result: dict[str, BaseModel] = {}
    for item in items:
        key = item_key(item, kind)
        n = 2
        unique = key
        while unique in result:  # duplicate codes (ZB204) keep their own slot
            unique = f"{key}#{n}"
            n += 1
        result[unique] = item
    return result


def _step(kind: ItemKind, item: BaseModel, key: str) -> Step:
    name = getattr(item, kind.name) if kind.name else None
    if isinstance(name, str) and len(name) > 30:
        name = name[:29] + "…"
    return Step(kind.type, key, kind.label, name)
