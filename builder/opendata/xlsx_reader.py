"""Read a 职业能力清单 sheet (工作领域｜工作任务｜职业能力｜学习水平) into the competency tree.

Blank 工作领域/工作任务 cells mean "same as the row above" (merged cells read as blanks), so
both hand-written sheets and `zhibiao export xlsx` output are understood. Every problem
becomes a diagnostic located at 工作表「…」第 N 行 X 列.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from builder.base.diagnostics import Diagnostic
from builder.base.hints import did_you_mean
from builder.base.rules import Rule
from builder.model.sourced import EXCERPT_KEY, NOT_GIVEN
from builder.opendata import import_rules as rules
from builder.opendata import xlsx_layout as lay
from builder.read.config import ProjectConfig

OUTCOME_TYPES = ("素质", "知识", "能力")
HEADER_SCAN = 10


STRIPPED = frozenset(
    {lay.LEVEL, lay.TYPE, lay.CODE, lay.TASK_CODE, lay.DOMAIN_CODE, lay.DOMAIN_SCOPE, lay.SCOPE}
)
"""Columns whose values are words or codes: surrounding spaces typed by hand are dropped.
Names, texts and notes are kept exactly, so an exported workbook imports to the same values."""


def cell_text(value: Any) -> str:
    """A cell value as text (integral numbers without `.0`, dates as ISO, blank when only spaces).

    Text is kept exactly, surrounding spaces included; columns of words and codes are stripped
    by the reader (`STRIPPED`).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    text = str(value)
    return text if text.strip() else ""


def marker_of(text: str) -> str:
    """NOT_GIVEN for a cell saying 原文未给出 (or 原文未列出), EXCERPT_KEY for 节选 / （节选）."""
    word = text.strip().strip("（）()")
    if word in {NOT_GIVEN, "原文未列出"}:
        return NOT_GIVEN
    if word == EXCERPT_KEY:
        return EXCERPT_KEY
    return ""


def marked_list(items: list[Any], marker: str) -> Any:
    """The YAML value of a list the sheet marked: `原文未给出`, `{节选: [...]}` or the list."""
    if marker == NOT_GIVEN and not items:
        return NOT_GIVEN
    if marker == EXCERPT_KEY:
        return {EXCERPT_KEY: items}
    return items


def where(sheet: str, row: int, column: int | None = None) -> str:
    """`工作表「职业能力清单」第 5 行 C 列`."""
    text = f"工作表「{sheet}」第 {row} 行"
    return f"{text} {lay.column_letter(column)} 列" if column else text


@dataclass(slots=True)
class _Node:
    """A domain or task being built, with the row it started on."""

    key: str
    name: str
    row: int
    code: str = ""
    code_column: int = 0
    description: str = ""
    tasks: list[_Node] = field(default_factory=list)
    competencies: list[_Competency] = field(default_factory=list)
    marker: str = ""
    """The children's list as the sheet states it: "" (listed), NOT_GIVEN or EXCERPT_KEY."""
    scope: str = ""
    """A domain's numbering scope (编码范围（表）); its tasks and competencies are numbered in it."""


@dataclass(slots=True)
class _Competency:
    row: int
    text: str
    level: str
    type: str
    code: str
    code_column: int
    builds_on: list[dict[str, str]]
    scope: str = ""


BUILDS_ON_SPLIT = re.compile(r"[；;，,、\s]+")
BUILDS_ON_ITEM = re.compile(r"^(?P<specialty>[^:：]+)[:：](?P<competency>[^:：]+)$")


