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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from builder.diff.items import DocumentDiffer, signature
from builder.diff.keys import IDENTITY_FIELDS, document_key
from builder.diff.model import Action, Change, ChangeSet, DocumentRef, Problem
from builder.model import Specialty
from builder.read.corpus import Corpus, Loaded

PLAN_FIELDS = frozenset(
    {"name", "nature", "hours", "theory_hours", "practice_hours", "credits", "semesters"}
)
"""Fields a course standard repeats from its row in the specialty's course plan."""


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
    found.extend(DocumentDiffer(ref, levels, counter).run(old.loaded.doc, new.loaded.doc))
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
        differ = DocumentDiffer(ref, levels, counter)
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
