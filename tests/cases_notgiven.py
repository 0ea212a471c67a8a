"""Cases of issue 14 §2: codes the source does not give (`specialty: 原文未给出`)."""

from __future__ import annotations

from tests.casegen import BASEF, INTERN, Case, Copy

NAME_ONLY = "specialty: 原文未给出\nspecialty_name: {name}"

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
]
