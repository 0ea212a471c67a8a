"""Generated cases of the conformance rules ZB901–ZB913 (see `tests/casegen.py`).

Two cases start from the repository's examples, where two schools' 人才培养方案 follow the
national 510209 standard: 江城 (in force, conforming) and 海港 (a 送审稿 that does not
conform, which `check` leaves to `zhibiao conform`). The others add a small conforming plan
in force (`PLAN`) to the clean base project and change one thing: each rule has a failing
case and a passing one that stays just inside the rule.
"""

from __future__ import annotations

import re

from tests.casegen import CASES, SP, Case, Copy, Edit, Sub, Write

EXAMPLES = CASES.parent.parent
AI = "standards/510209-人工智能技术应用"
H = f"{AI}/plans/haigang-2026.yaml"
P = f"{SP}/plans/school.yaml"
COMP = f"{SP}/competencies.yaml"
PLAN = """# yaml-language-server: $schema=../../../../../../schemas/plan.schema.json
kind: plan
meta:
  title: 示例学院人工智能技术应用专业人才培养方案（2026级）
  version: 2026级
  status: 发布
  doc_no: 示院教〔2026〕3号
  issuer: 示例学院
school: 示例学院
follows: {code: "510209", version: "2025"}
name: 人工智能技术应用
grade: 2026级
courses:
  - {code: GB01, name: 思想道德与法治, nature: 公共基础, hours: 48, theory_hours: 40, practice_hours: 8, credits: 3, semesters: [1]}
  - {code: GB02, name: 毛泽东思想和中国特色社会主义理论体系概论, nature: 公共基础, hours: 32, theory_hours: 28, practice_hours: 4, credits: 2, semesters: [2]}
  - {code: GB03, name: 习近平新时代中国特色社会主义思想概论, nature: 公共基础, hours: 48, theory_hours: 40, practice_hours: 8, credits: 3, semesters: [3]}
  - {code: GB04, name: 形势与政策, nature: 公共基础, hours: 32, theory_hours: 32, practice_hours: 0, credits: 2, semesters: [1, 2, 3, 4]}
  - {code: GB05, name: 大学英语, nature: 公共基础, hours: 128, theory_hours: 96, practice_hours: 32, credits: 8, semesters: [1, 2]}
  - {code: GB06, name: 高等数学, nature: 公共基础, hours: 64, theory_hours: 64, practice_hours: 0, credits: 4, semesters: [1]}
  - {code: GB07, name: 体育, nature: 公共基础, hours: 108, theory_hours: 12, practice_hours: 96, credits: 6, semesters: [1, 2, 3, 4]}
  - {code: GB08, name: 信息技术, nature: 公共基础, hours: 64, theory_hours: 32, practice_hours: 32, credits: 4, semesters: [1]}
  - {code: GB09, name: 军事理论, nature: 公共基础, hours: 36, theory_hours: 36, practice_hours: 0, credits: 2, semesters: [1]}
  - {code: GB10, name: 大学生心理健康教育, nature: 公共基础, hours: 32, theory_hours: 24, practice_hours: 8, credits: 2, semesters: [1]}
  - {code: GB11, name: 劳动教育, nature: 公共基础, hours: 16, theory_hours: 4, practice_hours: 12, credits: 1, semesters: [2]}
  - {code: GB12, name: 职业发展与就业指导, nature: 公共基础, hours: 32, theory_hours: 16, practice_hours: 16, credits: 2, semesters: [2, 5]}
  - {code: GB13, name: 中华优秀传统文化, nature: 公共基础, hours: 32, theory_hours: 32, practice_hours: 0, credits: 2, semesters: [3], elective: true}
  - {code: ZJ01, name: Python程序设计, nature: 专业基础, hours: 64, theory_hours: 32, practice_hours: 32, credits: 4, semesters: [1]}
  - {code: ZJ02, name: 人工智能导论, nature: 专业基础, hours: 32, theory_hours: 24, practice_hours: 8, credits: 2, semesters: [1]}
  - {code: ZJ03, name: 人工智能数学基础, nature: 专业基础, hours: 64, theory_hours: 48, practice_hours: 16, credits: 4, semesters: [2]}
  - {code: ZJ04, name: Linux操作系统, nature: 专业基础, hours: 64, theory_hours: 32, practice_hours: 32, credits: 4, semesters: [2]}
  - {code: ZJ05, name: 数据库技术与应用, nature: 专业基础, hours: 64, theory_hours: 32, practice_hours: 32, credits: 4, semesters: [2]}
  - {code: ZH01, name: 数据采集与标注, nature: 专业核心, hours: 64, theory_hours: 16, practice_hours: 48, credits: 4, semesters: [3], competencies: [{ref: "1-1-1", level: 掌握}, {ref: "1-1-2", level: 掌握}]}
  - {code: ZH02, name: 机器学习应用开发, nature: 专业核心, hours: 64, theory_hours: 32, practice_hours: 32, credits: 4, semesters: [3], competencies: [{ref: "1-2-1", level: 运用}, {ref: "1-2-2", level: 掌握}]}
  - {code: ZH03, name: 深度学习应用开发, nature: 专业核心, hours: 64, theory_hours: 24, practice_hours: 40, credits: 4, semesters: [4], competencies: [{ref: "2-1-1", level: 掌握}, {ref: "2-1-2", level: 理解}]}
  - {code: ZH04, name: 计算机视觉应用开发, nature: 专业核心, hours: 64, theory_hours: 24, practice_hours: 40, credits: 4, semesters: [4]}
  - {code: ZH05, name: 自然语言处理应用开发, nature: 专业核心, hours: 64, theory_hours: 24, practice_hours: 40, credits: 4, semesters: [4]}
  - {code: ZH06, name: AI模型部署与边缘运维, nature: 专业核心, hours: 64, theory_hours: 24, practice_hours: 40, credits: 4, semesters: [5], maps_to: 人工智能模型部署与运维, competencies: [{ref: "2-2-1", level: 运用}]}
  - {code: ZT01, name: 智能语音应用开发, nature: 专业拓展, hours: 64, theory_hours: 32, practice_hours: 32, credits: 4, semesters: [5], elective: true}
  - {code: ZT02, name: 知识图谱技术应用, nature: 专业拓展, hours: 64, theory_hours: 32, practice_hours: 32, credits: 4, semesters: [5], elective: true}
  - {code: ZT03, name: 大数据技术基础, nature: 专业拓展, hours: 64, theory_hours: 32, practice_hours: 32, credits: 4, semesters: [3], elective: true}
  - {code: ZT04, name: 人工智能伦理与法规, nature: 专业拓展, hours: 32, theory_hours: 32, practice_hours: 0, credits: 2, semesters: [4], elective: true}
  - {code: ZT05, name: 机器人流程自动化应用, nature: 专业拓展, hours: 64, theory_hours: 32, practice_hours: 32, credits: 4, semesters: [4], elective: true}
  - {code: ZT06, name: 工业视觉质检应用, nature: 专业拓展, hours: 32, theory_hours: 8, practice_hours: 24, credits: 2, semesters: [5], elective: true, addition: 地方化, competencies: [{ref: X1, level: 掌握}]}
  - {code: SJ01, name: 入学教育与军事技能, nature: 实践, hours: 112, theory_hours: 0, practice_hours: 112, credits: 2, semesters: [1]}
  - {code: SJ02, name: 人工智能应用综合实训, nature: 实践, hours: 120, theory_hours: 0, practice_hours: 120, credits: 5, semesters: [5]}
  - {code: SJ03, name: 毕业设计, nature: 实践, hours: 120, theory_hours: 0, practice_hours: 120, credits: 5, semesters: [5]}
  - {code: SJ04, name: 岗位实习, nature: 实践, hours: 600, theory_hours: 0, practice_hours: 600, credits: 24, semesters: [6]}
totals: {hours: 2616, credits: 139}
additions:
  - {code: X1, type: 地方化, text: 能完成本地电子制造产线的工业视觉缺陷检测方案部署, level: 掌握}
"""
"""A 2026 plan of 示例学院 that follows the clean base's 510209 standard (2025) and conforms:
every core course (ZH06 renamed with maps_to), every competency at its level, a localised
course and competency marked 地方化, 2616 hours with the 13号 shares."""


