""" "Kitchen sink" standards: every optional field of the model filled with a distinctive value.

`full_corpus()` is one specialty set (510209) where the specialty standard lists hours per
course; `national_corpus()` is a 2025-style national standard (730701) whose course rows have
no hours but 主要领域/典型工作任务/主要教学内容 and a declared 学时安排, plus standalone
documents of a specialty (710207) that has no specialty standard in the corpus.
`field_values()` walks a model and yields every filled leaf with its path, so a test can
check that each one reaches the composed documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from builder.model import CompetencyList, Course, Internship, Plan, Specialty, TrainingBase
from builder.read.corpus import Corpus, Loaded


def _meta(title: str, status: str, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": title,
        "standard_no": "T/CIE 207—2026",
        "doc_no": "电子行指委〔2026〕11号",
        "issuer": "全国电子信息职业教育教学指导委员会",
        "version": "2026",
        "status": status,
        "proposed_by": "全国电子信息职业教育教学指导委员会人工智能专业委员会",
        "administered_by": [
            "全国电子信息职业教育教学指导委员会标准化工作组",
            "海州市电子信息行业协会",
        ],
        "guided_by": ["教育部职业教育发展中心"],
        "led_by": "海州信息职业技术学院人工智能学院",
        "drafting_units": ["海州信息职业技术学院", "江宁智算科技有限公司"],
        "drafters": ["周文澜", "欧阳靖", "司马知远"],
        "issued_on": "2026-03-18",
        "effective_on": "2026-09-01",
        "compiled_on": "2025-11",
        "published_by": {
            "doc_no": "教职成函〔2026〕4号",
            "issuer": "教育部职业教育与成人教育司",
            "date": "2026-03-20",
            "title": "关于公布人工智能技术应用等专业教学标准的通知",
            "batch": "第二批",
        },
        "copy_to": ["教育部职业教育与成人教育司", "各省级教育行政部门"],
        "printed_by": "全国电子信息职业教育教学指导委员会秘书处",
        "printed_on": "2026-03-19",
        "source_url": "https://www.example.edu.cn/zhibiao/t20260318_0001.html",
        "normative_references": [
            "GB/T 35295—2017 信息技术 大数据 术语",
            "GB 50016—2014 建筑设计防火规范",
        ],
        "references": [
            "《职业教育专业目录（2021年）》",
            "《职业学校学生实习管理规定》（教职成〔2021〕4号）",
        ],
        "replaces": ["T/CIE 207—2021"],
    }
    data.update(extra)
    return data


DRAFT = {
    "comment_deadline": dt.date(2026, 4, 30),
    "patent_statement": "本文件的起草单位未识别出本文件涉及的专利；如发现，请告知归口单位。",
}


def _row(code: str, name: str, nature: str, hours: int, practice: int, credits: float) -> dict:  # type: ignore[type-arg]
    return {
        "code": code,
        "name": name,
        "nature": nature,
        "hours": hours,
        "theory_hours": hours - practice,
        "practice_hours": practice,
        "credits": credits,
        "semesters": [2],
    }


def full_specialty() -> Specialty:
    """专业教学标准 (被代替) with every optional field (hours per course, declared totals)."""
    courses = [
        _row("GG01", "思想道德与法治", "公共基础", 46, 6, 3),
        _row("ZJ02", "Python程序设计", "专业基础", 62, 34, 3.5),
        {
            **_row("ZH01", "数据采集与标注", "专业核心", 66, 42, 4),
            "semesters": [1, 2, 3, 4],
            "domain": "人工智能数据服务",
            "tasks": "按标注规范完成图像、文本和语音数据的采集、清洗与标注",
            "content": "数据采集方案设计\n\n标注工具使用与质检",
            "standard": "courses/zh01.yaml",
        },
        {**_row("ZT01", "数据可视化技术", "专业拓展", 38, 18, 2), "elective": True},
        {**_row("SJ06", "岗位实习", "实践", 582, 582, 24), "weeks": 23, "semesters": [5, 6]},
    ]
    return Specialty.model_validate(
        {
            "kind": "specialty",
            "meta": _meta("人工智能技术应用专业教学标准", "被代替", replaced_by="T/CIE 207—2027"),
            "code": "510209",
            "name": "人工智能技术应用",
            "level": "高职专科",
            "catalog": "2021",
            "overview": "为服务人工智能产业发展，制定本标准。\n\n本标准规定了入学基本要求等内容。",
            "admission": "普通高级中学毕业、中等职业学校毕业或具有同等学力。",
            "duration": {"years": 3, "note": "实行弹性学制的学校，修业年限可为 3～6 年。"},
            "career": {
                "major_category": {"code": "51", "name": "电子与信息大类"},
                "major_class": {"code": "5102", "name": "计算机类"},
                "industries": [{"code": "65", "name": "软件和信息技术服务业"}],
                "occupations": [
                    {"code": "4-04-05-05", "name": "人工智能训练师", "marks": ["S", "L"]}
                ],
                "posts": ["人工智能数据标注与质检"],
                "certificates": ["人工智能训练师（职业技能等级证书）"],
            },
            "objectives": "本专业培养能够从事人工智能数据处理与应用开发工作的高技能人才。",
            "specs": [
                {
                    "code": "Q1",
                    "type": "素质",
                    "text": "具有数据安全意识。",
                    "competencies": ["1-1-1"],
                },
                {"code": "K1", "type": "知识", "text": "掌握数据标注规范。"},
                {"code": "A1", "type": "能力", "text": "具有数据标注能力。"},
            ],
            "courses": courses,
            "totals": {"hours": 794, "credits": 36.5},
            "hours_plan": {"text": "每 16～18 学时折算 1 学分；岗位实习按每周 24 学时计算。"},
            "teachers": "专任教师中“双师型”教师一般不低于 60%。",
            "conditions": "应配置数据采集与标注实训室。",
            "quality": "建立专业教学质量监控管理制度。",
            "graduation": ["修满规定学分", "完成岗位实习"],
            "continuation": [
                {"level": "职业本科", "code": "310211", "name": "人工智能工程技术"},
                {"level": "普通本科", "code": "080717T", "name": "人工智能"},
            ],
            "competencies": "competencies.yaml",
        }
    )


def full_competencies(**changes: Any) -> CompetencyList:
    """职业能力清单 (征求意见稿) with descriptions of 领域 and 任务."""
    data: dict[str, Any] = {
        "kind": "competencies",
        "meta": _meta("人工智能技术应用专业职业能力清单", "征求意见稿", **DRAFT),
        "specialty": "510209",
        "specialty_name": "人工智能技术应用",
        "levels": "学习水平",
        "occupation": {
            "title": "人工智能训练师国家职业技能标准（2021年版）",
            "code": "4-04-05-05",
            "name": "人工智能训练师",
            "definition": "使用智能训练软件进行数据库管理等辅助作业的人员。",
            "grades": ["五级/初级工", "四级/中级工"],
            "training_hours": [{"name": "五级/初级工", "text": "60 标准学时"}],
            "eligibility": [
                {"name": "四级/中级工", "text": "取得本职业五级/初级工证书后满 4 年。"}
            ],
            "weights": [{"group": "技能要求", "item": "数据标注", "weights": {"五级/初级工": 35}}],
            "url": "https://example.org/aitrainer",
        },
        "domains": [
            {
                "code": "1",
                "scope": "五级/初级工",
                "name": "数据采集与处理",
                "description": "面向智能应用项目的数据准备工作",
                "tasks": [
                    {
                        "code": "1-1",
                        "name": "数据标注",
                        "description": "按规范对多模态数据进行标注与质检",
                        "competencies": [
                            {
                                "code": "1-1-1",
                                "text": "能使用标注工具完成图像标注。",
                                "type": "能力",
                                "level": "运用",
                            },
                            {
                                "code": "1-1-2",
                                "scope": "相关知识要求",
                                "text": "理解标注规范的判定规则。",
                                "type": "知识",
                                "level": "理解",
                                "builds_on": [{"specialty": "710207", "competency": "2-1-1"}],
                            },
                        ],
                    }
                ],
            }
        ],
    }
    data.update(changes)
    return CompetencyList.model_validate(data)


def full_course(**changes: Any) -> Course:
    """课程标准 with 前言, 设计思路, 学情分析, 课程思政, sign-off and all six 实施 parts."""
    data: dict[str, Any] = {
        "kind": "course",
        "meta": _meta("《数据采集与标注》课程标准", "试行"),
        "specialty": "510209",
        "code": "ZH01",
        "name": "数据采集与标注",
        "nature": "专业核心",
        "specialty_name": "人工智能技术应用",
        "hours": 66,
        "theory_hours": 24,
        "practice_hours": 42,
        "credits": 4,
        "semesters": [3],
        "audience": "高职专科人工智能技术应用专业二年级学生",
        "preface": "本标准依据专业教学标准和行业标注规范制定。",
        "design": "以智慧交通车辆检测项目为载体组织教学。",
        "learner_analysis": "学生已具备 Python 编程基础，缺乏真实项目经验。",
        "ideology": "融入数据安全与个人信息保护教育。",
        "prerequisites": ["ZJ02"],
        "followups": ["SJ06"],
        "description": "本课程是人工智能技术应用专业的专业核心课程。",
        "objectives": [
            {"type": "素质", "text": "具有严谨细致的工作态度。"},
            {"type": "知识", "text": "理解常见标注类型。"},
            {"type": "能力", "text": "能完成图像标注任务。"},
        ],
        "modules": [
            {
                "code": "M1",
                "name": "图像数据标注",
                "hours": 66,
                "items": [
                    {
                        "code": "M1-1",
                        "name": "检测框标注",
                        "requirements": "完成车辆检测框标注并通过质检。",
                        "hours": 66,
                        "competencies": [{"ref": "1-1-1", "scope": "五级/初级工", "level": "掌握"}],
                    }
                ],
            }
        ],
        "levels": "学习水平",
        "level_table": {
            "title": "课程内容分层次要求",
            "group_header": "模块",
            "content_header": "学习内容",
            "note": "勾选处为该内容应达到的学习水平。",
            "rows": [{"group": "图像数据标注", "content": "检测框标注的质检规则", "level": "掌握"}],
        },
        "implementation": {
            "design": "采用项目教学法。",
            "resources": "建设在线开放课程资源。",
            "teachers": "主讲教师具有标注项目经验。",
            "cooperation": "与数据服务企业共建课程。",
            "textbooks": "选用国家规划教材。",
            "facilities": "在数据采集与标注实训室授课。",
        },
        "assessment": [
            {"name": "过程考核", "weight": 35, "method": "按任务评分"},
            {"name": "期末考核", "weight": 65, "method": "上机实操"},
        ],
        "signoff": {
            "author": "欧阳靖",
            "reviewer": "周文澜",
            "approver": "海州信息职业技术学院教务处",
            "date": dt.date(2026, 2, 27),
        },
    }
    data.update(changes)
    return Course.model_validate(data)


def full_internship(**changes: Any) -> Internship:
    """实习标准 with every 实习类型 (2016 wording included) and every optional field."""
    data: dict[str, Any] = {
        "kind": "internship",
        "meta": _meta("人工智能技术应用专业岗位实习标准", "发布"),
        "specialty": "510209",
        "specialty_name": "人工智能技术应用",
        "scope": "本标准适用于人工智能技术应用专业的岗位实习。",
        "objectives": ["熟悉企业数据服务流程"],
        "schedule": [
            {"type": "认识实习", "semesters": [2], "weeks": 1},
            {"type": "跟岗实习", "semesters": [4], "weeks": 3, "arrangement": "分段"},
            {"type": "顶岗实习", "semesters": [5], "months": 2.5},
            {"type": "岗位实习", "semesters": [5, 6], "course": "SJ06", "weeks": 23, "months": 6},
        ],
        "conditions": {
            "enterprises": "实习单位应具有人工智能数据服务业务。",
            "posts": ["数据标注员"],
            "supervisors": "校企双导师指导。",
            "facilities": "实习单位提供标注平台账号和隔离网络环境。",
        },
        "tasks": [
            {
                "code": "T1",
                "name": "数据标注与质检",
                "post": "数据标注员",
                "content": "完成图像标注与质检。",
                "weeks": 11,
                "competencies": [{"ref": "1-1-1", "scope": "五级/初级工", "level": "运用"}],
            }
        ],
        "outcomes": ["实习周志"],
        "assessment": [{"name": "企业评价", "weight": 55, "method": "企业导师评分"}],
        "management": "签订三方协议，购买实习责任保险。",
    }
    data.update(changes)
    return Internship.model_validate(data)


def full_training_base(**changes: Any) -> TrainingBase:
    """实训基地建设标准 with 场所要求, 班额 and rooms that fill every optional field."""
    data: dict[str, Any] = {
        "kind": "training_base",
        "meta": _meta("人工智能技术应用专业实训基地建设标准", "修订中"),
        "specialty": "510209",
        "specialty_name": "人工智能技术应用",
        "scope": "本标准规定了校内实训基地的建设要求。",
        "class_size": 45,
        "site_requirements": [
            {"title": "采光", "clauses": ["采光应符合 GB/T 50033—2013 的有关规定。"]}
        ],
        "rooms": [
            {
                "code": "R1",
                "name": "数据采集与标注实训室",
                "functions": "支持数据采集与标注教学。",
                "group": "专业核心技能",
                "requirement": "选建",
                "area": 135.5,
                "stations": 47,
                "projects": ["车辆检测框标注"],
                "courses": ["ZH01"],
                "competencies": [{"ref": "1-1-2", "scope": "相关知识要求", "level": "理解"}],
                "equipment": [
                    {
                        "name": "标注工作站",
                        "spec": "8 核 CPU，32 GB 内存",
                        "unit": "台",
                        "quantity": 23,
                        "note": "2 人一台",
                    }
                ],
            }
        ],
        "external": [{"name": "数据服务企业", "requirements": "能提供标注岗位。"}],
        "management": "实训室实行安全责任制。",
    }
    data.update(changes)
    return TrainingBase.model_validate(data)


def full_plan() -> Plan:
    """A school's 人才培养方案 with every optional field filled."""
    row = _row("ZH09", "工业视觉质检应用", "专业拓展", 48, 32, 3)
    return Plan.model_validate(
        {
            "kind": "plan",
            "meta": _meta("海州信息职业技术学院人工智能技术应用专业人才培养方案（2026级）", "试行"),
            "school": "海州信息职业技术学院",
            "follows": {"code": "510209", "version": "2026", "title": "人工智能技术应用国家标准"},
            "name": "人工智能技术应用",
            "level": "高职专科",
            "grade": "2026级",
            "admission": "普通高级中学毕业或具有同等学力。",
            "duration": {"years": 3, "note": "实行弹性学制"},
            "objectives": "培养面向海州智能制造企业的高技能人才。",
            "courses": [
                {
                    **row,
                    "elective": True,
                    "competencies": [{"ref": "1-1-1", "scope": "五级/初级工", "level": "运用"}],
                    "maps_to": "智能视觉应用",
                    "addition": "地方化",
                    "note": "与海州光电企业共建",
                }
            ],
            "totals": {"hours": 48, "credits": 3},
            "hours_plan": {
                "total_hours": 2731,
                "public_share": 0.263,
                "elective_share": 0.117,
                "practice_share": 0.581,
                "text": "每学年教学周 40 周",
            },
            "additions": [
                {
                    "code": "X7",
                    "type": "提高",
                    "text": "能完成产线缺陷检测部署",
                    "level": "运用",
                    "basis": "海州产业调研",
                }
            ],
            "graduation": ["修满 139 学分"],
        }
    )


