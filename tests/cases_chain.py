"""Cases of the 中高本一体化 continuity rules (ZB931–ZB937), on the three-level 电子商务 chain
of the examples (730701 中职 → 530701 高职专科 → 330701 职业本科); the unrelated 510209 set is
left out of these cases to keep them small."""

from __future__ import annotations

from tests.casegen import CASES, Case, Delete, Sub

EXAMPLES = CASES.parent.parent
AI = "standards/510209-人工智能技术应用"
WITHOUT_AI = tuple(
    Delete(p.relative_to(EXAMPLES).as_posix())
    for p in sorted((EXAMPLES / AI).rglob("*.yaml"))
    if p.is_file()
)
ZZ01 = "standards/730701-电子商务/courses/zh01.yaml"
GZC = "standards/530701-电子商务/competencies.yaml"
GZS = "standards/530701-电子商务/specialty.yaml"
GZ01 = "standards/530701-电子商务/courses/zh01.yaml"
GZ03 = "standards/530701-电子商务/courses/zh03.yaml"
BKC = "standards/330701-电子商务/competencies.yaml"
BK02 = "standards/330701-电子商务/courses/zh02.yaml"
BK_2_1_1 = "能开展品牌定位与用户研究，制订品牌建设规划并评估品牌资产。\n            type: 能力\n            level: 掌握"
ON_5_1_1 = '{specialty: "730701", competency: "5-1-1"}'
ON_1_1_2 = '{specialty: "730701", competency: "1-1-2"}'
ZZ_TITLE = (
    "分析买家搜索习惯，选取关键词编写商品标题，正确选择类目并填写属性，避免使用违规词和极限词。"
)
GZ_SEARCH = "分析平台搜索与推荐的排序因素，优化商品标题、主图和详情页并用对照测试检验效果。"
GZ_1_2_2 = "能依据平台搜索与推荐规则优化商品标题、主图和详情页，提升搜索排名和转化率。\n            type: 能力\n            level: 运用"


def chain(name: str, about: str, *edits: Sub, expected: tuple[str, ...] = ()) -> Case:
    return Case(name, about, (*WITHOUT_AI, *edits), expected=expected, base=EXAMPLES)


