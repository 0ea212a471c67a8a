"""The generated check cases: each is the clean base project with a few edits.

This module holds the reading and schema cases and assembles `CASE_LIST` from the others
(`cases_refs.py`, `cases_rules.py`, `cases_config.py`).

See `tests/casegen.py` for the edit types and `tests/test_cases.py` for the expected-line
format. Names start with the stage they exercise; `pass-*` cases must stay clean (or
show only the warnings listed).
"""

from __future__ import annotations

from tests.casegen import (
    BASEF,
    INTERN,
    SP,
    SPEC,
    ZH01,
    ZH03,
    Case,
    Encode,
    Sub,
    Write,
    WriteBytes,
)
from tests.cases_chain import CHAIN_CASES
from tests.cases_config import CONFIG_CASES
from tests.cases_conform import CONFORM_CASES
from tests.cases_levels import LEVEL_CASES
from tests.cases_notgiven import NOT_GIVEN_CASES
from tests.cases_realerrors import REAL_ERROR_CASES
from tests.cases_refs import REF_CASES
from tests.cases_rules import RULE_CASES
from tests.cases_shared import SHARED_CASES
from tests.cases_sourced import SOURCED_CASES

ZH02 = f"{SP}/courses/ZH02.yaml"
ZH05 = f"{SP}/courses/ZH05.yaml"

