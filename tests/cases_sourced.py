"""Cases of issue 14 §2: gaps the source leaves (原文未给出), partial numbers, published gaps."""

from __future__ import annotations

from tests.casegen import BASE, SPEC, Case, Sub

PUBLISHED = Sub(
    SPEC,
    "  status: 征求意见稿\n  comment_deadline: 2025-12-31\n",
    "  status: 发布\n  standard_no: T/CIE 101—2025\n  doc_no: 教职成〔2025〕3号\n"
    "  issuer: 教育部\n  issued_on: 2025-09-01\n",
)
GB13 = (
    "{code: GB13, name: 中华优秀传统文化, nature: 公共基础, hours: 32, theory_hours: 32, "
    "practice_hours: 0, credits: 2, semesters: [3], elective: true}"
)
ZT05 = (
    "{code: ZT05, name: 机器人流程自动化应用, nature: 专业拓展, hours: 64, theory_hours: 32, "
    "practice_hours: 32, credits: 4, semesters: [4], elective: true}"
)

TEACHERS = "teachers: 专任教师队伍的学生数与本专业专任教师数比例不高于25:1，双师素质教师占专业教师比例不低于60%。"
PLAN = "courses:\n" + "".join(
    line + "\n"
    for line in (BASE / SPEC).read_text("utf-8").splitlines()
    if line.startswith("  - {code: ") and "nature: " in line
)

SJ02 = "  - {code: SJ02, name: 人工智能应用综合实训, nature: 实践, hours: 120, theory_hours: 0, practice_hours: 120, credits: 5, semesters: [5]}\n"
SJ03 = "  - {code: SJ03, name: 毕业设计, nature: 实践, hours: 120, theory_hours: 0, practice_hours: 120, credits: 5, semesters: [5]}\n"

SOURCED_CASES = [
    Case(
        "numeric-partial-skipped",
        "一门课程没有学时：能判定的规则照常检查，不能判定的逐条说明（提示），不悄悄跳过",
        (
            Sub(
                SPEC, GB13, "{code: GB13, name: 中华优秀传统文化, nature: 公共基础, elective: true}"
            ),
        ),
        expected=(
            "ZB410 standards/510209-人工智能技术应用/specialty.yaml:31:1 info | 未检查 ZB401（总学时）、ZB402（公共基础课学时占比）、"
            "ZB403（选修课学时占比）、ZB404（实践性教学学时占比）：1 门课程没有学时",
        ),
    ),
    Case(
        "numeric-partial-violated",
        "没有学时的课程都不是公共基础课：已给出学时的课程中公共基础课已不足 25%，不论缺少的学时是多少都违反",
        (
            Sub(SPEC, GB13, GB13.replace("nature: 公共基础", "nature: 专业拓展")),
            Sub(
                SPEC,
                "{code: GB12, name: 职业发展与就业指导, nature: 公共基础",
                "{code: GB12, name: 职业发展与就业指导, nature: 专业拓展",
            ),
            Sub(
                SPEC,
                ZT05,
                "{code: ZT05, name: 机器人流程自动化应用, nature: 专业拓展, elective: true}",
            ),
        ),
        expected=(
            "ZB410 standards/510209-人工智能技术应用/specialty.yaml:31:1 info | 未检查 ZB401（总学时）、ZB403（选修课学时占比）、"
            "ZB404（实践性教学学时占比）：1 门课程没有学时",
            "ZB411 standards/510209-人工智能技术应用/specialty.yaml:31:1 error | ZB402（公共基础课学时占比）：已给出学时的课程中占 24.1%，"
            "其余课程不属于此类，不论其学时多少占比只会更低，要求 ≥ 25.0%",
        ),
    ),
    Case(
        "lifecycle-published-placeholder",
        "已发布的专业教学标准仍有“待补充”",
        (PUBLISHED, Sub(SPEC, "teachers: 专任教师队伍", "teachers: 待补充。专任教师队伍")),
        expected=(
            "ZB607 standards/510209-人工智能技术应用/specialty.yaml:6:11 error | 状态为「发布」，但仍有 1 处“待补充”",
            "ZB605 standards/510209-人工智能技术应用/specialty.yaml:69:11 warning | 「9 师资队伍」（teachers）的内容待补充",
        ),
    ),
    Case(
        "lifecycle-published-empty-plan",
        "已发布的专业教学标准课程设置为空，没有说明原文是否列出课程",
        (PUBLISHED, Sub(SPEC, PLAN, "courses: []\n")),
        expected=(
            # the course standards and the training base name courses of the emptied plan
            "ZB303 standards/510209-人工智能技术应用/courses/ZH01.yaml:8:7 warning",
            "ZB202 standards/510209-人工智能技术应用/courses/ZH01.yaml:17:17 error",
            "ZB303 standards/510209-人工智能技术应用/courses/ZH03.yaml:8:7 warning",
            "ZB202 standards/510209-人工智能技术应用/courses/ZH03.yaml:16:17 error",
            "ZB202 standards/510209-人工智能技术应用/courses/ZH03.yaml:16:29 error",
            "ZB202 standards/510209-人工智能技术应用/training-base.yaml:27:21 error",
            "ZB410 standards/510209-人工智能技术应用/specialty.yaml:34:1 info | 课程设置没有课程",
            "ZB608 standards/510209-人工智能技术应用/specialty.yaml:34:1 error | 状态为「发布」，但课程设置为空，没有说明原文是否列出课程",
            "ZB408 standards/510209-人工智能技术应用/specialty.yaml:35:17 error | 声明总学时 2584，课程设置合计为 0",
            "ZB408 standards/510209-人工智能技术应用/specialty.yaml:35:32 error | 声明总学分 137，课程设置合计为 0",
        ),
    ),
    Case(
        "numeric-excerpt-plan",
        "课程设置是节选（{节选: [...]}）：列出的课程合计 2344 学时不是总学时，不报 ZB401/ZB408，只说明未检查",
        (
            Sub(SPEC, "courses:\n  - {code: GB01", "courses:\n  节选:\n  - {code: GB01"),
            Sub(SPEC, SJ02, ""),
            Sub(SPEC, SJ03, ""),
        ),
        expected=(
            "ZB410 standards/510209-人工智能技术应用/specialty.yaml:31:1 info | 课程设置是节选",
        ),
    ),
    Case(
        "pass-published-not-given",
        "已发布的文件把原文没有的章节写作 原文未给出、把节选的列表写作 {节选: [...]}：通过",
        (
            PUBLISHED,
            Sub(SPEC, TEACHERS, "teachers: 原文未给出"),
            Sub(
                SPEC,
                "  certificates: [人工智能训练师（四级）]",
                "  certificates: {节选: [人工智能训练师（四级）]}",
            ),
        ),
        expected=(),
    ),
]
