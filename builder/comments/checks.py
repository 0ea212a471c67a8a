"""Consultation and review rules (ZB701–ZB709): review records next to the standards."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from builder.base.diagnostics import Diagnostic, Severity
from builder.base.rules import CHECKS, Rule, check
from builder.check.context import CheckContext
from builder.check.index import build_indexes
from builder.comments.store import (
    RECORD_INVALID,
    LoadedReview,
    existing_record,
    is_review_file,
    kind_of,
    load_review,
    review_path,
)
from builder.comments.suspect import find_suspects
from builder.read.corpus import Corpus, Loaded
from builder.view.shared import Shared

AFTER_CONSULTATION = frozenset({"送审稿", "报批稿", "试行", "发布"})
AFTER_REVIEW = frozenset({"报批稿", "试行", "发布"})


def reviews(ctx: CheckContext) -> list[tuple[Loaded[Any], LoadedReview]]:
    """Each loaded standard that has a review record, with the record (read once per corpus,
    held only as long as the corpus lives)."""
    return _REVIEWS.get(ctx.corpus, _read_reviews)


def _read_reviews(corpus: Corpus) -> list[tuple[Loaded[Any], LoadedReview]]:
    found: list[tuple[Loaded[Any], LoadedReview]] = []
    for item in corpus.documents:
        path = existing_record(item.path)
        if path is not None:
            found.append((item, load_review(path, _review_rel(item, path))))
    return found


_REVIEWS: Shared[Corpus, list[tuple[Loaded[Any], LoadedReview]]] = Shared()


def _review_rel(item: Loaded[Any], path: Path) -> str:
    """The record's display path, relative to the same folder as the standard's."""
    return Path(item.rel).with_name(path.name).as_posix()


def review_record_invalid(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """The review records next to the standards are valid (ZB701, declared with the store)."""
    for _, loaded in reviews(ctx):
        yield from loaded.problems
    for item in ctx.corpus.documents:
        path = review_path(item.path)
        if kind_of(path) == "link":
            yield rule.diag(
                _review_rel(item, path),
                "审查记录是符号链接，未读取",
                line=1,
                column=1,
                hint="把链接换成普通文件。",
            )


CHECKS.append((RECORD_INVALID, review_record_invalid))


@check(
    "ZB702",
    "comment-anchor-unknown",
    Severity.WARNING,
    "意见指向的位置不存在",
    "anchor: 能力 9-9-9   # 标准中没有这项能力",
)
def comment_anchor_unknown(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """每条意见的 anchor 应是标准中存在的位置：条款号（如 7.1、三（一））、编码条目（能力 1-2-3、
    课程 ZJ02、实训室 R1、实习任务 T2、内容 M1-2）或“全文”。条款改号、能力改码后，
    旧意见的位置要跟着改，否则汇总处理表中的章节号会对不上。"""
    for item, loaded in reviews(ctx):
        if loaded.record is None or not loaded.record.comments:
            continue
        from builder.comments.anchors import AnchorIndex, document_anchors  # compose → check

        index = AnchorIndex(document_anchors(item, ctx.corpus, ctx.config))
        for i, comment in enumerate(loaded.record.comments):
            if index.resolve(comment.anchor) is None:
                yield rule.diag(
                    loaded.rel,
                    f"意见 {comment.id} 指向「{comment.anchor}」，标准中没有这个位置",
                    path=("comments", i, "anchor"),
                    hint="改为反馈表中预填的条款号或编码，或写“全文”。",
                )


@check(
    "ZB703",
    "comments-undisposed",
    Severity.ERROR,
    "还有意见未处理，不能进入送审稿",
    "status: 送审稿\n# specialty.review.yaml 中有意见没有 disposition",
)
def comments_undisposed(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """征求意见稿改为“送审稿”（及以后的报批稿、试行、发布）之前，审查记录中的每条意见都必须有
    处理结果 disposition（采纳 / 部分采纳 / 未采纳）：送审材料要附征求意见汇总处理表。"""
    for item, loaded in reviews(ctx):
        record = loaded.record
        if record is None or item.doc.meta.status not in AFTER_CONSULTATION:
            continue
        open_ids = [c.id for c in record.comments if c.disposition is None]
        if open_ids:
            shown = "、".join(open_ids[:5]) + ("等" if len(open_ids) > 5 else "")
            yield rule.diag(
                item.rel,
                f"状态为「{item.doc.meta.status}」，但 {loaded.rel} 中还有 {len(open_ids)} 条意见"
                f"未处理（{shown}）",
                path=("meta", "status"),
                hint="为每条意见填写 disposition 与 response，或把状态改回“征求意见稿”。",
            )


@check(
    "ZB704",
    "disposition-without-reason",
    Severity.ERROR,
    "部分采纳或未采纳的意见没有说明理由",
    "disposition: 未采纳\n# 缺少 response",
)
def disposition_without_reason(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """处理结果为“部分采纳”或“未采纳”的意见必须在 response（处理意见）中说明理由。"""
    for _, loaded in reviews(ctx):
        if loaded.record is None:
            continue
        for i, comment in enumerate(loaded.record.comments):
            if (
                comment.disposition in {"部分采纳", "未采纳"}
                and not (comment.response or "").strip()
            ):
                yield rule.diag(
                    loaded.rel,
                    f"意见 {comment.id} 为「{comment.disposition}」，但没有处理意见 response",
                    path=("comments", i, "disposition"),
                    hint="在 response 中写明不采纳（或只部分采纳）的理由。",
                )


@check(
    "ZB705",
    "vote-missing",
    Severity.ERROR,
    "经过征求意见的标准在报批、发布前没有审查表决记录",
    "status: 报批稿\n# specialty.review.yaml 中没有 vote",
)
def vote_missing(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """审查记录中有征求意见（comments）的标准，状态为报批稿、试行或发布时，审查记录中必须有
    审查会（或函审）的表决 vote：出席人数、赞成、反对、弃权。只记复核确认（confirmations）的
    审查记录（如已发布的课程标准、学校的人才培养方案）不要求表决。"""
    for item, loaded in reviews(ctx):
        if loaded.record is None or item.doc.meta.status not in AFTER_REVIEW:
            continue
        if not loaded.record.comments:
            continue
        if loaded.record.vote is None:
            yield rule.diag(
                item.rel,
                f"状态为「{item.doc.meta.status}」，但 {loaded.rel} 中没有审查表决 vote",
                path=("meta", "status"),
                hint="在审查记录中填写 vote（date、present、approve、against、abstain）。",
            )


@check(
    "ZB706",
    "vote-below-threshold",
    Severity.ERROR,
    "审查表决未达到通过比例",
    "vote: {present: 20, approve: 14, against: 4, abstain: 2}  # 14/20 < 3/4",
)
def vote_below_threshold(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """报批稿、试行、发布的标准，审查表决的赞成票不得少于出席人数乘以通过比例
    （zhibiao.yaml 的 review.vote_threshold，默认 0.75，即四分之三）。"""
    threshold = ctx.config.review.vote_threshold
    for item, loaded in reviews(ctx):
        vote = loaded.record.vote if loaded.record else None
        if vote is None or item.doc.meta.status not in AFTER_REVIEW:
            continue
        if vote.approve < threshold * vote.present - 1e-9:
            yield rule.diag(
                loaded.rel,
                f"赞成 {vote.approve} 票，出席 {vote.present} 人，"
                f"未达到通过比例 {threshold:g}（至少 {_needed(threshold, vote.present)} 票）",
                path=("vote", "approve"),
                hint="未通过审查的标准不能报批或发布；修改后重新审查。",
            )


def _needed(threshold: float, present: int) -> int:
    needed = int(threshold * present)
    return needed if needed >= threshold * present - 1e-9 else needed + 1


@check(
    "ZB707",
    "vote-inconsistent",
    Severity.ERROR,
    "表决票数之和超过出席人数",
    "vote: {present: 20, approve: 18, against: 2, abstain: 1}",
)
def vote_inconsistent(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """赞成、反对、弃权票数之和不得超过出席（参加表决）人数。"""
    for _, loaded in reviews(ctx):
        vote = loaded.record.vote if loaded.record else None
        if vote is not None and vote.approve + vote.against + vote.abstain > vote.present:
            yield rule.diag(
                loaded.rel,
                f"赞成 {vote.approve} + 反对 {vote.against} + 弃权 {vote.abstain} "
                f"= {vote.approve + vote.against + vote.abstain}，超过出席人数 {vote.present}",
                path=("vote", "present"),
            )


@check(
    "ZB708",
    "suspect-link",
    Severity.WARNING,
    "需复核：承载的职业能力已修改",
    "# 基线：text: 能完成数据清洗\n# 本次：text: 能完成数据清洗与特征构造",
)
def suspect_link(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """与基线（`zhibiao check --base REF`）相比，职业能力的描述或要求的学习水平改了时，承载它的
    每一处（课程学习内容、实习任务、实训室、培养规格）都标为“需复核”，直到复核人用
    `zhibiao comments confirm` 在该文件的审查记录中记下当前指纹（描述与水平的散列）。
    不给 --base 时不检查。"""
    if ctx.baseline is None:
        return
    suspects = find_suspects(ctx.corpus, ctx.indexes, ctx.baseline, build_indexes(ctx.baseline))
    confirmed: dict[str, set[tuple[str, str]]] = {}
    for suspect in suspects:
        rel = suspect.source.rel
        if rel not in confirmed:
            path = existing_record(suspect.source.path)
            record = load_review(path, rel).record if path is not None else None
            confirmed[rel] = (
                {(c.ref, c.fingerprint) for c in record.confirmations} if record else set()
            )
        if (suspect.code, suspect.fingerprint) in confirmed[rel]:
            continue
        yield rule.diag(
            rel,
            f"需复核：{suspect.owner} 承载的职业能力 {suspect.code} 已修改（{'；'.join(suspect.changes)}）",
            path=suspect.path,
            hint=f"确认对应关系仍成立后运行 zhibiao comments confirm {suspect.code} "
            f"--specialty {suspect.specialty} --by 姓名。",
        )


@check(
    "ZB709",
    "review-record-orphan",
    Severity.WARNING,
    "审查记录没有对应的标准文件",
    "# courses/zj09.review.yaml，但没有 courses/zj09.yaml",
)
def review_record_orphan(ctx: CheckContext, rule: Rule) -> Iterator[Diagnostic]:
    """审查记录 `X.review.yaml` 应与标准文件 `X.yaml` 在同一目录，其 standard 字段写该文件名；
    标准改名或删除后，审查记录要跟着改名或删除。"""
    homes: dict[Path, Loaded[Any]] = {}
    names = {(item.path.parent, item.path.name) for item in ctx.corpus.documents}
    for item in ctx.corpus.documents:
        homes.setdefault(item.path.parent, item)
    for folder, item in sorted(homes.items()):
        for path in records_in(folder):
            stem = path.name.rsplit(".review.", 1)[0]
            if not any((folder, f"{stem}{ext}") in names for ext in (".yaml", ".yml")):
                yield rule.diag(
                    _review_rel(item, path),
                    f"没有与审查记录对应的标准文件 {stem}.yaml",
                    line=1,
                    column=1,
                    hint="标准改名或删除后，审查记录也要跟着改名或删除。",
                )
    for item, loaded in reviews(ctx):
        if loaded.record is not None and loaded.record.standard != item.path.name:
            yield rule.diag(
                loaded.rel,
                f"standard 为「{loaded.record.standard}」，但审查记录属于 {item.path.name}",
                path=("standard",),
                hint=f"改为 standard: {item.path.name}",
            )


def records_in(folder: Path) -> list[Path]:
    """Review records directly in `folder` (not in its subfolders)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    return [Path(e.path) for e in entries if is_review_file(e.name) and not e.name.startswith(".")]
