"""Diagnostic codes of `zhibiao import xlsx` bringing an edited workbook back (ZB808–ZB818).

Each names the workbook as its file, the row as its line, the column number as its column,
and starts its message with 「工作表「…」第 N 行 X 列」 (docs/opendata.md).
"""

from __future__ import annotations

from builder.base.diagnostics import Severity
from builder.base.rules import declare

CHANGED = declare(
    "ZB808",
    "xlsx-yaml-changed",
    Severity.ERROR,
    "导出工作簿之后 YAML 文件已被修改",
    """
    工作簿的隐藏工作表「_zhibiao」记录了导出时每个文件的摘要。文件此后在仓库中又有修改（例如合并了别人的改动）时，
    工作簿中的行号可能已对不上，导入会拒绝，以免覆盖别人的修改。请重新导出、把修改抄到新工作簿中再导入；
    确认工作簿中的内容应当覆盖时加 --force。
    """,
    "zhibiao import xlsx 510209-人工智能技术应用.xlsx --force",
)
MISSING_SHEET = declare(
    "ZB809",
    "xlsx-sheet-missing",
    Severity.WARNING,
    "工作簿缺少某个表格的工作表，其内容未导入",
    """
    工作表按隐藏键列的表头（`zhibiao:<表格>`）识别，改了名的工作表仍能找到；删除了工作表（或它的键列）时，
    对应的表格保持原样，不当作“全部删除”，并给出此警告。
    """,
    "（删除了「实训设备」工作表）",
)
MISSING_COLUMN = declare(
    "ZB810",
    "xlsx-column-missing",
    Severity.WARNING,
    "工作表缺少某一列，这一列未导入",
    """
    列按表头文字识别，顺序不限。缺少的列（被删除或改了表头）不当作清空：原有的值保持不变，
    新增的行在这一列上没有值（必填列则报 ZB813）。
    """,
    "（把表头「学时」改成了「课时」）",
)
BAD_KEY = declare(
    "ZB811",
    "xlsx-key",
    Severity.ERROR,
    "隐藏键列的内容不对应任何行",
    """
    隐藏的键列（表头 `zhibiao:<表格>`）记录每一行在 YAML 中的位置，请勿修改。新增的行键列留空即可；
    复制整行得到的重复键当作新增的行。
    """,
    "courses/zh01.yaml#modules/9",
)
BAD_VALUE = declare(
    "ZB812",
    "xlsx-cell-value",
    Severity.ERROR,
    "单元格的值不符合这一列的类型",
    """
    学时、数量、周数为整数，学分、面积、权重为数字，类型、性质、建设要求等须取列出的值之一，
    对应职业能力每行写一项「能力编码：学习水平」，开设学期用顿号分隔。单元格是数字还是文本都可以。
    """,
    "| 学时 | 七十二 |",
)
REQUIRED = declare(
    "ZB813",
    "xlsx-required",
    Severity.ERROR,
    "必填的单元格为空",
    "模型中必填的字段（如课程代码、课程名称、设备名称、主要功能及技术要求）不能留空。",
    "| 设备名称 | (空) |",
)
FORMULA = declare(
    "ZB814",
    "xlsx-formula",
    Severity.ERROR,
    "单元格是没有计算结果的公式",
    """
    导入从不执行公式：有计算结果（在 Excel、WPS、LibreOffice 中保存过）的公式取其结果，作为普通值写入；
    没有保存计算结果的公式无法读取，请在表格软件中重新计算并保存，或直接填写数值。
    """,
    "| 学时 | =SUM(F5:G5) |",
)
PARENT = declare(
    "ZB815",
    "xlsx-parent",
    Severity.ERROR,
    "行所属的课程、模块或实训室找不到，或被改动",
    """
    学习内容按「课程代码」「模块编号」、实训设备按「实训室编号」归属。新增的行须写明已有的（或同时新增的）
    课程、模块或实训室；已有的行不能靠改这一列移到别处：删除它，再在目标处新增一行。
    """,
    "| ZH01 | M9 | … |   # 没有模块 M9",
)
DUPLICATE = declare(
    "ZB816",
    "xlsx-duplicate-code",
    Severity.ERROR,
    "同一列表中编码重复",
    "同一列表（同一课程的模块、同一模块的学习内容、实训室……）中的编码必须唯一；新增的行编码留空时按已有编码的规律自动编号。",
    "| R3 | … |\n| R3 | … |",
)
INVALID = declare(
    "ZB817",
    "xlsx-invalid",
    Severity.ERROR,
    "修改后的标准文件不符合模式",
    "把工作簿的修改写入 YAML 后用项目的模型校验；不通过时（如列表变空、数值超出范围）报告到对应的单元格，不写入任何文件。",
    "| 学时 | 20000 |   # 超过 10000",
)
MISSING_FILE = declare(
    "ZB818",
    "xlsx-file-missing",
    Severity.ERROR,
    "工作簿记录的标准文件在项目中不存在",
    "工作簿导出后文件被移动、改名或删除。请重新导出工作簿，或用 --force 跳过这些文件中的行。",
    "courses/zh09.yaml",
)
