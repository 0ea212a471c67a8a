"""`zhibiao check` with the cache: examine again only the specialty sets whose inputs changed.

Every check looks at one specialty set at a time, and beyond it only through
`Corpus.index` / `Corpus.failed_paths` (the whole tree, always complete). The inputs of a
set are therefore its files (paths and content hashes), what its references point to,
the list of specialty codes (only for a set without 专业教学标准), the config and the tool.
Their hash keys the cached diagnostics of the set. Sets whose key is not in the cache
are parsed and checked again; the rest of the tree is not even parsed.

A file is identified by its content hash; the hash of an unchanged file (same size,
mtime, ctime and inode) is taken from the cache, so a warm run reads only edited files.
Deleted and renamed files simply no longer appear; a renamed file changes the key of its
set (its path is part of it) and is checked again under its new name.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.cache import CheckCache, Stat, decode_diagnostic, encode_diagnostic
from builder.check import apply_severity
from builder.checking import CheckResult, check_corpus, order
from builder.corpus import (
    AnyDoc,
    Corpus,
    DocRef,
    Loaded,
    doc_ref,
    finish,
    lexical_target,
    place,
    quiet_gc,
)
from builder.diagnostics import Diagnostic
from builder.model import Specialty
from builder.parallel import Parsed, Task, parse_all
from builder.progress import Bar, progress
from builder.project import Project
from builder.sources import Source, find_sources
from builder.yamlsource import YamlProblem, read_with_stat


@dataclass(frozen=True, slots=True)
class Meta:
    """What loading one file gave, as far as other sets and the cache need to know."""

    digest: str
    ref: DocRef | None
    """None when the file failed to load."""
    targets: tuple[str, ...]
    """Reference targets of a 专业教学标准 (course standards, competency list)."""
    problems: tuple[Diagnostic, ...]
    """Located load diagnostics of a failed file (before severities)."""

    def encode(self) -> list[Any]:
        """Cache form, independent of the file's path."""
        ref = self.ref
        return [
            [ref.kind, ref.specialty, ref.code] if ref else None,
            list(self.targets),
            [encode_diagnostic(d, anonymous=True) for d in self.problems],
        ]

    @classmethod
    def decode(cls, digest: str, row: Any, rel: str) -> Meta | None:
        """The cached meta of `digest`, bound to `rel`; None when absent or malformed."""
        try:
            ref_row, targets, problems = row
            ref = None
            if ref_row is not None:
                kind, specialty, code = ref_row
                ref = DocRef(rel, str(kind), str(specialty), None if code is None else str(code))
            return cls(
                digest,
                ref,
                tuple(str(t) for t in targets),
                tuple(decode_diagnostic(p, rel) for p in problems),
            )
        except (TypeError, ValueError, KeyError):
            return None


def _meta(parsed: Parsed, rel: str, doc: AnyDoc | None, problems: list[Diagnostic]) -> Meta:
    if doc is None:
        return Meta(parsed.digest, None, (), tuple(problems))
    targets: tuple[str, ...] = ()
    if isinstance(doc, Specialty):
        targets = tuple(c.standard for c in doc.courses if c.standard)
        targets += (doc.competencies,) if doc.competencies else ()
    return Meta(parsed.digest, doc_ref(rel, doc), targets, ())