PLAN_WITHOUT_CODES = re.sub(r"(  - \{)code: [A-Z]{2}\d{2}, ", r"\1", PLAN).replace(
    'follows: {code: "510209", version: "2025"}', 'follows: {code: "510209"}'
)
"""`PLAN` as real plans are often written: course rows without codes (identified by name)
and no edition of the national standard named (judged against the library's edition)."""


def _case(name: str, about: str, *edits: Edit, expected: tuple[str, ...] = ()) -> Case:
    """A case on the clean base with `PLAN` written, then `edits`."""
    return Case(name, about, (Write(P, PLAN), *edits), expected=expected)


CONFORM_CASES = [
    Case(
        "pass-conform-examples",
        "两所学校的方案并存：江城方案执行中且符合；海港方案是送审稿，不符合之处由 zhibiao conform 报告，check 不报",
        (),
        base=EXAMPLES,
    ),
    Case(
        "conform-in-force",
        "海港方案改为发布（执行中）：删去的核心课程、未标明的增补、偏低的能力水平、学时和占比都报错",
        (Sub(H, "  status: 送审稿\n", "  status: 发布\n  doc_no: 海职院〔2026〕8号\n"),),
        base=EXAMPLES,
        expected=(
            f"ZB905 {H}:29:1 | ZH06「智能语音应用开发」不在本方案的课程设置中",
            f"ZB907 {H}:29:1 | 总学时 2496",
            f"ZB908 {H}:29:1 | 选修课学时占比 9.6%",
            f"ZB906 {H}:66:12 | GG05「大学英语」96 学时",
            f"ZB909 {H}:332:11 | ZH08「智能客服系统应用」不在国家标准的课程设置中",
            f"ZB904 {H}:345:31 | 4-3-1 国家标准要求达到「理解」，本方案最高只到「了解」",
            f"ZB906 {H}:475:12 | SJ06「岗位实习」480 学时",
        ),
    ),
    _case("pass-conform-plan", "符合国家标准的执行中方案：通过"),
    _case(
        "conform-standard-missing",
        "方案依据的专业代码在标准库中没有专业教学标准：提示未检查符合性",
        Sub(P, 'follows: {code: "510209"', 'follows: {code: "510299"'),
        expected=(f"ZB901 {P}:10:17 info | 标准库中没有专业 510299",),
    ),
    _case(
        "conform-edition",
        "方案仍依据 2024 版，标准库中是 2025 版：警告，不按另一版逐项比较",
        Sub(P, 'version: "2025"}', 'version: "2024"}'),
        expected=(f"ZB902 {P}:10:36 warning | 本方案依据 2024 版",),
    ),
    _case(
        "conform-competency-missing",
        "删去唯一承载 2-2-1 的引用：国家标准的能力没有课程承载",
        Sub(P, ', competencies: [{ref: "2-2-1", level: 运用}]}', "}"),
        expected=(f"ZB903 {P}:13:1 | 2-2-1「",),
    ),
    _case(
        "pass-conform-competency-moved",
        "2-2-1 改由综合实训 SJ02 承载，水平不变：通过",
        Sub(P, ', competencies: [{ref: "2-2-1", level: 运用}]}', "}"),
        Sub(
            P,
            "credits: 5, semesters: [5]}\n  - {code: SJ03",
            'credits: 5, semesters: [5], competencies: [{ref: "2-2-1", level: 运用}]}\n  - {code: SJ03',
        ),
    ),
    _case(
        "conform-competency-level",
        "2-2-1 只到“掌握”，国家标准要求“运用”",
        Sub(P, '{ref: "2-2-1", level: 运用}', '{ref: "2-2-1", level: 掌握}'),
        expected=(f"ZB904 {P}:37:187 | 本方案最高只到「掌握」",),
    ),
    _case(
        "pass-conform-competency-raised",
        "2-1-2 提高到“掌握”，高于国家标准：通过（报告中为超出）",
        Sub(P, '{ref: "2-1-2", level: 理解}', '{ref: "2-1-2", level: 掌握}'),
    ),
    _case(
        "conform-core-course-missing",
        "改名的核心课程换了代码、又没有声明 maps_to：核心课程缺失，新课程未标明增补",
        Sub(P, "{code: ZH06, name: AI模型", "{code: AI06, name: AI模型"),
        Sub(P, ", maps_to: 人工智能模型部署与运维", ""),
        expected=(
            f"ZB905 {P}:13:1 | ZH06「人工智能模型部署与运维」不在本方案的课程设置中",
            f"ZB909 {P}:37:12 | AI06「AI模型部署与边缘运维」",
        ),
    ),
    _case(
        "pass-conform-core-course-mapped",
        "改名的核心课程换了代码，但声明了 maps_to：通过",
        Sub(P, "{code: ZH06, name: AI模型", "{code: AI06, name: AI模型"),
    ),
    _case(
        "conform-course-hours",
        "大学英语从 128 学时压到 96 学时：低于国家标准的课程学时，公共基础课占比也随之低于 25%",
        Sub(P, "hours: 128, theory_hours: 96,", "hours: 96, theory_hours: 64,"),
        Sub(P, "totals: {hours: 2616,", "totals: {hours: 2584,"),
        expected=(
            f"ZB906 {P}:18:51 | GB05「大学英语」96 学时，国家标准中 GB05「大学英语」为 128 学时",
            f"ZB908 {P}:13:1 | 公共基础课学时占比 24.8%，要求 ≥ 25%",
        ),
    ),
    _case(
        "pass-conform-course-hours-raised",
        "大学英语增加到 144 学时：高于国家标准，通过",
        Sub(P, "hours: 128, theory_hours: 96,", "hours: 144, theory_hours: 112,"),
        Sub(P, "totals: {hours: 2616,", "totals: {hours: 2632,"),
    ),
    _case(
        "conform-total-hours",
        "岗位实习压缩到 480 学时：总学时低于 13号 的 2500 和国家标准的 2584，该课程学时也不足",
        Sub(
            P,
            "hours: 600, theory_hours: 0, practice_hours: 600,",
            "hours: 480, theory_hours: 0, practice_hours: 480,",
        ),
        Sub(P, "totals: {hours: 2616,", "totals: {hours: 2496,"),
        expected=(
            f"ZB907 {P}:13:1 | 总学时 2496",
            f"ZB906 {P}:47:49 | SJ04「岗位实习」480 学时",
        ),
    ),
    _case(
        "conform-shares",
        "两门选修课改成必修：选修课学时占比低于 10%",
        Sub(
            P,
            "semesters: [5], elective: true}\n  - {code: ZT02",
            "semesters: [5]}\n  - {code: ZT02",
        ),
        Sub(
            P,
            "semesters: [5], elective: true}\n  - {code: ZT03",
            "semesters: [5]}\n  - {code: ZT03",
        ),
        expected=(f"ZB908 {P}:13:1 | 选修课学时占比 8.",),
    ),
    _case(
        "pass-conform-shares",
        "只有地方化课程 ZT06 改成必修：选修课仍占 12.2%，通过",
        Sub(P, "elective: true, addition: 地方化", "addition: 地方化"),
    ),
    _case(
        "conform-addition-unmarked",
        "地方化课程没有标明 addition",
        Sub(P, ", addition: 地方化", ""),
        expected=(f"ZB909 {P}:43:12 | ZT06「工业视觉质检应用」",),
    ),
    _case(
        "pass-conform-addition-new",
        "同一课程标为“新增”：通过",
        Sub(P, "addition: 地方化, competencies", "addition: 新增, competencies"),
    ),
    _case(
        "conform-unknown-competency",
        "引用了国家清单和本方案增补中都没有的能力编码",
        Sub(P, "{ref: X1, level: 掌握}", "{ref: X2, level: 掌握}"),
        expected=(f"ZB910 {P}:43:176 | 职业能力 X2 不在专业 510209 的国家职业能力清单中",),
    ),
    _case(
        "pass-conform-addition-competency",
        "增补能力改名为 X2，课程引用 X2：通过",
        Sub(P, "{ref: X1, level: 掌握}", "{ref: X2, level: 掌握}"),
        Sub(P, "  - {code: X1, type:", "  - {code: X2, type:"),
    ),
    _case(
        "conform-unknown-level",
        "学习水平写成“精通”（词表之外）：既报词表，也报该能力没有有效承载",
        Sub(P, '{ref: "2-1-2", level: 理解}', '{ref: "2-1-2", level: 精通}'),
        expected=(
            f"ZB911 {P}:34:189 | 学习水平「精通」不在词表中",
            f"ZB903 {P}:13:1 | 2-1-2「",
        ),
    ),
    _case(
        "pass-conform-level",
        "同一处写“运用”（词表之内，高于要求）：通过",
        Sub(P, '{ref: "2-1-2", level: 理解}', '{ref: "2-1-2", level: 运用}'),
    ),
    _case(
        "conform-mapping-unknown",
        "maps_to 写成国家标准中没有的课程名",
        Sub(P, "maps_to: 人工智能模型部署与运维", "maps_to: 人工智能模型部署运维"),
        expected=(f"ZB912 {P}:37:137 | 声明对应「人工智能模型部署运维」",),
    ),
    _case(
        "pass-conform-mapping-code",
        "maps_to 写国家标准的课程代码：通过",
        Sub(P, "maps_to: 人工智能模型部署与运维", "maps_to: ZH06"),
    ),
    _case(
        "conform-duplicate-plan",
        "同一学校同一年级的方案复制了一份",
        Copy(P, f"{SP}/plans/school-copy.yaml"),
        expected=(f"ZB913 {P}:9:9 | 已在 {SP}/plans/school-copy.yaml 中定义",),
    ),
    _case(
        "pass-conform-two-grades",
        "同一学校两个年级的方案并存：通过",
        Copy(
            P,
            f"{SP}/plans/school-2025.yaml",
            (("grade: 2026级\n", "grade: 2025级\n"), ("（2026级）", "（2025级）")),
        ),
    ),
    _case(
        "plan-totals-mismatch",
        "方案声明的总学时与课程设置各行之和不符（ZB408 也检查人才培养方案）",
        Sub(P, "totals: {hours: 2616,", "totals: {hours: 2600,"),
        expected=(f"ZB408 {P}:48:17 | 声明总学时 2600，课程设置合计为 2616",),
    ),
    _case(
        "broken-plan-national-rules-run",
        "一份方案读不进来（字段名写错）：只报它自己，国家标准的覆盖规则照常运行",
        Sub(P, "school: 示例学院", "schol: 示例学院"),
        Sub(COMP, "深度学习模型的原理, level: 理解}", "深度学习模型的原理, level: 运用}"),
        expected=(
            f"ZB103 {P}:9:1 | 未知字段「schol」",
            f"ZB302 {COMP}:29:74 | 2-1-2 要求达到「运用」",
        ),
    ),
    Case(
        "pass-conform-plan-without-codes",
        "方案的课程行没有课程代码、也没写依据哪一版（真实方案常见，tests/realworld/plan-*）：按课程名称和 maps_to "
        "与国家标准对应，按标准库中的版本审查，通过",
        (Write(P, PLAN_WITHOUT_CODES),),
    ),
    Case(
        "conform-plan-row-without-code",
        "没有课程代码的方案中，一门国家标准没有的课程未标明增补：按名称指出",
        (
            Write(P, PLAN_WITHOUT_CODES),
            Sub(
                P,
                "{name: 工业视觉质检应用, nature: 专业拓展, hours: 32, theory_hours: 8, "
                "practice_hours: 24, credits: 2, semesters: [5], elective: true, addition: 地方化",
                "{name: 工业视觉质检应用, nature: 专业拓展, hours: 32, theory_hours: 8, "
                "practice_hours: 24, credits: 2, semesters: [5], elective: true",
            ),
        ),
        expected=(f"ZB909 {P}:43:12 | 课程「工业视觉质检应用」不在国家标准的课程设置中",),
    ),
]
