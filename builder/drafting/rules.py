"""Diagnostic codes of `zhibiao import docx` (ZB851–ZB859: reading a Word working copy back).

Each diagnostic names the place in the Word file as its file: ``填写稿.docx:表3:行5:列2``
(the third table of the file, counting every table; rows and columns from 1, the header
row included) or ``填写稿.docx:段12`` (the twelfth paragraph of the body outside tables).
The same diagnostics are written as Word comments at that place into a copy of the file
(``…-意见.docx``).
"""

from __future__ import annotations

from builder.base.diagnostics import Severity
from builder.base.rules import declare

NOT_WORKING_COPY = declare(
    "ZB851",
    "docx-not-working-copy",
    Severity.ERROR,
    "不是可导入的填写稿",
    """
    `zhibiao import docx` 只读取 `zhibiao export docx --editable` 生成的填写稿（或它经 Word、WPS、
    LibreOffice 另存的文件）：文件属性「备注」中记着它来自哪个标准文件，正文中每项内容带内容控件和书签。
    普通导出的 Word 文件、删去了这些标记的文件，或它所指的标准文件不在当前项目中时，无法导入。
    """,
    "zhibiao import docx 510209-专业教学标准.docx   # 普通导出，不是填写稿",
)
VALUE = declare(
    "ZB852",
    "docx-value",
    Severity.ERROR,
    "填写的内容不符合该项的格式",
    """
    学时、学分、周数、数量等须填数字，未给出时填「—」；开设学期写作「3」「3、4」或「1–4」；
    类型、课程性质、建设要求等只能取规定的词（消息中列出可选值）。
    """,
    "| 学时 | 三十六 |   # 应为 36",
)
INVALID = declare(
    "ZB853",
    "docx-invalid",
    Severity.ERROR,
    "改动后的标准不符合模式",
    """
    把填写稿的改动写回后，标准文件必须仍符合数据模型：必填项不能清空，数值在允许的范围内，
    新增的一项须有全部必填内容（新增的实训室还需要主要功能和设备，请在 YAML 中补充或告诉秘书处）。
    消息给出模型的原话；这时不写入任何内容。
    """,
    "| 职业能力 | (清空) |",
)
ADDED = declare(
    "ZB854",
    "docx-added",
    Severity.INFO,
    "新增了一项",
    """
    表格中复制或插入的一行（或复制的一个列表段落）成为新的一项，写在它上一项之后。
    编码留空或与已有编码相同时，按同一列表的编号规则给出下一个编码（如 1-2-3 之后为 1-2-4，
    ZH05 之后为 ZH06），消息写明所给的编码。
    """,
    "新增职业能力 1-2-4（由第 5 行复制）",
)
REMOVED = declare(
    "ZB855",
    "docx-removed",
    Severity.INFO,
    "删除了一项",
    "表格中删去的行（或删去的列表段落）所代表的一项从标准文件中删除；删除以修订方式标记的也算删除。",
    "删除课程 ZH07",
)
CONFLICT = declare(
    "ZB856",
    "docx-conflict",
    Severity.ERROR,
    "同一项内容在两处改得不一样",
    """
    有些内容在文件中出现不止一次（如课程名称既在课程设置表中，又在学时安排表中）。
    各处改成了不同的文字时，无法判断以哪一处为准，此项不导入，请把各处改成一致。
    """,
    "表5 写「机器学习」，表6 写「机器学习基础」",
)
IGNORED = declare(
    "ZB857",
    "docx-ignored",
    Severity.WARNING,
    "这处改动无法导入",
    """
    填写稿中只有对应标准数据的内容会被导入。章节标题、编号、由数据生成的说明文字和合计行，
    以及新写的、不属于任何一项的段落，导入时被忽略；格式被改得无法分辨各项（如删去了编码与名称之间的空格）
    时，此处也不导入。请把这些内容写进相应的表格或条目，或告诉秘书处。
    """,
    "在「培养目标」一章末尾新加了一段说明",
)
STALE = declare(
    "ZB858",
    "docx-stale",
    Severity.ERROR,
    "标准文件在导出填写稿之后已被修改",
    """
    填写稿记着它导出时标准文件的指纹（SHA-256）。文件此后又被改过时，直接导入可能把别人的改动改回去，
    所以不写入；请重新导出填写稿，或在核对后用 --force 导入（以填写稿为准）。
    """,
    "zhibiao import docx 填写稿.docx --write --force",
)
UNWRITABLE = declare(
    "ZB859",
    "docx-yaml",
    Severity.ERROR,
    "无法在保留注释的前提下写回标准文件",
    """
    改动通过 `zhibiao fmt` 使用的写入器写回，保留注释和键的顺序；写回后会重新读取，确认只有导入的内容变了。
    标准文件有 fmt 无法保持含义的写法时，不写入，消息指出原因。
    """,
    "standards/510209-人工智能技术应用/specialty.yaml：值前有 Tab",
)
