"""`zhibiao migrate`: upgrade files written for an older model shape, comments kept.

The file is loaded with the round-trip reader of `zhibiao fmt` (`builder.yamlfmt`), the
steps of `builder.migrate.steps` are applied in order, and the tree is written back with
the same writer: comments, key order and quoting stay as they are. A file no step changes
is never rewritten (not a byte). Before anything is written, the new text is read as
`zhibiao check` reads it and compared with the old reading: the two must differ exactly at
the places the steps changed, or the file is left alone (ZB001, as fmt does).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from builder.base.diagnostics import DataPath
from builder.migrate.edit import apply_edit
from builder.migrate.fields import fields
from builder.migrate.steps import REMOVE, STEPS, Rewrite, Undecided
from builder.model import KINDS
from builder.read.yamlsource import YamlProblem, parse
from builder.yamlfmt import _load, _schema_line_first, make_yaml
from builder.yamlfmt.meaning import first_difference


@dataclass(frozen=True, slots=True)
class Change:
    """One rewrite: the step, the place, and what the value became (None: removed)."""

    step: str
    label: str
    path: DataPath
    value: Any


@dataclass(frozen=True, slots=True)
class Migrated:
    """The outcome for one text: the new text (None when it cannot be migrated safely;
    the old text when nothing changed), the changes, what was left undecided, and why a
    file was refused."""

    text: str | None
    changes: list[Change] = field(default_factory=list)
    undecided: list[Undecided] = field(default_factory=list)
    refused: str | None = None
    refused_at: DataPath = ()


def migrate_text(text: str) -> Migrated:
    """Apply every step to one file's text (Windows line endings are kept)."""
    if "\r\n" in text:
        done = migrate_text(text.replace("\r\n", "\n"))
        if done.text is None or done.text == text.replace("\r\n", "\n"):
            return Migrated(text if done.text is not None else None, *_rest(done))
        return Migrated(done.text.replace("\n", "\r\n"), *_rest(done))
    try:
        before = parse(text)
    except YamlProblem:
        return Migrated(None, refused="YAML 无法读取（zhibiao check 会指出位置）")
    kind = before.get("kind") if isinstance(before, dict) else None
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        return Migrated(text)
    yaml = make_yaml()
    try:
        tree = _load(yaml, text)
    except (YAMLError, ValueError, TypeError, OverflowError):
        return Migrated(None, refused="无法在保持注释的前提下读取此文件")
    if not isinstance(tree, CommentedMap):
        return Migrated(text)
    changes: list[Change] = []
    undecided: dict[DataPath, Undecided] = {}
    for step in STEPS:
        for site in fields(tree, model):
            if site.key not in site.container:
                continue
            outcome = step.recognise(site)
            if isinstance(outcome, Undecided):
                undecided.setdefault(outcome.path, outcome)
            elif isinstance(outcome, Rewrite):
                apply_edit(site.container, site.key, outcome.value)
                new = None if outcome.value is REMOVE else outcome.value
                changes.append(Change(step.name, step.label, site.path, new))
    changes += _prune_emptied(tree, model, changes)
    left = [u for p, u in undecided.items() if not any(_under(p, c.path) for c in changes)]
    if not changes:
        return Migrated(text, [], left)
    out = io.StringIO()
    try:
        yaml.dump(tree, out)
        after = parse(_schema_line_first(out.getvalue()))
    except (YAMLError, ValueError, TypeError, OverflowError, YamlProblem):
        return Migrated(None, changes, left, "改写后的文本无法读取，未修改此文件")
    expected = _expected(before, changes)
    difference = first_difference(expected, after)
    if difference is not None:
        return Migrated(
            None,
            changes,
            left,
            f"改写会改变别处的含义：{difference.describe()}，未修改此文件",
            difference.path,
        )
    return Migrated(_schema_line_first(out.getvalue()), changes, left)


def _rest(done: Migrated) -> tuple[Any, ...]:
    return done.changes, done.undecided, done.refused, done.refused_at


def _under(path: DataPath, prefix: DataPath) -> bool:
    return path[: len(prefix)] == prefix


def _expected(before: Any, changes: list[Change]) -> Any:
    """`before` (plain data) with the changes applied: what the new text must read as."""
    import copy

    data = copy.deepcopy(before)
    for change in changes:
        *parents, last = change.path
        holder = data
        for part in parents:
            holder = holder[part]
        if change.value is None:
            del holder[last]
        else:
            holder[last] = change.value
    return data


__all__ = ["Change", "Migrated", "migrate_text"]


def _prune_emptied(tree: CommentedMap, model: Any, changes: list[Change]) -> list[Change]:
    """An optional section whose every value was removed (`hours_plan: {practice_share: 0}`
    marked 原文未给出) goes too: an empty block mapping cannot be written back with the
    comment lines left inside it, and the section holds nothing the source gave."""
    pruned: list[Change] = []
    removed = {c.path[:-1] for c in changes if c.value is None}
    for site in list(fields(tree, model)):
        value = site.container.get(site.key) if site.key in site.container else None
        if (
            isinstance(value, CommentedMap)
            and not value
            and not site.required
            and site.path in removed
        ):
            apply_edit(site.container, site.key, REMOVE)
            pruned.append(Change("forced-values", "强制填写的数值", site.path, None))
    return pruned