READING = [
    Case(
        "yaml-mapping-value",
        "值里含有“: ”却没加引号：YAML 语法错误，提示加引号",
        (
            Sub(
                ZH01,
                "requirements: 能使用 Python 爬虫框架采集网页数据，并遵守网站的访问规则。",
                "requirements: 能使用 Python 爬虫框架采集网页数据，注意: 遵守网站的访问规则。",
            ),
        ),
        expected=(
            "ZB001 standards/510209-人工智能技术应用/courses/ZH01.yaml:31:47 | 给整个值加引号",
        ),
    ),
    Case(
        "yaml-tab-indent",
        "用 Tab 缩进：YAML 语法错误，提示改用空格",
        (Sub(ZH03, "\n  title: 深度学习应用开发课程标准", "\n\ttitle: 深度学习应用开发课程标准"),),
        expected=("ZB001 standards/510209-人工智能技术应用/courses/ZH03.yaml:4:1 | Tab",),
    ),
    Case(
        "yaml-unclosed-quote",
        "引号未闭合：YAML 语法错误",
        (Sub(INTERN, '  version: "2025"', '  version: "2025'),),
        expected=(
            "ZB001 standards/510209-人工智能技术应用/internship.yaml:7:13 | 第 5 行的引号似乎没有闭合",
        ),
    ),
    Case(
        "yaml-multiple-documents",
        "一个文件里有两个文档（多了 ---）",
        (
            Sub(
                ZH03,
                "implementation:\n",
                "---\nimplementation:\n",
            ),
        ),
        expected=(
            "ZB001 standards/510209-人工智能技术应用/courses/ZH03.yaml:40:1 | 只能包含一个 YAML 文档",
        ),
    ),
    Case(
        "encoding-gbk",
        "课程标准以 GBK 编码保存：消息写明疑似 GBK",
        (Encode(ZH03, "gbk"),),
        expected=(
            "ZB002 standards/510209-人工智能技术应用/courses/ZH03.yaml:4:10 | 疑似 GBK/GB18030 编码",
        ),
    ),
    Case(
        "encoding-utf16-bom",
        "岗位实习标准以带 BOM 的 UTF-16 保存（Windows 记事本“Unicode”）",
        (Encode(INTERN, "utf-16-le", bom=True),),
        expected=(
            "ZB002 standards/510209-人工智能技术应用/internship.yaml:1:1 | 文件编码为 UTF-16 LE",
        ),
    ),
    Case(
        "encoding-binary",
        "把 Word 文件误存为 .yaml：二进制数据，不崩溃",
        (
            WriteBytes(
                ZH02,
                b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01\x00\x00"
                b" \x05\x00\x00\x13\x00\x08\x02[Content_Types].xml \xa2\x04\x02(\xa0\x00\x02",
            ),
        ),
        expected=("ZB002 standards/510209-人工智能技术应用/courses/ZH02.yaml:1:16 | 二进制数据",),
    ),
    Case(
        "control-character",
        "从网页复制来的文本里夹着不可见的控制字符（U+0008）",
        (Sub(ZH01, "掌握常见数据格式", "掌握常见\x08数据格式"),),
        expected=("ZB012 standards/510209-人工智能技术应用/courses/ZH01.yaml:22:26 | U+0008",),
    ),
    Case(
        "control-escape",
        "双引号里用转义写出垂直制表符（\\x0b）：与直接写入一样拒绝，消息写明字符与字段",
        (
            Sub(
                ZH01,
                "text: 掌握常见数据格式、数据采集方法和标注规范。",
                'text: "掌握常见\\x0b数据格式。"',
            ),
        ),
        expected=("ZB014 standards/510209-人工智能技术应用/courses/ZH01.yaml:22:22 | U+000B",),
    ),
    Case(
        "yaml-anchor-alias",
        "用锚点和别名复用设备说明：拒绝",
        (
            Sub(BASEF, 'spec: "CPU 8 核及以上', 'spec: &ws "CPU 8 核及以上'),
            Sub(BASEF, "spec: 支持图像、文本、语音标注与多级质检", "spec: *ws"),
        ),
        expected=("ZB003 standards/510209-人工智能技术应用/training-base.yaml:20:31 | 锚点与别名",),
    ),
    Case(
        "yaml-merge-key",
        "用合并键 << 复用实训室的公共字段：拒绝",
        (
            Sub(BASEF, "  - code: R2\n", "  - code: R2\n    <<: {area: 100, stations: 40}\n"),
            Sub(BASEF, "    area: 100\n    stations: 40\n", ""),
        ),
        expected=("ZB003 standards/510209-人工智能技术应用/training-base.yaml:23:5 | 合并键",),
    ),
    Case(
        "yaml-duplicate-key",
        "同一模块写了两次 hours：报告第二处并指出第一处的行号",
        (Sub(ZH01, "    hours: 40\n", "    hours: 40\n    hours: 36\n"),),
        expected=(
            "ZB004 standards/510209-人工智能技术应用/courses/ZH01.yaml:44:5 | 重复的键「hours」（第 43 行已出现）",
        ),
    ),
    Case(
        "yaml-custom-tag",
        "自定义标签 !sum 与 !!python/object：拒绝，不执行",
        (
            Sub(ZH03, "hours: 64\n", "hours: !sum [24, 40]\n"),
            Sub(
                ZH01,
                "audience: 高职专科人工智能技术应用专业二年级学生",
                'audience: !!python/object/apply:os.system ["echo 已执行"]',
            ),
        ),
        expected=(
            "ZB005 standards/510209-人工智能技术应用/courses/ZH01.yaml:16:11 | !!python/object/apply:os.system",
            "ZB005 standards/510209-人工智能技术应用/courses/ZH03.yaml:11:8 | !sum",
        ),
    ),
    Case(
        "empty-file",
        "空文件与只有注释的文件",
        (
            Write(ZH02, ""),
            Write(
                ZH05,
                "# yaml-language-server: $schema=../../../../../../schemas/course.schema.json\n",
            ),
        ),
        expected=(
            "ZB006 standards/510209-人工智能技术应用/courses/ZH02.yaml:1:1",
            "ZB006 standards/510209-人工智能技术应用/courses/ZH05.yaml:1:1 | 只有注释",
        ),
    ),
    Case(
        "not-a-standard",
        "kind 拼错、缺少 kind、顶层是列表",
        (
            Sub(ZH03, "kind: course", "kind: courses"),
            Sub(INTERN, "kind: internship\n", ""),
            Write(
                ZH02,
                "- {code: M1, name: 机器学习基础, hours: 32}\n- {code: M2, name: 模型评估, hours: 32}\n",
            ),
        ),
        expected=(
            "ZB010 standards/510209-人工智能技术应用/courses/ZH02.yaml:1:1 | 顶层必须是映射",
            "ZB010 standards/510209-人工智能技术应用/courses/ZH03.yaml:2:7 | 是否应为「course」",
            "ZB010 standards/510209-人工智能技术应用/internship.yaml:2:1 | 缺少 kind 字段",
        ),
    ),
    Case(
        "path-escape",
        "课程标准路径指向标准目录之外（../../../../etc/passwd）",
        (Sub(SPEC, "standard: courses/ZH03.yaml", "standard: ../../../../etc/passwd"),),
        expected=(
            "ZB013 standards/510209-人工智能技术应用/specialty.yaml:52:135 | ../../../../etc/passwd",
        ),
    ),
    Case(
        "pass-utf8-bom",
        "带 BOM 的 UTF-8 与 CRLF 行尾都接受",
        (Encode(SPEC, bom=True), Encode(ZH03, crlf=True)),
        expected=(),
    ),
    Case(
        "crlf-positions",
        "CRLF 行尾的文件中，行列号仍然正确",
        (
            Sub(ZH03, "  - {name: 项目答辩, weight: 50}", "  - {name: 项目答辩, weight: 40}"),
            Encode(ZH03, crlf=True),
            Sub(
                INTERN,
                '    weeks: 12\n    competencies:\n      - {ref: "2-2-1"',
                '    weeks: 十二\n    competencies:\n      - {ref: "2-2-1"',
            ),
            Encode(INTERN, crlf=True),
        ),
        expected=(
            "ZB409 standards/510209-人工智能技术应用/courses/ZH03.yaml:43:1 | 权重之和为 90",
            "ZB101 standards/510209-人工智能技术应用/internship.yaml:32:12 | 实际为「十二」",
        ),
    ),
]

