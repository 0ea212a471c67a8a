"""Load a standards tree into validated models, grouped by specialty."""

from __future__ import annotations

import difflib
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

import builder.source_rules  # noqa: F401  (registers the ZB0xx codes used below)
from builder.diagnostics import Diagnostic, Diagnostics, Severity
from builder.locate import compose, locate
from builder.model import (
    KINDS,
    CompetencyList,
    Course,
    Internship,
    Specialty,
    TrainingBase,
)
from builder.rules import RULES, declare
from builder.schema_errors import diagnostics_from_error, unquoted_hint
from builder.yamlsource import YamlProblem, decode, parse, read_limited

AnyDoc = Specialty | CompetencyList | Course | Internship | TrainingBase
T = TypeVar("T")

NOT_A_STANDARD = declare(
    "ZB010",
    "not-a-standard",
    Severity.ERROR,
    "文件不是可识别的标准文件",
    """
    standards/ 下的每个 YAML 文件必须是一个映射，并用 kind 字段声明文件类型：
    specialty（专业教学标准）、competencies（职业能力清单）、course（课程标准）、
    internship（岗位实习标准）或 training_base（实训基地建设标准）。
    """,
    "kind: course",
)
EMPTY_FILE = declare(
    "ZB006",
    "empty-file",
    Severity.ERROR,
    "空文件",
    "文件没有任何内容。删除它，或用 `zhibiao new` 生成骨架。",
)
OUTSIDE_ROOT = declare(
    "ZB013",
    "path-escape",
    Severity.ERROR,
    "文件或引用指向标准目录之外",
    """
    标准目录中的符号链接、以及文件中引用的路径（如课程的 standard 字段），都不得指向标准目录之外，
    以免构建时读取或发布仓库外的文件。
    """,
    "standard: ../../etc/passwd",
)


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """A validated document and where it came from."""

    path: Path
    rel: str
    doc: T

    @property
    def kind(self) -> str:
        """The document kind (`specialty`, `course`, …)."""
        kind: str = getattr(self.doc, "kind")  # noqa: B009  (T is any document model)
        return kind


@dataclass(slots=True)
class SpecialtySet:
    """Every document that belongs to one specialty code."""

    code: str
    specialty: Loaded[Specialty] | None = None
    competencies: list[Loaded[CompetencyList]] = field(default_factory=list)
    courses: list[Loaded[Course]] = field(default_factory=list)
    internships: list[Loaded[Internship]] = field(default_factory=list)
    training_bases: list[Loaded[TrainingBase]] = field(default_factory=list)
    extra_specialties: list[Loaded[Specialty]] = field(default_factory=list)

    def linked_first(self) -> None:
        """Put the course standards and competency list that the specialty links to (its
        `standard` and `competencies` paths) before other files with the same identity, so
        rules use the linked file and report a second copy (ZB207) on the copy."""
        if self.specialty is None:
            return
        base, spec = self.specialty.path.parent, self.specialty.doc
        linked = [c.standard for c in spec.courses if c.standard] + [spec.competencies or ""]
        targets = {os.path.abspath(base / rel) for rel in linked if rel}  # noqa: PTH100

        def unlinked(item: Loaded[Any]) -> bool:
            return os.path.abspath(item.path) not in targets  # noqa: PTH100

        self.courses.sort(key=unlinked)
        self.competencies.sort(key=unlinked)

    def documents(self) -> Iterator[Loaded[Any]]:
        """All documents of the set, specialty first."""
        if self.specialty:
            yield self.specialty
        yield from self.competencies
        yield from self.courses
        yield from self.internships
        yield from self.training_bases


@dataclass(slots=True)
class Corpus:
    """The loaded standards tree."""

    root: Path
    documents: list[Loaded[Any]] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    specialties: dict[str, SpecialtySet] = field(default_factory=dict)

    def group(self) -> None:
        """Group documents by specialty code (called once after loading)."""
        sets: dict[str, SpecialtySet] = {}
        for item in self.documents:
            doc = item.doc
            code = doc.code if isinstance(doc, Specialty) else doc.specialty
            entry = sets.setdefault(code, SpecialtySet(code))
            if isinstance(doc, Specialty):
                if entry.specialty is None:
                    entry.specialty = item
                else:
                    entry.extra_specialties.append(item)
            elif isinstance(doc, CompetencyList):
                entry.competencies.append(item)
            elif isinstance(doc, Course):
                entry.courses.append(item)
            elif isinstance(doc, Internship):
                entry.internships.append(item)
            else:
                entry.training_bases.append(item)
        for entry in sets.values():
            entry.linked_first()
        self.specialties = dict(sorted(sets.items()))


