"""Hand-made DocTrees with realistic content for the Word exporter tests.

They mirror what `builder.compose` produces for the 510209 人工智能技术应用 example:
a 专业教学标准 (职业面向 and a 36-row 课程设置 table with totals, an appendix matrix),
a 课程标准 and a 实训基地建设标准 with an equipment list.
"""

from __future__ import annotations

from builder.compose.doctree import (
    Cell,
    CoverInfo,
    DocTree,
    Heading,
    Link,
    ListBlock,
    Notice,
    Paragraph,
    Table,
)

COURSES: list[tuple[str, str, str, int, int, float, str]] = [
    ("GG01", "思想道德与法治", "公共基础", 48, 8, 3, "1"),
    ("GG02", "毛泽东思想和中国特色社会主义理论体系概论", "公共基础", 32, 0, 2, "2"),
    ("GG03", "习近平新时代中国特色社会主义思想概论", "公共基础", 48, 0, 3, "3"),
    ("GG04", "形势与政策", "公共基础", 32, 0, 1, "1-6"),
    ("GG05", "高等数学", "公共基础", 64, 0, 4, "1"),
    ("GG06", "大学英语", "公共基础", 128, 32, 8, "1、2"),
    ("GG07", "体育", "公共基础", 108, 96, 6, "1-4"),
    ("GG08", "信息技术", "公共基础", 48, 24, 3, "1"),
    ("GG09", "大学生心理健康教育", "公共基础", 32, 8, 2, "1"),
    ("GG10", "军事理论", "公共基础", 36, 0, 2, "1"),
    ("GG11", "劳动教育", "公共基础", 16, 8, 1, "2"),
    ("GG12", "职业发展与就业指导", "公共基础", 38, 10, 2, "1、5"),
    ("GG13", "创新创业教育", "公共基础", 32, 16, 2, "3"),
    ("GG14", "国家安全教育", "公共基础", 16, 0, 1, "2"),
    ("ZJ01", "Python 程序设计", "专业基础", 64, 32, 4, "1"),
    ("ZJ02", "线性代数与概率统计", "专业基础", 48, 8, 3, "2"),
    ("ZJ03", "数据库技术与应用", "专业基础", 64, 32, 4, "2"),
    ("ZJ04", "Linux 操作系统", "专业基础", 48, 24, 3, "2"),
    ("ZJ05", "人工智能导论", "专业基础", 32, 8, 2, "1"),
    ("ZJ06", "Web 前端开发基础", "专业基础", 64, 32, 4, "2"),
    ("ZH01", "数据采集与预处理", "专业核心", 64, 40, 4, "3"),
    ("ZH02", "数据标注与质量检验", "专业核心", 64, 40, 4, "3"),
    ("ZH03", "机器学习技术应用", "专业核心", 64, 32, 4, "3"),
    ("ZH04", "深度学习技术应用", "专业核心", 64, 32, 4, "4"),
    ("ZH05", "计算机视觉应用开发", "专业核心", 64, 40, 4, "4"),
    ("ZH06", "自然语言处理应用开发", "专业核心", 64, 40, 4, "4"),
    ("ZH07", "人工智能应用系统部署与运维", "专业核心", 64, 40, 4, "5"),
    ("TZ01", "智能语音处理技术", "专业拓展", 48, 24, 3, "4"),
    ("TZ02", "大模型应用开发", "专业拓展", 48, 24, 3, "5"),
    ("TZ03", "边缘计算与嵌入式人工智能", "专业拓展", 48, 24, 3, "5"),
    ("TZ04", "知识图谱技术", "专业拓展", 32, 16, 2, "5"),
    ("SJ01", "入学教育与军事技能", "实践", 112, 112, 2, "1"),
    ("SJ02", "人工智能数据工程综合实训", "实践", 56, 56, 2, "4"),
    ("SJ03", "智能应用开发综合实训", "实践", 84, 84, 3, "5"),
    ("SJ04", "毕业设计", "实践", 112, 112, 4, "5"),
    ("SJ05", "岗位实习", "实践", 600, 600, 24, "5、6"),
]

