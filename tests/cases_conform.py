"""Generated cases of the conformance rules ZB901–ZB913 (see `tests/casegen.py`).

Every case starts from the repository's examples, where two schools' 人才培养方案 follow the
national 510209 standard: 江城 (in force, conforming) and 海港 (a 送审稿 that does not
conform, which `check` leaves to `zhibiao conform`). Each rule has a failing case and a
passing one that stays just inside the rule.
"""

from __future__ import annotations

from tests.casegen import CASES, Case, Copy, Sub

EXAMPLES = CASES.parent.parent
AI = "standards/510209-人工智能技术应用"
PLANS = f"{AI}/plans"
J = f"{PLANS}/jiangcheng-2026.yaml"
H = f"{PLANS}/haigang-2026.yaml"
ZT07_ELECTIVE = '    semesters: [5]\n    elective: true\n    competencies:\n      - {ref: "4-1-2"'
ZT07_REQUIRED = '    semesters: [5]\n    competencies:\n      - {ref: "4-1-2"'


def _case(name: str, about: str, *edits: Sub | Copy, expected: tuple[str, ...] = ()) -> Case:
    return Case(name, about, tuple(edits), expected=expected, base=EXAMPLES)


CONFORM_CASES = [
    _case(
        "pass-conform-examples",
        "两所学校的方案并存：江城方案执行中且符合；海港方案是送审稿，不符合之处由 zhibiao conform 报告，check 不报",
    ),
    _case(
        "conform-in-force",
        "海港方案改为发布（执行中）：删去的核心课程、未标明的增补、偏低的能力水平、学时和占比都报错",
        Sub(H, "  status: 送审稿\n", "  status: 发布\n  doc_no: 海职院〔2026〕8号\n"),
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
    _case(
        "conform-standard-missing",
        "方案依据的专业代码在标准库中没有专业教学标准：提示未检查符合性",
        Sub(J, '  code: "510209"\n', '  code: "510299"\n'),
        expected=(f"ZB901 {J}:21:9 info | 标准库中没有专业 510299",),
    ),
    _case(
        "conform-edition",
        "方案仍依据 2025 版，标准库中是 2026 版：警告，不按新版逐项比较",
        Sub(J, '  version: "2026"\n', '  version: "2025"\n'),
        expected=(f"ZB902 {J}:22:12 warning | 本方案依据 2025 版",),
    ),
    _case(
        "conform-competency-missing",
        "删去唯一承载 4-3-1 的引用：国家标准的能力没有课程承载",
        Sub(J, '      - {ref: "4-3-1", level: 理解}\n', ""),
        expected=(f"ZB903 {J}:32:1 | 4-3-1「",),
    ),
    _case(
        "pass-conform-competency-moved",
        "4-3-1 改由地方化课程 ZT07 承载，水平不变：通过",
        Sub(J, '      - {ref: "4-3-1", level: 理解}\n', ""),
        Sub(
            J,
            '      - {ref: "X1", level: 掌握}\n',
            '      - {ref: "X1", level: 掌握}\n      - {ref: "4-3-1", level: 理解}\n',
        ),
    ),
    _case(
        "conform-competency-level",
        "4-3-1 只到“了解”，国家标准要求“理解”",
        Sub(J, '      - {ref: "4-3-1", level: 理解}\n', '      - {ref: "4-3-1", level: 了解}\n'),
        expected=(f"ZB904 {J}:350:31 | 本方案最高只到「了解」",),
    ),
    _case(
        "pass-conform-competency-raised",
        "4-3-1 提高到“掌握”，高于国家标准：通过（报告中为超出）",
        Sub(J, '      - {ref: "4-3-1", level: 理解}\n', '      - {ref: "4-3-1", level: 掌握}\n'),
    ),
    _case(
        "conform-core-course-missing",
        "改名的核心课程换了代码、又没有声明 maps_to：核心课程缺失，新课程未标明增补",
        Sub(J, '  - code: "ZH07"\n', '  - code: "AI07"\n'),
        Sub(J, '    maps_to: "人工智能模型部署与运维"\n', ""),
        expected=(
            f"ZB905 {J}:32:1 | ZH07「人工智能模型部署与运维」不在本方案的课程设置中",
            f"ZB909 {J}:354:11 | AI07「AI模型部署与边缘运维」",
        ),
    ),
    _case(
        "pass-conform-core-course-mapped",
        "改名的核心课程换了代码，但声明了 maps_to：通过",
        Sub(J, '  - code: "ZH07"\n', '  - code: "AI07"\n'),
    ),
    _case(
        "conform-course-hours",
        "大学英语从 128 学时压到 96 学时：低于国家标准的课程学时",
        Sub(J, "    hours: 128\n    theory_hours: 96\n", "    hours: 96\n    theory_hours: 64\n"),
        Sub(J, "  hours: 2768\n", "  hours: 2736\n"),
        expected=(
            f"ZB906 {J}:69:12 | GG05「大学英语」96 学时，国家标准中 GG05「大学英语」为 128 学时",
        ),
    ),
    _case(
        "pass-conform-course-hours-raised",
        "大学英语增加到 144 学时：高于国家标准，通过",
        Sub(J, "    hours: 128\n    theory_hours: 96\n", "    hours: 144\n    theory_hours: 112\n"),
        Sub(J, "  hours: 2768\n", "  hours: 2784\n"),
    ),
    _case(
        "conform-total-hours",
        "岗位实习压缩到 480 学时：总学时低于国家标准的 2704（仍高于 13号 的 2500），该课程学时也不足",
        Sub(
            J,
            "    hours: 576\n    theory_hours: 0\n    practice_hours: 576\n",
            "    hours: 480\n    theory_hours: 0\n    practice_hours: 480\n",
        ),
        Sub(J, "  hours: 2768\n", "  hours: 2672\n"),
        expected=(
            f"ZB907 {J}:32:1 | 总学时 2672",
            f"ZB906 {J}:514:12 | SJ06「岗位实习」480 学时",
        ),
    ),
    _case(
        "conform-shares",
        "三门选修课改成必修：选修课学时占比低于 10%",
        Sub(J, ZT07_ELECTIVE, ZT07_REQUIRED),
        Sub(J, '    elective: true\n  - code: "ZT02"', '  - code: "ZT02"'),
        Sub(J, '    elective: true\n  - code: "ZT03"', '  - code: "ZT03"'),
        expected=(f"ZB908 {J}:32:1 | 选修课学时占比 8.",),
    ),
    _case(
        "pass-conform-shares",
        "只有地方化课程 ZT07 改成必修：选修课仍占 11.6%，通过",
        Sub(J, ZT07_ELECTIVE, ZT07_REQUIRED),
    ),
    _case(
        "conform-addition-unmarked",
        "地方化课程没有标明 addition",
        Sub(J, "    addition: 地方化\n", ""),
        expected=(f"ZB909 {J}:431:11 | ZT07「工业视觉质检应用」",),
    ),
    _case(
        "pass-conform-addition-new",
        "同一课程标为“新增”：通过",
        Sub(J, "    addition: 地方化\n", "    addition: 新增\n"),
    ),
    _case(
        "conform-unknown-competency",
        "引用了国家清单和本方案增补中都没有的能力编码",
        Sub(J, '      - {ref: "X1", level: 掌握}\n', '      - {ref: "X2", level: 掌握}\n'),
        expected=(f"ZB910 {J}:442:15 | 职业能力 X2 不在专业 510209 的国家职业能力清单中",),
    ),
    _case(
        "pass-conform-addition-competency",
        "增补能力改名为 X2，课程引用 X2：通过",
        Sub(J, '      - {ref: "X1", level: 掌握}\n', '      - {ref: "X2", level: 掌握}\n'),
        Sub(J, '  - code: "X1"\n', '  - code: "X2"\n'),
    ),
    _case(
        "conform-unknown-level",
        "学习水平写成“精通”（词表之外）",
        Sub(
            J,
            '      - {ref: "4-4-2", level: 掌握}\n  - code: "ZH07"',
            '      - {ref: "4-4-2", level: 精通}\n  - code: "ZH07"',
        ),
        expected=(f"ZB911 {J}:353:31 | 学习水平「精通」不在词表中",),
    ),
    _case(
        "pass-conform-level",
        "同一处写“运用”（词表之内，高于要求）：通过",
        Sub(
            J,
            '      - {ref: "4-4-2", level: 掌握}\n  - code: "ZH07"',
            '      - {ref: "4-4-2", level: 运用}\n  - code: "ZH07"',
        ),
    ),
    _case(
        "conform-mapping-unknown",
        "maps_to 写成国家标准中没有的课程名",
        Sub(J, '    maps_to: "人工智能模型部署与运维"\n', '    maps_to: "人工智能模型部署运维"\n'),
        expected=(f"ZB912 {J}:374:14 | 声明对应「人工智能模型部署运维」",),
    ),
    _case(
        "pass-conform-mapping-code",
        "maps_to 写国家标准的课程代码：通过",
        Sub(J, '    maps_to: "人工智能模型部署与运维"\n', '    maps_to: "ZH07"\n'),
    ),
    _case(
        "conform-duplicate-plan",
        "同一学校同一年级的方案复制了一份",
        Copy(J, f"{PLANS}/jiangcheng-copy.yaml"),
        expected=(f"ZB913 {PLANS}/jiangcheng-copy.yaml:19:9 | 已在 {J} 中定义",),
    ),
    _case(
        "pass-conform-two-grades",
        "同一学校两个年级的方案并存：通过",
        Copy(
            J,
            f"{PLANS}/jiangcheng-2025.yaml",
            (("grade: 2026级\n", "grade: 2025级\n"), ("（2026级）", "（2025级）")),
        ),
    ),
    _case(
        "plan-totals-mismatch",
        "方案声明的总学时与课程设置各行之和不符（ZB408 也检查人才培养方案）",
        Sub(J, "  hours: 2768\n", "  hours: 2760\n"),
        expected=(f"ZB408 {J}:553:10 | 声明总学时 2760，课程设置合计为 2768",),
    ),
    _case(
        "broken-plan-national-rules-run",
        "一份方案读不进来（字段名写错）：只报它自己，国家标准的覆盖规则照常运行",
        Sub(J, "school: 示例江城", "schol: 示例江城"),
        Sub(
            f"{AI}/competencies.yaml",
            "使用许可的相关规定。\n            type: 知识\n            level: 了解",
            "使用许可的相关规定。\n            type: 知识\n            level: 运用",
        ),
        expected=(
            f"ZB103 {J}:19:1 | 未知字段「schol」",
            f"ZB302 {AI}/competencies.yaml:278:20 | 6-1-2 要求达到「运用」",
        ),
    ),
]
