"""Semantic diff of standards trees: what changed in terms of the standard, keyed on codes.

`diff_corpora(old, new)` compares two loaded corpora; `render_markdown(changes)` (also
used for the site's 修订说明 page), `render_text` and `render_json` present the result;
`run_diff` loads two sides (working tree, directory or git ref) and compares them.
"""

from __future__ import annotations

from contextlib import ExitStack

from builder.diff.engine import diff_corpora
from builder.diff.model import Action, Change, ChangeSet, DocumentRef, Problem, Step
from builder.diff.render_json import render_json
from builder.diff.render_markdown import render_markdown
from builder.diff.render_text import render_text
from builder.project import Project

__all__ = [
    "Action",
    "Change",
    "ChangeSet",
    "DocumentRef",
    "Problem",
    "Step",
    "diff_corpora",
    "render_json",
    "render_markdown",
    "render_text",
    "run_diff",
]


def run_diff(project: Project, old: str, new: str | None = None) -> ChangeSet:
    """Compare side `old` with side `new` (None = the working tree) of `project`."""
    from builder.diff.gitref import open_side

    with ExitStack() as stack:
        before = open_side(old, project, stack)
        after = open_side(new, project, stack)
        return diff_corpora(
            before.corpus,
            after.corpus,
            levels=project.config.learning_levels,
            old_label=before.label,
            new_label=after.label,
            problems=[*before.problems("old"), *after.problems("new")],
            old_failed=before.failed,
            new_failed=after.failed,
        )
