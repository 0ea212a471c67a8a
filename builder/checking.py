"""The check pipeline: load → index → rules → severities → positions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import builder.source_rules  # noqa: F401  (registers the ZB0xx codes)
from builder.catalog import load_catalog
from builder.check import CheckContext, apply_severity, build_indexes, run_checks
from builder.check.claims import failed_claims
from builder.corpus import Corpus, load_corpus, place
from builder.diagnostics import Diagnostic, Diagnostics
from builder.project import Project


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Everything `zhibiao check` found, ready for a reporter."""

    project: Project
    corpus: Corpus
    diagnostics: list[Diagnostic]
    files: int

    def failed(self, *, strict: bool = False) -> bool:
        """True when the exit status must be 1."""
        sink = Diagnostics(list(self.diagnostics))
        return sink.has_errors(strict=strict)


def run_check(
    project: Project, *, base: Path | None = None, baseline: Corpus | None = None
) -> CheckResult:
    """Check every standard under the project's standards directory.

    `baseline` is the base version's corpus (`--base REF`) for version-comparing rules.
    """
    base = base or Path.cwd()
    sink = Diagnostics()
    corpus = load_corpus(project.standards, base, sink)
    ctx = CheckContext(
        corpus,
        project.config,
        load_catalog(project.config),
        build_indexes(corpus),
        baseline=baseline,
        broken=failed_claims(corpus, base),
    )
    sink.extend(run_checks(ctx))
    kept = apply_severity(sink.items, project.config)
    ordered = sorted(place(kept, base), key=Diagnostic.sort_key)
    return CheckResult(project, corpus, ordered, len(corpus.documents) + len(corpus.failed))
