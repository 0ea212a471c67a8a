"""Codes a change renamed, from the semantic diff (for did-you-mean hints against --base)."""

from __future__ import annotations

from collections.abc import Sequence

from builder.diff.engine import diff_corpora
from builder.diff.model import Action
from builder.read.corpus import Corpus


def find_renames(baseline: Corpus, corpus: Corpus, levels: Sequence[str] = ()) -> dict[str, str]:
    """Old code → new code of every rename the semantic diff from `baseline` finds."""
    found: dict[str, str] = {}
    changes = diff_corpora(baseline, corpus, levels=levels)
    for change in changes.changes:
        if change.action is not Action.RENAMED or change.old_code is None:
            continue
        new = change.path[-1].code if change.path else change.document.code
        if new != change.old_code:
            found[change.old_code] = new
    return found
