"""Diagnostic codes of `zhibiao import docx --new` (ZB860–ZB865: a published standard brought in).

A 专业教学标准 in the national layout that Zhibiao did not write has no marks; each element is
found by its chapter heading, table label or column header. The diagnostics name the place
in the Word file as ``标准.docx:段12`` (the twelfth body paragraph outside tables) or
``标准.docx:表2:行3:列2`` (table, row and cell counted from 1, header rows included).
"""

from __future__ import annotations

from builder.base.diagnostics import Severity
from builder.base.rules import declare

MISSING = declare(
    "ZB860",
    "national-missing",
    Severity.WARNING,
    "原文中没有找到这一项",
    """
    导入已发布的专业教学标准时，按章节标题（「一、概述」「5 职业面向」「（八）课程设置及学时安排」等，
    编号和字体不限）、职业面向表的栏目名和课程表的表头查找各项内容。没有找到的正文、列表写为
    `原文未给出`（见 docs/transcribe.md），可选的数值不写；请核对原文是否确实没有这一项，
    或者标题的写法与常见写法差得太远。
    """,
    "文件中没有「培养目标」一章：objectives 写为 原文未给出",
)
UNREAD = declare(
    "ZB861",
    "national-unread",
    Severity.WARNING,
    "找到了这一项，但读不出其中的值",
    """
    栏目或表格找到了，但内容不符合该项的写法，例如「所属专业大类（代码）」一栏没有括号中的代码，
    学时一栏不是数字，培养规格没有按素质、知识、能力分组而无法确定类型。这一项不导入
    （写为 `原文未给出` 或不写），不猜测；请在 YAML 中按原文补写。
    """,
    "表1:行2:列2：「电子与信息大类」没有括号中的代码",
)
IGNORED = declare(
    "ZB862",
    "national-ignored",
    Severity.INFO,
    "这部分内容不属于模型中的任何一项，未导入",
    """
    章节之外的段落、不认识的表格行和列、小计行，以及模型没有对应字段的说明文字，不写入 YAML。
    消息给出位置和开头的文字，便于核对是否漏掉了需要的内容。
    """,
    "表3:行1:列9：不认识的列「备注」",
)
REQUIRED = declare(
    "ZB863",
    "national-required",
    Severity.ERROR,
    "必填的一项原文中没有，无法写成有效的标准",
    """
    专业代码、专业名称、层次、基本修业年限、所属专业大类和专业类、文件名称、版本和状态是模型必填、
    又不能写 `原文未给出` 的值。原文中找不到时不编造，也不写入任何文件；版本和状态可以用
    `--version`、`--status` 给出（它们常常只在公布通知中），其余请核对原文。
    """,
    "没有找到「专业名称（专业代码）」一章中的专业代码",
)
INVALID = declare(
    "ZB864",
    "national-invalid",
    Severity.ERROR,
    "读出的内容不符合专业教学标准的模式",
    """
    从原文读出的内容组成的 YAML 没有通过数据模型的校验（例如学时超出 0～10000、编码含有空格）。消息给出模型的原话；这时不写入任何文件。
    """,
    "courses[3].hours：应为 0～10000 的整数",
)
ASSIGNED = declare(
    "ZB865",
    "national-assigned",
    Severity.INFO,
    "原文没有编码，按编号规则自拟",
    """
    模型要求每门课程、每条培养规格有编码，国家标准的原文往往没有。导入时按课程性质
    （公共基础 GG、专业基础 ZJ、专业核心 ZH、专业拓展 ZT、实践 SJ）或规格类型（素质 Q、知识 K、能力 A）
    加两位序号自拟，消息列出所给的编码；它们不是原文的内容，统计恢复率时不算作读出的值。
    """,
    "课程没有编码：按课程性质自拟 GG01～GG12、ZH01～ZH07",
)
