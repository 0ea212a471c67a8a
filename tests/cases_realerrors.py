"""Generated cases for real errors that used to pass and for former false alarms (issue 14 §6).

Each case is the clean base project (高职专科 510209) with a few edits; see `tests/casegen.py`.
"""

from __future__ import annotations

from tests.casegen import BASEF, CASES, INTERN, SPEC, ZH01, Case, Sub

EXAMPLES = CASES.parent.parent
"""The repository root: its `standards/` hold the 中职 example 730701 电子商务."""
ZZ = "standards/730701-电子商务/specialty.yaml"

GRAD = "graduation: [修满137学分, 完成岗位实习并考核合格]\n"

PLAN = [
    Case(
        "continuation-direction",
        "高职专科标准把同层次的高职专科专业写成接续专业",
        (
            Sub(
                SPEC,
                GRAD,
                GRAD + 'continuation:\n  - {level: 高职专科, code: "510203", name: 软件技术}\n',
            ),
        ),
        expected=(
            "ZB208 standards/510209-人工智能技术应用/specialty.yaml:71:13 | 不高于本专业的层次",
        ),
    ),
    Case(
        "pass-continuation",
        "接续专业是职业本科和普通本科：通过",
        (
            Sub(
                SPEC,
                GRAD,
                GRAD
                + "continuation:\n"
                + '  - {level: 职业本科, code: "310203", name: 软件工程技术}\n'
                + '  - {level: 普通本科, code: "080717T", name: 人工智能}\n',
            ),
        ),
    ),
    Case(
        "semester-range",
        "学期写成 0、−3 和 10^20：学期从 1 开始，三年制最多 6 个学期",
        (
            Sub(
                SPEC,
                "credits: 4, semesters: [1]}\n  - {code: GB07",
                "credits: 4, semesters: [0]}\n  - {code: GB07",
            ),
            Sub(
                SPEC,
                "credits: 4, semesters: [5], elective: true}\n  - {code: ZT02",
                "credits: 4, semesters: [100000000000000000000], elective: true}\n  - {code: ZT02",
            ),
            Sub(
                INTERN,
                "{type: 认识实习, semesters: [2], weeks: 1}",
                "{type: 认识实习, semesters: [-3], weeks: 1}",
            ),
        ),
        expected=(
            "ZB210 standards/510209-人工智能技术应用/internship.yaml:13:30 | 第 -3 学期不存在",
            "ZB210 standards/510209-人工智能技术应用/specialty.yaml:37:116 | 第 0 学期不存在",
            "ZB210 standards/510209-人工智能技术应用/specialty.yaml:56:121 | 第 100000000000000000000 学期超出基本修业年限 3 年共 6 个学期",
        ),
    ),
    Case(
        "internship-phase",
        "岗位实习阶段的学期与课程设置中的“岗位实习”不一致；认识实习阶段指向课程设置中没有的课程",
        (
            Sub(
                INTERN,
                "{type: 岗位实习, semesters: [6], months: 6}",
                "{type: 岗位实习, semesters: [5], months: 6}",
            ),
            Sub(
                INTERN,
                "{type: 认识实习, semesters: [2], weeks: 1}",
                "{type: 认识实习, course: SJ09, semesters: [2], weeks: 1}",
            ),
        ),
        expected=(
            "ZB209 standards/510209-人工智能技术应用/internship.yaml:13:26 | 认识实习阶段对应的课程「SJ09」不在专业 510209 的课程设置中",
            "ZB209 standards/510209-人工智能技术应用/internship.yaml:14:18 | 岗位实习安排在第 5 学期，而课程设置中 SJ04「岗位实习」只在第 6 学期",
        ),
    ),
    Case(
        "pass-internship-phase",
        "实习阶段按课程名称指向课程设置中的“岗位实习”，学期一致：通过",
        (
            Sub(
                INTERN,
                "{type: 岗位实习, semesters: [6], months: 6}",
                "{type: 岗位实习, course: 岗位实习, semesters: [6], months: 6}",
            ),
        ),
    ),
    Case(
        "required-public-course",
        "项目按所依据的文件配置了高职专科的必修与限定选修课程：缺历史、创新创业教育，中华优秀传统文化列为选修",
        (),
        config=(
            "numeric_rules:\n"
            "  levels:\n"
            "    高职专科:\n"
            "      required_courses:\n"
            "        - {name: 思想政治理论, aliases: [思想道德与法治, 毛泽东思想, 习近平新时代]}\n"
            "        - {name: 历史, aliases: [历史, 党史, 国史]}\n"
            "        - {name: 中华优秀传统文化}\n"
            "      limited_electives:\n"
            "        - {name: 劳动教育}\n"
            "        - {name: 创新创业教育, aliases: [创新创业]}\n"
        ),
        expected=(
            "ZB211 standards/510209-人工智能技术应用/specialty.yaml:31:1 | 课程设置中没有公共基础必修课程「历史」（高职专科）",
            "ZB211 standards/510209-人工智能技术应用/specialty.yaml:31:1 | 公共基础课程「中华优秀传统文化」列为选修课（GB13「中华优秀传统文化」），应为必修",
            "ZB212 standards/510209-人工智能技术应用/specialty.yaml:31:1 | 课程设置中没有应开设的课程「创新创业教育」",
        ),
    ),
    Case(
        "pass-required-course",
        "同上，课程设置开设了全部所列课程（按别名识别）：通过",
        (
            Sub(
                SPEC, "{code: GB06, name: 高等数学,", "{code: GB06, name: 中国共产党党史与高等数学,"
            ),
            Sub(
                SPEC,
                "{code: GB12, name: 职业发展与就业指导,",
                "{code: GB12, name: 职业发展与创新创业教育,",
            ),
        ),
        config=(
            "numeric_rules:\n"
            "  levels:\n"
            "    高职专科:\n"
            "      required_courses:\n"
            "        - {name: 思想政治理论, aliases: [思想道德与法治, 毛泽东思想, 习近平新时代]}\n"
            "        - {name: 历史, aliases: [历史, 党史, 国史]}\n"
            "      limited_electives:\n"
            "        - {name: 中华优秀传统文化}\n"
            "        - {name: 创新创业教育, aliases: [创新创业]}\n"
        ),
    ),
    Case(
        "admission-level",
        "高职专科招收初中毕业生却是三年制",
        (
            Sub(
                SPEC,
                "admission: 高中阶段教育毕业生或具有同等学力者",
                "admission: 初级中学毕业生或具有同等学力者",
            ),
        ),
        expected=(
            "ZB215 standards/510209-人工智能技术应用/specialty.yaml:13:12 | 入学要求招收初中毕业生，但基本修业年限为 3 年",
        ),
    ),
    Case(
        "duration-years",
        "高职专科写成四年制：警告",
        (Sub(SPEC, "duration: {years: 3}", "duration: {years: 4}"),),
        expected=(
            "ZB214 standards/510209-人工智能技术应用/specialty.yaml:14:19 warning | 基本修业年限为 4 年，高职专科为 3 或 5 年",
        ),
    ),
    Case(
        "pass-five-year",
        "招收初中毕业生的五年制高职专科：通过",
        (
            Sub(
                SPEC,
                "admission: 高中阶段教育毕业生或具有同等学力者",
                "admission: 初级中学毕业生或具有同等学力者",
            ),
            Sub(SPEC, "duration: {years: 3}", "duration: {years: 5}"),
        ),
    ),
]

