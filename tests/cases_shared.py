"""Generated cases for course standards shared by several specialties (`applies_to`, see
`tests/casegen.py` and docs/shared-courses.md)."""

from __future__ import annotations

from tests.casegen import SPEC, Case, Sub, Write

PUBLIC = "standards/公共基础课"


def shared_course(applies: str, *, name: str = "信息技术", hours: int = 72) -> str:
    """A small shared course standard; `applies` is the YAML of its `applies_to` block."""
    return f"""# yaml-language-server: $schema=../../../../schemas/course.schema.json
kind: course
meta:
  title: {name}课程标准
  version: "2025"
  status: 草案
applies_to:
{applies}
code: {name}
name: {name}
nature: 公共基础
hours: {hours}
description: 各专业学生必修的公共基础课程。
objectives:
  - {{type: 能力, text: 能综合利用信息技术工具解决学习和工作中的问题。}}
modules:
  - code: M1
    name: 基础模块
    items:
      - code: M1-1
        name: 信息技术应用基础
        requirements: 认识信息系统，会使用操作系统管理信息资源。
implementation:
  design: 以项目和任务为载体组织教学。
assessment:
  - {{name: 过程性评价}}
"""


SHARED_CASES = [
    Case(
        "shared-course-clean",
        "高职专科各专业共用的信息技术课程标准：课程设置中同名的 GB08 对应它，学时不少于它，没有诊断",
        (Write(f"{PUBLIC}/信息技术.yaml", shared_course("  levels: [高职专科]", hours=64)),),
    ),
    Case(
        "shared-course-scope",
        "共用课程标准的适用专业：不在专业目录中的代码、层次不符的代码、格式不对的代码；"
        "适用于本专业时，课程设置的学时少于标准",
        (
            Write(
                f"{PUBLIC}/信息技术.yaml",
                shared_course(
                    '  levels: [中职, 高职专科]\n  specialties: ["510209", "739999", "310201", "51020"]'
                ),
            ),
        ),
        expected=(
            "ZB217 standards/公共基础课/信息技术.yaml:9:27 warning | 适用专业代码 739999 不在专业目录",
            "ZB218 standards/公共基础课/信息技术.yaml:9:37 | 适用专业 310201 是职业本科专业，不属于适用层次 中职、高职专科",
            "ZB501 standards/公共基础课/信息技术.yaml:9:47 | 专业代码「51020」应为 6 位数字",
            "ZB413 standards/510209-人工智能技术应用/specialty.yaml:39:51 warning | 为 64 学时，少于共用课程标准「standards/公共基础课/信息技术.yaml」规定的 72 学时",
        ),
    ),
    Case(
        "shared-course-link",
        "课程设置链接了不适用于本专业的共用课程标准、代码和名称都不同的共用课程标准；"
        "一门课对应两份共用课程标准",
        (
            Write(f"{PUBLIC}/信息技术-中职.yaml", shared_course("  levels: [中职]")),
            Write(
                f"{PUBLIC}/语文.yaml", shared_course("  levels: [高职专科]", name="语文", hours=0)
            ),
            Write(
                f"{PUBLIC}/信息技术-甲.yaml", shared_course('  specialties: ["510209"]', hours=0)
            ),
            Write(f"{PUBLIC}/信息技术-乙.yaml", shared_course("  levels: [高职专科]", hours=0)),
            Sub(
                SPEC,
                "name: 信息技术, nature: 公共基础,",
                "name: 信息技术, standard: ../公共基础课/信息技术-中职.yaml, nature: 公共基础,",
            ),
            Sub(
                SPEC,
                "{code: GB01, name: 思想道德与法治,",
                "{code: GB01, name: 思想道德与法治, standard: ../公共基础课/语文.yaml,",
            ),
        ),
        expected=(
            "ZB219 standards/510209-人工智能技术应用/specialty.yaml:39:40 | 适用于 中职，不适用于本专业（高职专科 510209）",
            "ZB219 standards/510209-人工智能技术应用/specialty.yaml:32:43 | 代码和名称都不同",
            "ZB412 standards/510209-人工智能技术应用/specialty.yaml:39:5 | 对应 2 份共用课程标准",
        ),
    ),
]
