"""Diagnostic codes of `zhibiao import xlsx` (ZB8xx: importing spreadsheets).

Each diagnostic names the workbook as its file, the row as its line and the column
number as its column; the message starts with 「工作表「…」第 N 行 X 列」.
"""

from __future__ import annotations

from builder.base.diagnostics import Severity
from builder.base.rules import declare

SHEET = declare(
    "ZB801",
    "xlsx-sheet",
    Severity.ERROR,
    "找不到职业能力清单工作表",
    """
    导入时默认读取名为「职业能力清单」的工作表；没有时，读取第一个含有表头
    「工作领域｜工作任务｜职业能力｜学习水平」的工作表。可用 --sheet 指定工作表名。
    """,
    "zhibiao import xlsx 清单.xlsx --sheet Sheet1 -o standards/510209-人工智能技术应用/competencies.yaml",
)
HEADER = declare(
    "ZB802",
    "xlsx-header",
    Severity.ERROR,
    "表头缺少必需的列",
    """
    表头行（前 10 行中第一个含「工作领域」的行）必须含有「工作领域」「工作任务」「职业能力」「学习水平」四列；
    「类型」「能力编码」「任务编码」「领域编码」「任务说明」「领域说明」「衔接的下一层次能力」可选。列按表头文字识别，顺序不限。
    """,
    "工作领域 | 工作任务 | 职业能力 | 学习水平",
)
EMPTY = declare(
    "ZB803",
    "xlsx-empty-cell",
    Severity.ERROR,
    "必填单元格为空",
    """
    每个数据行都要有职业能力描述和学习水平。工作领域、工作任务留空表示与上一行相同
    （合并单元格即是如此），但第一个数据行必须写明。
    """,
    "| 数据采集与处理 | 数据采集 |  (空) | 掌握 |",
)
LEVEL = declare(
    "ZB804",
    "xlsx-level",
    Severity.ERROR,
    "学习水平不在配置的词表中",
    "学习水平必须是 zhibiao.yaml 中 learning_levels 的取值之一（默认：了解、理解、掌握、运用）。",
    "| … | 精通 |   # 不在词表中",
)
TYPE = declare(
    "ZB805",
    "xlsx-type",
    Severity.ERROR,
    "类型不是素质、知识或能力",
    "「类型」列可留空（默认为能力）；填写时只能是素质、知识或能力。",
    "| … | 技能 |   # 应为 能力",
)
STRUCTURE = declare(
    "ZB806",
    "xlsx-structure",
    Severity.ERROR,
    "编码重复或同一领域/任务的行不连续",
    """
    能力编码、任务编码和领域编码在清单中必须唯一；同一工作领域（或工作任务）的各行必须相邻，
    不能在表中间隔出现，否则无法还原「工作领域 → 工作任务 → 职业能力」的层级。
    """,
    "第 3 行「数据采集」… 第 9 行又出现「数据采集」",
)
META = declare(
    "ZB807",
    "xlsx-meta",
    Severity.ERROR,
    "缺少或无效的文件信息",
    """
    职业能力清单需要专业代码、版本和状态。导入时依次取命令行选项（--specialty、--version、--title）、
    「文件信息」工作表（A 列项目，B 列内容），以及输出路径中的专业目录名（如 510209-人工智能技术应用）。
    状态默认为「草案」。
    """,
    "| 专业代码 | 510209 |\n| 版本 | 2025 |",
)
UNPRINTABLE = declare(
    "ZB015",
    "xlsx-control-character",
    Severity.ERROR,
    "单元格含有不允许的字符",
    """
    工作簿单元格中含有 YAML 文件不允许的字符：XML 1.0 允许、YAML 不允许的 C1 控制字符（U+0080–U+009F，
    U+0085 除外）和 DEL（U+007F），常见于从其他系统导出的数据。导入会拒绝，消息写明单元格和字符（U+XXXX），
    以免写出 `zhibiao check` 拒绝（ZB012/ZB014）的标准文件。
    """,
    "| 数据采集 | 能采集\\u0080数据。 | 掌握 |",
)


BUILDS_ON = declare(
    "ZB938",
    "xlsx-builds-on",
    Severity.ERROR,
    "「衔接的下一层次能力」写法不对",
    """
    「衔接的下一层次能力」列可留空；填写时每项写 专业代码:能力编码（如 730701:4-2-1），
    多项之间用「；」分隔，导入为职业能力的 builds_on。
    """,
    "| … | 730701-4-2-1 |   # 应为 730701:4-2-1",
)
