"""Export pipeline: DocTrees → one deterministic .docx per standard document.

Everything is rendered in memory first; files are written only when every document
rendered, each through an atomic replace, so a failure never leaves a partial file.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from builder.base.atomic import write_set
from builder.base.diagnostics import Severity
from builder.base.outputs import Written
from builder.compose.doctree import DocTree, Notice
from builder.docx.gbt11 import required_chapters
from builder.docx.issuing import render_notice
from builder.docx.notice import load_notice
from builder.docx.package import to_bytes
from builder.docx.pool import render_many
from builder.docx.profiles import profile_named
from builder.docx.template import TEMPLATE, load_template
from builder.docx.tocpages import fill_documents
from builder.docx.tocpages import wanted as toc_wanted
from builder.model import KIND_TITLES
from builder.project import Project, UsageError, os_error_message
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus

if TYPE_CHECKING:
    from builder.checking.pipeline import CheckResult
    from builder.docx.rendercache import DocxCache

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')
_MAX_NAME = 120


@dataclass(frozen=True, slots=True)
class Output:
    """One rendered file: its name inside the output directory, its bytes, and the
    identity of the document it renders (`DocTree.doc_id` and page; None for the notice)."""

    name: str
    data: bytes
    doc_id: str | None = None
    page: str | None = None
    title: str = ""


def safe(text: str) -> str:
    """A file-name fragment: no path separators, reserved characters or whitespace."""
    return _UNSAFE.sub("_", text).strip("._") or "文件"


def file_name(tree: DocTree) -> str:
    """Stable file name, e.g. ``510209-专业教学标准.docx``, ``510209-课程标准-ZY03-电工技术.docx``,
    ``510209-人才培养方案-<方案名称>.docx``."""
    specialty, _, rest = tree.doc_id.partition("/")
    kind_title = KIND_TITLES.get(tree.kind, tree.cover.kind_title)
    parts = [specialty, kind_title]
    if tree.kind == "course":
        code = rest.rpartition("/")[2]
        parts += [code, _course_name(tree.cover.title, kind_title)]
    elif tree.kind == "plan":  # several schools' plans per code: the title names the school
        parts.append(tree.cover.title.removesuffix(kind_title) or tree.cover.title)
    elif rest and rest != tree.kind:
        parts.append(rest.removeprefix(f"{tree.kind}_"))
    stem = "-".join(safe(part) for part in parts if part)
    return f"{stem[:_MAX_NAME]}.docx"


def _course_name(title: str, kind_title: str) -> str:
    quoted = re.search(r"《(.+?)》", title)
    if quoted:
        return quoted.group(1)
    return title.removesuffix(kind_title) or title


def notice_name(doc_no: str) -> str:
    """File name of the issuing notice, e.g. ``通知-电子行指委〔2026〕5号.docx``."""
    return f"通知-{safe(doc_no)[:_MAX_NAME]}.docx"


def render_trees(
    trees: Sequence[DocTree],
    config: ProjectConfig,
    *,
    reference_docx: Path | None = None,
    notice: Path | None = None,
    cache: DocxCache | None = None,
    jobs: int | None = 1,
) -> list[Output]:
    """Render every tree in its kind's profile (and the notice), without writing anything.

    With a `cache` (`builder.docx.rendercache`), documents whose inputs are unchanged are
    taken from it and fresh renders are stored in it; the bytes are the same either way.
    Documents to render are spread over `jobs` worker processes when there are many
    (None: one per CPU; see `builder.docx.pool`)."""
    load_template(reference_docx)  # fail early on a bad template, before any rendering
    notice_file = load_notice(notice) if notice is not None else None
    outputs: list[Output] = []
    used: set[str] = set()
    trees = [_with_issuer(tree, config.issuer) for tree in trees]
    profiles = [profile_named(config.docx.profiles.get(t.kind, "gbt1.1")) for t in trees]  # type: ignore[call-overload]
    if config.docx.profile == "gbt1.1":  # the chapters GB/T 1.1 requires (off by default)
        trees = [
            required_chapters(tree) if profile.cover else tree
            for tree, profile in zip(trees, profiles, strict=True)
        ]
    names = [_unique(file_name(tree), used) for tree in trees]
    found: list[bytes | None] = [None] * len(trees)
    keys = [""] * len(trees)
    if cache is not None and cache.enabled:
        source = reference_docx if reference_docx is not None else TEMPLATE
        template = hashlib.blake2b(source.read_bytes(), digest_size=16).hexdigest()
        for index, (tree, profile) in enumerate(zip(trees, profiles, strict=True)):
            keys[index] = cache.key(tree, profile, template)
            found[index] = cache.load(keys[index])
    missing = [index for index, data in enumerate(found) if data is None]
    work = [(trees[i], profiles[i], reference_docx) for i in missing]
    for index, data in zip(missing, render_many(work, jobs=jobs), strict=True):
        found[index] = data
        if cache is not None:
            cache.store(keys[index], data)
    outputs = [
        Output(name, data or b"", tree.doc_id, tree.page, tree.cover.title)
        for name, data, tree in zip(names, found, trees, strict=True)
    ]
    if notice_file is not None:
        by_id = {tree.doc_id: tree for tree in trees}
        document = render_notice(notice_file, by_id, template=reference_docx, source=notice)
        outputs.append(Output(_unique(notice_name(notice_file.doc_no), used), to_bytes(document)))
    return outputs


def _with_issuer(tree: DocTree, issuer: str) -> DocTree:
    """A document without its own 发布机构 shows the project's (`issuer` in zhibiao.yaml)."""
    if tree.cover.issuer or not issuer:
        return tree
    return replace(tree, cover=replace(tree.cover, issuer=issuer, issuers=(issuer,)))


