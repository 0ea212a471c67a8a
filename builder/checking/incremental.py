"""`zhibiao check` with the cache: examine again only the specialty sets whose inputs changed.

Every check looks at one specialty set at a time, and beyond it only through the lookups
of the resolved view (`builder.view.CorpusView`), which records each of them (what was
asked, what the answer was) under the set that asked. A set's cached diagnostics are
keyed by its own files (paths and content hashes), the config and the tool, and stored
with the lookups its check made; they are reused only while every recorded lookup still
gets the same answer from the whole tree (`builder.view.corpus.still_valid`). No list of
"facts read from other specialties" is kept by hand: a new rule that reads across sets
through the view is keyed correctly by construction. Sets whose results cannot be reused
are parsed and checked again, in chunks (so memory stays bounded on a national tree);
the rest of the tree is not even parsed.

A file is identified by its content hash; the hash of an unchanged file (same size,
mtime, ctime and inode) is taken from the cache, so a warm run reads only edited files.
Deleted and renamed files simply no longer appear; a renamed file changes the key of its
set (its path is part of it) and is checked again under its new name.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.base.diagnostics import Diagnostic
from builder.base.progress import Bar, progress
from builder.check import apply_severity
from builder.check.claims import failed_claims
from builder.check.context import RenameFinder
from builder.checking.pipeline import CheckResult, check_corpus, with_old_shapes
from builder.comments.store import reviews_digest
from builder.project import Project
from builder.project.cache import CheckCache, Stat, decode_diagnostic, encode_diagnostic
from builder.read.corpus import (
    AnyDoc,
    Corpus,
    DocRef,
    Loaded,
    doc_ref,
    finish,
    place,
    quiet_gc,
)
from builder.read.parallel import Parsed, Task, content_hash, parse_all
from builder.read.sources import Source, find_sources
from builder.read.yamlsource import YamlProblem, read_with_stat
from builder.view import CorpusView
from builder.view.corpus import still_valid

KEEP_DOCS = 4000
"""Validated documents kept from the first pass; beyond, only their JSON text is kept."""
CHUNK_SETS = 50
"""Specialty sets checked together (bounds the documents in memory at a time)."""
SEP = "\t"
"""Separates the fields of an ordinary document's cache entry."""


@dataclass(frozen=True, slots=True)
class Meta:
    """What loading one file gave, as far as other sets and the cache need to know."""

    digest: str
    ref: DocRef | None
    """None when the file failed to load."""
    problems: tuple[Diagnostic, ...]
    """Located load diagnostics of a failed file (before severities)."""
    row: Any = None
    """The cache form, when the meta came from the cache."""

    def encode(self) -> Any:
        """Cache form, independent of the file's path: one text for an ordinary document."""
        if self.row is not None:
            return self.row
        ref = self.ref
        if ref is not None and not self.problems and not ref.facts and not ref.shared:
            fields = [ref.kind, ref.specialty, ref.code or ""]
            if not any(SEP in field for field in fields):
                return SEP.join(fields)
        return [
            [ref.kind, ref.specialty, ref.code, list(ref.facts), list(ref.shared)] if ref else None,
            [encode_diagnostic(d, anonymous=True) for d in self.problems],
        ]

    @classmethod
    def decode(cls, digest: str, row: Any, rel: str) -> Meta | None:
        """The cached meta of `digest`, bound to `rel`; None when absent or malformed."""
        try:
            if isinstance(row, str):
                kind, specialty, code = row.split(SEP)
                return cls(digest, DocRef(rel, kind, specialty, code or None), (), row)
            ref_row, problems = row
            ref: DocRef | None = None
            if ref_row is not None:
                kind, specialty, code, facts, shared = ref_row
                ref = DocRef(
                    rel,
                    str(kind),
                    str(specialty),
                    None if code is None else str(code),
                    tuple(str(f) for f in facts),
                    tuple(str(s) for s in shared),
                )
            return cls(
                digest,
                ref,
                tuple(decode_diagnostic(p, rel) for p in problems),
                row,
            )
        except (TypeError, ValueError, KeyError):
            return None


def _meta(parsed: Parsed, rel: str, doc: AnyDoc | None, problems: list[Diagnostic]) -> Meta:
    if doc is None:
        return Meta(parsed.digest, None, tuple(problems))
    return Meta(parsed.digest, doc_ref(rel, doc), ())


