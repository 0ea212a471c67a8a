"""Generated cases for references, coverage and learning levels (see `tests/casegen.py`)."""

from __future__ import annotations

from tests.casegen import (
    BASEF,
    COMP,
    INTERN,
    SP,
    SPEC,
    ZH01,
    ZH03,
    Case,
    Copy,
    Sub,
    SubAll,
)

REFERENCES = [
    Case(
        "dangling-competency",
        "引用清单中没有的职业能力（课程内容与培养规格）",
        (
            Sub(
                ZH03,
                '          - {ref: "2-1-1", level: 掌握}',
                '          - {ref: "2-1-1", level: 掌握}\n          - {ref: "2-1-3", level: 掌握}',
            ),
            Sub(
                SPEC,
                'competencies: ["2-1-1", "2-2-1"]',
                'competencies: ["2-1-1", "2-2-1", "2-3-1"]',
            ),
        ),
        expected=(
            "ZB201 standards/510209-人工智能技术应用/courses/ZH03.yaml:40:19 | 职业能力「2-1-3」不在专业 510209 的职业能力清单中",
            "ZB201 standards/510209-人工智能技术应用/specialty.yaml:30:87 | 培养规格 A2 引用的职业能力「2-3-1」不存在",
        ),
    ),
    Case(
        "dangling-course",
        "先修课程与实训室支撑课程不在课程设置中",
        (
            Sub(ZH03, "prerequisites: [ZJ01, ZH01, ZH02]", "prerequisites: [ZJ01, ZH01, ZH07]"),
            Sub(BASEF, "courses: [ZH03, ZH06]", "courses: [ZH03, ZH60]"),
        ),
        expected=(
            "ZB202 standards/510209-人工智能技术应用/courses/ZH03.yaml:16:29 | 课程「ZH07」不在专业 510209 的课程设置中",
            "ZB202 standards/510209-人工智能技术应用/training-base.yaml:27:21 | 是否应为「ZH06」",
        ),
    ),
    Case(
        "missing-file",
        "课程设置与职业能力清单引用的文件不存在",
        (
            Sub(
                SPEC,
                "semesters: [3], standard: courses/ZH01.yaml",
                "semesters: [3], standard: courses/ZH1.yaml",
            ),
            Sub(SPEC, "competencies: competencies.yaml", "competencies: competency.yaml"),
        ),
        expected=(
            "ZB203 standards/510209-人工智能技术应用/specialty.yaml:50:134 | 是否应为「ZH01.yaml」",
            "ZB203 standards/510209-人工智能技术应用/specialty.yaml:70:15 | 是否应为「competencies.yaml」",
        ),
    ),
    Case(
        "file-kind-mismatch",
        "课程设置链接到岗位实习标准、链接到别的课程的课程标准",
        (
            Sub(
                SPEC,
                "semesters: [4]}\n  - {code: ZH05",
                "semesters: [4], standard: internship.yaml}\n  - {code: ZH05",
            ),
            Sub(
                SPEC,
                "semesters: [5]}\n  - {code: ZT01",
                "semesters: [5], standard: courses/ZH03.yaml}\n  - {code: ZT01",
            ),
        ),
        expected=(
            "ZB203 standards/510209-人工智能技术应用/specialty.yaml:53:136 | 是岗位实习标准（internship），应为课程标准（course）",
            "ZB203 standards/510209-人工智能技术应用/specialty.yaml:55:138 | 的课程代码是 ZH03",
        ),
    ),
    Case(
        "linked-other-specialty",
        "课程设置链接的课程标准写的是另一个专业代码（从别的专业复制后忘了改）",
        (Sub(ZH01, 'specialty: "510209"', 'specialty: "510208"'),),
        expected=(
            "ZB203 standards/510209-人工智能技术应用/specialty.yaml:50:134 | 属于专业 510208，不是本专业 510209",
            "ZB205 standards/510209-人工智能技术应用/courses/ZH01.yaml:7:12 warning | 是否应为「510209」",
            "# ZH01 不再算作本专业的课程，它承载的两项能力随之无人承载",
            "ZB301 standards/510209-人工智能技术应用/competencies.yaml:15:20 | 1-1-1",
            "ZB301 standards/510209-人工智能技术应用/competencies.yaml:16:20 | 1-1-2",
        ),
    ),
    Case(
        "linked-other-list",
        "专业教学标准链接的职业能力清单写的是另一个专业代码",
        (Sub(COMP, 'specialty: "510209"', 'specialty: "510208"'),),
        expected=(
            "ZB203 standards/510209-人工智能技术应用/specialty.yaml:70:15 | 职业能力清单「standards/510209-人工智能技术应用/competencies.yaml」属于专业 510208",
            "ZB205 standards/510209-人工智能技术应用/competencies.yaml:7:12 warning | 是否应为「510209」",
        ),
    ),
    Case(
        "duplicate-code",
        "职业能力编码和模块编号重复",
        (
            Sub(
                COMP,
                '          - {code: "2-2-1", text: 能将训练好的模型转换格式并部署到边缘计算设备, level: 运用}',
                '          - {code: "2-2-1", text: 能将训练好的模型转换格式并部署到边缘计算设备, level: 运用}\n          - {code: "2-2-1", text: 能监测已部署模型的运行状态, level: 掌握}',
            ),
            Sub(ZH03, "  - code: M2\n", "  - code: M1\n"),
        ),
        expected=(
            "ZB204 standards/510209-人工智能技术应用/competencies.yaml:34:20 | 职业能力「2-2-1」重复",
            "ZB204 standards/510209-人工智能技术应用/courses/ZH03.yaml:31:11 | 模块编号「M1」重复",
        ),
    ),
    Case(
        "unknown-specialty",
        "实训基地建设标准的专业代码写错：提示最接近的专业",
        (Sub(BASEF, 'specialty: "510209"', 'specialty: "510208"'),),
        expected=(
            "ZB205 standards/510209-人工智能技术应用/training-base.yaml:7:12 | 是否应为「510209」",
        ),
    ),
    Case(
        "standalone-standard-elsewhere",
        "实训基地建设标准属于专业目录中的另一类专业（510107 汽车智能技术），标准库中没有该专业、也没有同一专业类的"
        "专业教学标准（单独发布的国家标准）：不是错误，提示说明哪些检查没有运行（ZB512），不报 ZB205",
        (Sub(BASEF, 'specialty: "510209"', 'specialty: "510107"'),),
        expected=(
            "ZB512 standards/510209-人工智能技术应用/training-base.yaml:7:12 info | 专业 510107（汽车智能技术）的专业教学标准不在标准库中",
        ),
    ),
    Case(
        "course-mismatch",
        "课程标准的学分和开设学期与课程设置不一致",
        (
            Sub(ZH01, "credits: 4\n", "credits: 3.5\n"),
            Sub(ZH01, "semesters: [3]\n", "semesters: [3, 4]\n"),
        ),
        expected=(
            "ZB206 standards/510209-人工智能技术应用/courses/ZH01.yaml:14:10 | 学分为 3.5，而课程设置中为 4",
            "ZB206 standards/510209-人工智能技术应用/courses/ZH01.yaml:15:1 | 开设学期为 3、4，而课程设置中为 3",
        ),
    ),
    Case(
        "duplicate-document",
        "同一门课程有两份课程标准（另存了一份以课程名命名的副本）",
        (Copy(ZH01, f"{SP}/courses/数据采集与标注.yaml"),),
        expected=(
            "ZB207 standards/510209-人工智能技术应用/courses/数据采集与标注.yaml:8:7 | 课程 ZH01 的课程标准已在 standards/510209-人工智能技术应用/courses/ZH01.yaml 中定义",
        ),
    ),
    Case(
        "duplicate-document-linked",
        "课程标准的旧版本留在 courses/2024/ 中：报告不在课程设置链接中的那一份，而不是被链接的现行文件",
        (Copy(ZH01, f"{SP}/courses/2024/ZH01.yaml"),),
        expected=(
            "ZB207 standards/510209-人工智能技术应用/courses/2024/ZH01.yaml:8:7 | 课程 ZH01 的课程标准已在 standards/510209-人工智能技术应用/courses/ZH01.yaml 中定义",
        ),
    ),
    Case(
        "broken-specialty-no-cascade",
        "专业教学标准本身有语法错误时，其他文件不再报“没有专业教学标准”",
        (Sub(SPEC, "duration: {years: 3}", "duration: {years: 3"),),
        expected=(
            "ZB001 standards/510209-人工智能技术应用/specialty.yaml:15:7 | 第 14 行的花括号",
        ),
    ),
    Case(
        "broken-course-no-cascade",
        "课程标准加载失败时，不再报它所承载的职业能力“无人承载”",
        (Sub(ZH01, "theory_hours: 16\n", "theory_hours: 十六\n"),),
        expected=("ZB101 standards/510209-人工智能技术应用/courses/ZH01.yaml:12:15",),
    ),
]

