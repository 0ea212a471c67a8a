"""The resolved, read-only view of the loaded standards (the "resolve" stage of the pipeline).

Built once per run after loading (`builder.read.corpus`): one `SpecialtyView` per specialty set
(competencies by code with their 领域 and 任务, every use with its carrier, level and whether
the carrier is retired, planned and standard courses, plan figures) and a `CorpusView` for
the few lookups one set makes into another, each of them recorded. Checks, compose, the
exports and the cache keys read the standards through it, so they cannot disagree.
"""

from __future__ import annotations

from builder.view.corpus import CorpusView, Lookup
from builder.view.retired import carries, retired
from builder.view.specialty import Defined, SpecialtyView, Use, specialty_view, view_of

__all__ = [
    "CorpusView",
    "Defined",
    "Lookup",
    "SpecialtyView",
    "Use",
    "carries",
    "retired",
    "specialty_view",
    "view_of",
]
