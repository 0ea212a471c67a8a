"""`zhibiao comments form` and `import`: forms out, returned forms into review records."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.comments.anchors import AnchorIndex, document_anchors
from builder.comments.forms import FormInfo, form_docx, form_xlsx
from builder.comments.importer import FormRow, read_form
from builder.comments.store import load_tree, quoted, review_path, save_tree, to_yaml_tree
from builder.project import Project, UsageError
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded
from builder.view.anchors import doc_id


def by_id(corpus: Corpus) -> dict[str, Loaded[Any]]:
    """Every loaded standard by its stable identity (510209/course/ZJ02)."""
    return {doc_id(item): item for item in corpus.documents}


def form_name(item: Loaded[Any]) -> str:
    """`510209-course-ZJ02-意见反馈表` (ASCII identity, safe as a file name)."""
    return doc_id(item).replace("/", "-") + "-意见反馈表"


def write_forms(
    items: list[Loaded[Any]], corpus: Corpus, config: ProjectConfig, out: Path
) -> list[Path]:
    """Both forms of every standard in `items`; returns the files written."""
    from builder.base.atomic import write_bytes

    written: list[Path] = []
    for item in items:
        meta = item.doc.meta
        info = FormInfo(
            doc_id(item),
            meta.title,
            meta.status,
            meta.comment_deadline.isoformat() if meta.comment_deadline else "",
        )
        anchors = document_anchors(item, corpus, config)
        for suffix, data in (
            (".xlsx", form_xlsx(info, anchors)),
            (".docx", form_docx(info, anchors)),
        ):
            target = out / f"{form_name(item)}{suffix}"
            if target.is_symlink():
                raise UsageError(f"输出文件是符号链接，不通过链接写入：{target}")
            write_bytes(target, data)
            written.append(target)
    return written


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A returned row whose 章节号或编码 names no place of the standard."""

    file: str
    where: str
    anchor: str


@dataclass(slots=True)
class ImportReport:
    """What `comments import` did."""

    added: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    """Review record (display path) → comments added."""
    duplicates: int = 0
    unresolved: list[Unresolved] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    """(file, where, message) of forms or rows that were not imported."""
    units: set[str] = field(default_factory=set)


def import_forms(
    project: Project,
    corpus: Corpus,
    files: list[Path],
    *,
    standard: Loaded[Any] | None = None,
    unit: str | None = None,
) -> ImportReport:
    """Collect every returned form into the review record next to its standard."""
    report = ImportReport()
    known = by_id(corpus)
    pending: dict[str, tuple[Loaded[Any], list[tuple[str, str, FormRow]]]] = {}
    for path in files:
        form = read_form(path)
        shown = path.name
        for where, message in form.problems:
            report.problems.append((shown, where, message))
        if not form.rows:
            if not form.problems:
                report.problems.append((shown, "", "反馈表中没有填写任何意见"))
            continue
        target = standard or known.get(form.doc_id.strip())
        if target is None:
            what = f"「{form.doc_id}」" if form.doc_id else "（空）"
            report.problems.append(
                (shown, "文件标识", f"文件标识{what}不是标准目录中的任何标准，整份反馈表未导入")
            )
            continue
        who = (unit or form.unit).strip()
        if not who:
            report.problems.append((shown, UNIT_HINT, "没有填写提出单位，整份反馈表未导入"))
            continue
        report.units.add(who)
        rows = pending.setdefault(doc_id(target), (target, []))[1]
        rows.extend((shown, who, row) for row in form.rows)
    for target, rows in pending.values():
        _merge(project, corpus, target, rows, report)
    return report


UNIT_HINT = "提出单位"


def _merge(
    project: Project,
    corpus: Corpus,
    target: Loaded[Any],
    rows: list[tuple[str, str, FormRow]],
    report: ImportReport,
) -> None:
    index = AnchorIndex(document_anchors(target, corpus, project.config))
    path = review_path(target.path)
    tree = load_tree(path)
    if tree is None:
        tree = to_yaml_tree({"kind": "review", "standard": target.path.name, "comments": []})
    if tree.get("comments") is None:
        tree["comments"] = to_yaml_tree([])
    comments = tree["comments"]
    seen: set[tuple[str, ...]] = set()
    for c in comments:  # known by its place, or by the form row it came from
        words = (str(c.get("unit")), str(c.get("proposal")), str(c.get("reason", "")))
        seen.add((*words, "anchor", str(c.get("anchor"))))
        if c.get("source"):
            seen.add((*words, "source", str(c.get("source"))))
    numbers = [
        int(str(c.get("id"))[1:])
        for c in comments
        if str(c.get("id", "")).startswith("C") and str(c.get("id"))[1:].isdigit()
    ]
    next_number = max(numbers, default=0) + 1
    added = 0
    for shown, who, row in rows:
        anchor = index.resolve(row.anchor) if row.anchor else None
        written = anchor.key if anchor is not None else (row.anchor or "全文")
        words = (who, row.proposal, row.reason)
        keys = {(*words, "anchor", written), (*words, "source", f"{shown} {row.where}")}
        if keys & seen:
            report.duplicates += 1
            continue
        seen |= keys
        if row.anchor and anchor is None:  # imported as written; reported once, here
            report.unresolved.append(Unresolved(shown, row.where, row.anchor))
        entry: dict[str, Any] = {
            "id": quoted(f"C{next_number:03d}"),
            "unit": who,
            "anchor": written,
            "original": row.original or (anchor.text if anchor is not None else ""),
            "proposal": row.proposal,
        }
        if row.reason:
            entry["reason"] = row.reason
        entry["source"] = f"{shown} {row.where}"
        comments.append(to_yaml_tree(entry))
        next_number += 1
        added += 1
    if added:
        save_tree(path, tree, project.config_path.parent if project.config_path else None)
    from builder.read.corpus import relative

    report.added[relative(path, Path.cwd())] += added


def confirm(
    project: Project,
    corpus: Corpus,
    code: str,
    specialty: str,
    by: str,
    on: str,
    only: set[str] | None = None,
) -> list[str]:
    """Record a reviewer's confirmation of competency `code` (its current fingerprint) in the
    review record of every file that carries it (or of the files in `only`); returns them."""
    from builder.check import build_indexes
    from builder.comments.suspect import carriers, fingerprint

    index = build_indexes(corpus).get(specialty)
    if index is None or code not in index.competencies:
        raise UsageError(f"专业 {specialty} 中没有职业能力 {code}")
    mark = fingerprint(index.competencies[code].competency)
    files: dict[str, Loaded[Any]] = {}
    for source, _, _ in carriers(corpus, code, index, specialty):
        if only is None or source.path.resolve() in {Path(o).resolve() for o in only}:
            files.setdefault(source.rel, source)
    if not files:
        raise UsageError(f"没有承载职业能力 {code} 的文件需要确认")
    root = project.config_path.parent if project.config_path else None
    for item in files.values():
        path = review_path(item.path)
        tree = load_tree(path)
        if tree is None:
            tree = to_yaml_tree({"kind": "review", "standard": item.path.name})
        entries = tree.get("confirmations")
        if entries is None:
            entries = tree["confirmations"] = to_yaml_tree([])
        for stale in [e for e in entries if str(e.get("ref")) == code]:
            entries.remove(stale)
        entries.append(to_yaml_tree({"ref": code, "fingerprint": mark, "by": by, "on": on}))
        save_tree(path, tree, root)
    return sorted(files)
