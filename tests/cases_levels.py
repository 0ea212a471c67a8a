"""Generated cases for level vocabularies, scoped codes and the tick matrix (see `tests/casegen.py`).

The base project's list is turned into one numbered per table the way a 国家职业技能标准 is
(五级 and 四级 each start at 1, 1-1, 1-1-1), with a 相关知识要求 column that restarts too; or
its course standards choose another scale (A/B/C) than the list (学习水平 or 五级…一级).
"""

from __future__ import annotations

from tests.casegen import COMP, INTERN, SPEC, ZH01, ZH03, Case, Sub, SubAll

SKILL_LEVELS = (
    "level_vocabularies:\n  职业技能等级: [五级, 四级, 三级, 二级, 一级]\n  内容要求: [A, B, C]\n"
)
SKILL_MAP = (
    "level_mappings:\n"
    "  - from: 职业技能等级\n"
    "    to: 学习水平\n"
    "    levels: {五级: 了解, 四级: 理解, 三级: 掌握, 二级: 运用, 一级: 运用}\n"
)
ABC_MAP = (
    "level_mappings:\n"
    "  - from: 内容要求\n"
    "    to: 学习水平\n"
    "    levels: {A: 了解, B: 理解, C: 掌握}\n"
)
LIST_IN_GRADES = (
    Sub(COMP, 'specialty: "510209"\n', 'specialty: "510209"\nlevels: 职业技能等级\n'),
    Sub(COMP, "level: 理解}", "level: 四级}", 0),
    Sub(COMP, "level: 掌握}", "level: 三级}", 0),
    Sub(COMP, "level: 运用}", "level: 二级}", 0),
)
ZH03_IN_ABC = (
    Sub(ZH03, "semesters: [4]\n", "semesters: [4]\nlevels: 内容要求\n"),
    Sub(ZH03, '{ref: "2-1-2", level: 理解}', '{ref: "2-1-2", level: A}'),
    Sub(ZH03, '{ref: "2-1-1", level: 掌握}', '{ref: "2-1-1", level: B}'),
)
ABC_MAP_HIGH = ABC_MAP.replace("{A: 了解, B: 理解, C: 掌握}", "{A: 理解, B: 掌握, C: 运用}")
TICKS = (
    "level_table:\n"
    "  title: 课程内容分层次要求\n"
    "  group_header: 模块\n"
    "  content_header: 内容\n"
    "  note: A 为了解，B 为理解，C 为掌握。\n"
    "  rows:\n"
    "    - {group: 深度学习基础, content: 神经网络的基本结构, level: A}\n"
    "    - {group: 深度学习基础, content: 前向传播与反向传播, level: B}\n"
    "    - {group: 图像分类模型训练, content: 卷积神经网络训练与调参, level: C}\n"
    "implementation:\n"
)