COVER = CoverInfo(
    title="高等职业教育专科人工智能技术应用专业教学标准",
    kind_title="专业教学标准",
    standard_no="T/CIE 101—2026",
    doc_no=None,
    issuer="全国电子信息职业教育教学指导委员会（示例）",
    status="征求意见稿",
    version="2026",
    issued_on=None,
    effective_on=None,
    replaces=("T/CIE 101—2021",),
    drafting_units=("示例信息职业技术学院", "示例电子科技职业学院", "示例智能科技有限公司"),
    drafters=("王立新", "陈静", "刘海峰", "赵敏"),
    proposed_by="全国电子信息职业教育教学指导委员会（示例）",
    administered_by="全国电子信息职业教育教学指导委员会（示例）",
)


def _cells(*values: str, bold: bool = False) -> tuple[Cell, ...]:
    return tuple(Cell((value,), bold=bold) for value in values)


def career_table() -> Table:
    """职业面向 as a vertical label/value table (2025 format)."""
    rows = (
        ("所属专业大类（代码）", "电子与信息大类（51）"),
        ("所属专业类（代码）", "计算机类（5102）"),
        ("对应行业（代码）", "互联网和相关服务（64）、软件和信息技术服务业（65）"),
        (
            "主要职业类别（代码）",
            "人工智能训练师S（4-04-05-05）、计算机软件工程技术人员S（2-02-10-03）",
        ),
        (
            "主要岗位（群）或技术领域",
            "人工智能数据采集与处理、数据标注与质检、模型训练与测试、智能应用开发、"
            "人工智能应用系统部署与运维、人工智能产品技术支持",
        ),
        ("职业类证书", "人工智能训练师、计算机视觉应用开发、人工智能深度学习工程应用"),
    )
    return Table(
        caption="表1 职业面向",
        header=("项目", "内容"),
        rows=tuple(_cells(*row) for row in rows),
        widths=(1, 3),
        anchor="t-career",
    )


def course_table() -> Table:
    """课程设置及学时安排 with a total row."""
    rows = []
    for code, name, nature, hours, practice, credits, semesters in COURSES:
        rows.append(
            (
                Cell((code,)),
                Cell((Link(name, f"510209/courses/{code.lower()}.md"),)),
                Cell((nature,)),
                Cell((str(hours),)),
                Cell((str(hours - practice),)),
                Cell((str(practice),)),
                Cell((f"{credits:g}",)),
                Cell((semesters,)),
            )
        )
    hours = sum(row[3] for row in COURSES)
    practice = sum(row[4] for row in COURSES)
    credits = sum(row[5] for row in COURSES)
    rows.append(
        _cells("合计", "", "", str(hours), str(hours - practice), str(practice), f"{credits:g}", "")
    )
    return Table(
        caption="表3 课程设置及学时安排",
        header=("课程代码", "课程名称", "课程性质", "学时", "理论", "实践", "学分", "开设学期"),
        rows=tuple(rows),
        widths=(1.2, 4, 1.4, 0.9, 0.9, 0.9, 0.9, 1.2),
        total_row=True,
    )


def matrix_table() -> Table:
    """附录A: 职业能力 × 专业核心课程 matrix."""
    competencies = [
        ("1-1-1", "能按采集方案使用爬虫工具和传感设备采集结构化与非结构化数据"),
        ("1-1-2", "能对采集数据进行清洗、去重、脱敏和格式转换"),
        ("1-2-1", "能按标注规范完成图像、文本和语音数据标注"),
        ("1-2-2", "能运用抽检方法评估标注质量并出具质检报告"),
        ("2-1-1", "能选择合适的机器学习算法完成分类与回归模型训练"),
        ("2-1-2", "能调整超参数并使用评价指标评估模型效果"),
        ("2-2-1", "能使用深度学习框架训练图像识别模型"),
        ("2-2-2", "能完成文本分类与信息抽取模型的训练与测试"),
        ("3-1-1", "能调用模型推理接口开发智能应用前后端功能"),
        ("3-2-1", "能在服务器和边缘设备上完成模型部署与性能监控"),
    ]
    marks = ["●", "○", ""]
    rows = []
    for index, (code, text) in enumerate(competencies):
        values = [marks[(index + column) % 3] for column in range(7)]
        rows.append((Cell((code,), anchor=f"c-{code}"), Cell((text,)), *_cells(*values)))
    return Table(
        caption="表A.1 职业能力与专业核心课程对应关系",
        header=("编码", "职业能力", "ZH01", "ZH02", "ZH03", "ZH04", "ZH05", "ZH06", "ZH07"),
        rows=tuple(rows),
        widths=(1, 5, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8),
    )


