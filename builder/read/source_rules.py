"""Codes of the reading stage (ZB0xx): encoding, YAML syntax and YAML features we refuse."""

from __future__ import annotations

from builder.base.diagnostics import Severity
from builder.base.rules import declare

declare(
    "ZB001",
    "yaml-syntax",
    Severity.ERROR,
    "YAML 语法错误",
    """
    文件不是合法的 YAML：缩进不一致、用了 Tab 缩进、冒号或引号缺失、一个文件里有多个文档等。
    位置指向解析器停下的地方，问题往往在它的上一行。
    """,
    "name: 机械制图\n\thours: 64   # Tab 缩进",
)
declare(
    "ZB002",
    "encoding",
    Severity.ERROR,
    "文件不是 UTF-8 编码",
    """
    标准文件必须是 UTF-8 编码（可带或不带 BOM）。GBK/GB18030、UTF-16 文件会被拒绝，消息中写明疑似的编码。
    用编辑器“另存为 UTF-8”，或 `iconv -f GBK -t UTF-8 旧.yaml > 新.yaml`。
    """,
)
declare(
    "ZB003",
    "alias",
    Severity.ERROR,
    "不允许锚点、别名和合并键",
    """
    YAML 的锚点（&）、别名（*）和合并键（<<）会让一处修改悄悄影响多处，也可被用来构造“十亿笑声”
    式的膨胀攻击。标准文件中请直接写出内容。
    """,
    "base: &b {hours: 64}\ncourse: *b",
)
declare(
    "ZB004",
    "duplicate-key",
    Severity.ERROR,
    "重复的键",
    "同一个映射中出现两次相同的键时，YAML 会静默保留其中一个值。请删除或合并。",
    "hours: 64\nhours: 72",
)
declare(
    "ZB005",
    "custom-tag",
    Severity.ERROR,
    "不允许自定义标签",
    "标准文件只用普通的映射、列表和标量；`!tag` 与 `!!python/...` 等标签会被拒绝。",
    "hours: !calc 32+32",
)
declare(
    "ZB007",
    "file-too-large",
    Severity.ERROR,
    "文件过大",
    "单个标准文件超过 5 MB 时拒绝读取，以免误提交的数据文件拖垮检查和构建。",
)
declare(
    "ZB008",
    "too-deep",
    Severity.ERROR,
    "嵌套层级过深",
    "嵌套层级超过 100 层的文件会被拒绝（过深的嵌套会拖垮解析器）；正常的标准文件不超过十几层。",
)
declare(
    "ZB012",
    "control-character",
    Severity.ERROR,
    "包含控制字符",
    "文件中含有 YAML 不允许的不可见控制字符（常见于从 Word 或网页复制的文本），请删除。",
)
declare(
    "ZB014",
    "escaped-control-character",
    Severity.ERROR,
    "转义写出了不允许的字符",
    """
    双引号字符串中的转义（`"\\x0b"`、`"\\e"`、`"\\0"`、`"\\uFFFE"`、`"\\ud800"` 等）写出了 YAML 不允许直接出现在
    文件中的字符：除 Tab、换行、回车以外的控制字符、U+FFFE/U+FFFF、UTF-16 代理项。Word 和 Excel（XML 1.0）
    无法保存这些字符，所以与直接写入时（ZB012）一样拒绝。消息写明字符（U+XXXX）和所在字段。
    Tab（`\\t`）、换行（`\\n`）和回车（`\\r`）是普通文本，所有输出都原样保留。
    """,
    'name: "机械制图\\x0b"',
)
