"""The standards data model (pydantic v2): the single source of truth for the schemas."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, TypeAdapter

from builder.model.common import AssessmentPart, CodeName, CompetencyRef
from builder.model.competencies import (
    BuildsOn,
    Competency,
    CompetencyList,
    Domain,
    OccupationStandard,
    Task,
    scope_parts,
    scoped_code,
)
from builder.model.course import ContentItem, Course, LevelTable, Module, Objective
from builder.model.internship import Internship, InternshipTask, Phase
from builder.model.meta import Meta
from builder.model.schoolplan import Addition, Follows, Plan, PlanCourse
from builder.model.specialty import Career, Occupation, PlannedCourse, Spec, Specialty
from builder.model.training_base import Equipment, Room, TrainingBase

Document = Annotated[
    Specialty | CompetencyList | Course | Internship | TrainingBase | Plan,
    Field(discriminator="kind"),
]
"""Any standard document; the `kind` key selects the model."""

KINDS: dict[str, type[Specialty | CompetencyList | Course | Internship | TrainingBase | Plan]] = {
    "specialty": Specialty,
    "competencies": CompetencyList,
    "course": Course,
    "internship": Internship,
    "training_base": TrainingBase,
    "plan": Plan,
}
KIND_TITLES: dict[str, str] = {
    "specialty": "专业教学标准",
    "competencies": "职业能力清单",
    "course": "课程标准",
    "internship": "岗位实习标准",
    "training_base": "实训基地建设标准",
    "plan": "人才培养方案",
}

DOCUMENT_ADAPTER: TypeAdapter[
    Specialty | CompetencyList | Course | Internship | TrainingBase | Plan
] = TypeAdapter(Document)

__all__ = [
    "DOCUMENT_ADAPTER",
    "KINDS",
    "KIND_TITLES",
    "Addition",
    "AssessmentPart",
    "BuildsOn",
    "Career",
    "CodeName",
    "Competency",
    "CompetencyList",
    "CompetencyRef",
    "ContentItem",
    "Course",
    "Document",
    "Domain",
    "Equipment",
    "Follows",
    "Internship",
    "InternshipTask",
    "LevelTable",
    "Meta",
    "Module",
    "Objective",
    "Occupation",
    "OccupationStandard",
    "Phase",
    "Plan",
    "PlanCourse",
    "PlannedCourse",
    "Room",
    "Spec",
    "Specialty",
    "Task",
    "TrainingBase",
    "scope_parts",
    "scoped_code",
]