ZZ_CASES = [
    Case(
        "zz-plan-13",
        "中职示例去掉“历史”、招收高中毕业生、四年制：缺公共基础必修课，入学要求与修业年限不符合 13号",
        (
            Sub(ZZ, "    name: 历史\n", "    name: 地理\n"),
            Sub(ZZ, "  初级中等学校毕业或具有同等学力。", "  普通高级中学毕业或具有同等学力。"),
            Sub(ZZ, "  years: 3\n", "  years: 4\n"),
        ),
        base=EXAMPLES,
        expected=(
            "ZB211 standards/730701-电子商务/specialty.yaml:147:1 | 课程设置中没有公共基础必修课程「历史」（中职）",
            "ZB214 standards/730701-电子商务/specialty.yaml:33:10 warning | 基本修业年限为 4 年，中职为 3 年",
            "ZB215 standards/730701-电子商务/specialty.yaml:30:12 | 入学要求写的是高中阶段学历",
        ),
    ),
    Case(
        "pass-zz-plan-13",
        "中职示例：思想政治按四门课开设、外语写作“英语”，初中毕业生三年制：通过",
        (),
        base=EXAMPLES,
    ),
]

CODES = [
    Case(
        "confusable-code",
        "编码中的全角数字、希腊字母和零宽空格：报出字符的位置和 ASCII 写法；专业代码对不上时说明检查没有运行",
        (
            Sub(ZH01, 'specialty: "510209"', 'specialty: "５10209"'),
            Sub(SPEC, "{code: ZT05, name:", "{code: ZΤ05, name:"),
            Sub(INTERN, '- {ref: "2-2-1", level: 运用}', '- {ref: "2-2-\u200b1", level: 运用}'),
        ),
        expected=(
            "ZB507 standards/510209-人工智能技术应用/courses/ZH01.yaml:7:13 | 第 1 个字符是全角字符「５」（U+FF15）",
            "ZB213 standards/510209-人工智能技术应用/courses/ZH01.yaml:7:12 info | 改正后将与专业 510209 的文件一起检查",
            "ZB507 standards/510209-人工智能技术应用/internship.yaml:34:20 | 第 5 个字符是零宽空格（U+200B）",
            "ZB507 standards/510209-人工智能技术应用/specialty.yaml:60:13 | 应为「ZT05」",
            "# 后果：ZH01 与本专业对不上（链接报 ZB203，它承载的 1-1-1、1-1-2 无人承载），带零宽空格的 2-2-1 引用不存在",
            "ZB203 standards/510209-人工智能技术应用/specialty.yaml:50:134 | 属于专业 ５10209",
            "ZB201 standards/510209-人工智能技术应用/internship.yaml:34:15 | 不在专业 510209 的职业能力清单中",
            "ZB301 standards/510209-人工智能技术应用/competencies.yaml:15:20",
            "ZB301 standards/510209-人工智能技术应用/competencies.yaml:16:20",
            "ZB301 standards/510209-人工智能技术应用/competencies.yaml:33:20",
        ),
    ),
    Case(
        "pass-fullwidth-outside-codes",
        "全角括号、六角括号和破折号出现在名称、文号和标准编号中：通过",
        (
            Sub(
                SPEC,
                "  status: 征求意见稿\n",
                "  status: 征求意见稿\n  doc_no: 教职成〔2025〕3号\n  issuer: 教育部\n  standard_no: T/CIE 101—2025\n",
            ),
        ),
    ),
    Case(
        "occupation-names",
        "大类名称用了 2015 年的旧名；职业名称后带 S；标识错标；编码不在大典中",
        (
            Sub(SPEC, '{code: "51", name: 电子与信息大类}', '{code: "51", name: 电子信息大类}'),
            Sub(SPEC, "name: 人工智能训练师, marks: [S]}", "name: 人工智能训练师S}"),
            Sub(
                SPEC,
                "name: 计算机软件工程技术人员, marks: [S]}",
                "name: 计算机软件工程技术人员, marks: [L]}",
            ),
            Sub(
                SPEC,
                "  posts: [",
                '    - {code: "4-04-05-99", name: 智能体训练师}\n'
                '    - {code: "4-01-02-02", name: 电子商务师, marks: [S]}\n  posts: [',
            ),
        ),
        expected=(
            "ZB508 standards/510209-人工智能技术应用/specialty.yaml:16:38 | 专业目录（2021）中为「电子与信息大类」",
            "ZB509 standards/510209-人工智能技术应用/specialty.yaml:21:34 | 末尾的「S」是大典的标识",
            "ZB510 standards/510209-人工智能技术应用/specialty.yaml:22:14 warning | 标识写的是「L」，职业分类大典（2022）中为「S」",
            "ZB511 standards/510209-人工智能技术应用/specialty.yaml:23:14 warning | occupation_extra",
            "ZB511 standards/510209-人工智能技术应用/specialty.yaml:24:14 warning | 「电子商务师」的编码是 4-01-06-01",
        ),
    ),
    Case(
        "pass-occupation-extra",
        "大典节选中没有的职业在 zhibiao.yaml 的 occupation_extra 中补充：通过",
        (
            Sub(
                SPEC,
                "  posts: [",
                '    - {code: "4-04-05-99", name: 智能体训练师, marks: [S]}\n  posts: [',
            ),
        ),
        config='occupation_extra:\n  - {code: "4-04-05-99", name: 智能体训练师, marks: [S]}\n',
    ),
]