def _unique(name: str, used: set[str]) -> str:
    stem, suffix = name.removesuffix(".docx"), 2
    while name in used:
        name = f"{stem}-{suffix}.docx"
        suffix += 1
    used.add(name)
    return name


def check_writable(out_dir: Path) -> None:
    """`UsageError` unless `out_dir` is, or can be created as, a writable directory."""
    probe = out_dir
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise UsageError(f"无法创建输出目录 {out_dir}：{probe} 不是目录")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise UsageError(f"输出目录不可写：{probe}", hint="用 -o 指定一个可写的目录")


def write_outputs(outputs: Sequence[Output], out_dir: Path) -> list[Path]:
    """Write rendered files into `out_dir` atomically; `UsageError` if it is not writable."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"无法创建输出目录 {out_dir}：{exc.strerror}") from None
    if not out_dir.is_dir() or not os.access(out_dir, os.W_OK | os.X_OK):
        raise UsageError(f"输出目录不可写：{out_dir}", hint="用 -o 指定一个可写的目录")
    files = {out_dir / output.name: output.data for output in outputs}
    try:
        write_set(files)  # all or nothing: no partial set of Word files
    except OSError as exc:
        raise UsageError(
            f"{os_error_message(exc)}；未写入任何 Word 文件，输出目录保持原样"
        ) from None
    return list(files)


def export_written(
    trees: Sequence[DocTree],
    config: ProjectConfig,
    out_dir: Path,
    *,
    reference_docx: Path | None = None,
    notice: Path | None = None,
    cache: DocxCache | None = None,
    jobs: int | None = 1,
    toc_pages: bool = False,
) -> list[Written]:
    """Render and write one .docx per tree (plus the notice); each written file with the
    identity of its document (`builder.base.outputs.Written`), so a caller links it to its page
    without opening it.

    A `cache` is read and filled but not pruned (the trees may be a part of the corpus).
    With `toc_pages`, the 目次 page numbers are filled from a LibreOffice layout pass."""
    outputs = render_trees(
        trees, config, reference_docx=reference_docx, notice=notice, cache=cache, jobs=jobs
    )
    if toc_pages:
        filled = fill_documents([(output.name, output.data) for output in outputs])
        outputs = [replace(o, data=data) for o, data in zip(outputs, filled, strict=True)]
    paths = write_outputs(outputs, out_dir)
    return [
        Written(path, "docx", o.doc_id, o.page, o.title)
        for path, o in zip(paths, outputs, strict=True)
    ]


def export_trees(
    trees: Sequence[DocTree],
    config: ProjectConfig,
    out_dir: Path,
    *,
    reference_docx: Path | None = None,
    notice: Path | None = None,
    cache: DocxCache | None = None,
    jobs: int | None = 1,
    toc_pages: bool = False,
) -> list[Path]:
    """`export_written`, returning only the written paths."""
    written = export_written(
        trees,
        config,
        out_dir,
        reference_docx=reference_docx,
        notice=notice,
        cache=cache,
        jobs=jobs,
        toc_pages=toc_pages,
    )
    return [item.path for item in written]


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What `zhibiao export docx` did: the check it ran first and the files it wrote.

    `forced` lists the documents written despite errors (``--force``), by source file.
    """

    check: CheckResult
    written: list[Path]
    forced: tuple[str, ...] = ()


UNCHECKED = "未通过检查"
"""The status printed on documents exported with --force despite their errors."""


def unchecked_notice(errors: int) -> Notice:
    """The banner at the top of a document exported despite its errors."""
    return Notice(
        "draft",
        (
            f"本文件未通过检查（{errors} 个错误），是用 zhibiao export docx --force 导出的校对稿，"
            "内容可能不完整或有误，不得作为正式文本印发。",
        ),
    )