class _Run:
    """State of one cached check."""

    def __init__(self, project: Project, base: Path, cache: CheckCache, jobs: int | None) -> None:
        self.baseline: Corpus | None = None
        self.rename_finder: RenameFinder | None = None
        self.broken: dict[str, frozenset[str]] = {}
        self.project = project
        self.base = base
        self.cache = cache
        self.jobs = jobs
        self.root = project.standards
        self.root_real = str(self.root.resolve())
        self.sources = find_sources(self.root, base)
        self.metas: dict[str, Meta] = {}
        self.docs: dict[str, AnyDoc] = {}
        self.parsed: dict[str, Parsed] = {}  # loaded files whose document was not kept
        self.stats: dict[str, Stat] = {}
        self.index: dict[str, DocRef] = {}
        self.failed_paths: set[str] = set()

    def known_hashes(self) -> dict[str, str]:
        """Content hashes of files whose stat is unchanged, or which are cheap to hash."""
        digests: dict[str, str] = {}
        unknown: list[Source] = []
        for source in self.sources:
            if source.link:
                continue  # whether a link may be followed depends on its target: always load
            try:
                info = os.stat(source.path)  # noqa: PTH116  (text paths: see builder.read.sources)
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
                    raw, info = read_with_stat(Path(source.path))
                except (OSError, YamlProblem):
                    continue
                digests[source.rel] = content_hash(raw)
                self.stats[source.rel] = (
                    info.st_size,
                    info.st_mtime_ns,
                    info.st_ctime_ns,
                    info.st_ino,
                )
        return digests

    def load(self, sources: list[Source], bar: Bar, *, keep: int) -> None:
        """Parse and validate `sources`, recording their meta; keep up to `keep` documents."""
        bar.add(len(sources))
        tasks = [Task(s.path, s.real, s.link, self.root_real) for s in sources]
        for source, parsed in zip(
            sources, parse_all(tasks, jobs=self.jobs, advance=bar.advance), strict=True
        ):
            doc, problems = finish(parsed, source.rel)
            if problems:
                problems = place(problems, self.base)
            self.metas[source.rel] = _meta(parsed, source.rel, doc, problems)
            if doc is not None:
                if len(self.docs) < keep:
                    self.docs[source.rel] = doc
                else:
                    self.parsed[source.rel] = parsed
            if parsed.stat is not None and parsed.digest and not source.link:
                self.stats[source.rel] = parsed.stat

    def document(self, source: Source) -> AnyDoc:
        """The validated document of a loaded file (validated again if it was not kept)."""
        doc = self.docs.pop(source.rel, None)
        if doc is None:
            doc, _ = finish(self.parsed.pop(source.rel), source.rel)
            assert doc is not None  # it validated in the first pass
        return doc

    def whole_tree(self) -> None:
        """The index of every loaded document and the set of failed paths."""
        for source in self.sources:
            ref = self.metas[source.rel].ref
            if ref is None:
                self.failed_paths.add(source.real)
            else:
                self.index[source.real] = ref

    def set_key(self, static: str, members: list[Source]) -> str:
        """Hash of the set's own inputs: its files (paths and contents), config and tool.
        What the set reads from the rest of the tree is kept beside its results, as the
        lookups its check recorded (see `_cached`)."""
        parts = [static]
        for source in members:
            parts.append(source.rel)
            parts.append(self.metas[source.rel].digest)
        return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()

    def tree(self) -> Corpus:
        """The whole tree as the lookups see it: the index and the failed paths."""
        return Corpus(root=self.root, index=self.index, failed_paths=self.failed_paths)

    def check(
        self, codes: list[str], members: dict[str, list[Source]]
    ) -> tuple[Corpus, list[Diagnostic]]:
        """Check some dirty sets on a partial corpus that still knows the whole tree."""
        corpus = Corpus(root=self.root, index=self.index, failed_paths=self.failed_paths)
        corpus.failed = {s.rel for s in self.sources if self.metas[s.rel].ref is None}
        chosen = set(codes)
        for source in self.sources:
            ref = self.metas[source.rel].ref
            if ref is not None and ref.specialty in chosen:
                doc = self.document(source)
                corpus.documents.append(Loaded(Path(source.path), source.rel, doc))
                corpus.locations[source.rel] = source.home
        corpus.group()
        found = check_corpus(
            corpus,
            self.project.config,
            self.base,
            baseline=self.baseline,
            rename_finder=self.rename_finder,
            broken=self.broken,
        )
        return corpus, found