class SheetReader:
    """Turns the rows of one sheet into domains → tasks → competencies."""

    def __init__(
        self, file: str, sheet: str, config: ProjectConfig, levels: str | None = None
    ) -> None:
        self.file = file
        self.sheet = sheet
        self.config = config
        self.levels = levels
        """The document's level vocabulary (`levels:`); None for `learning_levels`."""
        self.diagnostics: list[Diagnostic] = []
        self.columns: dict[str, int] = {}
        self.top = ""
        """How the sheet states the list of domains: "", NOT_GIVEN or EXCERPT_KEY."""

    def problem(
        self, rule: Rule, row: int, column: int | None, message: str, hint: str | None = None
    ) -> None:
        """Record a diagnostic at a cell (or a whole row when `column` is None)."""
        self.diagnostics.append(
            rule.diag(
                self.file,
                f"{where(self.sheet, row, column)}：{message}",
                line=row,
                column=column or 1,
                hint=hint,
            )
        )

    def find_header(self, rows: list[tuple[int, list[str]]]) -> int | None:
        """Row number of the header; fills `columns`; None (and a diagnostic) when missing."""
        for number, raw in rows[:HEADER_SCAN]:
            cells = [text.strip() for text in raw]
            if lay.DOMAIN in cells:
                self.columns = {}
                for index, text in enumerate(cells, start=1):
                    if text in lay.COMPETENCY_COLUMNS and text not in self.columns:
                        self.columns[text] = index
                missing = [name for name in lay.REQUIRED if name not in self.columns]
                if missing:
                    self.problem(
                        rules.HEADER,
                        number,
                        None,
                        f"表头缺少「{'」「'.join(missing)}」列",
                        hint=f"表头应为：{'｜'.join(lay.REQUIRED)}（另可有：{'、'.join(lay.OPTIONAL)}）",
                    )
                    return None
                return number
        first = rows[0][0] if rows else 1
        self.problem(
            rules.HEADER,
            first,
            None,
            f"前 {HEADER_SCAN} 行中没有含「{lay.DOMAIN}」的表头行",
            hint=f"第一行写表头：{'｜'.join(lay.REQUIRED)}",
        )
        return None

    def _get(self, cells: list[str], name: str) -> str:
        index = self.columns.get(name)
        text = cells[index - 1] if index and index <= len(cells) else ""
        return text.strip() if name in STRIPPED else text

    def read(self, rows: list[tuple[int, list[str]]], header: int) -> Any:
        """The domains found after the header row (possibly with diagnostics recorded): a
        list, or `原文未给出` / `{节选: [...]}` where the sheet says so (a 工作领域, 工作任务
        or 职业能力 cell reading 原文未给出 or （节选） marks the list it would belong to)."""
        domains: list[_Node] = []
        domain: _Node | None = None
        task: _Node | None = None
        for number, cells in rows:
            if number <= header or not any(self._get(cells, n) for n in lay.COMPETENCY_COLUMNS):
                continue
            if self._top_marker(number, cells):
                continue
            found = self._domain(number, cells, domains, domain)
            if found is None:
                continue
            if found is not domain:
                domain, task = found, None
            domain.description = domain.description or self._get(cells, lay.DOMAIN_NOTE)
            if self._mark(number, domain, self._get(cells, lay.TASK), lay.COMPETENCY, cells):
                continue
            task = self._task(number, cells, domain, task)
            if task is None:
                continue
            task.description = task.description or self._get(cells, lay.TASK_NOTE)
            if self._mark(number, task, self._get(cells, lay.COMPETENCY), lay.LEVEL, cells):
                continue
            competency = self._competency(number, cells)
            if competency is not None:
                task.competencies.append(competency)
        tree = self._assign_codes(domains)
        for node in [*domains, *(t for d in domains for t in d.tasks)]:
            if node.marker == NOT_GIVEN and (node.tasks or node.competencies):
                self.problem(
                    rules.STRUCTURE,
                    node.row,
                    None,
                    f"「{node.name}」标为{NOT_GIVEN}，下面却又列出了条目",
                    hint=f"原文只列出一部分时写“（{EXCERPT_KEY}）”，不写{NOT_GIVEN}。",
                )
        return marked_list(tree, self.top)

    def _top_marker(self, number: int, cells: list[str]) -> bool:
        """A row whose 工作领域 cell says 原文未给出 or 节选 marks the whole list of domains."""
        marker = marker_of(self._get(cells, lay.DOMAIN))
        if not marker or self._get(cells, lay.TASK) or self._get(cells, lay.COMPETENCY):
            return False
        self.top = marker
        return True

    def _mark(
        self, number: int, node: _Node, cell: str, next_column: str, cells: list[str]
    ) -> bool:
        """A cell saying 原文未给出 (or 节选) where a child would be named marks `node`'s
        list of children instead of naming one; the cells right of it must be empty."""
        marker = marker_of(cell)
        if not marker or self._get(cells, next_column):
            return False
        node.marker = marker
        return True

    def _domain(
        self, number: int, cells: list[str], domains: list[_Node], domain: _Node | None
    ) -> _Node | None:
        dname, dcode = self._get(cells, lay.DOMAIN), self._get(cells, lay.DOMAIN_CODE)
        dscope = self._get(cells, lay.DOMAIN_SCOPE)
        if not (dname or dcode):
            if domain is None:
                self._empty(number, lay.DOMAIN, "第一个数据行必须写明工作领域")
            return domain
        key = f"{dscope}\x00{dcode or dname}"
        if domain is not None and key == domain.key:
            return domain
        previous = next((d for d in domains if d.key == key), None)
        if previous is not None:
            self._not_adjacent(number, lay.DOMAIN, dname or dcode, previous)
            return previous
        if not dname:
            self._empty(number, lay.DOMAIN, "工作领域名称为空")
        node = _Node(key, dname, number, dcode, self.columns.get(lay.DOMAIN_CODE, 0), scope=dscope)
        domains.append(node)
        return node

    def _task(
        self, number: int, cells: list[str], domain: _Node, task: _Node | None
    ) -> _Node | None:
        tname, tcode = self._get(cells, lay.TASK), self._get(cells, lay.TASK_CODE)
        if not (tname or tcode):
            if task is None:
                self._empty(number, lay.TASK, "工作领域的第一行必须写明工作任务")
            return task
        key = tcode or tname
        if task is not None and key == task.key:
            return task
        previous = next((t for t in domain.tasks if t.key == key), None)
        if previous is not None:
            self._not_adjacent(number, lay.TASK, tname or tcode, previous)
            return previous
        if not tname:
            self._empty(number, lay.TASK, "工作任务名称为空")
        node = _Node(key, tname, number, tcode, self.columns.get(lay.TASK_CODE, 0))
        domain.tasks.append(node)
        return node

    def _competency(self, number: int, cells: list[str]) -> _Competency | None:
        text, level = self._get(cells, lay.COMPETENCY), self._get(cells, lay.LEVEL)
        kind = self._get(cells, lay.TYPE) or "能力"
        ok = True
        if not text:
            self._empty(number, lay.COMPETENCY, "职业能力描述为空")
            ok = False
        vocabulary = self.config.vocabulary(self.levels) or self.config.learning_levels
        if not level:
            self._empty(number, lay.LEVEL, "学习水平为空")
            ok = False
        elif level not in vocabulary:
            self.problem(
                rules.LEVEL,
                number,
                self.columns[lay.LEVEL],
                f"学习水平「{level}」不在词表中",
                hint=did_you_mean(level, vocabulary)
                or f"可用取值（{self.levels or '学习水平'}）：{'、'.join(vocabulary)}",
            )
            ok = False
        if kind not in OUTCOME_TYPES:
            self.problem(
                rules.TYPE,
                number,
                self.columns.get(lay.TYPE),
                f"类型「{kind}」无效",
                hint=f"可用取值：{'、'.join(OUTCOME_TYPES)}（留空为能力）",
            )
            ok = False
        code = self._get(cells, lay.CODE)
        column = self.columns.get(lay.CODE, 0) if code else self.columns[lay.COMPETENCY]
        builds_on: list[dict[str, str]] = []
        for item in BUILDS_ON_SPLIT.split(self._get(cells, lay.BUILDS_ON).strip()):
            found = BUILDS_ON_ITEM.match(item) if item else None
            if found is not None:
                builds_on.append(found.groupdict())
            elif item:
                self.problem(
                    rules.BUILDS_ON,
                    number,
                    self.columns.get(lay.BUILDS_ON),
                    f"「{item}」不是 专业代码:能力编码 的写法",
                    hint="如 730701:4-2-1；多项之间用「；」分隔。",
                )
                ok = False
        scope = self._get(cells, lay.SCOPE)
        return (
            _Competency(number, text, level, kind, code, column, builds_on, scope) if ok else None
        )

    def _empty(self, number: int, column: str, message: str) -> None:
        self.problem(rules.EMPTY, number, self.columns.get(column), message)

    def _not_adjacent(self, number: int, column: str, name: str, first: _Node) -> None:
        self.problem(
            rules.STRUCTURE,
            number,
            self.columns.get(column),
            f"{column}「{name}」已在第 {first.row} 行出现，同一{column}的行必须相邻",
            hint="把这些行移到一起，或改用不同的名称/编码。",
        )

    def _assign_codes(self, domains: list[_Node]) -> list[dict[str, Any]]:
        """Fill in missing codes and check that every code is unique.

        A missing task code is derived from its first competency code (1-2-3 → 1-2), a missing
        domain code from its first task or competency code (1-2 → 1); when that is absent or
        taken, codes are numbered in order. Codes written in the sheet are reserved for their rows.
        """
        written = {
            *(("领域编码", d.scope, d.code) for d in domains if d.code),
            *(("任务编码", d.scope, t.code) for d in domains for t in d.tasks if t.code),
            *(
                ("能力编码", _scope(d.scope, c.scope), c.code)
                for d in domains
                for t in d.tasks
                for c in t.competencies
                if c.code
            ),
        }
        used: dict[tuple[str, str, str], int] = {}
        tree: list[dict[str, Any]] = []
        for d, domain in enumerate(domains, start=1):
            if not domain.code:
                hints = [_parent(t.code) for t in domain.tasks if t.code][:1]
                hints += [_parent(_parent(c.code)) for t in domain.tasks for c in t.competencies][
                    :1
                ]
                domain.code = self._free(
                    ("领域编码", domain.scope), [*hints, str(d)], written, used
                )
            self._claim(
                used, ("领域编码", domain.scope), domain.code, domain.row, domain.code_column
            )
            tasks: list[dict[str, Any]] = []
            for t, task in enumerate(domain.tasks, start=1):
                if not task.code:
                    hints = [_parent(c.code) for c in task.competencies if c.code][:1]
                    task.code = self._free(
                        ("任务编码", domain.scope), [*hints, f"{domain.code}-{t}"], written, used
                    )
                self._claim(used, ("任务编码", domain.scope), task.code, task.row, task.code_column)
                comps: list[dict[str, Any]] = []
                for c, comp in enumerate(task.competencies, start=1):
                    space = ("能力编码", _scope(domain.scope, comp.scope))
                    if not comp.code:
                        comp.code = self._free(space, [f"{task.code}-{c}"], written, used)
                    self._claim(used, space, comp.code, comp.row, comp.code_column)
                    row: dict[str, Any] = {"code": comp.code, "text": comp.text}
                    if comp.type != "能力":
                        row["type"] = comp.type
                    row["level"] = comp.level
                    if comp.scope:
                        row["scope"] = comp.scope
                    if comp.builds_on:
                        row["builds_on"] = comp.builds_on
                    comps.append(row)
                tasks.append(_named(task, {"competencies": marked_list(comps, task.marker)}))
            tree.append(_named(domain, {"tasks": marked_list(tasks, domain.marker)}))
        return tree

    @staticmethod
    def _free(
        space: tuple[str, str],
        candidates: list[str],
        written: set[tuple[str, str, str]],
        used: dict[tuple[str, str, str], int],
    ) -> str:
        for code in candidates:
            if code and (*space, code) not in written and (*space, code) not in used:
                return code
        return candidates[-1]

    def _claim(
        self,
        used: dict[tuple[str, str, str], int],
        space: tuple[str, str],
        code: str,
        row: int,
        column: int,
    ) -> None:
        """`space` is (what, scope): codes are unique within their numbering scope."""
        what, scope = space
        if (what, scope, code) in used:
            shown = f"{code}（{scope}）" if scope else code
            self.problem(
                rules.STRUCTURE,
                row,
                column or None,
                f"{what}「{shown}」与第 {used[(what, scope, code)]} 行重复",
                hint="每个编码在其编码范围内只能出现一次；留空则按顺序自动编号。",
            )
        else:
            used[(what, scope, code)] = row


def _parent(code: str) -> str:
    """`1-2-3` → `1-2`; empty when the code has no parent part."""
    return code.rsplit("-", 1)[0] if "-" in code else ""


def _scope(*parts: str) -> str:
    """The numbering scope of a competency: its domain's table and its own column."""
    return "/".join(p for p in parts if p)


def _named(node: _Node, children: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"code": node.code}
    if node.scope:
        row["scope"] = node.scope
    row["name"] = node.name
    if node.description:
        row["description"] = node.description
    row.update(children)
    return row
