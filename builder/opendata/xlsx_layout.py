"""The spreadsheet layout shared by `export xlsx` and `import xlsx` (documented in docs/opendata.md)."""

from __future__ import annotations

META_SHEET = "文件信息"
COMPETENCY_SHEET = "职业能力清单"
PLAN_SHEET = "课程设置"
MATRIX_SHEET = "能力课程矩阵"

DOMAIN = "工作领域"
TASK = "工作任务"
COMPETENCY = "职业能力"
LEVEL = "学习水平"
TYPE = "类型"
CODE = "能力编码"
TASK_CODE = "任务编码"
DOMAIN_CODE = "领域编码"
TASK_NOTE = "任务说明"
DOMAIN_NOTE = "领域说明"
BUILDS_ON = "衔接的下一层次能力"
"""builds_on as `专业代码:能力编码`, several separated by 「；」 (e.g. 730701:4-2-1；730701:4-2-2)."""
DOMAIN_SCOPE = "编码范围（表）"
"""Domain.scope: the table whose numbering the domain's codes belong to (e.g. 五级/初级工)."""
SCOPE = "编码范围（列）"
"""Competency.scope: the column whose numbering the competency's code belongs to (e.g. 技能要求)."""

REQUIRED = (DOMAIN, TASK, COMPETENCY, LEVEL)
"""Columns every competency sheet must have (in this order when written by hand)."""
OPTIONAL = (
    TYPE,
    CODE,
    TASK_CODE,
    DOMAIN_CODE,
    TASK_NOTE,
    DOMAIN_NOTE,
    BUILDS_ON,
    DOMAIN_SCOPE,
    SCOPE,
)
"""Columns the importer also understands; found by header text, in any order."""
COMPETENCY_COLUMNS = REQUIRED + OPTIONAL
PRINTED = 6
"""The export prints the first six columns; codes of tasks/domains and notes are data only."""

META_FIELDS = {
    "专业代码": "specialty",
    "专业名称": "specialty_name",
    "层次": "education_level",
    "文件名称": "title",
    "标准编号": "standard_no",
    "版本": "version",
    "状态": "status",
    "水平词表": "levels",
}
"""Labels of the 文件信息 sheet (column A) → meaning; values are in column B."""


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