def specialty_tree() -> DocTree:
    """专业教学标准 of 510209 with every chapter of the 2025 format."""
    para = Paragraph
    blocks = (
        Notice("draft", ("本文件为征求意见稿，征求意见截止日期为 2027-01-15。",)),
        Heading(1, "概述", "1", "s-1"),
        para(
            (
                "为贯彻落实党中央、国务院关于发展人工智能和深化现代职业教育体系建设改革的决策部署，"
                "服务新一代人工智能产业发展和各行业智能化转型，依据《职业教育专业目录（2021年）》"
                "和“教职成〔2019〕13号”文件，制定本标准。",
            )
        ),
        para(
            (
                "本标准规定了高等职业教育专科人工智能技术应用专业的入学基本要求、基本修业年限、"
                "职业面向、培养目标、培养规格、课程设置及学时安排、师资队伍、教学条件、质量保障和毕业要求。",
            )
        ),
        Heading(1, "专业名称（专业代码）", "2"),
        para(("人工智能技术应用（510209）",)),
        Heading(1, "入学基本要求", "3"),
        para(("普通高级中学毕业、中等职业学校毕业或具有同等学力。",)),
        Heading(1, "基本修业年限", "4"),
        para(("三年。实行弹性学制的学校，修业年限可为 3～6 年。",)),
        Heading(1, "职业面向", "5"),
        career_table(),
        Heading(1, "培养目标", "6"),
        para(
            (
                "本专业培养能够践行社会主义核心价值观，传承技能文明，德智体美劳全面发展，"
                "面向互联网和相关服务、软件和信息技术服务等行业的人工智能训练师、计算机软件工程技术人员等职业，"
                "能够从事人工智能数据采集与处理、数据标注与质检、模型训练与测试、智能应用开发、"
                "应用系统部署与运维等工作的高技能人才。",
            )
        ),
        Heading(1, "培养规格", "7"),
        Heading(2, "素质", "7.1"),
        ListBlock(
            (
                ("坚定拥护中国共产党领导和中国特色社会主义制度，践行社会主义核心价值观；",),
                ("具有良好的职业道德、质量意识、数据安全意识和精益求精的工匠精神；",),
                ("具有团队协作、沟通表达和终身学习能力。",),
            )
        ),
        Heading(2, "知识", "7.2"),
        ListBlock(
            (
                ("掌握 Python 程序设计、数据库和 Linux 操作系统的基础知识；",),
                ("掌握机器学习、深度学习的基本原理和常用算法；",),
                ("熟悉人工智能相关的法律法规、伦理规范和数据安全标准。",),
            ),
            ordered=True,
        ),
        Heading(2, "能力", "7.3"),
        ListBlock(
            (
                ("具备人工智能数据采集、清洗、标注与质检的能力；",),
                ("具备模型训练、测试、调优和部署的能力；",),
                ("具备基于模型推理接口开发智能应用的能力。",),
            ),
            ordered=True,
        ),
        Heading(1, "课程设置及学时安排", "8"),
        Heading(2, "课程设置", "8.1"),
        para(
            (
                "本专业课程分为公共基础课程、专业基础课程、专业核心课程、专业拓展课程和实践性教学环节。",
            )
        ),
        Heading(3, "专业核心课程", "8.1.1"),
        para(
            (
                "专业核心课程共 7 门：",
                Link("数据采集与预处理", "510209/courses/zh01.md"),
                "、数据标注与质量检验、机器学习技术应用、深度学习技术应用、计算机视觉应用开发、"
                "自然语言处理应用开发、人工智能应用系统部署与运维。",
            )
        ),
        Heading(2, "学时安排", "8.2"),
        para(("总学时为 2700 学时左右，每 16～18 学时折算 1 学分。",)),
        course_table(),
        Heading(1, "师资队伍", "9"),
        para(("专任教师队伍的职称、年龄结构合理，双师型教师占专业课教师数比例不低于 60%。",)),
        Heading(1, "教学条件", "10"),
        para(("校内实训基地按《人工智能技术应用专业实训基地建设标准》配置。",)),
        Heading(1, "质量保障和毕业要求", "11"),
        Heading(2, "质量保障", "11.1"),
        para(("学校应建立专业人才培养质量保障机制，健全专业教学质量监控管理制度。",)),
        Heading(2, "毕业要求", "11.2"),
        ListBlock(
            (
                ("修满人才培养方案规定的全部课程并取得相应学分；",),
                ("岗位实习考核合格。",),
            )
        ),
        Heading(1, "职业能力与课程对应关系", "附录A", "appendix-a"),
        Heading(2, "对应关系矩阵", "A.1"),
        para(("● 表示主要支撑，○ 表示一般支撑。",)),
        matrix_table(),
    )
    return DocTree(
        doc_id="510209/specialty",
        kind="specialty",
        page="510209/index.md",
        cover=COVER,
        blocks=blocks,
    )


