"""The figures of a 专业教学标准's plan (total hours and shares), read by the numeric rules
and by the plan page alike: from the course rows, or from the declared 学时安排. A school's
人才培养方案 has the same rows and 学时安排, and is read the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.base.diagnostics import DataPath
from builder.model import Plan, Specialty
from builder.model.sourced import is_excerpt


@dataclass(frozen=True, slots=True)
class Figures:
    """Total hours and shares of one plan, from the rows or from the declared 学时安排."""

    total: int | None
    public: float | None
    elective: float | None
    practice: float | None
    declared: bool
    path: DataPath


def figures(spec: Specialty | Plan) -> Figures | None:
    """Sum the course rows when every row has hours (and the plan is not an excerpt);
    otherwise use `hours_plan`."""
    rows: list[Any] = spec.courses
    if rows and not is_excerpt(rows) and all(c.hours is not None for c in rows):
        total = sum(c.hours or 0 for c in rows)
        if total == 0:
            return None
        practice = (
            sum(c.practice_hours or 0 for c in rows) / total
            if all(c.practice_hours is not None for c in rows)
            else None
        )
        return Figures(
            total=total,
            public=sum(c.hours or 0 for c in rows if c.nature == "公共基础") / total,
            elective=sum(c.hours or 0 for c in rows if c.elective) / total,
            practice=practice,
            declared=False,
            path=("courses",),
        )
    plan = spec.hours_plan
    if plan is None:
        return None
    return Figures(
        plan.total_hours,
        plan.public_share,
        plan.elective_share,
        plan.practice_share,
        declared=True,
        path=("hours_plan",),
    )