class _Run:
    """State of one cached check."""

    def __init__(self, project: Project, base: Path, cache: CheckCache, jobs: int | None) -> None:
        self.project = project
        self.base = base
        self.cache = cache
        self.jobs = jobs
        self.root = project.standards
        self.root_real = self.root.resolve()
        self.sources = find_sources(self.root, base)
        self.metas: dict[str, Meta] = {}
        self.docs: dict[str, AnyDoc] = {}
        self.stats: dict[str, Stat] = {}

    def known_hashes(self) -> dict[str, str]:
        """Content hashes of files whose stat is unchanged, or which are cheap to hash."""
        digests: dict[str, str] = {}
        unknown: list[Source] = []
        for source in self.sources:
            if source.link:
                continue  # whether a link may be followed depends on its target: always load
            try:
                info = source.path.stat()
            except OSError:
                continue
            stat = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
            digest = self.cache.digest(source.rel, stat)
            if digest is None:
                unknown.append(source)
            else:
                digests[source.rel] = digest
                self.stats[source.rel] = stat
        if self.cache.files:  # hashing is far cheaper than parsing: see what is already known
            for source in unknown:
                try:
                    raw, info = read_with_stat(source.path)
                except (OSError, YamlProblem):
                    continue
                digests[source.rel] = hashlib.blake2b(raw, digest_size=16).hexdigest()
                self.stats[source.rel] = (
                    info.st_size,
                    info.st_mtime_ns,
                    info.st_ctime_ns,
                    info.st_ino,
                )
        return digests

    def load(self, sources: list[Source], bar: Bar) -> None:
        """Parse and validate `sources`, recording their meta and documents."""
        bar.add(len(sources))
        root = str(self.root_real)
        tasks = [Task(str(s.path), str(s.real), s.link, root) for s in sources]
        for source, parsed in zip(
            sources, parse_all(tasks, jobs=self.jobs, advance=bar.advance), strict=True
        ):
            doc, problems = finish(parsed, source.rel)
            if problems:
                problems = place(problems, self.base)
            self.metas[source.rel] = _meta(parsed, source.rel, doc, problems)
            if doc is not None:
                self.docs[source.rel] = doc
            if parsed.stat is not None and parsed.digest and not source.link:
                self.stats[source.rel] = parsed.stat

    def set_key(self, static: bytes, members: list[Source], known: bytes) -> str | None:
        """Hash of everything the checks of one set read; None when it depends on the disk."""
        digest = hashlib.blake2b(static, digest_size=16)
        primary = None
        for source in members:
            meta = self.metas[source.rel]
            digest.update(f"{source.rel}\0{meta.digest}\n".encode())
            if primary is None and meta.ref is not None and meta.ref.kind == "specialty":
                primary = source
        if primary is None:
            digest.update(known)
            return digest.hexdigest()
        for target in self.metas[primary.rel].targets:
            found = lexical_target(primary.real.parent, target)
            if found is None:
                return None
            if found in self.index:
                digest.update(repr(tuple(self.index[found])).encode())
            elif found in self.failed_paths:
                digest.update(b"failed\n")
            else:
                return None  # missing or outside the tree: answered by the disk, check again
        return digest.hexdigest()

    def whole_tree(self) -> None:
        """The index of every loaded document and the set of failed paths."""
        self.index: dict[Path, DocRef] = {}
        self.failed_paths: set[Path] = set()
        for source in self.sources:
            ref = self.metas[source.rel].ref
            if ref is None:
                self.failed_paths.add(source.real)
            else:
                self.index[source.real] = ref


def _static_key(cache: CheckCache, project: Project, base: Path) -> bytes:
    parts = (
        cache.tool,
        project.config.model_dump_json(),
        str(project.standards.resolve()),
        str(base.resolve()),
    )
    return "\0".join(parts).encode()


def _members(sources: Iterable[Source], metas: dict[str, Meta]) -> dict[str, list[Source]]:
    members: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        ref = metas[source.rel].ref
        if ref is not None:
            members[ref.specialty].append(source)
    return dict(sorted(members.items()))