CHAIN_CASES = [
    chain(
        "chain-builds-on-unknown",
        "高职专科的能力衔接中职清单中没有的能力编码（5-1-3）：报错并列出相近编码",
        Sub(GZC, ON_5_1_1, ON_5_1_1.replace("5-1-1", "5-1-3")),
        expected=("ZB931 standards/530701-电子商务/competencies.yaml:109:51 | 5-1-1、5-1-2",),
    ),
    chain(
        "pass-chain-builds-on-known",
        "高职专科的能力改为衔接中职清单中另一项存在的能力（5-1-2）：通过",
        Sub(GZC, ON_5_1_1, ON_5_1_1.replace("5-1-1", "5-1-2")),
    ),
    chain(
        "chain-builds-on-outside",
        "衔接的中职跨境电子商务（730702）不在仓库中：只给出提示，不算错误",
        Sub(GZC, ON_5_1_1, ON_5_1_1.replace("730701", "730702")),
        expected=(
            "ZB932 standards/530701-电子商务/competencies.yaml:109:29 info | 730702「跨境电子商务」（中职）",
        ),
    ),
    chain(
        "chain-builds-on-direction",
        "高职专科的能力写成衔接职业本科 330701 的能力：方向反了",
        Sub(GZC, ON_5_1_1, '{specialty: "330701", competency: "4-1-1"}'),
        expected=(
            "ZB933 standards/530701-电子商务/competencies.yaml:109:29 | 该专业不低于本专业的层次",
        ),
    ),
    chain(
        "chain-level-falls",
        "高职专科 1-2-2 只要求「掌握」，所衔接的中职 1-1-2 要求「运用」：沿衔接链下降",
        Sub(GZC, GZ_1_2_2, GZ_1_2_2.replace("level: 运用", "level: 掌握")),
        expected=(
            "ZB934 standards/530701-电子商务/competencies.yaml:52:20 | 低于所衔接的 730701 专业职业能力 1-1-2 要求的「运用」",
        ),
    ),
    chain(
        "pass-chain-level-raised",
        "高职专科 2-1-1 由「掌握」提高到「运用」，课程也按「运用」承载；以它为基础的职业本科 2-1-1 随之提高：通过",
        Sub(
            GZC,
            "能结合企业市场定位制订全渠道整合营销方案，并评估营销活动的投入产出。\n"
            "            type: 能力\n            level: 掌握",
            "能结合企业市场定位制订全渠道整合营销方案，并评估营销活动的投入产出。\n"
            "            type: 能力\n            level: 运用",
        ),
        Sub(
            GZ03,
            '- ref: "2-1-1"\n            level: 掌握',
            '- ref: "2-1-1"\n            level: 运用',
        ),
        Sub(BKC, BK_2_1_1, BK_2_1_1.replace("level: 掌握", "level: 运用")),
        Sub(
            BK02,
            '- ref: "2-1-1"\n            level: 掌握',
            '- ref: "2-1-1"\n            level: 运用',
        ),
    ),
    chain(
        "chain-level-falls-above",
        "只把高职专科 2-1-1 提高到「运用」：以它为基础的职业本科 2-1-1 仍是「掌握」，沿衔接链下降",
        Sub(
            GZC,
            "能结合企业市场定位制订全渠道整合营销方案，并评估营销活动的投入产出。\n"
            "            type: 能力\n            level: 掌握",
            "能结合企业市场定位制订全渠道整合营销方案，并评估营销活动的投入产出。\n"
            "            type: 能力\n            level: 运用",
        ),
        Sub(
            GZ03,
            '- ref: "2-1-1"\n            level: 掌握',
            '- ref: "2-1-1"\n            level: 运用',
        ),
        expected=(
            "ZB934 standards/330701-电子商务/competencies.yaml:58:20 | 530701 专业职业能力 2-1-1 要求的「运用」",
        ),
    ),
    chain(
        "chain-not-taught-below",
        "高职专科 1-2-2 改为衔接中职 1-1-1，而中职课程把它的承载改成了别的能力：中职未承载（ZB301），高职专科假定的能力下面没有教",
        Sub(GZC, ON_1_1_2, ON_1_1_2.replace("1-1-2", "1-1-1")),
        Sub(ZZ01, '- ref: "1-1-1"', '- ref: "1-2-1"'),
        expected=(
            "ZB301 standards/730701-电子商务/competencies.yaml:25:19",
            "ZB935 standards/530701-电子商务/competencies.yaml:54:51 warning | 该专业没有课程、岗位实习或实训室承载 1-1-1",
        ),
    ),
    chain(
        "pass-chain-taught-below",
        "高职专科 1-2-2 改为衔接中职 1-1-1（中职课程承载它）：通过",
        Sub(GZC, ON_1_1_2, ON_1_1_2.replace("1-1-2", "1-1-1")),
    ),
    chain(
        "chain-content-repeated",
        "高职专科《数据化运营》的一项内容与中职《网店运营》逐字相同（只改了标点）：重复",
        Sub(GZ01, GZ_SEARCH, ZZ_TITLE.replace("，", "、").replace("。", "")),
        expected=(
            "ZB936 standards/530701-电子商务/courses/zh01.yaml:81:23 warning | 与 730701 专业的学习内容逐字相同",
        ),
    ),
    chain(
        "pass-chain-content-raised",
        "高职专科的同一主题在中职内容上提高了要求（文字不同）：通过",
        Sub(GZ01, GZ_SEARCH, ZZ_TITLE.replace("编写商品标题", "编写并用对照测试优化商品标题")),
    ),
    chain(
        "chain-course-repeated",
        "高职专科的专业核心课程改名为「网店运营」，与中职的专业核心课程同名：提示",
        Sub(GZS, "    name: 数据化运营\n", "    name: 网店运营\n"),
        Sub(GZ01, "name: 数据化运营\n", "name: 网店运营\n"),
        expected=(
            "ZB937 standards/530701-电子商务/specialty.yaml:333:11 info | 与 730701 专业的专业核心课程同名",
        ),
    ),
    chain(
        "pass-chain-course-progressed",
        "高职专科的专业核心课程名为「网店运营推广」，与中职「网店运营」不同名：通过",
        Sub(GZS, "    name: 数据化运营\n", "    name: 网店运营推广\n"),
        Sub(GZ01, "name: 数据化运营\n", "name: 网店运营推广\n"),
    ),
    chain(
        "chain-continuation-unknown",
        "高职专科的接续职业本科专业写成目录中没有的 330799，另一项名称与目录不符",
        Sub(GZS, 'code: "330701"\n    name: 电子商务', 'code: "330799"\n    name: 电子商务'),
        Sub(
            "standards/730701-电子商务/specialty.yaml",
            'code: "530701"\n    name: 电子商务',
            'code: "530701"\n    name: 电子商务运营',
        ),
        expected=(
            "ZB939 standards/530701-电子商务/specialty.yaml:548:11 warning | 330799「电子商务」不在随附的专业目录",
            "ZB939 standards/730701-电子商务/specialty.yaml:549:11 warning | 专业目录中为「电子商务」",
        ),
    ),
]
