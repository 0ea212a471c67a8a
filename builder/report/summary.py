"""GitHub step summaries: append Markdown to `$GITHUB_STEP_SUMMARY` within its 1 MiB cap.

GitHub shows at most 10 annotations of each kind per step (50 per job), so the summary
is where the full report lives; it is refused above 1 MiB, so longer reports are cut at
a line boundary and end with a note saying how much was left out.
"""

from __future__ import annotations

from pathlib import Path

from builder.base.atomic import write_text

STEP_SUMMARY_LIMIT = 1024 * 1024
"""GitHub's limit for one step's summary file, in bytes."""
_NOTE_ROOM = 1024


def truncate(markdown: str, budget: int, *, where: str) -> str:
    """`markdown` cut to at most `budget` UTF-8 bytes at a line boundary, with a note."""
    data = markdown.encode("utf-8")
    if len(data) <= budget:
        return markdown
    lines = markdown.splitlines(keepends=True)
    kept: list[str] = []
    used = 0
    room = max(budget - _NOTE_ROOM, 0)
    for line in lines:
        size = len(line.encode("utf-8"))
        if used + size > room:
            break
        kept.append(line)
        used += size
    left = len(lines) - len(kept)
    note = (
        f"\n> [!WARNING]\n> 内容超过 GitHub 步骤摘要 {STEP_SUMMARY_LIMIT // 1024} KiB 的上限，"
        f"已截断：省略了后面 {left} 行（共 {len(lines)} 行）。完整内容见{where}。\n"
    )
    return "".join(kept) + note


def append_summary(
    path: Path, markdown: str, *, limit: int = STEP_SUMMARY_LIMIT, where: str = "工作流产物"
) -> None:
    """Append `markdown` to the summary file at `path`, keeping the file under `limit` bytes."""
    existing = path.read_text("utf-8") if path.is_file() else ""
    budget = limit - len(existing.encode("utf-8"))
    separator = "\n" if existing and not existing.endswith("\n\n") else ""
    budget -= len(separator)
    write_text(path, existing + separator + truncate(markdown, max(budget, 0), where=where))
