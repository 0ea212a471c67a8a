"""Generated cases for severity overrides, --strict and config errors (see `tests/casegen.py`)."""

from __future__ import annotations

from tests.casegen import SPEC, ZH03, Case, Sub
from tests.cases_rules import UNLISTED

SEVERITY = [
    Case(
        "severity-ignore",
        "专业代码不在随附的专业目录中，但 severity 把 ZB503 设为 ignore：没有输出",
        UNLISTED,
        config="severity:\n  ZB503: ignore\n",
        expected=(),
    ),
    Case(
        "severity-warning",
        "考核权重之和为 90，但 severity 把 ZB409 降为 warning：退出码 0",
        (Sub(ZH03, "  - {name: 项目答辩, weight: 50}", "  - {name: 项目答辩, weight: 40}"),),
        config="severity:\n  ZB409: warning\n",
        expected=("ZB409 standards/510209-人工智能技术应用/courses/ZH03.yaml:43:1 warning",),
    ),
    Case(
        "severity-info",
        "专业名称与目录不一致本是警告，severity 把 ZB503 降为 info：退出码 0，--strict 下也是 0",
        (Sub(SPEC, "\nname: 人工智能技术应用\n", "\nname: 人工智能技术\n"),),
        expected=("ZB503 standards/510209-人工智能技术应用/specialty.yaml:10:7 info",),
        args="--strict",
        config="severity:\n  ZB503: info\n",
    ),
    Case(
        "severity-error",
        "征求意见稿缺截止日期本是警告，severity 把 ZB604 升为 error：退出码 1",
        (Sub(SPEC, "  comment_deadline: 2025-12-31\n", ""),),
        config="severity:\n  ZB604: error\n",
        expected=("ZB604 standards/510209-人工智能技术应用/specialty.yaml:6:11 error",),
    ),
]

CONFIG = [
    Case(
        "config-syntax-error",
        "zhibiao.yaml 语法错误：退出码 2，stderr 给出位置",
        (),
        config="learning_levels: [了解, 理解, 掌握, 运用\nseverity: {}\n",
        expected=("usage-error zhibiao.yaml:2:9 | 第 1 行的方括号“[”似乎没有闭合",),
    ),
    Case(
        "config-unknown-key",
        "zhibiao.yaml 配置项拼错：提示最接近的配置项",
        (),
        config="learning_level: [了解, 理解, 掌握, 运用]\n",
        expected=("usage-error zhibiao.yaml:1:1 | 是否应为「learning_levels」",),
    ),
    Case(
        "config-nested-unknown-key",
        "numeric_rules 中的规则名拼错：提示最接近的规则名",
        (),
        config="numeric_rules:\n  levels:\n    高职专科:\n      total_hour: {min: 2600}\n",
        expected=("usage-error zhibiao.yaml:4:7 | 是否应为「total_hours」",),
    ),
    Case(
        "config-wrong-type",
        "learning_levels 写成了一个字符串",
        (),
        config="learning_levels: 了解、理解、掌握、运用\n",
        expected=("usage-error zhibiao.yaml:1:18 | 应为列表",),
    ),
    Case(
        "config-unknown-level",
        "numeric_rules 中的层次写成“高职”",
        (),
        config="numeric_rules:\n  levels:\n    高职:\n      total_hours: {min: 2600}\n",
        expected=("usage-error zhibiao.yaml:3:5 | 是否应为「高职专科」",),
    ),
    Case(
        "config-unknown-rule",
        "severity 中的规则代码不存在",
        (),
        config="severity:\n  ZB503: ignore\n  ZB50: warning\n",
        expected=("usage-error zhibiao.yaml:3:3 | 规则代码 ZB50 不存在",),
    ),
    Case(
        "config-bad-severity",
        "severity 的取值不是 error/warning/info/ignore",
        (),
        config="severity:\n  ZB503: off\n",
        expected=("usage-error zhibiao.yaml:2:10 | 「off」无效",),
    ),
    Case(
        "config-duplicate-levels",
        "learning_levels 中有重复的取值",
        (),
        config="learning_levels: [了解, 理解, 掌握, 理解, 运用]\n",
        expected=("usage-error zhibiao.yaml:1:31 | 「理解」重复",),
    ),
]

CONFIG_CASES: list[Case] = [*SEVERITY, *CONFIG]
