"""The issuing-notice file (`--notice`): a small YAML document validated with pydantic.

Example::

    issuer: 全国电子信息职业教育教学指导委员会
    doc_no: 电子行指委〔2026〕5号
    title: 关于征求《人工智能技术应用专业教学标准（征求意见稿）》意见的通知
    recipients: [各有关职业院校, 各有关企业]
    body: |
      第一段……

      第二段……
    attachments:
      - title: 高等职业教育专科人工智能技术应用专业教学标准（征求意见稿）
        document: 510209/specialty
    date: 2026-07-01
    cc: [教育部职业教育与成人教育司]
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from builder.base.diagnostics import Severity
from builder.base.rules import declare
from builder.project import UsageError
from builder.read.locate import compose, locate
from builder.read.schema_errors import MISSING_KEY, diagnostics_for_model
from builder.read.yamlsource import YamlProblem, decode, parse

_DOC_NO = re.compile(r"^.+〔\d{4}〕[1-9]\d*号$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


ATTACHMENT_MISMATCH = declare(
    "ZB609",
    "notice-attachment-mismatch",
    Severity.ERROR,
    "通知附件的名称与装订的标准文件不一致",
    """发文通知（`--notice`）中装订了标准文件的附件，附件名称由该文件的标题和稿别决定（如
    “《深度学习应用开发》课程标准（征求意见稿）”）。省略 title 时自动取用；写了 title 而与文件的标题或
    稿别不一致（附件说明写的是一份文件，装订的却是另一份，或稿别已经改变）时是错误，不生成任何文件
    （退出码 2）。比较时忽略空白和书名号。""",
    "attachments:\n  - title: 《机器学习技术应用》课程标准（送审稿）\n"
    "    document: 510209/course/ZH03   # 实为《深度学习应用开发》课程标准（征求意见稿）",
)


class Attachment(_Strict):
    """附件: its name, and optionally the standard document bound in as its text."""

    title: str | None = Field(
        default=None,
        min_length=1,
        title="附件名称",
        description="装订标准文件时可省略（取该文件的标题和稿别）；只列名称的附件必填",
    )
    document: str | None = Field(
        default=None,
        title="附件正文对应的标准文件",
        description="文件标识，如 510209/specialty、510209/course/ZH03；省略时只列出名称",
    )

    @model_validator(mode="after")
    def _named(self) -> Attachment:
        if self.title is None and self.document is None:
            raise ValueError("附件须有名称 title，或用 document 指明装订的标准文件")
        return self


class NoticeFile(_Strict):
    """A 公文 that issues or circulates standards (GB/T 9704-2012 elements)."""

    issuer: str = Field(min_length=1, title="发文机关")
    mark: str | None = Field(
        default=None, title="发文机关标志", description="默认为「发文机关 + 文件」"
    )
    doc_no: str = Field(min_length=1, title="发文字号", description="如 电子行指委〔2026〕5号")
    title: str = Field(min_length=1, title="标题")
    recipients: list[str] = Field(min_length=1, title="主送机关")
    body: str = Field(min_length=1, title="正文", description="段间空一行")
    attachments: list[Attachment] = Field(default_factory=list, title="附件")
    signer: str | None = Field(default=None, title="发文机关署名", description="默认为发文机关")
    date: dt.date = Field(title="成文日期")
    cc: list[str] = Field(default_factory=list, title="抄送机关")
    printer: str | None = Field(default=None, title="印发机关", description="默认为发文机关")
    printed_on: dt.date | None = Field(default=None, title="印发日期", description="默认为成文日期")

    @field_validator("doc_no")
    @classmethod
    def _doc_no_form(cls, value: str) -> str:
        if not _DOC_NO.match(value):
            raise ValueError(
                "发文字号应写成「机关代字〔年份〕序号号」，年份用六角括号〔〕，序号不编虚位，如 电子行指委〔2026〕5号"
            )
        return value

    def paragraphs(self) -> list[str]:
        """The body split into paragraphs at blank lines, inner line breaks joined."""
        blocks = re.split(r"\n\s*\n", self.body.strip())
        return ["".join(line.strip() for line in block.splitlines()) for block in blocks]


def load_notice(path: Path) -> NoticeFile:
    """Read and validate a notice file; problems raise `UsageError` with file:line:col."""
    shown = path.as_posix()
    try:
        text = decode(path.read_bytes())
        data = parse(text)
    except YamlProblem as problem:
        raise UsageError(
            problem.message, file=shown, line=problem.line, column=problem.column, hint=problem.hint
        ) from None
    except OSError as exc:
        raise UsageError(f"无法读取通知文件：{exc.strerror}", file=shown) from None
    if not isinstance(data, dict):
        raise UsageError("通知文件的顶层必须是映射（键: 值）", file=shown, line=1, column=1)
    try:
        return NoticeFile.model_validate_json(json.dumps(data, ensure_ascii=False, default=str))
    except ValidationError as error:
        # the same Chinese messages and hints as for standards, whatever pydantic's wording
        # and error order; the first problem of the file is reported
        found = diagnostics_for_model(NoticeFile, shown, error)[0]
        loc = tuple(part for part in found.data_path or () if part != MISSING_KEY)
        position = locate(compose(text), loc, key=found.code == "ZB103")
        field = ".".join(map(str, loc)) or "（顶层）"
        raise UsageError(
            f"通知文件字段 {field} 无效：{found.message}",
            file=shown,
            line=position.line,
            column=position.column,
            hint=found.hint,
        ) from None


def normalized_title(title: str) -> str:
    """A title as compared for ZB609: without whitespace and 书名号."""
    return re.sub(r"[\s《》]", "", title)


def attachment_position(path: Path, index: int) -> tuple[int, int]:
    """line, column of `attachments[index].title` (or of the attachment) in the notice file."""
    try:
        root = compose(decode(path.read_bytes()))
    except (OSError, YamlProblem):
        return 0, 0
    position = locate(root, ("attachments", index, "title"))
    return position.line, position.column
