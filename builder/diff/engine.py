"""Keyed comparison of two corpora: documents and items are paired by stable codes.

Algorithm: documents are paired by `document_key`; inside a pair, every field of the
model is compared; lists of keyed items (`ITEM_KINDS`) are paired by key and compared
recursively, other values compare as a whole. Items (and documents) present on one side
only are held back until the whole document (corpus) is walked: an added and a removed
item of the same type whose content is equal apart from the key are a rename (different
code) or a move (same code, different parent), not a remove plus an add.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from builder.corpus import Corpus, Loaded
from builder.diff.keys import (
    IDENTITY_FIELDS,
    ITEM_KINDS,
    ItemKind,
    document_key,
    field_label,
    list_item_model,
    nested_model,
)
from builder.diff.model import Action, Change, ChangeSet, DocumentRef, Problem, Step
from builder.model import Competency, CompetencyRef, Specialty
from builder.model.meta import STATUS_ORDER

PLAN_FIELDS = frozenset(
    {"name", "nature", "hours", "theory_hours", "practice_hours", "credits", "semesters"}
)
"""Fields a course standard repeats from its row in the specialty's course plan."""


def plain(value: Any) -> Any:
    """A JSON-compatible copy of a model value (dates become ISO text)."""
    return to_jsonable_python(value)


def signature(value: Any, *, drop: frozenset[str] = frozenset()) -> str:
    """Canonical text of a value without the given top-level keys (for rename detection)."""
    data = plain(value)
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k not in drop}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def item_signature(item: BaseModel, kind: ItemKind) -> str:
    """Content of an item without its key; child codes that start with the key are made
    relative (`M3-1` under `M3` → `*-1`), so renaming a parent together with its
    hierarchical children still counts as "content unchanged"."""
    key = str(getattr(item, kind.key))
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
class _DocumentDiffer:
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
                self.items(a or [], b or [], ITEM_KINDS[item_model], path)
                continue
            label = field_label(model, name)
            inner = nested_model(info.annotation)
            if inner is not None and a is not None and b is not None:
                shown = labels if name == "meta" else (*labels, label)
                self.node(a, b, path, (*prefix, name), shown)
                continue
            before, after = plain(a), plain(b)
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
            new_key = str(getattr(added.item, added.kind.key))
            new_path = (*added.parent, _step(added.kind, added.item, new_key))
            if match is None:
                self.changes.append(
                    Change(Action.ADDED, self.ref, new_path, after=plain(added.item), seq=added.seq)
                )
                continue
            unmatched.remove(match)
            old_key = str(getattr(match.item, match.kind.key))
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
            key = str(getattr(removed.item, removed.kind.key))
            path = (*removed.parent, _step(removed.kind, removed.item, key))
            self.changes.append(
                Change(Action.REMOVED, self.ref, path, before=plain(removed.item), seq=removed.seq)
            )


def _ordered(order: Sequence[str], before: Any, after: Any, words: tuple[str, str]) -> str | None:
    if before in order and after in order:
        return words[0] if order.index(after) > order.index(before) else words[1]
    return None


def _keyed(items: Sequence[BaseModel], kind: ItemKind) -> dict[str, BaseModel]:
    result: dict[str, BaseModel] = {}
    for item in items:
        key = str(getattr(item, kind.key))
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


@dataclass(frozen=True, slots=True)
class _Doc:
    loaded: Loaded[Any]
    logical: str


def _documents(corpus: Corpus) -> dict[tuple[str, str, str, str], _Doc]:
    found: dict[tuple[str, str, str, str], _Doc] = {}
    for item in corpus.documents:
        logical = _logical(corpus, item.path)
        kind, specialty, code = document_key(item.doc)
        key = (kind, specialty, code, "")
        if key in found:  # duplicate documents (ZB207) are told apart by path
            key = (kind, specialty, code, logical)
        found[key] = _Doc(item, logical)
    return dict(sorted(found.items()))


