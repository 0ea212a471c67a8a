"""Load a standards tree into validated models, grouped by specialty."""

from __future__ import annotations

import difflib
import gc
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from pydantic import ValidationError

import builder.read.source_rules  # noqa: F401  (registers the ZB0xx codes used below)
from builder.base.diagnostics import Diagnostic, Diagnostics, Severity
from builder.base.rules import RULES, declare
from builder.model import (
    KINDS,
    CompetencyList,
    Course,
    Internship,
    Plan,
    Specialty,
    TrainingBase,
)
from builder.model.sourced import SHARED_SET as SHARED_SET
from builder.model.sourced import course_key, specialty_key
from builder.read.chainfacts import facts_of
from builder.read.locate import compose, locate
from builder.read.parallel import Parsed, Task, parse_all, parse_task
from builder.read.schema_errors import diagnostics_from_error, unquoted_hint
from builder.read.sources import Source, find_sources, resolve_text
from builder.read.yamlsource import decode, read_limited

AnyDoc = Specialty | CompetencyList | Course | Internship | TrainingBase | Plan
T = TypeVar("T")


NOT_A_STANDARD = declare(
    "ZB010",
    "not-a-standard",
    Severity.ERROR,
    "文件不是可识别的标准文件",
    """
    standards/ 下的每个 YAML 文件必须是一个映射，并用 kind 字段声明文件类型：
    specialty（专业教学标准）、competencies（职业能力清单）、course（课程标准）、
    internship（岗位实习标准）、training_base（实训基地建设标准）或 plan（学校的人才培养方案）。
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


@dataclass(slots=True, weakref_slot=True)
class SpecialtySet:
    """Every document that belongs to one specialty code."""

    code: str
    specialty: Loaded[Specialty] | None = None
    competencies: list[Loaded[CompetencyList]] = field(default_factory=list)
    courses: list[Loaded[Course]] = field(default_factory=list)
    internships: list[Loaded[Internship]] = field(default_factory=list)
    training_bases: list[Loaded[TrainingBase]] = field(default_factory=list)
    extra_specialties: list[Loaded[Specialty]] = field(default_factory=list)
    plans: list[Loaded[Plan]] = field(default_factory=list)
    """Schools' 人才培养方案 that follow this specialty's national standard (several may
    coexist: they are school documents, not part of the standard's package, so
    `documents()` leaves them out)."""
    shared: list[Loaded[Course]] = field(default_factory=list)
    """The shared course standards (set `SHARED_SET`) that apply to this specialty: read by
    its pages and links, not members of the set (`documents()` leaves them out). Filled
    only when the whole tree is loaded; checks read them through the recorded lookup
    `CorpusView.shared_courses`, which works on a partial corpus too."""

    @property
    def is_shared(self) -> bool:
        """True for the set of the shared course standards (`SHARED_SET`)."""
        return self.code == SHARED_SET

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
        """All standard documents of the set, specialty first (school plans left out)."""
        if self.specialty:
            yield self.specialty
        yield from self.competencies
        yield from self.courses
        yield from self.internships
        yield from self.training_bases


class DocRef(NamedTuple):
    """What any check may know about any document of the tree, loaded here or not."""

    rel: str
    kind: str
    specialty: str
    """Code of the specialty set the document belongs to."""
    code: str | None
    """Course code, for course standards."""
    facts: tuple[str, ...] = ()
    """What the specialties of the level above may read of it (`builder.read.chainfacts`)."""
    shared: tuple[str, ...] = ()
    """For a shared course standard, what specialties read of it: its name, where it
    applies (`applies_terms`) and its hours ("hours:108", when given); empty otherwise."""


def applies_terms(doc: Course) -> tuple[str, ...]:
    """Where a shared course standard applies, as plain terms: "level:中职",
    "code:730701" (the codes, when listed, decide, see `AppliesTo.covers`); () for a
    specialty's own course standard."""
    if doc.applies_to is None:
        return ()
    return (
        *(f"level:{level}" for level in doc.applies_to.levels),
        *(f"code:{code}" for code in doc.applies_to.specialties),
    )


def term_value(terms: tuple[str, ...], name: str) -> str | None:
    """The value of term `name` ("hours") among `terms`, None when absent."""
    return next((t.partition(":")[2] for t in terms if t.startswith(f"{name}:")), None)


def terms_cover(terms: tuple[str, ...], code: str, level: str | None) -> bool:
    """`AppliesTo.covers` on the terms of `applies_terms`."""
    codes = {t.removeprefix("code:") for t in terms if t.startswith("code:")}
    if codes:
        return code in codes
    return level is not None and f"level:{level}" in terms


def set_code(doc: Any) -> str:
    """The specialty set a document belongs to: `SHARED_SET` for a shared course standard,
    else its specialty code, or the name the source gives when it gives no code
    (`builder.model.sourced.specialty_key`)."""
    return specialty_key(doc)


def doc_ref(rel: str, doc: Any) -> DocRef:
    """The `DocRef` of a loaded document."""
    code = course_key(doc) if isinstance(doc, Course) else None
    shared: tuple[str, ...] = ()
    if isinstance(doc, Course) and doc.shared:
        hours = () if doc.hours is None else (f"hours:{doc.hours}",)
        shared = (doc.name, *applies_terms(doc), *hours)
    return DocRef(rel, doc.kind, set_code(doc), code, facts_of(doc), shared)


def shared_for(
    plan: Iterable[tuple[str, str]], standards: Iterable[Loaded[Course]]
) -> dict[str, Loaded[Course]]:
    """Planned course code → the shared standard its row names: the same course code, else
    the same course name (national 公共基础课程标准 carry no code of the specialty's plan).
    `plan` gives each row's (code, name); `standards` are the ones that apply."""
    standards = list(standards)
    found: dict[str, Loaded[Course]] = {}
    for code, name in plan:
        match = next((s for s in standards if s.doc.code == code), None) or next(
            (s for s in standards if s.doc.name == name), None
        )
        if match is not None:
            found[code] = match
    return found


def _resolved(path: Path) -> str:
    return resolve_text(str(path))


def lexical_target(base: str, target: str) -> str | None:
    """Where `target` leads from the resolved folder `base`, computed without the disk.

    Leading `..` parts are exact on a resolved folder. The other parts agree with
    `resolve()` whenever the result is a file found by the walk (`builder.read.sources`), which
    does not enter linked folders and records linked files under their targets; callers
    must accept the result only in that case. None when the target has `..` after a
    name, is absolute, or climbs above the file system root.
    """
    if target.startswith(("/", os.sep)):
        return None
    if os.sep == "/" and "/." not in "/" + target and "//" not in target and target:
        return f"{base}/{target}"  # the common case: a plain relative path below `base`
    parts = [part for part in target.replace(os.sep, "/").split("/") if part not in ("", ".")]
    up = 0
    while up < len(parts) and parts[up] == "..":
        up += 1
    if ".." in parts[up:]:
        return None
    folder = base
    for _ in range(up):
        parent = os.path.dirname(folder)  # noqa: PTH120  (text paths: see builder.read.sources)
        if parent == folder:
            return None
        folder = parent
    return os.path.join(folder, *parts[up:])  # noqa: PTH118


@dataclass(slots=True, weakref_slot=True)
class Corpus:
    """The loaded standards tree.

    `documents` and `specialties` may hold only part of the tree (the sets an incremental
    check re-examines); `index` and `failed_paths` always describe the whole tree, so
    checks that look across sets (references between files) see every file. Checks
    must look beyond their own specialty set only through these two fields.
    """

    root: Path
    documents: list[Loaded[Any]] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    specialties: dict[str, SpecialtySet] = field(default_factory=dict)
    index: dict[str, DocRef] = field(default_factory=dict)
    """Resolved path (text) → reference, for every loaded document of the tree."""
    failed_paths: set[str] = field(default_factory=set)
    """Resolved paths (text) of the files that could not be loaded."""
    locations: dict[str, str] = field(default_factory=dict)
    """Display path → `Source.home` (folder resolved, a linked file not followed), for the
    documents in `documents`."""

    def location(self, item: Loaded[Any]) -> str:
        """Where a loaded document is: its folder resolved, the file itself not followed."""
        found = self.locations.get(item.rel)
        return found if found is not None else str(item.path.parent.resolve() / item.path.name)

    def resolve_reference(self, base: str, target: str) -> str:
        """`(base / target).resolve()` for a resolved folder `base`, without disk access
        when the answer is a known file of the tree (see `lexical_target`)."""
        lexical = lexical_target(base, target)
        if lexical is not None and (lexical in self.index or lexical in self.failed_paths):
            return lexical
        try:
            return str((Path(base) / target).resolve())
        except (OSError, RuntimeError, ValueError):  # NUL byte, link loop: no such file
            return lexical or str(Path(base) / target)

    def group(self) -> None:
        """Group documents by specialty code (called once after loading)."""
        sets: dict[str, SpecialtySet] = {}
        fill = not self.index
        for item in self.documents:
            doc = item.doc
            code = set_code(doc)
            if fill:
                self.index[_resolved(item.path)] = doc_ref(item.rel, doc)
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
            elif isinstance(doc, Plan):
                entry.plans.append(item)
            else:
                entry.training_bases.append(item)
        for entry in sets.values():
            entry.linked_first()
        shared = sets.get(SHARED_SET)
        if shared is not None:
            for entry in sets.values():
                if entry.specialty is not None:
                    spec = entry.specialty.doc
                    entry.shared = [
                        c
                        for c in shared.courses
                        if c.doc.applies_to is not None
                        and c.doc.applies_to.covers(spec.code, spec.level)
                    ]
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
    for source in find_sources(root, root):
        yield Path(source.path)


def load_document(path: Path, rel: str, root: Path) -> tuple[AnyDoc | None, list[Diagnostic]]:
    """Read, parse and validate one file; never raises for bad content."""
    task = Task(str(path), resolve_text(str(path)), path.is_symlink(), str(root.resolve()))
    return finish(parse_task(task), rel)


def finish(parsed: Parsed, rel: str) -> tuple[AnyDoc | None, list[Diagnostic]]:
    """Validate what a worker read (`builder.read.parallel`) into a document or diagnostics.

    Every problem of the reading stage is located, at line 1 when nothing more precise is
    known (an unreadable or oversized file)."""
    if parsed.problem is not None:
        code, message, line, column, hint = parsed.problem
        return None, [RULES[code].diag(rel, message, line=line or 1, column=column or 1, hint=hint)]
    if parsed.payload is not None and parsed.kind in KINDS:
        try:
            return KINDS[parsed.kind].model_validate_json(parsed.payload), []
        except ValidationError as error:
            return None, diagnostics_from_error(parsed.kind, rel, error)
    data = json.loads(parsed.payload) if parsed.payload is not None else parsed.data
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
    if not isinstance(kind, str) or kind not in KINDS:
        if kind is None:
            return None, [
                NOT_A_STANDARD.diag(
                    rel, "缺少 kind 字段", path=(), hint=f"可用取值：{'、'.join(KINDS)}"
                )
            ]
        close = difflib.get_close_matches(str(kind), list(KINDS), n=1)
        hint = f"是否应为「{close[0]}」？" if close else f"可用取值：{'、'.join(KINDS)}"
        return None, [
            NOT_A_STANDARD.diag(
                rel, f"未知的文件类型 kind: {str(kind)[:80]}", path=("kind",), hint=hint
            )
        ]
    model = KINDS[kind]
    try:
        # NaN and ±Infinity (`.nan`, `.inf`) are written as the JSON extensions pydantic's JSON
        # parser reads, so the value is reported at its own place; the strict Python mode used
        # otherwise would also refuse every date given as text in the file (false ZB101).
        payload = json.dumps(data, ensure_ascii=False, allow_nan=True)
    except ValueError:  # an integer too long for str(): refused by the parser already
        payload = None
    try:
        doc = model.model_validate_json(payload) if payload else model.model_validate(data)
    except ValidationError as error:
        return None, diagnostics_from_error(kind, rel, error)
    return doc, []


@contextmanager
def quiet_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a corpus is built, then keep what is alive
    out of its scans (`gc.freeze`).

    Loading creates millions of long-lived objects and no reference cycles; without the
    pause, each full collection rescans everything loaded so far. Without the freeze, the
    first collection after the pause scans every object made during it, and the work done
    with the corpus (checking, composing, rendering) triggers full collections that rescan
    the whole corpus each time: composing one specialty of 200 beside a loaded corpus took
    1.6 s, 0.07 s with the corpus frozen. Frozen objects are still freed when their last
    reference goes; only cyclic garbage among them waits for `release_frozen`, which a
    long-lived process (`zhibiao serve`) calls after each build.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def release_frozen() -> None:
    """Let the collector scan again what `quiet_gc` froze (a corpus no longer used may hold
    reference cycles)."""
    gc.unfreeze()


def load_sources(
    sources: list[Source],
    root: Path,
    sink: Diagnostics,
    *,
    jobs: int | None = 1,
    advance: Callable[[], None] | None = None,
    keep: Callable[[Source, Parsed, AnyDoc | None, list[Diagnostic]], None] | None = None,
    read: Callable[[list[Source], list[Task]], Iterable[Parsed]] | None = None,
    refs: Mapping[str, DocRef] | None = None,
) -> Corpus:
    """Load the given files of the tree under `root` into a corpus; problems go to `sink`.

    `read` reads the files (default: `parse_all` with `jobs` and `advance`); the site build
    passes one that reuses what reading unchanged folders gave last time
    (`builder.site.parsedcache`), and the whole-tree index the check it just ran took of
    the same files (`refs`, by real path), so that documents' continuity facts are not
    computed again."""
    known = refs or {}
    corpus = Corpus(root=root)
    root_real = str(root.resolve())
    tasks = [Task(s.path, s.real, s.link, root_real) for s in sources]
    with quiet_gc():
        found = (
            parse_all(tasks, jobs=jobs, advance=advance) if read is None else read(sources, tasks)
        )
        for source, parsed in zip(sources, found, strict=True):
            doc, problems = finish(parsed, source.rel)
            sink.extend(problems)
            if keep is not None:
                keep(source, parsed, doc, problems)
            if doc is None:
                corpus.failed.add(source.rel)
                corpus.failed_paths.add(source.real)
            else:
                corpus.documents.append(Loaded(Path(source.path), source.rel, doc))
                corpus.locations[source.rel] = source.home
                ref = known.get(source.real)
                if ref is None or ref.rel != source.rel or ref.kind != doc.kind:
                    ref = doc_ref(source.rel, doc)
                corpus.index[source.real] = ref
        corpus.group()
    return corpus


def load_corpus(
    root: Path,
    base: Path,
    sink: Diagnostics,
    *,
    jobs: int | None = 1,
    advance: Callable[[], None] | None = None,
) -> Corpus:
    """Load every standards file under `root`; problems go to `sink`.

    With `jobs` > 1 (None: one per CPU), files are parsed in worker processes when there
    are many; the result is the same as a sequential load, in the same order. See
    `builder.read.parallel.parse_all` for the one condition on the caller.
    """
    return load_sources(find_sources(root, base), root, sink, jobs=jobs, advance=advance)


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
            root_node = compose(decode(read_limited(base / file)))
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