def relative(path: Path, base: Path) -> str:
    """Path as shown in messages: relative to `base` when inside it, POSIX style."""
    # os.path.abspath normalises ".." without resolving links (Path has no such method), so a
    # symlinked file is shown under its own name, not its target's.
    absolute, folder = os.path.abspath(path), os.path.abspath(base)  # noqa: PTH100
    try:
        return Path(absolute).relative_to(folder).as_posix()
    except ValueError:
        if path.is_absolute():
            return path.as_posix()
        try:  # `../../510209-…/x.yaml` from inside 510209-…/courses reads as `../x.yaml`
            return Path(os.path.relpath(absolute, folder)).as_posix()
        except ValueError:  # another drive on Windows
            return path.as_posix()


def discover(root: Path) -> Iterator[Path]:
    """Every `*.yaml`/`*.yml` file under `root`, sorted, hidden folders skipped, no link following."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(folder) / name
            for name in files
            if name.endswith((".yaml", ".yml")) and not name.startswith(".")
        )
    yield from sorted(found)


def load_document(path: Path, rel: str, root: Path) -> tuple[AnyDoc | None, list[Diagnostic]]:
    """Read, parse and validate one file; never raises for bad content."""
    if path.is_symlink() and not _inside(path.resolve(), root.resolve()):
        target = path.readlink()
        return None, [
            OUTSIDE_ROOT.diag(rel, f"符号链接指向标准目录之外：{target}", line=1, column=1)
        ]
    try:
        raw = read_limited(path)
    except OSError as exc:
        return None, [NOT_A_STANDARD.diag(rel, f"无法读取文件：{exc.strerror}", line=1, column=1)]
    except YamlProblem as problem:
        return None, [
            RULES[problem.code].diag(rel, problem.message, line=1, column=1, hint=problem.hint)
        ]
    try:
        data = parse(decode(raw))
    except YamlProblem as problem:
        rule = RULES[problem.code]
        return None, [
            rule.diag(
                rel,
                problem.message,
                line=problem.line or 1,
                column=problem.column or 1,
                hint=problem.hint,
            )
        ]
    return validate(data, rel)


def validate(data: Any, rel: str) -> tuple[AnyDoc | None, list[Diagnostic]]:
    """Validate parsed data against the model its `kind` names."""
    if data is None:
        return None, [
            EMPTY_FILE.diag(
                rel,
                "文件没有内容（空文件，或只有注释）",
                line=1,
                column=1,
                hint="删除它，或写入标准内容；`zhibiao new` 可生成骨架。",
            )
        ]
    if not isinstance(data, dict):
        return None, [
            NOT_A_STANDARD.diag(
                rel, "顶层必须是映射（键: 值），而不是列表或单个值", line=1, column=1
            )
        ]
    kind = data.get("kind")
    if kind not in KINDS:
        if kind is None:
            return None, [
                NOT_A_STANDARD.diag(
                    rel, "缺少 kind 字段", path=(), hint=f"可用取值：{'、'.join(KINDS)}"
                )
            ]
        close = difflib.get_close_matches(str(kind), list(KINDS), n=1)
        hint = f"是否应为「{close[0]}」？" if close else f"可用取值：{'、'.join(KINDS)}"
        return None, [
            NOT_A_STANDARD.diag(rel, f"未知的文件类型 kind: {kind}", path=("kind",), hint=hint)
        ]
    model = KINDS[kind]
    try:
        payload = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except ValueError:
        payload = None
    try:
        doc = model.model_validate_json(payload) if payload else model.model_validate(data)
    except ValidationError as error:
        return None, diagnostics_from_error(kind, rel, error)
    return doc, []


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def load_corpus(root: Path, base: Path, sink: Diagnostics) -> Corpus:
    """Load every standards file under `root`; problems go to `sink`."""
    corpus = Corpus(root=root)
    for path in discover(root):
        rel = relative(path, base)
        doc, problems = load_document(path, rel, root)
        sink.extend(problems)
        if doc is None:
            corpus.failed.add(rel)
        else:
            corpus.documents.append(Loaded(path, rel, doc))
    corpus.group()
    return corpus


def place(diagnostics: Iterable[Diagnostic], base: Path) -> list[Diagnostic]:
    """Fill in line and column for diagnostics that carry only a data path."""
    placed: list[Diagnostic] = []
    pending: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        if diagnostic.line or diagnostic.data_path is None:
            placed.append(diagnostic)
        else:
            pending[diagnostic.file].append(diagnostic)
    for file, items in pending.items():
        try:
            root_node = compose(decode((base / file).read_bytes()))
        except Exception:  # the file parsed before; if it changed since, keep line 1
            root_node = None
        for diagnostic in items:
            assert diagnostic.data_path is not None
            position = locate(root_node, diagnostic.data_path, key=diagnostic.code in {"ZB103"})
            located = diagnostic.at(position.line, position.column)
            if diagnostic.code == "ZB102" and position.source:
                located = replace(located, hint=unquoted_hint(position.source))
            placed.append(located)
    return placed