def national_specialty() -> Specialty:
    """A 2025-format national 专业教学标准: course rows without numbers, declared 学时安排."""
    row = {
        "nature": "专业核心",
        "domain": "网店运营推广",
        "tasks": "店铺日常运营、商品上架与活动策划",
        "content": "① 店铺装修与商品发布；② 营销活动策划与数据复盘。",
    }
    return Specialty.model_validate(
        {
            "kind": "specialty",
            "meta": {
                "title": "中等职业教育电子商务专业教学标准",
                "version": "2025",
                "status": "发布",
                "published_by": {"issuer": "教育部", "date": "2025-02"},
            },
            "code": "730701",
            "name": "电子商务",
            "level": "中职",
            "overview": "为适应电子商务行业数字化发展的新趋势，制订本标准。",
            "admission": "初级中等学校毕业或具备同等学力",
            "duration": {"years": 3},
            "career": {
                "major_category": {"code": "73", "name": "财经商贸大类"},
                "major_class": {"code": "7307", "name": "电子商务类"},
                "industries": [{"code": "52", "name": "零售业"}],
                "occupations": [{"code": "4-01-06-01", "name": "电子商务师"}],
                "posts": ["网店运营"],
            },
            "objectives": "本专业培养从事网店运营、网络营销等工作的技能人才。",
            "specs": [{"code": "A1", "type": "能力", "text": "能够完成网店日常运营。"}],
            "courses": [
                {"code": "ZH01", "name": "网店运营", **row},
                {
                    "code": "ZH02",
                    "name": "直播电商",
                    "nature": "专业核心",
                    "tasks": "直播选品、脚本策划与直播间运营",
                },
                {"code": "GG01", "name": "思想政治", "nature": "公共基础"},
            ],
            "totals": {"hours": 3072, "credits": 170},
            "hours_plan": {
                "total_hours": 3072,
                "public_share": 0.36,
                "elective_share": 0.12,
                "practice_share": 0.54,
                "text": "每学年为 52 周，其中教学时间 40 周，周学时一般为 28～30 学时。",
            },
            "teachers": "专任教师队伍应考虑职称、年龄，形成合理的梯队结构。",
            "conditions": "应配备电子商务综合实训室。",
            "quality": "建立专业人才培养质量评价体系。",
        }
    )