# 五级 (domain 1) and 四级 (domain 2, renumbered 1) with a 相关知识要求 column in 五级 1-1.
SCOPED = (
    Sub(
        COMP,
        '  - code: "1"\n    name: 数据采集与处理\n',
        '  - code: "1"\n    scope: 五级\n    name: 数据采集与处理\n',
    ),
    Sub(
        COMP,
        '  - code: "2"\n    name: 模型训练与部署\n',
        '  - code: "1"\n    scope: 四级\n    name: 模型训练与部署\n',
    ),
    Sub(COMP, 'code: "2-1"\n', 'code: "1-1"\n'),
    Sub(COMP, 'code: "2-2"\n', 'code: "1-2"\n'),
    Sub(COMP, '{code: "2-1-1",', '{code: "1-1-1",'),
    Sub(COMP, '{code: "2-1-2",', '{code: "1-1-2",'),
    Sub(COMP, '{code: "2-2-1",', '{code: "1-2-1",'),
    Sub(
        COMP,
        '          - {code: "1-1-1", text: 能使用网络爬虫和传感器采集结构化与非结构化数据, level: 掌握}\n',
        '          - {code: "1-1-1", scope: 技能要求, text: 能使用网络爬虫和传感器采集结构化与非结构化数据, level: 掌握}\n'
        '          - {code: "1-1-1", scope: 相关知识要求, type: 知识, text: 数据采集的常用方法与法律法规, level: 理解}\n',
    ),
    SubAll('{ref: "1-1-2", level:', '{ref: "1-1-2", scope: 五级, level:'),
    SubAll('{ref: "1-2-1", level:', '{ref: "1-2-1", scope: 五级, level:'),
    SubAll('{ref: "1-2-2", level:', '{ref: "1-2-2", scope: 五级, level:'),
    Sub(ZH03, '{ref: "2-1-2", level: 理解}', '{ref: "1-1-2", scope: 四级, level: 理解}'),
    Sub(ZH03, '{ref: "2-1-1", level: 掌握}', '{ref: "1-1-1", scope: 四级, level: 掌握}'),
    Sub(INTERN, '{ref: "2-2-1", level: 运用}', '{ref: "1-2-1", scope: 四级, level: 运用}'),
    Sub(SPEC, 'competencies: ["2-1-2"]', 'competencies: ["1-1-2（四级）"]'),
    Sub(
        SPEC,
        'competencies: ["1-1-1", "1-1-2", "1-2-1", "1-2-2"]',
        'competencies: ["1-1-1（五级/技能要求）", "1-1-2（五级）", "1-2-1（五级）", "1-2-2（五级）"]',
    ),
    Sub(
        SPEC, 'competencies: ["2-1-1", "2-2-1"]', 'competencies: ["1-1-1（四级）", "1-2-1（四级）"]'
    ),
)
OCCUPATION = Sub(
    COMP,
    'specialty: "510209"\n',
    'specialty: "510209"\n'
    "occupation:\n"
    "  title: 人工智能训练师国家职业技能标准（2021年版）\n"
    "  code: 4-04-05-05\n"
    "  name: 人工智能训练师\n"
    "  definition: 使用智能训练软件，在人工智能产品实际使用过程中进行数据库管理、算法参数设置、"
    "人机交互设计、性能测试跟踪及其他辅助作业的人员。\n"
    "  grades: [五级/初级工, 四级/中级工]\n"
    "  training_hours:\n"
    "    - {name: 五级/初级工, text: 60 标准学时}\n"
    "    - {name: 四级/中级工, text: 50 标准学时}\n"
    "  eligibility: 原文未给出\n"
    "  weights:\n"
    "    - {group: 理论知识, item: 数据采集和处理, weights: {五级/初级工: 30, 四级/中级工: null}}\n",
)
KNOWLEDGE_REF = Sub(
    ZH01,
    '{ref: "1-1-1", level: 掌握}',
    '{ref: "1-1-1", scope: 五级/技能要求, level: 掌握}\n'
    '          - {ref: "1-1-1", scope: 相关知识要求, level: 理解}',
)