def mark_unchecked(
    corpus: Corpus, trees: Sequence[DocTree], errors: dict[str, int]
) -> tuple[list[DocTree], tuple[str, ...]]:
    """Mark the trees of documents with errors: status 未通过检查 on the cover and in the
    header, a banner above the text. `errors` counts errors by source file (as reported)."""
    from builder.view.anchors import doc_id

    sources = {doc_id(item): item.rel for item in corpus.documents}
    marked: list[DocTree] = []
    forced: list[str] = []
    for tree in trees:
        rel = sources.get(tree.doc_id, "")
        count = errors.get(rel, 0)
        if count:
            forced.append(rel)
            cover = replace(tree.cover, status=UNCHECKED)
            tree = replace(tree, cover=cover, blocks=(unchecked_notice(count), *tree.blocks))
        marked.append(tree)
    return marked, tuple(forced)


def _export_editable(
    trees: Sequence[DocTree],
    corpus: Corpus,
    project: Project,
    out_dir: Path,
    reference_docx: Path | None,
) -> list[Path]:
    """Write the working copy of every tree; all or nothing, as the normal export."""
    from builder.docx.editable import editable_outputs
    from builder.view.anchors import doc_id

    root = project.root.resolve()
    sources: dict[str, tuple[Path, str]] = {}
    for item in corpus.documents:
        path = item.path.resolve()
        if path.is_relative_to(root):
            sources[doc_id(item)] = (path, path.relative_to(root).as_posix())
    config = project.config
    shown = [_with_issuer(tree, config.issuer) for tree in trees]
    profiles = [profile_named(config.docx.profiles.get(t.kind, "gbt1.1")) for t in shown]  # type: ignore[call-overload]
    used: set[str] = set()
    names = [_unique(file_name(tree), used) for tree in shown]
    made = editable_outputs(shown, sources, profiles, names, template=reference_docx)
    outputs = [Output(name, data, t.doc_id, t.page, t.cover.title) for name, data, t in made]
    return write_outputs(outputs, out_dir)


def export_project(
    project: Project,
    out_dir: Path,
    *,
    check: Callable[[Project], CheckResult],
    reference_docx: Path | None = None,
    notice: Path | None = None,
    force: bool = False,
    cache: DocxCache | None = None,
    jobs: int | None = 1,
    toc_pages: str | None = None,
    editable: bool = False,
) -> ExportResult:
    """Check the project (with `check`, the caller's check pipeline: Word output does not
    depend on the checks), then export it unless the check found errors.

    With `editable`, each document is written as its working copy (填写稿,
    `builder.docx.editable`) instead: content controls, no render cache, no 目次 pages.

    With `force`, documents are exported anyway and the ones with errors are marked as
    unchecked proofs (see `mark_unchecked`). The reference template comes from the argument,
    else from `docx.reference_docx` in `zhibiao.yaml` (relative to the project root).
    A `cache` supplies unchanged documents and is pruned after this full export.
    `toc_pages` (auto/always/never) overrides `docx.toc_pages` of the config.
    """
    if reference_docx is None and project.config.docx.reference_docx:
        from builder.project.paths import confined

        reference_docx = confined(
            Path(project.config.docx.reference_docx),
            project.root,
            "zhibiao.yaml 的 docx.reference_docx",
        )
    # Usage problems first, before the (slower) check and rendering.
    load_template(reference_docx)
    if notice is not None:
        load_notice(notice)
    check_writable(out_dir)
    fill = toc_wanted(toc_pages or project.config.docx.toc_pages)
    checked = check(project)
    failed = checked.failed()
    if failed and not force:
        return ExportResult(checked, [])
    from builder.compose import compose_corpus

    trees = compose_corpus(checked.corpus, project.config)
    forced: tuple[str, ...] = ()
    if failed:
        errors = Counter(d.file for d in checked.diagnostics if d.severity == Severity.ERROR)
        trees, forced = mark_unchecked(checked.corpus, trees, dict(errors))
    from builder.project.buildlock import exclusive

    # One export into a folder at a time; temporary files of a killed one are removed.
    with exclusive(out_dir.parent, [out_dir], "zhibiao export docx"):
        if editable:
            paths = _export_editable(trees, checked.corpus, project, out_dir, reference_docx)
            return ExportResult(checked, paths, forced)
        written = export_trees(
            trees,
            project.config,
            out_dir,
            reference_docx=reference_docx,
            notice=notice,
            cache=cache,
            jobs=jobs,
            toc_pages=fill,
        )
    if cache is not None:
        cache.prune()
    return ExportResult(checked, written, forced)