def _static_key(cache: CheckCache, project: Project, base: Path) -> str:
    config = project.config.model_dump_json()
    reviews = reviews_digest(project.standards)  # review records are read by ZB7xx
    parts = (cache.tool, config, str(project.standards.resolve()), str(base.resolve()), reviews)
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def _cached(run: _Run, tree: Corpus, key: str | None) -> list[Diagnostic] | None:
    """The cached diagnostics of a set, when every lookup its check recorded still gets
    the same answer; None when absent, stale or unreadable."""
    entry: Any = run.cache.sets.get(key) if key is not None else None
    if not isinstance(entry, list) or len(entry) != 2:
        return None
    lookups, rows = entry
    if not isinstance(lookups, list) or not isinstance(rows, list):
        return None
    if not still_valid(lookups, tree, run.broken):
        return None
    try:
        return [decode_diagnostic(row) for row in rows]
    except (TypeError, ValueError, KeyError):
        return None


def run_check_cached(
    project: Project,
    cache: CheckCache,
    *,
    base: Path | None = None,
    baseline: Corpus | None = None,
    rename_finder: RenameFinder | None = None,
    jobs: int | None = 1,
    show_progress: bool | None = None,
) -> CheckResult:
    """`run_check`, reusing what the cache knows; the diagnostics are identical.

    With a disabled cache (`CheckCache.open(None)`) this is a full check whose memory
    stays bounded, which is what `zhibiao check --no-cache` runs. With a `baseline`
    (`--base REF`) every set is checked again and no set result is stored.
    """
    base = base or Path.cwd()
    with quiet_gc(), progress("检查", enabled=show_progress) as bar:
        run = _Run(project, base, cache, jobs)
        run.baseline = baseline
        run.rename_finder = rename_finder
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
        run.load(pending, bar, keep=KEEP_DOCS)
        run.whole_tree()
        members: dict[str, list[Source]] = defaultdict(list)
        for source in run.sources:
            ref = run.metas[source.rel].ref
            if ref is not None:
                members[ref.specialty].append(source)
        failed = {s.rel for s in run.sources if run.metas[s.rel].ref is None}
        run.broken = failed_claims(Corpus(root=run.root, failed=failed), base)
        static = _static_key(cache, project, base)
        keys: dict[str, str | None] = {
            code: run.set_key(static, members[code]) for code in sorted(members)
        }
        if baseline is not None:
            keys = dict.fromkeys(keys)
        tree = run.tree()
        cached = {code: _cached(run, tree, key) for code, key in keys.items()}
        dirty = [code for code, found in cached.items() if found is None]
        missing = [
            s
            for code in dirty
            for s in members[code]
            if s.rel not in run.docs and s.rel not in run.parsed
        ]
        run.load(missing, bar, keep=0)
        owner = {s.rel: code for code in dirty for s in members[code]}
        fresh: dict[str, list[Diagnostic]] = {code: [] for code in dirty}
        lookups: dict[str, list[Any]] = {}
        unowned: list[Diagnostic] = []
        corpus = Corpus(root=project.standards, index=run.index, failed_paths=run.failed_paths)
        for start in range(0, max(len(dirty), 1), CHUNK_SETS):
            chunk = dirty[start : start + CHUNK_SETS]
            corpus, found = run.check(chunk, members)
            view = CorpusView.of(corpus)
            lookups.update({code: [x.row() for x in view.recorded(code)] for code in chunk})
            for diagnostic in found:
                code = owner.get(diagnostic.file)
                (fresh[code] if code is not None else unowned).append(diagnostic)
    diagnostics: list[Diagnostic] = list(unowned)
    for meta in run.metas.values():
        if meta.ref is None:
            diagnostics.extend(apply_severity(list(meta.problems), project.config))
    sets: dict[str, Any] = {}
    for code, key in keys.items():
        found_here = fresh[code] if code in fresh else cached[code] or []
        diagnostics.extend(found_here)
        if key is not None and (code not in fresh or not unowned):
            sets[key] = (
                cache.sets[key]
                if code not in fresh
                else [lookups[code], [encode_diagnostic(d) for d in found_here]]
            )
    cache.save(
        {
            rel: CheckCache.stat_entry(stat, run.metas[rel].digest)
            for rel, stat in run.stats.items()
            if run.metas[rel].digest
        },
        {m.digest: m.encode() for m in run.metas.values() if m.digest},
        sets,
    )
    complete = len(dirty) == len(members) <= CHUNK_SETS
    ordered = with_old_shapes(diagnostics, project.config, base)
    digests = {rel: meta.digest for rel, meta in run.metas.items() if meta.digest}
    return CheckResult(
        project, corpus, ordered, len(run.sources), complete=complete, digests=digests
    )