LEVEL_CASES = [
    Case(
        "pass-vocabularies-mapped",
        "清单用 五级…一级，课程标准用 学习水平，zhibiao.yaml 声明了对应关系：覆盖照常判断，通过",
        LIST_IN_GRADES,
        config=SKILL_LEVELS + SKILL_MAP,
        expected=(),
    ),
    Case(
        "levels-not-comparable",
        "课程标准改用 A/B/C，未声明与 学习水平 的对应关系：无法比较，报信息而不是静默跳过",
        ZH03_IN_ABC,
        config=SKILL_LEVELS,
        expected=(
            "ZB306 standards/510209-人工智能技术应用/competencies.yaml:28:64 info | 无法比较：职业能力 2-1-1 要求「掌握」（学习水平），承载处用的水平词表 内容要求 与 学习水平 未声明对应关系",
            "ZB306 standards/510209-人工智能技术应用/competencies.yaml:29:74 info | level_mappings",
        ),
    ),
    Case(
        "levels-mapped-below",
        "A/B/C 声明为 了解/理解/掌握：换算后课程达到的水平低于清单要求",
        ZH03_IN_ABC,
        config=SKILL_LEVELS + ABC_MAP,
        expected=(
            "ZB302 standards/510209-人工智能技术应用/competencies.yaml:28:64 | 要求达到「掌握」，但承载处最高只到「B」",
            "ZB302 standards/510209-人工智能技术应用/competencies.yaml:29:74 | 要求达到「理解」，但承载处最高只到「A」",
        ),
    ),
    Case(
        "unknown-vocabulary",
        "课程标准选用了 zhibiao.yaml 中没有声明的水平词表",
        (Sub(ZH03, "semesters: [4]\n", "semesters: [4]\nlevels: 内容等级\n"),),
        config=SKILL_LEVELS,
        expected=(
            "ZB307 standards/510209-人工智能技术应用/courses/ZH03.yaml:16:9 | 改用：学习水平、职业技能等级、内容要求",
        ),
    ),
    Case(
        "pass-tick-matrix",
        "课程标准的 A/B/C 内容 × 水平打勾表；A/B/C 对应 理解/掌握/运用，覆盖达到要求：通过",
        (*ZH03_IN_ABC, Sub(ZH03, "implementation:\n", TICKS)),
        config=SKILL_LEVELS + ABC_MAP_HIGH,
        expected=(),
    ),
    Case(
        "tick-level-unknown",
        "打勾表中勾了词表之外的列（D），同一行两次勾 B",
        (
            *ZH03_IN_ABC,
            Sub(ZH03, "implementation:\n", TICKS),
            Sub(
                ZH03,
                "content: 神经网络的基本结构, level: A}",
                "content: 神经网络的基本结构, level: D}",
            ),
            Sub(
                ZH03,
                "content: 前向传播与反向传播, level: B}",
                "content: 前向传播与反向传播, level: [B, B]}",
            ),
        ),
        config=SKILL_LEVELS + ABC_MAP,
        expected=(
            "ZB302 standards/510209-人工智能技术应用/competencies.yaml:28:64",
            "ZB302 standards/510209-人工智能技术应用/competencies.yaml:29:74",
            "ZB308 standards/510209-人工智能技术应用/courses/ZH03.yaml:47:50 | 打勾表中的水平「D」不在词表 内容要求 中",
            "ZB308 standards/510209-人工智能技术应用/courses/ZH03.yaml:48:54 | 同一行两次勾「B」",
        ),
    ),
    Case(
        "pass-scoped-codes",
        "清单按等级分表、按列重新编号（五级 与 四级 都从 1-1-1 起，技能要求 与 相关知识要求 各自编号），引用写明范围：通过",
        (*SCOPED, KNOWLEDGE_REF, OCCUPATION),
        expected=(),
    ),
    Case(
        "scoped-reference-ambiguous",
        "按范围编号的清单：引用 1-1-1 不写范围（对应三项）、写了不存在的范围、同一范围内编码重复",
        (
            *SCOPED,
            Sub(
                ZH01,
                '{ref: "1-1-1", level: 掌握}',
                '{ref: "1-1-1", level: 掌握}\n          - {ref: "1-1-2", scope: 三级, level: 掌握}',
            ),
            Sub(
                COMP,
                '{code: "1-2-2", text: 能对标注数据进行质量检验并编写检验报告, level: 掌握}',
                '{code: "1-2-2", text: 能对标注数据进行质量检验并编写检验报告, level: 掌握}\n'
                '          - {code: "1-2-2", text: 能编写标注规范, level: 掌握}',
            ),
        ),
        expected=(
            "ZB301 standards/510209-人工智能技术应用/competencies.yaml:16:20 | 职业能力 1-1-1（五级/技能要求）",
            "ZB301 standards/510209-人工智能技术应用/competencies.yaml:17:20 | 职业能力 1-1-1（五级/相关知识要求）",
            "ZB216 standards/510209-人工智能技术应用/courses/ZH01.yaml:34:19 | 对应 3 项：1-1-1（五级/技能要求）、1-1-1（五级/相关知识要求）、1-1-1（四级）",
            "ZB201 standards/510209-人工智能技术应用/courses/ZH01.yaml:35:19 | 清单中该编码出现在：1-1-2（五级）、1-1-2（四级）",
            "ZB204 standards/510209-人工智能技术应用/competencies.yaml:24:20 | 职业能力「1-2-2（五级）」重复",
        ),
    ),
]

LEVEL_CASES += [
    Case(
        "config-mapping-unknown-vocabulary",
        "level_mappings 引用了未声明的词表",
        (),
        config=SKILL_LEVELS + SKILL_MAP.replace("from: 职业技能等级", "from: 技能等级"),
        expected=("usage-error zhibiao.yaml:5:11 | level_mappings 中的词表「技能等级」未声明",),
    ),
    Case(
        "config-mapping-out-of-order",
        "对应关系颠倒了顺序（二级 对应的水平低于 三级 的）",
        (),
        config=SKILL_LEVELS + SKILL_MAP.replace("二级: 运用", "二级: 理解"),
        expected=("usage-error zhibiao.yaml:7:42 | 对应关系颠倒了顺序",),
    ),
    Case(
        "config-mapping-unknown-level",
        "对应关系中的水平不在目标词表中",
        (),
        config=SKILL_LEVELS + SKILL_MAP.replace("五级: 了解", "五级: 知道"),
        expected=("usage-error zhibiao.yaml:7:18 | 「五级」对应的「知道」不在词表「学习水平」中",),
    ),
]