LIFECYCLE = [
    Case(
        "lifecycle-notice-without-number",
        "“发布”的标准只写了公布通知的发文机关，没有文号：不算编号",
        (
            Sub(
                SPEC,
                "  status: 征求意见稿\n  comment_deadline: 2025-12-31\n",
                "  status: 发布\n  issued_on: 2025-02-11\n  published_by: {issuer: 教育部}\n",
            ),
        ),
        expected=(
            "ZB601 standards/510209-人工智能技术应用/specialty.yaml:8:3 | 公布通知只写了发文机关，没有文号",
        ),
    ),
    Case(
        "pass-compiled-on-and-school",
        "只有编制时间、由教育部署名的实训条件标准，和带制定/审核栏的学校课程标准，状态“发布”：通过",
        (
            Sub(
                BASEF,
                "  status: 草案\n",
                "  status: 发布\n  issuer: 教育部\n  compiled_on: 2021-11\n",
            ),
            Sub(ZH01, "  status: 草案\n", "  status: 发布\n"),
        ),
    ),
    Case(
        "lifecycle-compiled-bare-notice",
        "“发布”的标准只有编制时间，公布通知只写了发文机关：既没有编号，也没有发布机构署名",
        (
            Sub(
                SPEC,
                "  status: 征求意见稿\n  comment_deadline: 2025-12-31\n",
                "  status: 发布\n  compiled_on: 2021-11\n  published_by: {issuer: 教育部}\n",
            ),
        ),
        expected=(
            "ZB601 standards/510209-人工智能技术应用/specialty.yaml:8:3 | 公布通知只写了发文机关，没有文号",
        ),
    ),
    Case(
        "pass-compiled-joint-issuers",
        "只有编制时间、由两个机构联合署名（发布机构写成列表）、列出指导/主持/归口单位的标准，状态“发布”：通过",
        (
            Sub(
                SPEC,
                "  status: 征求意见稿\n  comment_deadline: 2025-12-31\n",
                "  status: 发布\n  issuer: [教育部, 人力资源社会保障部]\n  compiled_on: 2021-11\n"
                "  guided_by: 教育部职业教育发展中心\n  led_by: [海州职业技术学院]\n"
                "  administered_by: [全国电子信息职业教育教学指导委员会, 海州市电子学会]\n"
                "  source_url: https://www.moe.gov.cn/srcsite/A07/t20211201_0001.html\n",
            ),
        ),
    ),
    Case(
        "lifecycle-source-url-scheme",
        "原文网址写成 javascript: 链接：模式校验拒绝（只接受 http/https）",
        (
            Sub(
                SPEC,
                "  status: 征求意见稿\n",
                "  status: 征求意见稿\n  source_url: javascript:alert(1)\n",
            ),
        ),
        expected=(
            "ZB101 standards/510209-人工智能技术应用/specialty.yaml:7:15 | 原文网址只能是 http:// 或 https:// 开头的完整网址",
        ),
    ),
    Case(
        "pass-unmapped-training-base",
        "实训条件标准的实训室都不列能力和课程（国家标准的写法）：不报 ZB304",
        (
            Sub(
                BASEF,
                '    courses: [ZH01]\n    competencies:\n      - {ref: "1-2-1", level: 运用}\n',
                "",
            ),
            Sub(BASEF, "    courses: [ZH03, ZH06]\n", ""),
        ),
    ),
]

REAL_ERROR_CASES: list[Case] = [*PLAN, *ZZ_CASES, *CODES, *LIFECYCLE]
