"""Where review records live (`X.review.yaml` next to `X.yaml`), reading and writing them.

The standards walker (`builder.read.sources`) skips review records, so they never count as
standards; `zhibiao check` reads them here and reports their problems itself.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from builder.base.atomic import write_text
from builder.base.diagnostics import Diagnostic, Severity
from builder.base.rules import RULES, declare
from builder.comments.model import ReviewRecord
from builder.read import source_rules  # noqa: F401  (registers the ZB0xx codes of reading)
from builder.read.schema_errors import diagnostics_for_model
from builder.read.sources import REVIEW_SUFFIXES as SUFFIXES
from builder.read.yamlsource import YamlProblem, decode, parse, read_limited
from builder.yamlfmt import make_yaml


def is_review_file(name: str) -> bool:
    """True for a review record's file name (`specialty.review.yaml`)."""
    return name.endswith(SUFFIXES)


def review_path(standard: Path) -> Path:
    """The review record of a standard file: `courses/zj02.yaml` → `courses/zj02.review.yaml`."""
    return standard.with_name(f"{standard.stem}.review.yaml")


def kind_of(path: Path) -> str:
    """ "file" (a regular file, not a link), "link", or "" (absent, or a name the system
    refuses, e.g. too long once `.review` is added)."""
    try:
        if path.is_symlink():
            return "link"
        return "file" if path.is_file() else ""
    except (OSError, ValueError):
        return ""


def existing_record(standard: Path) -> Path | None:
    """The review record of `standard` when it is a regular file (links are never read)."""
    path = review_path(standard)
    return path if kind_of(path) == "file" else None


@dataclass(frozen=True, slots=True)
class LoadedReview:
    """A review record read from disk: its display path and model, or its problems."""

    path: Path
    rel: str
    record: ReviewRecord | None
    problems: tuple[Diagnostic, ...] = ()


RECORD_INVALID = declare(
    "ZB701",
    "review-record-invalid",
    Severity.ERROR,
    "审查记录无法读取",
    """标准文件旁的审查记录（`X.review.yaml`：征求意见、处理结果、审查表决、复核确认）必须是
    `kind: review` 的映射并符合其模式（schemas/review.schema.json）；字段错误按模式规则报出。
    审查记录不得是符号链接。""",
    "# specialty.review.yaml\nkind: reviews",
)
"""Declared with the reader of review records, which reports it; checked by
`builder.comments.checks.review_record_invalid`."""


def load_review(path: Path, rel: str) -> LoadedReview:
    """Read and validate one review record; problems are diagnostics, never exceptions."""
    try:
        data = parse(decode(read_limited(path)))
    except YamlProblem as problem:
        diag = RULES[problem.code].diag(
            rel, problem.message, line=problem.line or 1, column=problem.column or 1
        )
        return LoadedReview(path, rel, None, (diag,))
    except OSError as exc:
        diag = RECORD_INVALID.diag(
            rel, f"无法读取审查记录：{exc.strerror or exc}", line=1, column=1
        )
        return LoadedReview(path, rel, None, (diag,))
    if not isinstance(data, dict) or data.get("kind") != "review":
        diag = RECORD_INVALID.diag(
            rel,
            "审查记录必须是映射，并写明 kind: review",
            path=("kind",) if isinstance(data, dict) else None,
            line=0 if isinstance(data, dict) else 1,
            column=0 if isinstance(data, dict) else 1,
        )
        return LoadedReview(path, rel, None, (diag,))
    try:
        record = ReviewRecord.model_validate_json(json.dumps(data, ensure_ascii=False))
    except ValidationError as error:
        return LoadedReview(path, rel, None, tuple(diagnostics_for_model(ReviewRecord, rel, error)))
    return LoadedReview(path, rel, record)


def find_reviews(root: Path) -> list[Path]:
    """Every review record under `root` (hidden entries skipped, links to folders not followed)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder) / n for n in sorted(files) if is_review_file(n) and n[0] != ".")
    return found


def reviews_digest(root: Path) -> str:
    """A digest of every review record's path and bytes (part of the check cache key)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in find_reviews(root):
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0unreadable")
    return digest.hexdigest()


def schema_line(path: Path, project_root: Path | None) -> str:
    """`# yaml-language-server: $schema=…/schemas/review.schema.json` relative to `path`."""
    if project_root is None:
        return ""
    schema = project_root.resolve() / "schemas" / "review.schema.json"
    relative = Path(os.path.relpath(schema, path.resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}\n"


def quoted(code: str) -> DoubleQuotedScalarString:
    """A code as the house style writes it: a double-quoted string."""
    text: DoubleQuotedScalarString = DoubleQuotedScalarString(code)
    return text


def to_yaml_tree(value: Any) -> Any:
    """Plain data → ruamel containers (so new entries dump in the house style)."""
    if isinstance(value, dict):
        node = CommentedMap()
        for key, child in value.items():
            node[key] = to_yaml_tree(child)
        return node
    if isinstance(value, list):
        return CommentedSeq(to_yaml_tree(child) for child in value)
    return value


def load_tree(path: Path) -> Any:
    """The round-trip tree of an existing record (comments kept), or None."""
    if kind_of(path) != "file":
        return None
    return make_yaml().load(decode(read_limited(path)))


def save_tree(path: Path, tree: Any, project_root: Path | None) -> None:
    """Write a record atomically in the house style; a new file gets the schema line."""
    if kind_of(path) == "link":
        from builder.project import UsageError

        raise UsageError(f"审查记录是符号链接，不通过链接写入：{path}")
    out = io.StringIO()
    make_yaml().dump(tree, out)
    text = out.getvalue()
    if not path.exists():
        text = schema_line(path, project_root) + text
    parse(text)  # never write a record that does not read back
    write_text(path, text)