def standalone_internship() -> Internship:
    """A 2016-style 顶岗实习标准 of a specialty without a specialty standard in the corpus."""
    return full_internship(
        meta={
            "title": "中等职业学校网络信息安全专业顶岗实习标准",
            "version": "2016",
            "status": "发布",
            "published_by": {"doc_no": "教职成函〔2016〕3号", "issuer": "教育部"},
        },
        specialty="710207",
        specialty_name="网络信息安全",
        schedule=[{"type": "顶岗实习", "months": 6}],
        tasks=[{"code": "T1", "name": "安全设备巡检", "content": "按巡检表检查防火墙日志。"}],
    )


def _loaded(doc: Any, rel: str) -> Loaded[Any]:
    path = Path("standards") / rel
    return Loaded(path, path.as_posix(), doc)


def _corpus(*docs: Loaded[Any]) -> Corpus:
    corpus = Corpus(root=Path("standards"), documents=list(docs))
    corpus.group()
    return corpus


def full_corpus() -> Corpus:
    """The 510209 set with every document kind, every optional field filled."""
    return _corpus(
        _loaded(full_specialty(), "510209/specialty.yaml"),
        _loaded(full_competencies(), "510209/competencies.yaml"),
        _loaded(full_course(), "510209/courses/zh01.yaml"),
        _loaded(full_internship(), "510209/internship.yaml"),
        _loaded(full_training_base(), "510209/training-base.yaml"),
        _loaded(full_plan(), "510209/plans/haizhou.yaml"),
    )