def course_tree() -> DocTree:
    """课程标准 of ZH03 机器学习技术应用 (a 公文-style document)."""
    modules = [
        ("M1", "机器学习基础与开发环境", 8),
        ("M2", "数据准备与特征工程", 12),
        ("M3", "分类模型训练与评估", 12),
        ("M4", "回归与聚类模型应用", 10),
        ("M5", "模型调优与综合项目", 22),
    ]
    module_rows = tuple(_cells(code, name, str(hours)) for code, name, hours in modules)
    module_rows += (_cells("合计", "", str(sum(item[2] for item in modules))),)
    return DocTree(
        doc_id="510209/course/ZH03",
        kind="course",
        page="510209/courses/zh03.md",
        cover=CoverInfo(
            title="《机器学习技术应用》课程标准",
            kind_title="课程标准",
            standard_no=None,
            doc_no=None,
            issuer="全国电子信息职业教育教学指导委员会（示例）",
            status="送审稿",
            version="2026",
            issued_on=None,
            effective_on=None,
        ),
        blocks=(
            Heading(1, "课程基本信息", "1"),
            Paragraph(
                ("课程代码：ZH03；课程性质：专业核心课程；学时：64（理论 32，实践 32）；学分：4。",)
            ),
            Heading(1, "课程性质与任务", "2"),
            Paragraph(
                ("本课程是人工智能技术应用专业的专业核心课程，培养学生完成模型训练与测试的能力。",)
            ),
            Heading(1, "课程目标", "3"),
            Heading(2, "素质目标", "3.1"),
            ListBlock((("具有数据安全意识和严谨细致的工作态度。",),), ordered=True),
            Heading(2, "能力目标", "3.2"),
            Heading(3, "模型训练", "3.2.1"),
            Paragraph(("能选择合适的机器学习算法完成分类与回归模型训练。",)),
            Heading(4, "超参数调优", "3.2.1.1"),
            Paragraph(("能调整超参数并使用评价指标评估模型效果。",)),
            Heading(1, "课程内容", "4"),
            Table(
                caption="表1 教学模块与学时分配",
                header=("模块编号", "模块名称", "学时"),
                rows=module_rows,
                widths=(1, 4, 1),
                total_row=True,
            ),
            Heading(1, "考核评价", "5"),
            Paragraph(("过程考核占 60%，期末项目考核占 40%。",)),
        ),
    )


def training_base_tree() -> DocTree:
    """实训基地建设标准 with a 40-line equipment list."""
    rows = []
    for index in range(1, 41):
        rows.append(
            _cells(
                str(index),
                f"人工智能实训工作站（{index:02d} 型）" if index % 5 else "GPU 训练服务器",
                "CPU 不低于 8 核，内存不低于 32 GB，配备独立显卡，显存不低于 12 GB；"
                "预装 Linux 操作系统和主流深度学习框架",
                "台",
                str(1 if index % 5 == 0 else 50),
            )
        )
    return DocTree(
        doc_id="510209/training_base",
        kind="training_base",
        page="510209/training-base.md",
        cover=CoverInfo(
            title="人工智能技术应用专业实训基地建设标准",
            kind_title="实训基地建设标准",
            standard_no="T/CIE 104—2026",
            doc_no=None,
            issuer="全国电子信息职业教育教学指导委员会（示例）",
            status="发布",
            version="2026",
            issued_on="2026-06-30",
            effective_on="2026-09-01",
            proposed_by="全国电子信息职业教育教学指导委员会（示例）",
        ),
        blocks=(
            Heading(1, "范围", "1"),
            Paragraph(("本文件规定了人工智能技术应用专业校内实训基地的建设要求。",)),
            Heading(1, "校内实训室", "2"),
            Heading(2, "人工智能数据工程实训室", "2.1"),
            Table(
                caption="表1 人工智能数据工程实训室主要设备",
                header=("序号", "设备名称", "主要功能及技术要求", "单位", "数量"),
                rows=tuple(rows),
                widths=(0.6, 2.4, 5, 0.6, 0.7),
            ),
        ),
    )
