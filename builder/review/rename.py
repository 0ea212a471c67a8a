"""`zhibiao rename OLD NEW`: change a competency, course or room code everywhere at once.

The places come from `builder.review.refs` (the same search as `zhibiao refs`). Each file is
rewritten with the ruamel.yaml round-trip writer of `zhibiao fmt`, so comments, quoting
and layout are kept; the new texts are validated and the whole tree is checked on a
scratch copy before anything is written, and then every file is replaced or none is.
"""

from __future__ import annotations

import io
import secrets
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from builder.base.diagnostics import DataPath, Diagnostic, Severity
from builder.project import Project, UsageError
from builder.read.corpus import Corpus, validate
from builder.read.yamlsource import YamlProblem, decode, parse
from builder.review.refs import (
    KIND_LABELS,
    PLAN_ROW,
    SHARED_ROW,
    Target,
    find_targets,
    set_phrase,
)
from builder.yamlfmt import make_yaml


@dataclass(slots=True)
class RenamePlan:
    """What a rename changes: file → data paths of the scalars that hold the old code."""

    target: Target
    old: str
    new: str
    edits: dict[str, list[DataPath]] = field(default_factory=lambda: defaultdict(list))

    @property
    def count(self) -> int:
        """Number of values changed."""
        return sum(len(paths) for paths in self.edits.values())


def plan_rename(
    corpus: Corpus, old: str, new: str, *, specialty: str | None = None, kind: str | None = None
) -> RenamePlan:
    """Find the one thing `old` names and every scalar to change; refuse unknown, ambiguous
    or clashing codes with a `UsageError` (exit code 2)."""
    if not new.strip() or new != new.strip():
        raise UsageError(f"新编码「{new}」为空或首尾有空白")
    if old == new:
        raise UsageError(f"新旧编码相同：「{old}」")
    targets = [t for t in find_targets(corpus, old, specialty) if kind in (None, t.kind)]
    if not targets:
        where = f"专业 {specialty} 中" if specialty else "标准目录中"
        raise UsageError(
            f"{where}没有编码为「{old}」的{KIND_LABELS.get(kind or '', '职业能力、课程或实训室')}",
            hint="用 zhibiao refs 查看编码；编码区分大小写。",
        )
    if len(targets) > 1:
        found = "、".join(f"{set_phrase(t.specialty)}的{KIND_LABELS[t.kind]}" for t in targets)
        raise UsageError(
            f"编码「{old}」指代多个对象：{found}",
            hint="用 --specialty 指定专业，用 --kind 指定 competency、course 或 room。",
        )
    target = targets[0]
    clash = [t for t in find_targets(corpus, new, target.specialty) if t.kind == target.kind]
    if clash:
        place = clash[0].defined.shown() if clash[0].defined else clash[0].specialty
        raise UsageError(
            f"{set_phrase(target.specialty)}中已有编码为「{new}」的{KIND_LABELS[target.kind]}（{place}），"
            "不能改名为它",
            hint="换一个未使用的编码，或先改掉已有的那个。",
        )
    plan = RenamePlan(target, old, new)
    for file, path in _places(corpus, target):
        if path not in plan.edits[file]:
            plan.edits[file].append(path)
    return plan


def _places(corpus: Corpus, target: Target) -> Iterable[tuple[str, DataPath]]:
    if target.kind == "competency":
        if target.defined is not None:
            yield target.defined.file, (*target.defined.path, "code")
        for usage in target.uses:
            suffix = ("ref",) if usage.role == "承载" else ()
            yield usage.place.file, (*usage.place.path, *suffix)
    elif target.kind == "course":
        entry = corpus.specialties[target.specialty]
        for course in entry.courses:
            if course.doc.code == target.code:
                yield course.rel, ("code",)
        for usage in target.uses:
            path = usage.place.path
            if usage.role == "课程设置":
                yield usage.place.file, (*path, "code")
            elif usage.role in (PLAN_ROW, SHARED_ROW):  # rows that name it by code
                for key in ("code", "maps_to"):
                    if _value(corpus, usage.place.file, path).get(key) == target.code:
                        yield usage.place.file, (*path, key)
            elif _value(corpus, usage.place.file, path) == target.code:  # not a course name
                yield usage.place.file, path
    else:
        assert target.defined is not None
        yield target.defined.file, (*target.defined.path, "code")


def _value(corpus: Corpus, rel: str, path: DataPath) -> Any:
    item = next(d for d in corpus.documents if d.rel == rel)
    node: Any = item.doc.model_dump(mode="python")
    for part in path:
        node = node[part]
    return node


def rewrite(text: str, rel: str, paths: list[DataPath], old: str, new: str) -> str:
    """`text` with the scalars at `paths` (each holding `old`) set to `new`, comments kept."""
    crlf = "\r\n" in text
    source = text.replace("\r\n", "\n") if crlf else text
    yaml = make_yaml()
    try:
        data = yaml.load(source)
    except YAMLError as exc:
        raise UsageError(f"无法读取：{exc}", file=rel) from None
    for path in paths:
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        current = parent[path[-1]]
        if str(current) != old:
            raise UsageError(f"文件在读取后被改动（{'/'.join(map(str, path))}）", file=rel)
        parent[path[-1]] = type(current)(new) if isinstance(current, str) else new
    out = io.StringIO()
    yaml.dump(data, out)
    result = out.getvalue()
    return result.replace("\n", "\r\n") if crlf else result