def national_corpus() -> Corpus:
    """A national 730701 standard and standalone documents of 710207 (no specialty standard)."""
    return _corpus(
        _loaded(national_specialty(), "730701/specialty.yaml"),
        _loaded(standalone_internship(), "710207/internship.yaml"),
        _loaded(
            full_training_base(specialty="710207", specialty_name="网络信息安全"),
            "710207/training-base.yaml",
        ),
        _loaded(
            full_course(specialty="710207", specialty_name="计算机应用技术等专业", followups=[]),
            "710207/courses/zh01.yaml",
        ),
        _loaded(
            full_competencies(specialty="710207", specialty_name="网络信息安全"),
            "710207/competencies.yaml",
        ),
        _loaded(
            full_course(
                specialty=None,
                applies_to={
                    "levels": ["中职"],
                    "specialties": ["730701"],
                    "note": "各专业学生必修的公共基础课程",
                },
                code="GG08",
                name="信息技术",
                meta=_meta("中等职业学校信息技术课程标准", "试行"),
                followups=[],
            ),
            "公共基础课/信息技术.yaml",
        ),
    )


def field_values(model: BaseModel, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every filled leaf of a model as (dotted path, value); list items get their index.

    Defaults that were not set explicitly are skipped (they say nothing about the source).
    """
    for name in model.model_fields_set:
        value = getattr(model, name)
        yield from _leaves(value, f"{path}.{name}" if path else name)


def _leaves(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if value is None:
        return
    if isinstance(value, BaseModel):
        yield from field_values(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{path}[{index}]")
    elif isinstance(value, dict):  # e.g. 权重表 weights: 等级 → 百分数 (the keys are headers)
        for item in value.values():
            yield from _leaves(item, path)
    else:
        yield path, value
