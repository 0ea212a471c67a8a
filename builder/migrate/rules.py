"""Codes of `zhibiao migrate` and of `check` naming the upgrade (ZB016, ZB017)."""

from __future__ import annotations

from builder.base.diagnostics import Severity
from builder.base.rules import declare

OLD_SHAPE = declare(
    "ZB016",
    "old-shape",
    Severity.WARNING,
    "旧版格式，运行 zhibiao migrate 升级",
    """
    文件按较早的模型写成（模型 v1、v2 的转录约定）：原文没有的内容写成“待补充”并加注释“# 原文未给出”，
    旧模型强制填写的数值（面积 1、学时 0、学期 [1]）和占位行（`{name: 待补充, …, quantity: 1}`）。
    今天它们写作 原文未给出，或干脆不写（docs/transcribe.md）。`zhibiao check` 在此文件第一处旧写法上报这一条，
    并把它所解释的“待补充”提示（ZB605）合并进来，不再逐处列出；其余问题照常报告。运行
    `zhibiao migrate 文件` 查看改动（统一差异格式），`zhibiao migrate --write 文件` 写入；见 docs/migrate.md。
    """,
    "scope: 待补充  # 原文未给出\nclass_size: 1  # 原文未给出：模型要求 1～200",
)
UNDECIDED = declare(
    "ZB017",
    "migrate-undecided",
    Severity.WARNING,
    "migrate 无法判断原意，未改动",
    """
    `zhibiao migrate` 只在含义确定时改写：标注“# 原文未给出”的占位条目与原文条目混在同一个列表里
    （可能是节选）、名称仍为“待补充”、或当前模型仍要求填写的值，它不改动，只报告这一条，请按原文手工处理。
    """,
    "certificates:\n  - 计算机技术与软件专业技术资格\n  - 待补充  # 原文未给出",
)
