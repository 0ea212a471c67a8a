"""Generated cases for the numeric, code-system and lifecycle rules, severities and config.

Each case is the clean base project with a few edits (see `tests/casegen.py`).
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
    Rename,
    Sub,
    SubAll,
)

NUMERIC = [
    Case(
        "numeric-total-hours",
        "岗位实习从 600 学时减到 480 学时后，总学时 2464 低于高职专科的 2500",
        (
            Sub(
                SPEC,
                "hours: 600, theory_hours: 0, practice_hours: 600",
                "hours: 480, theory_hours: 0, practice_hours: 480",
            ),
            Sub(SPEC, "totals: {hours: 2584,", "totals: {hours: 2464,"),
        ),
        expected=(
            "ZB401 standards/510209-人工智能技术应用/specialty.yaml:31:1 | 总学时为 2464，高职专科要求 ≥ 2500",
        ),
    ),
    Case(
        "numeric-public-share",
        "把“中华优秀传统文化”改成专业拓展课后，公共基础课只占 24.8%",
        (
            Sub(
                SPEC,
                "{code: GB13, name: 中华优秀传统文化, nature: 公共基础",
                "{code: GB13, name: 中华优秀传统文化, nature: 专业拓展",
            ),
        ),
        expected=(
            "ZB402 standards/510209-人工智能技术应用/specialty.yaml:31:1 | 公共基础课学时占总学时 24.8%，高职专科要求 ≥ 25%",
        ),
    ),
    Case(
        "numeric-elective-share",
        "两门专业拓展课改为必修后，选修课只占 7.4%",
        (
            Sub(
                SPEC,
                "credits: 4, semesters: [5], elective: true}\n  - {code: ZT02",
                "credits: 4, semesters: [5]}\n  - {code: ZT02",
            ),
            Sub(
                SPEC,
                "credits: 4, semesters: [5], elective: true}\n  - {code: ZT03",
                "credits: 4, semesters: [5]}\n  - {code: ZT03",
            ),
        ),
        expected=(
            "ZB403 standards/510209-人工智能技术应用/specialty.yaml:31:1 | 选修课学时占总学时 7.4%，高职专科要求 ≥ 10%",
        ),
    ),
    Case(
        "numeric-practice-share",
        "行业要求实践学时不低于 65%（zhibiao.yaml 按层次覆盖默认的 50%），本专业为 64.1%",
        (),
        config=(
            "# 本行业对高职专科的要求高于教职成〔2019〕13号：实践性教学学时不低于 65%。\n"
            "# 只写要改的规则，其余规则沿用默认值。\n"
            "numeric_rules:\n"
            "  levels:\n"
            "    高职专科:\n"
            "      practice_share: {min: 0.65}\n"
        ),
        expected=(
            "ZB404 standards/510209-人工智能技术应用/specialty.yaml:31:1 | 实践性教学学时占总学时 64.1%，高职专科要求 ≥ 65%",
        ),
    ),
    Case(
        "pass-numeric-rule-off",
        "只有 5 门专业核心课，但 zhibiao.yaml 用 null 关闭了核心课门数规则；其余规则照常生效",
        (
            Sub(
                SPEC,
                "{code: ZH06, name: 人工智能模型部署与运维, nature: 专业核心",
                "{code: ZH06, name: 人工智能模型部署与运维, nature: 专业拓展",
            ),
        ),
        config="numeric_rules:\n  levels:\n    高职专科:\n      core_courses: null\n",
        expected=(),
    ),
    Case(
        "numeric-hours-per-credit",
        "高等数学 64 学时只记 3 学分（每学分 21.3 学时）",
        (
            Sub(
                SPEC,
                "{code: GB06, name: 高等数学, nature: 公共基础, hours: 64, theory_hours: 64, practice_hours: 0, credits: 4",
                "{code: GB06, name: 高等数学, nature: 公共基础, hours: 64, theory_hours: 64, practice_hours: 0, credits: 3",
            ),
            Sub(SPEC, "credits: 137}", "credits: 136}"),
        ),
        expected=(
            "ZB405 standards/510209-人工智能技术应用/specialty.yaml:37:101 warning | 折合每学分 21.3 学时，应为 16–18",
        ),
    ),
    Case(
        "numeric-core-count",
        "专业核心课只有 5 门（默认 6–8 门）",
        (
            Sub(
                SPEC,
                "{code: ZH06, name: 人工智能模型部署与运维, nature: 专业核心",
                "{code: ZH06, name: 人工智能模型部署与运维, nature: 专业拓展",
            ),
        ),
        expected=(
            "ZB406 standards/510209-人工智能技术应用/specialty.yaml:31:1 warning | 专业核心课程 5 门，应为 6–8 门",
        ),
    ),
    Case(
        "numeric-internship-length",
        "岗位实习只安排 3 个月（默认 5–7 个月）",
        (
            Sub(
                INTERN,
                "{type: 岗位实习, semesters: [6], months: 6}",
                "{type: 岗位实习, semesters: [6], months: 3}",
            ),
        ),
        expected=(
            "ZB407 standards/510209-人工智能技术应用/internship.yaml:12:1 warning | 岗位实习共约 3.0 个月，应为 5–7 个月",
        ),
    ),
    Case(
        "pass-internship-weeks",
        "岗位实习只写周数 26 周（按 52/12 周折合 1 个月约 6 个月）：通过",
        (
            Sub(
                INTERN,
                "{type: 岗位实习, semesters: [6], months: 6}",
                "{type: 岗位实习, semesters: [6], weeks: 26}",
            ),
        ),
        expected=(),
    ),
    Case(
        "numeric-sum-mismatch",
        "理论 + 实践 ≠ 学时、声明的总学分与合计不符、模块学时之和与课程学时不符",
        (
            Sub(
                SPEC,
                "{code: GB08, name: 信息技术, nature: 公共基础, hours: 64, theory_hours: 32, practice_hours: 32",
                "{code: GB08, name: 信息技术, nature: 公共基础, hours: 64, theory_hours: 32, practice_hours: 30",
            ),
            Sub(SPEC, "credits: 137}", "credits: 138}"),
            Sub(
                ZH01,
                "    name: 数据采集与清洗\n    hours: 24\n",
                "    name: 数据采集与清洗\n    hours: 20\n",
            ),
        ),
        expected=(
            "ZB408 standards/510209-人工智能技术应用/courses/ZH01.yaml:24:1 | 各模块学时之和为 60，课程学时为 64",
            "ZB408 standards/510209-人工智能技术应用/courses/ZH01.yaml:27:12 | 模块 M1 的内容学时之和为 24，模块学时为 20",
            "ZB408 standards/510209-人工智能技术应用/specialty.yaml:39:51 | 学时 64 ≠ 理论 32 + 实践 30",
            "ZB408 standards/510209-人工智能技术应用/specialty.yaml:65:32 | 声明总学分 138，课程设置合计为 137",
        ),
    ),
    Case(
        "numeric-weights",
        "考核评价权重之和为 90",
        (Sub(ZH03, "  - {name: 项目答辩, weight: 50}", "  - {name: 项目答辩, weight: 40}"),),
        expected=(
            "ZB409 standards/510209-人工智能技术应用/courses/ZH03.yaml:43:1 | 考核评价各项权重之和为 90，应为 100",
        ),
    ),
]

RENAMED = "510299-智能体应用技术"
UNLISTED = (
    SubAll('"510209"', '"510299"'),
    Sub(SPEC, "\nname: 人工智能技术应用\n", "\nname: 智能体应用技术\n"),
    Rename(SP, f"standards/{RENAMED}"),
)
CATALOG_EXTRA = (
    "# 随附的专业目录只是节选；本项目用到的其他专业在此补充。\n"
    "catalog_extra:\n"
    '  - {code: "510299", name: 智能体应用技术, level: 高职专科}\n'
)

CODES = [
    Case(
        "code-format",
        "实训基地建设标准的专业代码少了一位",
        (Sub(BASEF, 'specialty: "510209"', 'specialty: "51029"'),),
        expected=(
            "ZB501 standards/510209-人工智能技术应用/training-base.yaml:7:12 | 专业代码「51029」应为 6 位数字",
            "ZB213 standards/510209-人工智能技术应用/training-base.yaml:7:12 info | 引用与覆盖检查没有运行",
        ),
    ),
    Case(
        "code-level",
        "专业代码 5 开头（高职专科）却写成职业本科；专业类代码不是专业代码的前 4 位",
        (
            Sub(SPEC, "level: 高职专科", "level: 职业本科"),
            Sub(SPEC, 'major_class: {code: "5102"', 'major_class: {code: "5101"'),
        ),
        expected=(
            "ZB502 standards/510209-人工智能技术应用/specialty.yaml:11:8 | 对应「高职专科」，但层次写的是「职业本科」",
            "ZB502 standards/510209-人工智能技术应用/specialty.yaml:17:23 | 专业类代码 5101 应为专业代码的前 4 位 5102",
            "ZB508 standards/510209-人工智能技术应用/specialty.yaml:17:37 | 专业类 5101 写作「计算机类」，专业目录（2021）中为「电子信息类」",
        ),
    ),
    Case(
        "code-unknown",
        "专业代码 510299 不在随附的专业目录中：警告，不影响退出码",
        UNLISTED,
        expected=(
            "ZB503 standards/510299-智能体应用技术/specialty.yaml:9:7 warning | catalog_extra",
        ),
    ),
    Case(
        "pass-catalog-extra",
        "同上，但在 zhibiao.yaml 的 catalog_extra 中补充了该专业：通过",
        UNLISTED,
        config=CATALOG_EXTRA,
        expected=(),
    ),
    Case(
        "code-name-mismatch",
        "专业名称与目录不一致：警告",
        (Sub(SPEC, "\nname: 人工智能技术应用\n", "\nname: 人工智能技术\n"),),
        expected=(
            "ZB503 standards/510209-人工智能技术应用/specialty.yaml:10:7 warning | 与目录中 510209「人工智能技术应用」不一致",
        ),
    ),
    Case(
        "occupation-code",
        "职业编码没有补零（4-4-5-5）：提示 4-04-05-05",
        (
            Sub(
                SPEC,
                '{code: "4-04-05-05", name: 人工智能训练师',
                '{code: "4-4-5-5", name: 人工智能训练师',
            ),
        ),
        expected=(
            "ZB504 standards/510209-人工智能技术应用/specialty.yaml:21:14 | 是否应为「4-04-05-05」",
        ),
    ),
    Case(
        "pass-occupation-minor",
        "职业编码只写到小类（4-04-05，2018 年参考格式）：接受",
        (
            Sub(
                SPEC,
                '{code: "4-04-05-05", name: 人工智能训练师',
                '{code: "4-04-05", name: 人工智能训练师',
            ),
        ),
        expected=(),
    ),
    Case(
        "industry-code",
        "行业代码把门类和大类连写成 I65",
        (
            Sub(
                SPEC,
                '{code: "65", name: 软件和信息技术服务业}',
                '{code: "I65", name: 软件和信息技术服务业}',
            ),
        ),
        expected=("ZB505 standards/510209-人工智能技术应用/specialty.yaml:19:14 | 是否应为「65」",),
    ),
    Case(
        "doc-no-format",
        "发文字号用了方括号、序号编了虚位：提示规范写法",
        (
            Sub(
                SPEC,
                "  status: 征求意见稿\n",
                "  status: 征求意见稿\n  doc_no: 教职成[2025]03号\n  issuer: 教育部\n",
            ),
        ),
        expected=(
            "ZB506 standards/510209-人工智能技术应用/specialty.yaml:7:11 | 是否应为「教职成〔2025〕3号」",
        ),
    ),
]

LIFECYCLE = [
    Case(
        "lifecycle-published-without-number",
        "状态改为“发布”，但没有标准编号和发布日期",
        (Sub(SPEC, "  status: 征求意见稿\n  comment_deadline: 2025-12-31\n", "  status: 发布\n"),),
        expected=(
            "ZB601 standards/510209-人工智能技术应用/specialty.yaml:6:11 | 没有标准编号或发文字号",
            "ZB601 standards/510209-人工智能技术应用/specialty.yaml:6:11 | 没有发布日期 issued_on",
        ),
    ),
    Case(
        "pass-lifecycle-published",
        "已发布（有编号、文号、发文机关和日期）、被代替（有 replaced_by）、废止：通过",
        (
            Sub(
                SPEC,
                "  status: 征求意见稿\n  comment_deadline: 2025-12-31\n",
                "  status: 发布\n  standard_no: T/CIE 101—2025\n  doc_no: 教职成〔2025〕3号\n"
                "  issuer: 教育部\n  issued_on: 2025-09-01\n  effective_on: 2025-09-01\n",
            ),
            Sub(ZH01, "  status: 草案\n", "  status: 被代替\n  replaced_by: T/CIE 102—2026\n"),
            Sub(ZH03, "  status: 草案\n", "  status: 废止\n"),
            Sub(  # retired courses carry nothing (builder/view/retired.py): a room in force does
                BASEF,
                "    courses: [ZH03, ZH06]\n",
                "    courses: [ZH03, ZH06]\n"
                "    competencies:  # 课程 ZH01、ZH03 已废止或被代替，不再承载能力：由现行的实训室承载\n"
                '      - {ref: "1-1-1", level: 掌握}\n'
                '      - {ref: "1-1-2", level: 掌握}\n'
                '      - {ref: "2-1-1", level: 掌握}\n'
                '      - {ref: "2-1-2", level: 理解}\n',
            ),
        ),
        expected=(),
    ),
    Case(
        "lifecycle-replaced",
        "“被代替”却没有 replaced_by；草案却填了 replaced_by",
        (
            Sub(ZH03, "  status: 草案\n", "  status: 被代替\n"),
            Sub(ZH01, "  status: 草案\n", "  status: 草案\n  replaced_by: T/CIE 102—2026\n"),
        ),
        expected=(
            "ZB602 standards/510209-人工智能技术应用/courses/ZH01.yaml:7:16 | 填写了 replaced_by，但状态为「草案」",
            "ZB602 standards/510209-人工智能技术应用/courses/ZH03.yaml:6:11 | 状态为「被代替」，但没有 replaced_by",
            # 被代替的课程不再承载能力（builder/view/retired.py）：只由 ZH03 承载的能力、只支撑它的实训室随之报告
            "ZB301 standards/510209-人工智能技术应用/competencies.yaml:28:20 | 职业能力 2-1-1「能使用深度学习框架训练和评估图像分类模型」只由已废止或被代替的文件承载（课程 ZH03），视为没有承载",
            "ZB301 standards/510209-人工智能技术应用/competencies.yaml:29:20 | 职业能力 2-1-2「理解卷积神经网络等常用深度学习模型的原理」只由已废止或被代替的文件承载（课程 ZH03），视为没有承载",
            "ZB304 standards/510209-人工智能技术应用/training-base.yaml:22:11 | 实训室 R2「人工智能开发基础实训室」不承载任何职业能力",
        ),
    ),
    Case(
        "doc-no-without-issuer",
        "填了发文字号却没有发文机关（文号并不全局唯一）",
        (
            Sub(
                SPEC,
                "  status: 征求意见稿\n",
                "  status: 征求意见稿\n  doc_no: 教职成〔2025〕3号\n",
            ),
        ),
        expected=(
            "ZB603 standards/510209-人工智能技术应用/specialty.yaml:7:11 | 没有对应的发文机关 issuer",
        ),
    ),
    Case(
        "lifecycle-comment-deadline",
        "征求意见稿没有截止日期：警告，退出码 0",
        (Sub(SPEC, "  comment_deadline: 2025-12-31\n", ""),),
        expected=("ZB604 standards/510209-人工智能技术应用/specialty.yaml:6:11 warning",),
    ),
    Case(
        "strict-warning",
        "同上，但用 --strict：警告也使退出码为 1",
        (Sub(SPEC, "  comment_deadline: 2025-12-31\n", ""),),
        args="--strict",
        expected=("ZB604 standards/510209-人工智能技术应用/specialty.yaml:6:11 warning",),
    ),
    Case(
        "placeholder",
        "骨架中的“待补充”还没有替换：警告",
        (
            Sub(
                SPEC,
                "quality: 建立专业建设和教学过程质量监控机制，学生修满规定学分并完成岗位实习方可毕业。",
                "quality: 待补充",
            ),
            Sub(
                ZH03,
                "  facilities: 配备 GPU 服务器的人工智能开发基础实训室。",
                "  facilities: 待补充（实训室配置待定）",
            ),
        ),
        expected=(
            "ZB605 standards/510209-人工智能技术应用/courses/ZH03.yaml:42:15 warning | 「教学条件」（implementation.facilities）的内容待补充",
            "ZB605 standards/510209-人工智能技术应用/specialty.yaml:68:10 warning | 「11 质量保障和毕业要求」（quality）的内容待补充",
        ),
    ),
]

RULE_CASES: list[Case] = [*NUMERIC, *CODES, *LIFECYCLE]