COVERAGE = [
    Case(
        "uncovered-competency",
        "职业能力 2-1-1 没有任何课程、实习或实训承载",
        (
            Sub(
                ZH03,
                '          - {ref: "2-1-1", level: 掌握}',
                '          - {ref: "2-1-2", level: 掌握}',
            ),
        ),
        expected=("ZB301 standards/510209-人工智能技术应用/competencies.yaml:28:20 | 2-1-1",),
    ),
    Case(
        "level-below-required",
        "清单要求 1-1-1 达到“掌握”，唯一的承载处只到“理解”",
        (
            Sub(
                ZH01,
                '          - {ref: "1-1-1", level: 掌握}',
                '          - {ref: "1-1-1", level: 理解}',
            ),
        ),
        expected=(
            "ZB302 standards/510209-人工智能技术应用/competencies.yaml:15:67 | 要求达到「掌握」，但承载处最高只到「理解」（课程 ZH01）",
        ),
    ),
    Case(
        "orphan-course",
        "课程标准 ZT06 不在课程设置中",
        (
            Copy(
                ZH03,
                f"{SP}/courses/ZT06.yaml",
                (
                    ("title: 深度学习应用开发课程标准", "title: 强化学习应用课程标准"),
                    ("code: ZH03", "code: ZT06"),
                    ("name: 深度学习应用开发", "name: 强化学习应用"),
                    ("nature: 专业核心", "nature: 专业拓展"),
                ),
            ),
        ),
        expected=(
            "ZB303 standards/510209-人工智能技术应用/courses/ZT06.yaml:8:7 warning | 课程 ZT06「强化学习应用」不在专业 510209 的课程设置中",
        ),
    ),
    Case(
        "orphan-room",
        "实训室 R2 既没有列出职业能力，支撑的课程也没有映射职业能力",
        (Sub(BASEF, "courses: [ZH03, ZH06]", "courses: [ZH04, ZH06]"),),
        expected=(
            "ZB304 standards/510209-人工智能技术应用/training-base.yaml:22:11 warning | 实训室 R2",
        ),
    ),
    Case(
        "unknown-level",
        "学习水平不在词表中（精通、熟练）",
        (
            Sub(COMP, "部署到边缘计算设备, level: 运用}", "部署到边缘计算设备, level: 精通}"),
            Sub(ZH03, '{ref: "2-1-1", level: 掌握}', '{ref: "2-1-1", level: 熟练}'),
        ),
        expected=(
            "ZB305 standards/510209-人工智能技术应用/competencies.yaml:33:66 | 「精通」",
            "ZB305 standards/510209-人工智能技术应用/courses/ZH03.yaml:39:35 | 了解 < 理解 < 掌握 < 运用",
        ),
    ),
]

CUSTOM_LEVELS = (
    SubAll("level: 理解}", "level: A}"),
    SubAll("level: 掌握}", "level: B}"),
    SubAll("level: 运用}", "level: C}"),
)
LEVELS_ABC = "# 学习水平用字母等级（由低到高）\nlearning_levels: [A, B, C]\n"

LEVELS = [
    Case(
        "pass-custom-levels",
        "自定义学习水平词表 A/B/C：全部使用词表取值，通过",
        CUSTOM_LEVELS,
        config=LEVELS_ABC,
        expected=(),
    ),
    Case(
        "custom-levels-unknown",
        "自定义词表 A/B/C 下仍写了“掌握”：提示词表",
        (*CUSTOM_LEVELS, Sub(INTERN, '{ref: "1-2-2", level: B}', '{ref: "1-2-2", level: 掌握}')),
        config=LEVELS_ABC,
        expected=(
            "ZB305 standards/510209-人工智能技术应用/internship.yaml:27:31 | 可用取值（由低到高）：A < B < C",
        ),
    ),
]

REF_CASES: list[Case] = [*REFERENCES, *COVERAGE, *LEVELS]
