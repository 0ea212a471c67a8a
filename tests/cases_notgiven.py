"""Cases of issue 14 §2: codes the source does not give (`specialty: 原文未给出`)."""

from __future__ import annotations

from tests.casegen import BASEF, INTERN, SP, Case, Copy

NAME_ONLY = "specialty: 原文未给出\nspecialty_name: {name}"

SCHOOL = "specialty: 原文未给出\nspecialty_name: 计算机应用技术等专业\ncode: 原文未给出"


def _school_course(code: str, links: tuple[tuple[str, str], ...]) -> Copy:
    """A course standard of 510209 turned into a school's one without any code."""
    return Copy(
        f"{SP}/courses/{code}.yaml",
        f"standards/计算机应用技术/{code.lower()}.yaml",
        ((f'specialty: "510209"\ncode: {code}', SCHOOL), *links),
    )


NOT_GIVEN_CASES = [
    Case(
        "pass-specialty-not-given",
        "两份只写专业名称的标准（specialty: 原文未给出）与 510209 的标准在同一目录树中：各按原文给出的名称归组，"
        "不报专业代码格式（ZB501）、待补充（ZB605）或对不上（ZB213），也不与别的专业混在一起",
        (
            Copy(
                BASEF,
                "standards/智能交通技术运用/training-base.yaml",
                (('specialty: "510209"', NAME_ONLY.format(name="智能交通技术运用")),),
            ),
            Copy(
                INTERN,
                "standards/电子商务/internship.yaml",
                (('specialty: "510209"', NAME_ONLY.format(name="电子商务")),),
            ),
        ),
    ),
    Case(
        "pass-course-code-not-given",
        "两份学校课程标准都没有课程代码（code: 原文未给出）、也没有专业代码：按课程名称区分，不报重复的课程标准（ZB207），"
        "先修、后续课程按名称对上",
        (
            _school_course(
                "ZH01",
                (
                    ("prerequisites: [ZJ01]", "prerequisites: []"),
                    ("followups: [ZH03]", "followups: [深度学习应用开发]"),
                ),
            ),
            _school_course(
                "ZH03", (("prerequisites: [ZJ01, ZH01, ZH02]", "prerequisites: [数据采集与标注]"),)
            ),
        ),
    ),
    Case(
        "orphan-course-not-given",
        "专业 510209 中一份没有课程代码的课程标准（code: 原文未给出），其名称不在课程设置中：按名称对应不上，"
        "警告写出课程名称，不把“原文未给出”当作课程代码",
        (
            Copy(
                f"{SP}/courses/ZH01.yaml",
                f"{SP}/courses/extra.yaml",
                (("code: ZH01\nname: 数据采集与标注", "code: 原文未给出\nname: 数据可视化"),),
            ),
        ),
        expected=(
            "ZB303 standards/510209-人工智能技术应用/courses/extra.yaml:8:7 warning | "
            "课程「数据可视化」（课程代码原文未给出）不在专业 510209 的课程设置中",
        ),
    ),
]