SCHEMA = [
    Case(
        "schema-wrong-type",
        "学时写成汉字、课程性质写错、权重为负",
        (
            Sub(ZH01, "hours: 64\n", "hours: 六十四\n"),
            Sub(ZH01, "nature: 专业核心", "nature: 核心课"),
            Sub(ZH03, "{name: 过程考核, weight: 50}", "{name: 过程考核, weight: -50}"),
        ),
        expected=(
            "ZB101 standards/510209-人工智能技术应用/courses/ZH01.yaml:10:9 | 是否应为「专业核心」",
            "ZB101 standards/510209-人工智能技术应用/courses/ZH01.yaml:11:8 | 「hours」（学时）应为整数，实际为「六十四」",
            "ZB101 standards/510209-人工智能技术应用/courses/ZH03.yaml:44:26 | 应 ≥ 0，实际为 -50",
        ),
    ),
    Case(
        "unquoted-code",
        "编码没加引号被读成数字：提示按原样加引号，060103 的前导零会丢失",
        (
            Sub(SPEC, '\ncode: "510209"', "\ncode: 510209"),
            Sub(SPEC, "{code: GB01, name: 思想道德与法治", "{code: 060103, name: 思想道德与法治"),
        ),
        expected=(
            'ZB102 standards/510209-人工智能技术应用/specialty.yaml:9:7 | 写成 "510209"',
            'ZB102 standards/510209-人工智能技术应用/specialty.yaml:32:12 | 写成 "060103"；不加引号时前导零会丢失',
        ),
    ),
    Case(
        "unknown-field",
        "字段名拼错：提示最接近的字段名",
        (
            Sub(ZH03, "prerequisites: [ZJ01, ZH01, ZH02]", "prerequisite: [ZJ01, ZH01, ZH02]"),
            Sub(INTERN, "  supervisors:", "  supervisor:"),
        ),
        expected=(
            "ZB103 standards/510209-人工智能技术应用/courses/ZH03.yaml:16:1 | 是否应为「prerequisites」",
            "ZB103 standards/510209-人工智能技术应用/internship.yaml:18:3 | 是否应为「supervisors」？该字段是必填的。",
        ),
    ),
    Case(
        "missing-field",
        "缺少必填字段：顶层与列表项中各缺一个",
        (
            Sub(
                INTERN,
                "management: 学校、企业和学生签订三方实习协议",
                "# management: 学校、企业和学生签订三方实习协议",
            ),
            Sub(ZH01, "        name: 数据清洗\n", ""),
        ),
        expected=(
            "ZB104 standards/510209-人工智能技术应用/courses/ZH01.yaml:35:9 | 缺少必填字段「name」（内容名称）",
            "ZB104 standards/510209-人工智能技术应用/internship.yaml:2:1 | 缺少必填字段「management」（实习管理与安全）",
        ),
    ),
]

CASE_LIST: list[Case] = [
    *READING,
    *SCHEMA,
    *REF_CASES,
    *RULE_CASES,
    *CONFIG_CASES,
    *CONFORM_CASES,
    *SOURCED_CASES,
    *NOT_GIVEN_CASES,
    *REAL_ERROR_CASES,
    *LEVEL_CASES,
    *CHAIN_CASES,
    *SHARED_CASES,
]
