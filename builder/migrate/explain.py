"""`zhibiao check` on an old-shaped file: one ZB016 naming the upgrade, not a wall of
placeholder warnings.

Only files that already carry a placeholder warning (ZB605) are read again: every old
shape holds a 待补充, a clean file needs no explanation, and `zhibiao migrate --check` finds
every old-shaped file. For such a file the
migration steps run in memory; when they would change something, one ZB016 is placed at
the first old-shaped key, and the ZB605 warnings ("内容待补充") inside the values the
upgrade rewrites are folded into it: they are what the old shape means, not separate work.
Every other diagnostic is kept as it is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from builder.base.diagnostics import DataPath, Diagnostic
from builder.migrate import Change, migrate_text
from builder.migrate.rules import OLD_SHAPE
from builder.read.locate import compose, locate
from builder.read.yamlsource import YamlProblem, decode, read_limited

EXPLAINED = frozenset({"ZB605"})
"""Codes an upgrade explains when they lie inside a value it rewrites."""
HINT_WORD = "原文"
"""Every step reads a `# 原文…` comment: a file without the word has no old shape."""


def _inside(path: DataPath | None, changes: list[Change]) -> bool:
    return path is not None and any(path[: len(c.path)] == c.path for c in changes)


def explain_old_shapes(
    diagnostics: list[Diagnostic], base: Path
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(the diagnostics kept, one ZB016 per old-shaped file, positioned)."""
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        by_file[diagnostic.file].append(diagnostic)
    kept: list[Diagnostic] = []
    found: list[Diagnostic] = []
    for rel, items in by_file.items():
        explainable = any(d.code in EXPLAINED for d in items)
        shape = _old_shape(base / rel, rel) if rel and explainable else None
        if shape is None:
            kept.extend(items)
            continue
        notice, changes = shape
        folded = [d for d in items if d.code in EXPLAINED and _inside(d.data_path, changes)]
        kept.extend(d for d in items if d not in folded)
        found.append(_with_count(notice, len(folded)))
    return kept, found


def _old_shape(path: Path, rel: str) -> tuple[Diagnostic, list[Change]] | None:
    try:
        text = decode(read_limited(path))
    except (OSError, YamlProblem):
        return None
    if HINT_WORD not in text:
        return None
    try:
        done = migrate_text(text)
    except Exception:
        return None
    if not done.changes:
        return None
    try:
        root = compose(text)
    except Exception:
        root = None
    positions = [locate(root, change.path, key=True) for change in done.changes]
    index = min(range(len(positions)), key=lambda i: (positions[i].line, positions[i].column))
    first = positions[index]
    steps = "、".join(dict.fromkeys(change.label for change in done.changes))
    notice = OLD_SHAPE.diag(
        rel,
        f"此文件是旧版格式：{len(done.changes)} 处按旧版模型的写法（{steps}），"
        f"运行 zhibiao migrate 升级",
        line=first.line,
        column=first.column,
        hint=f"zhibiao migrate {rel} 打印改动，加 --write 写入（保留注释）；见 docs/migrate.md",
    )
    return replace(notice, data_path=done.changes[index].path), done.changes


def _with_count(notice: Diagnostic, folded: int) -> Diagnostic:
    if not folded:
        return notice
    message = f"{notice.message}（升级后不再有这里的 {folded} 处“待补充”提示 ZB605）"
    return replace(notice, message=message)
