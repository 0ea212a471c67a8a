"""The standards data model (pydantic v2): the single source of truth for the schemas."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, TypeAdapter

from builder.model.common import AssessmentPart, CodeName, CompetencyRef
from builder.model.competencies import BuildsOn, Competency, CompetencyList, Domain, Task
from builder.model.course import ContentItem, Course, Module, Objective
from builder.model.internship import Internship, InternshipTask, Phase
from builder.model.meta import Meta
from builder.model.specialty import Career, Occupation, PlannedCourse, Spec, Specialty
from builder.model.training_base import Equipment, Room, TrainingBase

Document = Annotated[
    Specialty | CompetencyList | Course | Internship | TrainingBase,
    Field(discriminator="kind"),
]
"""Any standard document; the `kind` key selects the model."""

KINDS: dict[str, type[Specialty | CompetencyList | Course | Internship | TrainingBase]] = {
    "specialty": Specialty,
    "competencies": CompetencyList,
    "course": Course,
    "internship": Internship,
    "training_base": TrainingBase,
}
KIND_TITLES: dict[str, str] = {
    "specialty": "专业教学标准",
    "competencies": "职业能力清单",
    "course": "课程标准",
    "internship": "岗位实习标准",
    "training_base": "实训基地建设标准",
}

DOCUMENT_ADAPTER: TypeAdapter[Specialty | CompetencyList | Course | Internship | TrainingBase] = (
    TypeAdapter(Document)
)

__all__ = [
    "DOCUMENT_ADAPTER",
    "KINDS",
    "KIND_TITLES",
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
    "Internship",
    "InternshipTask",
    "Meta",
    "Module",
    "Objective",
    "Occupation",
    "Phase",
    "PlannedCourse",
    "Room",
    "Spec",
    "Specialty",
    "Task",
    "TrainingBase",
]
