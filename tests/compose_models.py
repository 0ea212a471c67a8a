"""Small in-memory standards for the composer and renderer unit tests (no files)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from builder.model import CompetencyList, Course, Internship, Specialty, TrainingBase
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded

DRAFT = {"version": "2025", "status": "征求意见稿", "comment_deadline": dt.date(2025, 12, 31)}


def meta(title: str, **extra: Any) -> dict[str, Any]:
    """Document metadata with a title; draft by default."""
    return {"title": title, **DRAFT, **extra}


def planned(
    code: str, name: str, nature: str, hours: int, practice: int, credits: float, **extra: Any
) -> dict[str, Any]:
    """One row of the course plan."""
    return {
        "code": code,
        "name": name,
        "nature": nature,
        "hours": hours,
        "theory_hours": hours - practice,
        "practice_hours": practice,
        "credits": credits,
        "semesters": [1],
        **extra,
    }


def specialty(**changes: Any) -> Specialty:
    """A small 510209 专业教学标准 with five planned courses."""
    data: dict[str, Any] = {
        "kind": "specialty",
        "meta": meta("人工智能技术应用专业教学标准"),
        "code": "510209",
        "name": "人工智能技术应用",
        "level": "高职专科",
        "overview": "为服务人工智能产业发展，制定本标准。\n\n本标准规定了入学基本要求等内容。",
        "admission": "普通高级中学毕业、中等职业学校毕业或具有同等学力。",
        "duration": {"years": 3, "note": "实行弹性学制的学校，修业年限可为 3～6 年。"},
        "career": {
            "major_category": {"code": "51", "name": "电子与信息大类"},
            "major_class": {"code": "5102", "name": "计算机类"},
            "industries": [{"code": "65", "name": "软件和信息技术服务业"}],
            "occupations": [{"code": "4-04-05-05", "name": "人工智能训练师", "marks": ["S"]}],
            "posts": ["人工智能数据标注与质检", "智能应用开发"],
            "certificates": ["人工智能训练师（职业技能等级证书）"],
        },
        "objectives": "本专业培养能够从事人工智能数据处理与应用开发工作的高技能人才。",
        "specs": [
            {"code": "Q1", "type": "素质", "text": "具有数据安全意识。", "competencies": ["1-1-2"]},
            {
                "code": "A1",
                "type": "能力",
                "text": "具有数据采集与标注能力。",
                "competencies": ["1-1-1", "1-2-1"],
            },
        ],
        "courses": [
            planned("GG01", "思想道德与法治", "公共基础", 48, 8, 3),
            planned("GG05", "大学英语", "公共基础", 128, 32, 8),
            planned("ZJ02", "Python程序设计", "专业基础", 64, 32, 4, standard="courses/zj02.yaml"),
            planned("ZH01", "数据采集与标注", "专业核心", 64, 40, 4, standard="courses/zh01.yaml"),
            planned("ZT01", "数据可视化技术", "专业拓展", 48, 24, 3, elective=True),
        ],
        "teachers": "专任教师中“双师型”教师一般不低于 60%。",
        "conditions": "应配置数据采集与标注实训室。",
        "quality": "建立专业教学质量监控管理制度。",
        "graduation": ["修满规定学分", "完成岗位实习"],
        "competencies": "competencies.yaml",
    }
    data.update(changes)
    return Specialty.model_validate(data)


def competency_list(**changes: Any) -> CompetencyList:
    """Two domains, three tasks, four competencies."""
    data: dict[str, Any] = {
        "kind": "competencies",
        "meta": meta("人工智能技术应用专业职业能力清单"),
        "specialty": "510209",
        "domains": [
            {
                "code": "1",
                "name": "数据采集与处理",
                "tasks": [
                    {
                        "code": "1-1",
                        "name": "数据采集",
                        "competencies": [
                            {"code": "1-1-1", "text": "能制定数据采集方案。", "level": "掌握"},
                            {
                                "code": "1-1-2",
                                "text": "能遵守数据安全法规。",
                                "type": "素质",
                                "level": "理解",
                            },
                        ],
                    },
                    {
                        "code": "1-2",
                        "name": "数据标注",
                        "competencies": [
                            {
                                "code": "1-2-1",
                                "text": "能使用标注工具完成图像标注。",
                                "level": "运用",
                            }
                        ],
                    },
                ],
            },
            {
                "code": "2",
                "name": "模型训练",
                "tasks": [
                    {
                        "code": "2-1",
                        "name": "模型训练与评估",
                        "competencies": [
                            {"code": "2-1-1", "text": "能训练并评估分类模型。", "level": "掌握"}
                        ],
                    }
                ],
            },
        ],
    }
    data.update(changes)
    return CompetencyList.model_validate(data)


def course(code: str, name: str, refs: list[tuple[str, str]], **changes: Any) -> Course:
    """A 课程标准 whose single module teaches `refs` [(competency, level), …]."""
    data: dict[str, Any] = {
        "kind": "course",
        "meta": meta(f"{name}课程标准"),
        "specialty": "510209",
        "code": code,
        "name": name,
        "nature": "专业核心",
        "hours": 64,
        "theory_hours": 24,
        "practice_hours": 40,
        "credits": 4,
        "semesters": [3],
        "prerequisites": ["ZJ02"] if code != "ZJ02" else [],
        "description": "本课程是专业核心课程。",
        "objectives": [
            {"type": "素质", "text": "具有规范意识。"},
            {"type": "能力", "text": "能完成项目。"},
        ],
        "modules": [
            {
                "code": "M1",
                "name": "项目实践",
                "hours": 64,
                "items": [
                    {
                        "code": "M1-1",
                        "name": "综合项目",
                        "requirements": "完成一个综合项目。",
                        "hours": 64,
                        "competencies": [{"ref": r, "level": lv} for r, lv in refs],
                    }
                ],
            }
        ],
        "implementation": {"design": "项目教学。", "teachers": "具有项目经验。"},
        "assessment": [
            {"name": "过程考核", "weight": 40, "method": "任务评分"},
            {"name": "期末考核", "weight": 60},
        ],
        "signoff": {"author": "陈静", "reviewer": "王立新", "date": dt.date(2025, 6, 1)},
    }
    data.update(changes)
    return Course.model_validate(data)


def internship(**changes: Any) -> Internship:
    """岗位实习标准 with two tasks."""
    data: dict[str, Any] = {
        "kind": "internship",
        "meta": meta("人工智能技术应用专业岗位实习标准"),
        "specialty": "510209",
        "scope": "本标准适用于人工智能技术应用专业的岗位实习。",
        "objectives": ["熟悉企业数据服务流程", "能独立完成数据标注任务"],
        "schedule": [{"type": "岗位实习", "semesters": [6], "months": 6, "weeks": 24}],
        "conditions": {
            "enterprises": "实习单位应具有人工智能数据服务业务。",
            "posts": ["数据标注员", "模型测试员"],
            "supervisors": "校企双导师指导。",
        },
        "tasks": [
            {
                "code": "T1",
                "name": "数据标注与质检",
                "post": "数据标注员",
                "content": "完成图像标注与质检。",
                "weeks": 12,
                "competencies": [{"ref": "1-2-1", "level": "运用"}],
            },
            {
                "code": "T2",
                "name": "模型测试",
                "content": "完成模型测试。",
                "competencies": [{"ref": "2-1-1", "level": "掌握"}],
            },
        ],
        "outcomes": ["实习报告"],
        "assessment": [{"name": "企业评价", "weight": 60}, {"name": "学校评价", "weight": 40}],
        "management": "签订三方协议，购买实习责任保险。",
    }
    data.update(changes)
    return Internship.model_validate(data)


def training_base(**changes: Any) -> TrainingBase:
    """实训基地建设标准 with one room."""
    data: dict[str, Any] = {
        "kind": "training_base",
        "meta": meta("人工智能技术应用专业实训基地建设标准"),
        "specialty": "510209",
        "scope": "本标准规定了校内实训基地的建设要求。",
        "class_size": 40,
        "rooms": [
            {
                "code": "R1",
                "name": "数据采集与标注实训室",
                "functions": "支持数据采集与标注教学。",
                "area": 120,
                "stations": 40,
                "courses": ["ZH01"],
                "competencies": [{"ref": "1-1-1", "level": "理解"}],
                "equipment": [
                    {
                        "name": "标注工作站",
                        "spec": "8 核 CPU，32 GB 内存",
                        "unit": "台",
                        "quantity": 40,
                    }
                ],
            }
        ],
        "external": [{"name": "数据服务企业", "requirements": "能提供标注岗位。"}],
        "management": "实训室实行安全责任制。",
    }
    data.update(changes)
    return TrainingBase.model_validate(data)


def loaded(doc: Any, rel: str) -> Loaded[Any]:
    """Wrap a model as if loaded from `standards/510209/<rel>`."""
    path = Path("standards/510209") / rel
    return Loaded(path, path.as_posix(), doc)


def small_corpus(*extra: Loaded[Any], with_all: bool = True) -> Corpus:
    """The 510209 set: specialty, list, two courses, internship, training base (+ extras)."""
    docs: list[Loaded[Any]] = [loaded(specialty(), "specialty.yaml")]
    if with_all:
        docs += [
            loaded(competency_list(), "competencies.yaml"),
            loaded(
                course(
                    "ZH01",
                    "数据采集与标注",
                    [("1-1-1", "掌握"), ("1-2-1", "理解"), ("1-1-2", "理解")],
                ),
                "courses/zh01.yaml",
            ),
            loaded(
                course(
                    "ZJ02",
                    "Python程序设计",
                    [("1-1-1", "理解"), ("2-1-1", "掌握")],
                    nature="专业基础",
                    semesters=[1],
                ),
                "courses/zj02.yaml",
            ),
            loaded(internship(), "internship.yaml"),
            loaded(training_base(), "training-base.yaml"),
        ]
    docs += list(extra)
    corpus = Corpus(root=Path("standards"), documents=docs)
    corpus.group()
    return corpus


CONFIG = ProjectConfig()