def run_check_cached(
    project: Project,
    cache: CheckCache,
    *,
    base: Path | None = None,
    jobs: int | None = None,
    show_progress: bool | None = None,
) -> CheckResult:
    """`run_check`, reusing what the cache knows; the diagnostics are identical."""
    base = base or Path.cwd()
    with quiet_gc(), progress("检查 / checking", enabled=show_progress) as bar:
        run = _Run(project, base, cache, jobs)
        digests = run.known_hashes()
        pending = []
        for source in run.sources:
            digest = digests.get(source.rel)
            row = cache.files.get(digest) if digest else None
            meta = Meta.decode(digest, row, source.rel) if digest and row is not None else None
            if meta is None:
                pending.append(source)
            else:
                run.metas[source.rel] = meta
        run.load(pending, bar)
        run.whole_tree()
        members = _members(run.sources, run.metas)
        static = _static_key(cache, project, base)
        known = repr(sorted(r.specialty for r in run.index.values() if r.kind == "specialty"))
        keys = {code: run.set_key(static, items, known.encode()) for code, items in members.items()}
        cached = {code: _cached(cache, key) for code, key in keys.items()}
        dirty = [code for code, found in cached.items() if found is None]
        run.load([s for code in dirty for s in members[code] if s.rel not in run.docs], bar)
        corpus, fresh, unowned = _check_sets(run, dirty, members)
        diagnostics, sets = _assemble(run, keys, cached, fresh, cache_fresh=not unowned)
    cache.save(
        {
            rel: [*stat, run.metas[rel].digest]
            for rel, stat in run.stats.items()
            if run.metas[rel].digest
        },
        {m.digest: m.encode() for m in run.metas.values() if m.digest},
        sets,
    )
    ordered = sorted([*diagnostics, *unowned], key=order)
    complete = len(dirty) == len(members)
    return CheckResult(project, corpus, ordered, len(run.sources), complete=complete)


def _check_sets(
    run: _Run, dirty: list[str], members: dict[str, list[Source]]
) -> tuple[Corpus, dict[str, list[Diagnostic]], list[Diagnostic]]:
    """Check the dirty sets on a partial corpus that still knows the whole tree.

    Returns the corpus, the diagnostics of each dirty set, and any diagnostic on a file
    outside the dirty sets (none, for rules that keep to the contract of `Corpus`).
    """
    chosen = set(dirty)
    corpus = Corpus(root=run.root, index=run.index, failed_paths=run.failed_paths)
    corpus.failed = {s.rel for s in run.sources if run.metas[s.rel].ref is None}
    for source in run.sources:
        ref = run.metas[source.rel].ref
        if ref is not None and ref.specialty in chosen:
            corpus.documents.append(Loaded(source.path, source.rel, run.docs[source.rel]))
            corpus.real_paths[source.rel] = source.real
    corpus.group()
    owner = {s.rel: code for code in dirty for s in members[code]}
    fresh: dict[str, list[Diagnostic]] = {code: [] for code in dirty}
    unowned: list[Diagnostic] = []
    for diagnostic in check_corpus(corpus, run.project.config, run.base):
        code = owner.get(diagnostic.file)
        (fresh[code] if code is not None else unowned).append(diagnostic)
    return corpus, fresh, unowned


def _cached(cache: CheckCache, key: str | None) -> list[Diagnostic] | None:
    """The cached diagnostics of a set; None when absent or unreadable."""
    rows = cache.sets.get(key) if key is not None else None
    if not isinstance(rows, list):
        return None
    try:
        return [decode_diagnostic(row) for row in rows]
    except (TypeError, ValueError, KeyError):
        return None


def _assemble(
    run: _Run,
    keys: dict[str, str | None],
    cached: dict[str, list[Diagnostic] | None],
    fresh: dict[str, list[Diagnostic]],
    *,
    cache_fresh: bool,
) -> tuple[list[Diagnostic], dict[str, Any]]:
    """Load diagnostics of failed files plus every set's diagnostics, and the new set cache."""
    diagnostics: list[Diagnostic] = []
    for meta in run.metas.values():
        if meta.ref is None:
            diagnostics.extend(apply_severity(list(meta.problems), run.project.config))
    sets: dict[str, Any] = {}
    for code, key in keys.items():
        if code in fresh:
            diagnostics.extend(fresh[code])
            if key is not None and cache_fresh:
                sets[key] = [encode_diagnostic(d) for d in fresh[code]]
        elif key is not None:
            diagnostics.extend(cached[code] or [])
            sets[key] = run.cache.sets[key]
    return diagnostics, sets
