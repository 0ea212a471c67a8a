"""`zhibiao import docx FILE`: read a returned working copy into its standard's YAML.

Nothing is written unless the whole file was read safely and the result is a valid
standard: the YAML is written atomically, only with `write`, and only when the working copy
was made from the YAML as it is now (its SHA-256 matches) or `force` is given. Problems are
returned as located diagnostics and, when there are any, written as Word comments into a
copy of the file (`…-意见.docx`).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from builder.base.atomic import write_bytes, write_text
from builder.base.diagnostics import Diagnostic, Diagnostics
from builder.compose import compose_document
from builder.docx.editable import Identity, render_editable
from builder.docx.profiles import profile_named
from builder.drafting import rules
from builder.drafting.annotate import annotated, comments_name
from builder.drafting.changes import Changes, Problem, any_error, located
from builder.drafting.reading import read_changes
from builder.drafting.wordread import W, WordFile, read_bytes, read_word
from builder.drafting.writeback import write_back
from builder.model import KINDS
from builder.project import Project, UsageError
from builder.project.paths import chosen, confined
from builder.read.corpus import AnyDoc, Corpus, Loaded, load_corpus
from builder.read.yamlsource import YamlProblem, decode, parse, read_limited


@dataclass(slots=True)
class ImportResult:
    """What an import found and did."""

    docx: Path
    source: str = ""
    changes: Changes = field(default_factory=Changes)
    problems: list[Problem] = field(default_factory=list)
    before: str = ""
    after: str | None = None
    written: bool = False
    comments: Path | None = None

    def failed(self) -> bool:
        return any_error(self.problems)

    def diagnostics(self, shown: str) -> list[Diagnostic]:
        """The problems as diagnostics whose file is ``FILE:表3:行5:列2`` (or ``FILE:段12``)."""
        return located(self.problems, shown)


def import_docx(
    path: Path,
    project: Project,
    *,
    write: bool = False,
    force: bool = False,
    comments_to: Path | None = None,
) -> ImportResult:
    """Read `path` back into the YAML it was exported from (see the module docstring)."""
    word = read_word(path)
    result = ImportResult(path)
    try:
        _compare(word, project, result, force=force)
    finally:
        _annotate(word, result, comments_to, project)
    if result.after is not None and write and not result.failed():
        target = confined(Path(result.source), project.root, "填写稿所指的标准文件")
        write_text(target, result.after)
        result.written = True
    return result


def _compare(word: WordFile, project: Project, result: ImportResult, *, force: bool) -> None:
    identity = Identity.parse(word.description)
    if identity is None:
        result.problems.append(
            Problem(
                rules.NOT_WORKING_COPY,
                "文件属性中没有填写稿的标记，不是由 zhibiao export docx --editable 生成的填写稿",
                "",
                hint="请用 zhibiao export docx --editable 重新导出填写稿，在其中修改；"
                "已发布的专业教学标准（不是填写稿）用 --new 导入为新的 YAML，见 docs/drafting.md。",
            )
        )
        return
    target = confined(Path(identity.source), project.root, "填写稿所指的标准文件")
    result.source = identity.source
    found = _document(project, target)
    if found is None:
        result.problems.append(
            Problem(
                rules.NOT_WORKING_COPY,
                f"填写稿来自 {identity.source}，项目中没有这个可读取的标准文件",
                "",
                hint="在导出填写稿的项目中导入；文件改名或移动过时，请重新导出。",
            )
        )
        return
    try:
        raw = read_limited(target)
        text = decode(raw)
        data = parse(text)
    except (YamlProblem, OSError) as exc:
        raise UsageError(f"无法读取 {identity.source}：{exc}") from None
    result.before = text
    if hashlib.sha256(raw).hexdigest() != identity.digest and not force:
        result.problems.append(
            Problem(
                rules.STALE,
                f"{identity.source} 在导出此填写稿之后已被修改，为免改回别人的改动，未导入",
                "",
                hint="请重新导出填写稿；核对无误后也可以用 --force 以填写稿为准导入。",
            )
        )
        return
    item, corpus = found
    model = KINDS[item.kind]
    reference = _reference(item, corpus, project, identity)
    changes = read_changes(reference, word, model, data)
    result.changes = changes
    result.problems.extend(changes.problems)
    if _marked(reference) and not _marked(word):
        result.problems.append(
            Problem(
                rules.NOT_WORKING_COPY,
                "文件中没有填写稿的书签或内容控件，无法对应到标准的各项内容",
                "",
                hint="请在导出的填写稿上修改，不要复制到新文档中。",
            )
        )
        return
    if changes.empty() or result.failed():
        return
    outcome = write_back(text, identity.source, model, changes)
    result.problems.extend(outcome.problems)
    result.after = outcome.text


def _marked(word: WordFile) -> bool:
    return any(p.bookmarks or p.tags for p in word.paragraphs)


def _document(project: Project, target: Path) -> tuple[Loaded[AnyDoc], Corpus] | None:
    """The loaded document at `target` and the corpus it was loaded with (other files'
    problems do not matter here: `zhibiao check` reports them)."""
    corpus = load_corpus(project.standards, project.root, Diagnostics())
    wanted = target.resolve()
    for item in corpus.documents:
        if item.path.resolve() == wanted:
            return item, corpus
    return None


def _reference(
    item: Loaded[AnyDoc], corpus: Corpus, project: Project, identity: Identity
) -> WordFile:
    """The working copy the current YAML renders to, read like the returned one."""
    config = project.config
    tree = compose_document(item, corpus, config)
    if not tree.cover.issuer and config.issuer:
        tree = replace(tree, cover=replace(tree.cover, issuer=config.issuer))
    profile = profile_named(config.docx.profiles.get(tree.kind, "gbt1.1"))  # type: ignore[call-overload]
    data = render_editable(tree, profile, identity)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return read_bytes(archive.read("word/document.xml"), archive.read("docProps/core.xml"))


def _annotate(word: WordFile, result: ImportResult, to: Path | None, project: Project) -> None:
    if not result.problems:
        return
    target = to if to is not None else result.docx.with_name(comments_name(result.docx))
    if to is not None and to.is_dir():
        target = to / comments_name(result.docx)
    target = chosen(target, project.root, "意见稿")
    paragraphs = list(word.tree.iter(f"{W}p")) if word.tree is not None else []
    try:
        write_bytes(target, annotated(result.docx, result.problems, paragraphs))
    except OSError as exc:
        raise UsageError(f"无法写入意见稿 {target.as_posix()}：{exc.strerror or exc}") from None
    result.comments = target