def _logical(corpus: Corpus, path: Path) -> str:
    try:
        return path.resolve().relative_to(corpus.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _ref(doc: _Doc, old: _Doc | None = None) -> DocumentRef:
    model = doc.loaded.doc
    kind, specialty, code = document_key(model)
    if isinstance(model, Specialty):
        code = model.code
    old_file = old.loaded.rel if old is not None and old.loaded.rel != doc.loaded.rel else None
    return DocumentRef(kind, specialty, code, model.meta.title, doc.loaded.rel, old_file)


def failed_logical(corpus: Corpus, base: Path) -> set[str]:
    """Paths (relative to the standards directory) of files that did not load."""
    return {_logical(corpus, base / rel) for rel in corpus.failed}


def diff_corpora(
    old: Corpus,
    new: Corpus,
    *,
    levels: Sequence[str] = (),
    old_label: str = "旧版本",
    new_label: str = "新版本",
    problems: Sequence[Problem] = (),
    old_failed: set[str] | None = None,
    new_failed: set[str] | None = None,
) -> ChangeSet:
    """Compare two loaded corpora and return every semantic change.

    `levels` is the 学习水平 vocabulary (low → high) used to tell raised from lowered
    levels. `old_failed`/`new_failed` are paths relative to each standards directory of
    files that did not load: a document whose file failed on the other side is not
    reported as added or removed (the failure is listed in `problems` instead).
    """
    old_failed = old_failed or set()
    new_failed = new_failed or set()
    counter = [0]
    changes: list[Change] = []
    old_docs, new_docs = _documents(old), _documents(new)
    added: list[_Doc] = []
    for key, doc in new_docs.items():
        previous = old_docs.get(key)
        if previous is None:
            if doc.logical not in old_failed:
                added.append(doc)
            continue
        changes.extend(_compare(previous, doc, levels, counter))
    removed = [
        doc
        for key, doc in old_docs.items()
        if key not in new_docs and doc.logical not in new_failed
    ]
    changes.extend(_unpaired_documents(removed, added, levels, counter))
    changes = _merge_plan_rows(changes)
    changes.sort(key=lambda c: (*c.document.sort_key, c.document.file, c.seq))
    return ChangeSet(
        old_label,
        new_label,
        changes,
        sorted(problems, key=lambda p: (p.file, p.side, p.line)),
        documents=len(new_docs),
    )


def _compare(old: _Doc, new: _Doc, levels: Sequence[str], counter: list[int]) -> list[Change]:
    ref = _ref(new, old)
    found: list[Change] = []
    if ref.old_file is not None:
        counter[0] += 1
        found.append(Change(Action.MOVED, ref, seq=counter[0]))
    found.extend(_DocumentDiffer(ref, levels, counter).run(old.loaded.doc, new.loaded.doc))
    return found


def _unpaired_documents(
    removed: list[_Doc], added: list[_Doc], levels: Sequence[str], counter: list[int]
) -> list[Change]:
    """Documents on one side only: renamed (same file or same content) or added/removed."""
    changes: list[Change] = []
    left = list(removed)
    for doc in added:
        kind = doc.loaded.kind
        match = next(
            (r for r in left if r.loaded.kind == kind and r.logical == doc.logical), None
        ) or next(
            (
                r
                for r in left
                if r.loaded.kind == kind
                and signature(r.loaded.doc, drop=IDENTITY_FIELDS)
                == signature(doc.loaded.doc, drop=IDENTITY_FIELDS)
            ),
            None,
        )
        counter[0] += 1
        if match is None:
            changes.append(Change(Action.ADDED, _ref(doc), seq=counter[0]))
            continue
        left.remove(match)
        ref = _ref(doc, match)
        old_code = _ref(match).code
        changes.append(Change(Action.RENAMED, ref, old_code=old_code, seq=counter[0]))
        differ = _DocumentDiffer(ref, levels, counter)
        changes.extend(
            c
            for c in differ.run(match.loaded.doc, doc.loaded.doc)
            if not (c.action is Action.CHANGED and c.path == () and c.field in IDENTITY_FIELDS)
        )
    for doc in left:
        counter[0] += 1
        changes.append(Change(Action.REMOVED, _ref(doc), seq=counter[0]))
    return changes


def _merge_plan_rows(changes: list[Change]) -> list[Change]:
    """Fold a course-plan row change into the identical change of the course standard.

    Editing a course's 学时 usually means editing both the specialty's course plan and
    the course standard; reviewers see one change, with both files named.
    """
    plan_rows: dict[tuple[str, str, str, str, str], Change] = {}
    for change in changes:
        if (
            change.action is Action.CHANGED
            and change.document.kind == "specialty"
            and len(change.path) == 1
            and change.path[0].type == "planned_course"
            and change.field in PLAN_FIELDS
        ):
            key = (
                change.document.specialty,
                change.path[0].code,
                str(change.field),
                json.dumps(change.before, ensure_ascii=False),
                json.dumps(change.after, ensure_ascii=False),
            )
            plan_rows[key] = change
    folded: set[int] = set()
    result: list[Change] = []
    for change in changes:
        if (
            change.action is Action.CHANGED
            and change.document.kind == "course"
            and change.path == ()
            and change.field in PLAN_FIELDS
        ):
            key = (
                change.document.specialty,
                change.document.code,
                str(change.field),
                json.dumps(change.before, ensure_ascii=False),
                json.dumps(change.after, ensure_ascii=False),
            )
            row = plan_rows.get(key)
            if row is not None:
                folded.add(id(row))
                change = replace(change, also=(*change.also, row.document.file))
        result.append(change)
    return [c for c in result if id(c) not in folded]