def new_texts(plan: RenamePlan, base: Path) -> dict[Path, tuple[str, str]]:
    """Path → (old text, new text) of every file the plan changes, each validated."""
    texts: dict[Path, tuple[str, str]] = {}
    for rel, paths in sorted(plan.edits.items()):
        path = base / rel
        if path.is_symlink():
            raise UsageError("文件是符号链接，rename 不通过链接改写文件", file=rel)
        try:
            original = decode(path.read_bytes())
        except (OSError, YamlProblem) as exc:
            raise UsageError(f"无法读取：{exc}", file=rel) from None
        changed = rewrite(original, rel, paths, plan.old, plan.new)
        try:
            _, problems = validate(parse(changed), rel)
        except YamlProblem as problem:
            raise UsageError(f"改写后无法解析：{problem.message}", file=rel) from None
        if problems:
            raise UsageError(f"改写后不再符合数据模型：{problems[0].message}", file=rel)
        texts[path] = (original, changed)
    return texts


def new_errors(
    project: Project, texts: dict[Path, tuple[str, str]], old: str, new: str
) -> list[Diagnostic]:
    """Errors that the rename would add, found by checking a scratch copy of the tree."""
    from builder.checking.pipeline import run_check

    def errors(standards: Path) -> set[tuple[str, str]]:
        copy = Project(project.root, standards, project.config, project.config_path)
        result = run_check(copy, base=standards.parent)
        return {(d.code, d.message) for d in result.diagnostics if d.severity >= Severity.ERROR}

    with tempfile.TemporaryDirectory(prefix="zhibiao-rename-") as scratch:
        folder = Path(scratch) / project.standards.resolve().name
        shutil.copytree(project.standards, folder, symlinks=True)
        before = errors(folder)
        root = project.standards.resolve()
        for path, (_, changed) in texts.items():
            (folder / path.resolve().relative_to(root)).write_text(changed, "utf-8", newline="")
        result = run_check(
            Project(project.root, folder, project.config, project.config_path), base=folder.parent
        )
    return [
        d
        for d in result.diagnostics
        if d.severity >= Severity.ERROR
        and (d.code, d.message.replace(f"「{new}」", f"「{old}」")) not in before
    ]


def write_all(texts: dict[Path, tuple[str, str]]) -> None:
    """Replace every file or none: all new texts are staged first, then renamed into place;
    if a rename fails, the files already replaced get their old text back."""
    staged: list[tuple[Path, Path, str]] = []
    try:
        for path, (original, changed) in texts.items():
            tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
            with tmp.open("x", encoding="utf-8", newline="") as handle:
                handle.write(changed)
            tmp.chmod(path.stat().st_mode & 0o7777)
            staged.append((tmp, path, original))
    except BaseException:
        for tmp, _, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    done: list[tuple[Path, str]] = []
    try:
        for tmp, path, original in staged:
            tmp.replace(path)
            done.append((path, original))
    except BaseException:
        for path, original in done:
            path.write_text(original, "utf-8", newline="")
        for tmp, _, _ in staged:
            tmp.unlink(missing_ok=True)
        raise


ANCHOR_WORDS = {"competency": "能力", "course": "课程", "room": "实训室"}


def record_texts(plan: RenamePlan, corpus: Corpus) -> dict[Path, tuple[str, str]]:
    """The review records of the specialty whose comment anchors ("能力 1-2-2") or
    confirmations name the old code, rewritten to the new one (comments kept)."""
    from builder.comments.store import existing_record

    word = ANCHOR_WORDS[plan.target.kind]
    old_anchor, new_anchor = f"{word} {plan.old}", f"{word} {plan.new}"
    texts: dict[Path, tuple[str, str]] = {}
    entry = corpus.specialties[plan.target.specialty]
    for item in entry.documents():
        path = existing_record(item.path)
        if path is None:
            continue
        original = decode(path.read_bytes())
        yaml = make_yaml()
        try:
            data = yaml.load(original)
        except YAMLError:
            continue  # ZB701 reports it; a rename does not repair records
        changed = False
        for comment in data.get("comments") or [] if hasattr(data, "get") else []:
            if hasattr(comment, "get") and str(comment.get("anchor", "")) == old_anchor:
                comment["anchor"] = type(comment["anchor"])(new_anchor)
                changed = True
        if plan.target.kind == "competency" and hasattr(data, "get"):
            for confirmation in data.get("confirmations") or []:
                if hasattr(confirmation, "get") and str(confirmation.get("ref", "")) == plan.old:
                    confirmation["ref"] = type(confirmation["ref"])(plan.new)
                    changed = True
        if changed:
            out = io.StringIO()
            yaml.dump(data, out)
            texts[path] = (original, out.getvalue())
    return texts
